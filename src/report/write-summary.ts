/** The one side effect of the job summary: append the rendered text to the step's summary file. */
import * as core from '@actions/core';

export async function writeJobSummary(markdown: string): Promise<void> {
  // Without GITHUB_STEP_SUMMARY (local runs) there is nowhere to write; the log has the result.
  if (!process.env.GITHUB_STEP_SUMMARY) return;
  await core.summary.addRaw(markdown, true).write();
}
