import { createRequire as __createRequire } from 'node:module';
const require = __createRequire(import.meta.url);
import {
  UserError,
  summary
} from "./chunk-4WJUX77I.js";

// src/report/write-summary.ts
async function writeJobSummary(markdown) {
  if (!process.env.GITHUB_STEP_SUMMARY) return;
  await summary.addRaw(markdown, true).write();
}

// src/action/runner-env.ts
import { readFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
function readRunnerEnv(env = process.env) {
  const runnerTemp = env.RUNNER_TEMP || os.tmpdir();
  return {
    workspace: env.GITHUB_WORKSPACE || process.cwd(),
    eventName: env.GITHUB_EVENT_NAME ?? "",
    eventPath: env.GITHUB_EVENT_PATH || void 0,
    sha: env.GITHUB_SHA || void 0,
    ref: env.GITHUB_REF || void 0,
    repository: env.GITHUB_REPOSITORY || void 0,
    serverUrl: (env.GITHUB_SERVER_URL || "https://github.com").replace(/\/+$/, ""),
    apiUrl: (env.GITHUB_API_URL || "https://api.github.com").replace(/\/+$/, ""),
    runId: env.GITHUB_RUN_ID || void 0,
    runAttempt: env.GITHUB_RUN_ATTEMPT || void 0,
    runnerTemp,
    workDir: path.join(runnerTemp, "knative-action"),
    inActions: env.GITHUB_ACTIONS === "true",
    actionRepository: env.GITHUB_ACTION_REPOSITORY || void 0,
    actionRef: env.GITHUB_ACTION_REF || void 0
  };
}
async function readEventPayload(runner) {
  if (!runner.eventName)
    throw new UserError(
      "GITHUB_EVENT_NAME is not set: run this as a GitHub Action step, or from a terminal with the knative-action command."
    );
  if (!runner.eventPath)
    throw new UserError("GITHUB_EVENT_PATH is not set, so the event payload cannot be read.");
  const text = await readFile(runner.eventPath, "utf8").catch((error) => {
    throw new UserError(`Cannot read the event payload at ${runner.eventPath}: ${String(error)}`);
  });
  try {
    return JSON.parse(text);
  } catch (error) {
    throw new UserError(
      `The event payload at ${runner.eventPath} is not valid JSON: ${String(error)}`,
      { file: runner.eventPath }
    );
  }
}

export {
  writeJobSummary,
  readRunnerEnv,
  readEventPayload
};
