import * as core from '@actions/core';
import path from 'node:path';
import { parseInputs } from '../config/inputs.js';
import { readTrigger } from '../event/read-event.js';
import { makePlan } from './make-plan.js';
import { logPlan } from './log-plan.js';
import { planOutputs } from './outputs.js';
import { readEventPayload, readRunnerEnv } from './runner-env.js';
import { reportFailure } from './report-failure.js';
import { writePlanFiles } from './write-plan-files.js';

/** The main step: plan, then (unless dry-run) deploy, probe and report. */
export async function runMain(): Promise<void> {
  try {
    const config = parseInputs();
    const runner = readRunnerEnv();
    const payload = await readEventPayload(runner);
    const trigger = readTrigger({
      eventName: runner.eventName,
      payload,
      sha: runner.sha,
      ref: runner.ref,
      repository: runner.repository,
    });
    if (trigger.kind === 'closed') {
      core.info(`PR #${trigger.number} is closed: there is nothing to preview.`);
      return;
    }
    const plan = await makePlan({ config, runner, trigger });
    await logPlan(plan);
    const outputs = planOutputs(plan);
    for (const [name, value] of Object.entries(outputs)) core.setOutput(name, value);

    const planDir = await writePlanFiles(
      plan,
      path.join(runner.runnerTemp, 'knative-action', 'plan'),
    );
    core.info(`Rendered manifests written to ${planDir}`);
    if (config.dryRun) {
      core.info('dry-run: planned only; no cluster was created and no comment was written.');
      return;
    }
    core.info('Deploying is not available yet in this build: only the plan (dry-run) ran.');
  } catch (error) {
    reportFailure(error);
  }
}
