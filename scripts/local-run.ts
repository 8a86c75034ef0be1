/**
 * `npm start -- [flags]`: runs the bundled action on this machine the way a PR
 * run would, on template/ by default. With Docker available it uses real k3d;
 * without it (or with --sim) it runs against the simulated cluster in test/sim and
 * says so: those results come from the simulation, not from a real cluster.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { repoRoot, runAction } from './lib/run-bundled-action.js';

const usage = `Usage: npm start -- [--labels canary-50] [--base REF] [--head REF] [--dry-run] [--sim]
                     [--manifests template/knative] [--build app=template/app] [--requests 400]
                     [--input name=value ...]

  --labels     comma-separated PR labels (default: none, so the PR revision gets 100%)
  --base       base commit of the simulated PR (default: HEAD~1, or HEAD in a one-commit repo)
  --head       head commit (default: the working tree at HEAD; another ref is checked out in a temporary worktree)
  --dry-run    plan only: revisions, traffic and rendered manifests; no cluster
  --sim        use the simulated cluster even when Docker is available
  --input      any other action input, e.g. --input domain=preview.dev`;

const { values } = parseArgs({
  options: {
    labels: { type: 'string', default: '' },
    base: { type: 'string' },
    head: { type: 'string' },
    'dry-run': { type: 'boolean', default: false },
    sim: { type: 'boolean', default: false },
    manifests: { type: 'string', default: 'template/knative' },
    build: { type: 'string', default: 'app=template/app' },
    requests: { type: 'string', default: '400' },
    input: { type: 'string', multiple: true, default: [] },
    help: { type: 'boolean', default: false },
  },
});
if (values.help) {
  console.log(usage);
  process.exit(0);
}

const git = (...args: string[]): string =>
  execFileSync('git', args, { cwd: repoRoot, encoding: 'utf8' }).trim();
const commitOf = (ref: string): string => git('rev-parse', '--verify', `${ref}^{commit}`);
const hasParent = (() => {
  try {
    commitOf('HEAD~1');
    return true;
  } catch {
    return false;
  }
})();
const headSha = commitOf(values.head ?? 'HEAD');
const baseSha = commitOf(values.base ?? (hasParent ? 'HEAD~1' : 'HEAD'));

// A --head other than HEAD is checked out in a worktree, so the PR side is that commit's files.
let workspace = repoRoot;
let worktree: string | undefined;
if (values.head && headSha !== commitOf('HEAD')) {
  worktree = mkdtempSync(path.join(os.tmpdir(), 'knative-action-head-'));
  git('worktree', 'add', '--detach', worktree, headSha);
  workspace = worktree;
}

const labels = values.labels
  .split(',')
  .map((label) => label.trim())
  .filter(Boolean);
const event = {
  action: 'labeled',
  number: 1,
  pull_request: {
    number: 1,
    title: 'local preview',
    html_url: '',
    labels: labels.map((name) => ({ name })),
    base: { sha: baseSha, ref: 'base' },
    head: { sha: headSha, ref: 'head' },
  },
  repository: { full_name: `local/${path.basename(repoRoot)}` },
};

const inputs: Record<string, string> = {
  manifests: values.manifests,
  build: values.build,
  requests: values.requests,
  'dry-run': String(values['dry-run']),
  comment: 'off',
  'github-token': '',
};
for (const pair of values.input) {
  const at = pair.indexOf('=');
  if (at <= 0) throw new Error(`--input takes name=value, got '${pair}'`);
  inputs[pair.slice(0, at)] = pair.slice(at + 1);
}

function dockerEngineRuns(): boolean {
  try {
    execFileSync('docker', ['info'], { stdio: 'ignore', timeout: 10_000 });
    return true;
  } catch {
    return false;
  }
}

async function main(): Promise<number> {
  const runnerTemp = mkdtempSync(path.join(os.tmpdir(), 'knative-action-local-'));
  // Not a workflow run: no run id, so the report links no run log.
  let env: Record<string, string> = {
    GITHUB_REPOSITORY: event.repository.full_name,
    GITHUB_RUN_ID: '',
    GITHUB_RUN_ATTEMPT: '',
  };
  const useSim = !values['dry-run'] && (values.sim || !dockerEngineRuns());
  let stopSim: (() => Promise<void>) | undefined;
  if (useSim) {
    console.log(
      'No Docker engine here (or --sim): running against the SIMULATED cluster (test/sim). Results below come from the simulation, not a real cluster.',
    );
    const { startSim } = await import('../test/sim/harness.js');
    const sim = await startSim();
    // The sim's folders go when it stops; the run's own files (plan, summary, diagnostics) stay.
    env = { ...env, ...sim.env, RUNNER_TEMP: runnerTemp };
    stopSim = sim.stop;
  }
  const stop = async () => {
    await stopSim?.();
    if (worktree) {
      git('worktree', 'remove', '--force', worktree);
      rmSync(worktree, { recursive: true, force: true });
    }
  };
  process.once('SIGINT', () => void stop().then(() => process.exit(130)));
  try {
    console.log(
      `Preview of ${values.manifests}: base ${baseSha.slice(0, 7)}, head ${headSha.slice(0, 7)}, labels: ${labels.join(', ') || '(none)'}`,
    );
    const run = await runAction({
      workspace,
      inputs,
      event,
      env,
      echo: true,
      timeoutMs: 30 * 60_000,
      runnerTemp,
    });
    const post = await runAction({
      entry: 'post',
      workspace,
      inputs,
      event,
      env,
      echo: true,
      state: run.state,
      runnerTemp: run.runnerTemp,
    });
    console.log('\nOutputs:');
    for (const [name, value] of Object.entries(run.outputs)) console.log(`  ${name} = ${value}`);
    const summaryFile = path.join(run.runnerTemp, 'knative-action', 'job-summary.md');
    mkdirSync(path.dirname(summaryFile), { recursive: true });
    writeFileSync(summaryFile, run.summary + post.summary);
    console.log(`Job summary (the tables the PR comment and the run page show): ${summaryFile}`);
    console.log(
      `Rendered manifests and diagnostics: ${path.join(run.runnerTemp, 'knative-action')}`,
    );
    if (post.exitCode !== 0) console.log('The post step (cleanup) failed; see above.');
    return run.exitCode;
  } finally {
    await stop();
  }
}

process.exitCode = await main();
