/**
 * Shared plumbing for the whole-action e2e tests: a temp git repo holding the template app,
 * free loopback ports, one main + post run of the bundled action against the simulated cluster,
 * and a look at which k3d clusters the sim still has.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { makeRepo, type TempRepo } from '../../helpers/git-repo.js';
import {
  EXAMPLE_REPOSITORY,
  pullRequestEvent,
  type PullRequestAction,
} from '../../helpers/events.js';
import { repoRoot, runAction, type ActionRun } from '../../helpers/run-action.js';
import { startSim, type Sim } from '../../sim/harness.js';
import { knobsOf } from '../../sim/standins/knobs.js';
import { afterAll, beforeAll, expect } from 'vitest';
import { freePort } from '../../helpers/ports.js';
export { freePort };

/**
 * Cluster knobs every e2e run uses unless a test overrides them: keep the sim quick. The ingress
 * is not seeded: the split gate keeps a correct split's false failures below 1 in 10,000, so the
 * suite needs no fixed draws to stay stable (SIM_INGRESS_SEED stays for reproducing a run).
 */
export const quickSimKnobs = {
  SIM_READY_DELAY_S: '0.1',
  SIM_WEBHOOK_DELAY_S: '0.2',
};

/** Every file under `dir`, keyed `<prefix>/<relative path>`, for a TempRepo's commit. */
export function templateFiles(dir: string, prefix: string): Record<string, string> {
  const files: Record<string, string> = {};
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    const name = `${prefix}/${entry.name}`;
    if (entry.isDirectory()) Object.assign(files, templateFiles(full, name));
    else files[name] = readFileSync(full, 'utf8');
  }
  return files;
}

/** The template's Knative Service with another name and TARGET (same app image). */
export function templateService(name: string, target: string): string {
  return readFileSync(path.join(repoRoot, 'template/knative/service.yaml'), 'utf8')
    .replace(/^ {2}name: hello$/m, `  name: ${name}`)
    .replace(/value: Knative$/m, `value: ${target}`);
}

export interface TemplateRepoOptions {
  /** More Knative Services (name -> TARGET on the base side; the PR side appends "-pr"). */
  extraServices?: Record<string, string>;
}

/**
 * A git repo holding template/app and template/knative: the base commit as the template is,
 * the head commit with a different TARGET, so base and PR bodies differ even without k-revision.
 */
export function templateRepo(options: TemplateRepoOptions = {}): TempRepo {
  const base: Record<string, string> = {
    ...templateFiles(path.join(repoRoot, 'template/app'), 'app'),
    'knative/service.yaml': templateService('hello', 'Knative'),
  };
  const head: Record<string, string> = {
    'knative/service.yaml': templateService('hello', 'Preview'),
  };
  for (const [name, target] of Object.entries(options.extraServices ?? {})) {
    base[`knative/${name}.yaml`] = templateService(name, target);
    head[`knative/${name}.yaml`] = templateService(name, `${target}-pr`);
  }
  return makeRepo(base, head);
}

/** The revision names the action derives for a service in this repo. */
export function revisionNames(repo: TempRepo, service: string): { base: string; pr: string } {
  return {
    base: `${service}-base-${repo.baseSha.slice(0, 7)}`,
    pr: `${service}-pr-${repo.headSha.slice(0, 7)}`,
  };
}

export interface PreviewRun {
  main: ActionRun;
  post: ActionRun;
  /** GITHUB_RUN_ID of the run (unique per run; the cluster name derives from it). */
  runId: string;
  clusterName: string;
  /** main and post output (stdout + stderr) for message assertions. */
  log: string;
}

let runCounter = 0;

/**
 * How many action runs may go at once. Each run is mostly short-lived tsx/kubectl processes
 * and waits, so a few overlap well even on two cores; more only slows every run down.
 */
const maxConcurrentRuns = Number(process.env.E2E_CONCURRENCY ?? '3');
let running = 0;
const queue: (() => void)[] = [];

async function withRunSlot<T>(work: () => Promise<T>): Promise<T> {
  // A finished run hands its slot straight to the next queued one.
  if (running >= maxConcurrentRuns) await new Promise<void>((resolve) => queue.push(resolve));
  else running++;
  try {
    return await work();
  } finally {
    const next = queue.shift();
    if (next) next();
    else running--;
  }
}

/**
 * One pull-request run of the action as the runner does it: main, then post with main's state.
 * Each run gets its own free ports and cluster name (via GITHUB_RUN_ID), and the quick sim knobs.
 */
export async function runPreview(options: {
  sim: Sim;
  repo: TempRepo;
  labels?: string[];
  inputs?: Record<string, string>;
  /** Extra environment for both steps (SIM_* cluster knobs, GITHUB_API_URL, ...). */
  env?: Record<string, string>;
  eventAction?: PullRequestAction;
  /** Skip the post step (the test runs it itself). */
  skipPost?: boolean;
  /** Cancel the main step (SIGTERM) when its output matches. */
  cancelWhen?: RegExp;
}): Promise<PreviewRun> {
  const runId = `${process.pid}${++runCounter}`;
  const clusterName = `knp-${runId}-1`;
  const event = pullRequestEvent(options.eventAction ?? 'labeled', {
    baseSha: options.repo.baseSha,
    headSha: options.repo.headSha,
    labels: options.labels ?? [],
  });
  const runnerTemp = mkdtempSync(path.join(os.tmpdir(), 'ka-e2e-runner-'));
  runnerTemps.push(runnerTemp);
  const env = {
    ...quickSimKnobs,
    ...options.sim.env,
    RUNNER_TEMP: runnerTemp,
    // Its own tool cache: concurrent runs must not fill one cache folder at the same time.
    RUNNER_TOOL_CACHE: path.join(runnerTemp, 'tool-cache'),
    GITHUB_RUN_ID: runId,
    GITHUB_REPOSITORY: EXAMPLE_REPOSITORY,
    ...options.env,
  };
  // The action hands k3d an allow-listed environment; the run's cluster knobs travel by file.
  options.sim.setClusterKnobs(clusterName, knobsOf(env));
  const { main, post } = await withRunSlot(async () => {
    // Ports are picked when the run starts, so a queued run does not hold stale ones.
    const inputs: Record<string, string> = {
      manifests: 'knative',
      build: 'app=app',
      requests: '300',
      'timeout-minutes': '2',
      comment: 'off',
      'github-token': '',
      'load-balancer-port': String(await freePort()),
      'agent-port': String(await freePort()),
      ...options.inputs,
    };
    const common = {
      workspace: options.repo.dir,
      inputs,
      event,
      env,
      runnerTemp,
      timeoutMs: 150_000,
    };
    const main = await runAction({ ...common, cancelWhen: options.cancelWhen });
    const post = options.skipPost
      ? { exitCode: 0, stdout: '', stderr: '', outputs: {}, summary: '', state: {}, runnerTemp }
      : await runAction({ ...common, entry: 'post', state: main.state });
    return { main, post };
  });
  return {
    main,
    post,
    runId,
    clusterName,
    log: [main.stdout, main.stderr, post.stdout, post.stderr].join('\n'),
  };
}

const runnerTemps: string[] = [];

/** Removes every run's RUNNER_TEMP made so far (call in afterAll; sim.stop() removes its own). */
export function removeRunnerTemps(): void {
  for (const dir of runnerTemps.splice(0)) rmSync(dir, { recursive: true, force: true });
}

/** The k3d clusters the sim has, as its k3d stand-in lists them. */
export function clusterList(sim: Sim): string[] {
  const text = execFileSync('k3d', ['cluster', 'list', '-o', 'json'], {
    env: { ...process.env, ...sim.env },
    encoding: 'utf8',
  });
  return (JSON.parse(text) as { name: string }[]).map((c) => c.name);
}

/**
 * Stops the sim and says which clusters were still there (the sim deletes them anyway, so a
 * test that leaks one fails without leaving a process behind).
 */
export async function stopSim(sim: Sim | undefined): Promise<string[]> {
  if (!sim) return [];
  let left: string[];
  try {
    left = clusterList(sim);
  } finally {
    await sim.stop();
  }
  return left;
}

/** Deletes a cluster with the sim's k3d (for keep-cluster runs). */
export function deleteCluster(sim: Sim, name: string): void {
  execFileSync('k3d', ['cluster', 'delete', name], {
    env: { ...process.env, ...sim.env },
    encoding: 'utf8',
  });
}

// ---- report helpers -------------------------------------------------------------------------

export interface RevisionReport {
  revision: string;
  side: 'base' | 'pr';
  configuredPercent: number;
  responses: number;
  observedPercent: number;
  interval: { low: number; high: number };
  errors: number;
}

export interface ServiceReport {
  service: string;
  namespace: string;
  url: string;
  requests: number;
  revisions: RevisionReport[];
  verdict: string;
  reason: string;
  tagChecks: { tag: string; expectedRevision: string; matched: number; requests: number }[];
}

export interface ReportOutput {
  status: string;
  services: ServiceReport[];
  timings: Record<string, number>;
  failure?: { phase: string; message: string };
}

export function reportOf(run: PreviewRun): ReportOutput {
  const text = run.main.outputs.report;
  if (!text) throw new Error(`the run wrote no report output; log:\n${run.log.slice(-4000)}`);
  return JSON.parse(text) as ReportOutput;
}

/** The `::error::` / `::warning::` workflow commands a step printed. */
export function commands(run: ActionRun, kind: 'error' | 'warning'): string[] {
  return run.stdout
    .split('\n')
    .filter((line) => line.startsWith(`::${kind}`))
    .map((line) => line.replace(/%0A/g, '\n').replace(/%25/g, '%'));
}

/**
 * One simulated cluster world (sim + template repo) for a describe block. Afterwards it
 * stops the sim and asserts that no k3d cluster was left behind.
 */
export function useSimulatedWorld(options: TemplateRepoOptions = {}): { sim: Sim; repo: TempRepo } {
  const world = {} as { sim: Sim; repo: TempRepo };
  beforeAll(async () => {
    world.sim = await startSim();
    world.repo = templateRepo(options);
  });
  afterAll(async () => {
    const left = await stopSim(world.sim);
    world.repo?.cleanup();
    removeRunnerTemps();
    expect(left, 'k3d clusters left behind').toEqual([]);
  });
  return world;
}
