import * as core from '@actions/core';

/** The post step: cleanup. It never fails the job. */
export async function runPost(): Promise<void> {
  try {
    core.info('Nothing to clean up.');
  } catch (error) {
    core.warning(`Cleanup: ${String(error)}`);
  }
}
