/**
 * Whole-action runs (dist/index.js, then dist/post.js) in `cluster: existing` mode against the
 * simulated existing cluster (test/sim/existing.ts): one cluster with Knative already Ready,
 * reached through KUBECONFIG (or the `kubeconfig` input), and a docker stand-in whose `push`
 * makes images pullable by it. Assertions read the cluster with the admin's kubeconfig.
 */
import { execFile, execFileSync } from 'node:child_process';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll } from 'vitest';
import type { ReadObject } from '../../../src/kube/object.js';
import {
  EXAMPLE_REPOSITORY,
  pullRequestEvent,
  type PullRequestAction,
} from '../../helpers/events.js';
import type { TempRepo } from '../../helpers/git-repo.js';
import { runAction, type ActionRun } from '../../helpers/run-action.js';
import {
  startExistingCluster,
  type ExistingCluster,
  type ExistingClusterOptions,
} from '../../sim/existing.js';
import { templateRepo, type TemplateRepoOptions } from './preview.js';

export const REGISTRY = 'ghcr.io/octo-org';

export interface ExistingWorld {
  cluster: ExistingCluster;
  repo: TempRepo;
}

/** One existing cluster and one template repository for a describe block. */
export function useExistingWorld(
  options: ExistingClusterOptions & TemplateRepoOptions = {},
): ExistingWorld {
  const world = {} as ExistingWorld;
  beforeAll(async () => {
    world.cluster = await startExistingCluster(options);
    world.repo = templateRepo(options);
  }, 120_000);
  afterAll(async () => {
    await world.cluster?.stop();
    world.repo?.cleanup();
    for (const dir of runnerTemps.splice(0)) rmSync(dir, { recursive: true, force: true });
  });
  return world;
}

export interface ExistingRun {
  main: ActionRun;
  post: ActionRun;
  /** main and post output together, for message assertions. */
  log: string;
}

let runCounter = 0;
const runnerTemps: string[] = [];

export interface ExistingRunOptions {
  world: ExistingWorld;
  pr?: number;
  labels?: string[];
  eventAction?: PullRequestAction;
  /** Another head commit (a `synchronize`); default the repository's head. */
  headSha?: string;
  /** Event name and payload instead of a pull_request event (schedule, push). */
  eventName?: string;
  event?: unknown;
  inputs?: Record<string, string>;
  /** Over the cluster's env (KUBECONFIG, PATH with the docker stand-in, ...). */
  env?: Record<string, string>;
  /** Variables of the cluster's env to leave out (e.g. KUBECONFIG). */
  withoutEnv?: string[];
  /** Cancel the main step (SIGTERM) when its output matches. */
  cancelWhen?: RegExp;
}

/** One run of the action as the runner does it: main, then post with main's state. */
export async function runExisting(options: ExistingRunOptions): Promise<ExistingRun> {
  const { world } = options;
  const runId = `${process.pid}${++runCounter}`;
  const runnerTemp = mkdtempSync(path.join(os.tmpdir(), 'ka-existing-runner-'));
  runnerTemps.push(runnerTemp);
  const clusterEnv = Object.fromEntries(
    Object.entries(world.cluster.env).filter(([name]) => !options.withoutEnv?.includes(name)),
  );
  const env: Record<string, string> = {
    ...clusterEnv,
    // A HOME of its own: no ~/.kube/config of whoever runs the tests can be read.
    HOME: runnerTemp,
    RUNNER_TEMP: runnerTemp,
    RUNNER_TOOL_CACHE: path.join(runnerTemp, 'tool-cache'),
    GITHUB_RUN_ID: runId,
    GITHUB_REPOSITORY: EXAMPLE_REPOSITORY,
    ...options.env,
  };
  const inputs: Record<string, string> = {
    cluster: 'existing',
    manifests: 'knative',
    build: 'app=app',
    registry: REGISTRY,
    'ingress-address': world.cluster.ingressAddress,
    requests: '300',
    'timeout-minutes': '2',
    comment: 'off',
    'github-token': '',
    ...options.inputs,
  };
  const event =
    options.event ??
    pullRequestEvent(options.eventAction ?? 'synchronize', {
      number: options.pr ?? 17,
      baseSha: world.repo.baseSha,
      headSha: options.headSha ?? world.repo.headSha,
      labels: options.labels ?? [],
    });
  const common = {
    workspace: world.repo.dir,
    inputs,
    event,
    eventName: options.eventName ?? 'pull_request',
    env,
    runnerTemp,
    timeoutMs: 150_000,
  };
  const main = await runAction({ ...common, cancelWhen: options.cancelWhen });
  const post = await runAction({ ...common, entry: 'post', state: main.state });
  return { main, post, log: [main.stdout, main.stderr, post.stdout, post.stderr].join('\n') };
}

/** kubectl as the cluster admin (not the deployer the action runs as), for assertions. */
export function adminKubectl(world: ExistingWorld, args: string[], input?: string): string {
  return execFileSync('kubectl', ['--kubeconfig', world.cluster.adminKubeconfigPath, ...args], {
    encoding: 'utf8',
    input,
    env: { PATH: process.env.PATH, HOME: os.tmpdir() },
  });
}

export function adminGet(world: ExistingWorld, args: string[]): ReadObject | undefined {
  try {
    return JSON.parse(adminKubectl(world, ['get', ...args, '-o', 'json'])) as ReadObject;
  } catch (error) {
    if (/NotFound|not found/.test(String((error as { stderr?: unknown }).stderr ?? error)))
      return undefined;
    throw error;
  }
}

/** Names of the objects of a kind in a namespace. */
export function namesIn(world: ExistingWorld, resource: string, namespace: string): string[] {
  const list = JSON.parse(
    adminKubectl(world, ['get', resource, '-n', namespace, '-o', 'json']),
  ) as {
    items: ReadObject[];
  };
  return list.items.map((item) => item.metadata?.name ?? '').sort();
}

/** The namespace, or undefined once it is gone (a Terminating one still counts as there). */
export function namespace(world: ExistingWorld, name: string): ReadObject | undefined {
  return adminGet(world, ['namespace', name]);
}

/** A new head commit on top of the repository's head (a `synchronize` push); returns its SHA. */
export function pushCommit(repo: TempRepo, files: Record<string, string>): string {
  const git = (...args: string[]) =>
    execFileSync('git', args, {
      cwd: repo.dir,
      encoding: 'utf8',
      env: {
        ...process.env,
        GIT_AUTHOR_NAME: 't',
        GIT_AUTHOR_EMAIL: 't@example.com',
        GIT_COMMITTER_NAME: 't',
        GIT_COMMITTER_EMAIL: 't@example.com',
      },
    }).trim();
  for (const [file, text] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(repo.dir, file)), { recursive: true });
    writeFileSync(path.join(repo.dir, file), text);
  }
  git('add', '-A');
  git('commit', '-q', '-m', 'next');
  return git('rev-parse', 'HEAD');
}

/** The report output of a run. */
export function reportOf(run: ExistingRun): {
  status: string;
  services: {
    service: string;
    namespace: string;
    url: string;
    verdict: string;
    reason: string;
    links?: { route: string; base?: string; pr?: string };
    revisions: {
      revision: string;
      side: string;
      configuredPercent: number;
      observedPercent: number;
      responses: number;
    }[];
  }[];
  failure?: { phase: string; message: string };
  existing?: { namespace: string; expiresAt: string };
} {
  const text = run.main.outputs.report;
  if (!text) throw new Error(`the run wrote no report output; log:\n${run.log.slice(-4000)}`);
  return JSON.parse(text) as ReturnType<typeof reportOf>;
}

/** The `::error::` lines of a step, decoded. */
export function errors(run: ActionRun): string[] {
  return run.stdout
    .split('\n')
    .filter((line) => line.startsWith('::error'))
    .map((line) => line.replace(/%0A/g, '\n').replace(/%25/g, '%'));
}

/** Files under a run's work folder that still hold the cluster's credentials. */
export function leftKubeconfigs(run: ActionRun): string[] {
  const dir = path.join(run.runnerTemp, 'knative-action', 'existing');
  return ['kubeconfig', 'kubeconfig-input'].filter((file) => {
    try {
      readFileSync(path.join(dir, file));
      return true;
    } catch {
      return false;
    }
  });
}

/** Runs a command with the cluster's env (docker stand-in, registry) and returns its output. */
export function inClusterEnv(
  world: ExistingWorld,
  command: string,
  args: string[],
): Promise<string> {
  return new Promise((resolve, reject) => {
    execFile(
      command,
      args,
      { env: { ...process.env, ...world.cluster.env } },
      (error, stdout, stderr) =>
        error ? reject(new Error(`${command} ${args.join(' ')}: ${stderr}`)) : resolve(stdout),
    );
  });
}

/**
 * A loopback stand-in for GET /repos/{owner}/{repo}/pulls/{n} (what sweep asks GitHub):
 * `states` maps PR numbers to open or closed; any other PR is 404.
 */
export async function startPullsApi(
  states: Record<number, 'open' | 'closed'>,
): Promise<{ url: string; requests: string[]; stop(): Promise<void> }> {
  const requests: string[] = [];
  const server = createServer((req, res) => {
    requests.push(`${req.method} ${req.url}`);
    const match = /^\/repos\/[^/]+\/[^/]+\/pulls\/(\d+)$/.exec(req.url ?? '');
    const state = match ? states[Number(match[1])] : undefined;
    res.writeHead(state ? 200 : 404, { 'content-type': 'application/json' });
    res.end(
      JSON.stringify(state ? { number: Number(match![1]), state } : { message: 'Not Found' }),
    );
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    requests,
    stop: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

/** A namespace made by someone (the admin), with the labels and annotations given. */
export function makeNamespace(
  world: ExistingWorld,
  name: string,
  metadata: { labels?: Record<string, string>; annotations?: Record<string, string> } = {},
): void {
  adminKubectl(
    world,
    ['create', '-f', '-'],
    JSON.stringify({ apiVersion: 'v1', kind: 'Namespace', metadata: { name, ...metadata } }),
  );
}
