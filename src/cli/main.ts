/**
 * The command line: the action's pipeline, in this process, on the git repository around the
 * current folder. Options -> inputs (the action's own parseInputs) -> commits from git -> plan ->
 * (unless --dry-run) bring-up, builds, deploy, probe -> cleanup -> the report on stdout. The log
 * goes to stderr, so `--json` output can be piped.
 */
import { mkdtemp } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { RunnerEnv } from '../action/runner-env.js';
import { existingTarget } from '../action/existing-cluster.js';
import { k3dProvider } from '../action/k3d-cluster.js';
import { makePlan } from '../action/make-plan.js';
import { localNamespaceName } from '../existing/namespace-name.js';
import { runPreview } from '../action/run-preview.js';
import { StepState, type StateStore } from '../action/step-state.js';
import { writePlanFiles } from '../action/write-plan-files.js';
import { cleanup } from '../cluster/cleanup.js';
import { parseBuildLines } from '../images/build-spec.js';
import type { PreviewPlan } from '../plan/types.js';
import type { ExistingPreview, RunReport } from '../report/model.js';
import { renderTextReport } from '../report/render-text.js';
import { UserError, errorMessage } from '../util/errors.js';
import { setLog } from '../util/log.js';
import { createToolRunner, type ToolRunner } from '../util/tool-runner.js';
import { parseCliArgs, type CliArgs } from './args.js';
import { checkDockerEngine, dockerNeeded, type EngineCheck } from './docker-engine.js';
import { resolveRefs, uncommittedChanges, type ResolvedRefs } from './git-refs.js';
import { checkoutHead, type HeadCheckout } from './head-checkout.js';
import { helpText } from './help.js';
import { cliInputs, inOptionTerms, knownInputNames, readConfig } from './inputs.js';
import { keptClusterText } from './keep-cluster.js';
import { LOCAL_PR_NUMBER, localTrigger } from './local-trigger.js';
import { styleFor, terminalMode } from './style.js';
import { createTerminalLog, type TerminalLog } from './terminal-log.js';
import { UsageError } from './usage-error.js';

export interface OutputStream {
  write(text: string): unknown;
  isTTY?: boolean;
  columns?: number;
}

export interface CliEnvironment {
  argv: readonly string[];
  env: NodeJS.ProcessEnv;
  cwd: string;
  stdout: OutputStream;
  stderr: OutputStream;
  /** Default: `docker info` with a deadline. */
  checkDocker?: () => Promise<EngineCheck>;
  /** Where the run's folder goes (plan files, kubeconfig, diagnostics); default the OS temp. */
  tempRoot?: string;
}

export const EXIT = { ok: 0, failed: 1, usage: 2, interrupted: 130 } as const;

/** Runs the command line; resolves to the exit code. Never throws. */
export async function runCli(cli: CliEnvironment): Promise<number> {
  let args: CliArgs;
  try {
    args = parseCliArgs(cli.argv);
  } catch (error) {
    cli.stderr.write(`error: ${errorMessage(error)}\n`);
    return EXIT.usage;
  }
  if (args.help) {
    cli.stdout.write(helpText(inputNamesForHelp()));
    return EXIT.ok;
  }
  const debug = args.debug || cli.env.KNATIVE_ACTION_DEBUG === '1';
  const log = createTerminalLog({
    write: (text) => cli.stderr.write(text),
    mode: terminalMode(cli.stderr, cli.env),
    columns: () => cli.stderr.columns,
    debug,
  });
  const previousLog = setLog(log);
  const session = new Session(cli, args, log);
  const onExit = (): void => log.close();
  process.once('exit', onExit);
  const onSignal = (signal: NodeJS.Signals): void => {
    // While a cluster may exist, the preview's own handler deletes it, then exits.
    if (session.clusterMayExist) return;
    log.warning(`Received ${signal}: stopping.`);
    process.exit(EXIT.interrupted);
  };
  process.on('SIGINT', onSignal);
  process.on('SIGTERM', onSignal);
  try {
    return await session.run();
  } catch (error) {
    if (error instanceof UserError) {
      log.error(inOptionTerms(errorMessage(error)), error.location);
      return EXIT.usage;
    }
    log.error(`knative-action failed: ${errorMessage(error)}`);
    if (debug && error instanceof Error && error.stack) log.debug(error.stack);
    else log.info('Run again with --debug (or KNATIVE_ACTION_DEBUG=1) to see where it failed.');
    return EXIT.failed;
  } finally {
    process.off('SIGINT', onSignal);
    process.off('SIGTERM', onSignal);
    await session.close();
    log.close();
    process.off('exit', onExit);
    setLog(previousLog);
  }
}

/** The names --help lists for --input: the action's inputs without a dedicated option. */
function inputNamesForHelp(): string[] {
  const dedicated = new Set([
    'labels',
    'manifests',
    'build',
    'requests',
    'dry-run',
    'keep-cluster',
  ]);
  return [...knownInputNames()]
    .filter((name) => !dedicated.has(name) && name !== 'github-token' && name !== 'comment')
    .sort();
}

/** One run: what it made (a head worktree) is removed by close(). */
class Session {
  clusterMayExist = false;
  private head: HeadCheckout | undefined;
  private readonly git: ToolRunner = createToolRunner('git', { kind: 'git' });

  constructor(
    private readonly cli: CliEnvironment,
    private readonly args: CliArgs,
    private readonly log: TerminalLog,
  ) {}

  async run(): Promise<number> {
    const { log, args } = this;
    const inputs = cliInputs(args);
    const config = readConfig(inputs);
    for (const note of config.notes) log.warning(note);
    const existing = config.cluster === 'existing';
    if (existing && config.mode !== 'preview')
      throw new UsageError(
        `--input mode=${config.mode} is for workflows (a closed PR, a schedule). From a terminal, delete a preview namespace with kubectl delete namespace NAME.`,
      );
    if (existing && !config.registry && parseBuildLines(config.build).length > 0)
      throw new UsageError(
        '--build with --cluster existing pushes the images where the cluster pulls them: add --input registry=HOST/OWNER (e.g. ghcr.io/octo) and docker login to it first.',
      );

    const refs = await resolveRefs(this.git, this.cli.cwd, { base: args.base, head: args.head });
    log.info(
      `Previewing ${refs.headRef} (${refs.headSha.slice(0, 7)}) against ${refs.baseRef} (${refs.baseSha.slice(0, 7)}): ${refs.baseReason}.`,
    );
    if (refs.headIsCheckout) await this.refuseUncommitted(refs, config.manifests, config.build);

    if (!config.dryRun) {
      const builds = parseBuildLines(config.build).length > 0;
      if (!existing || builds) {
        const engine = await (this.cli.checkDocker ?? (() => checkDockerEngine(this.cli.env)))();
        if (!engine.running)
          throw dockerNeeded(
            engine.reason,
            existing
              ? '--build runs docker build'
              : 'k3d runs the cluster in Docker containers' +
                  (builds ? ', and --build runs docker build' : ''),
          );
        log.debug(`Docker engine ${engine.version}`);
      }
    }

    const runnerTemp = await mkdtemp(
      path.join(this.cli.tempRoot ?? os.tmpdir(), 'knative-action-'),
    );
    if (!refs.headIsCheckout) {
      this.head = await checkoutHead(this.git, refs.toplevel, refs.headSha, runnerTemp);
      log.info(`${refs.headRef} is checked out in ${this.head.dir} for this run.`);
    }
    const runner = localRunner(this.head?.dir ?? refs.toplevel, runnerTemp);
    const origin = await this.git.run(['remote', 'get-url', 'origin'], { cwd: refs.toplevel });
    const trigger = localTrigger(refs, origin.exitCode === 0 ? origin.stdout : undefined);

    // On an existing cluster the preview gets a namespace of its own that outlives the run.
    const namespace = existing
      ? config.namespace || localNamespaceName(trigger.repository.repo)
      : undefined;
    const plan = await log.group('Plan', () => makePlan({ config, runner, trigger, namespace }));
    const planDir = await writePlanFiles(plan, path.join(runner.workDir, 'plan'));
    if (config.dryRun) {
      this.print(plan, { status: 'planned', services: [], timings: {} });
      this.notes([`Rendered manifests: ${planDir}`]);
      return EXIT.ok;
    }

    const state = new StepState(memoryStateStore());
    this.clusterMayExist = true;
    const target = namespace
      ? existingTarget({ config, runner, state, plan, namespace, pr: LOCAL_PR_NUMBER })
      : undefined;
    const result = await runPreview(
      config,
      runner,
      plan,
      target?.provider ?? k3dProvider(config, runner, state),
    );
    const { failed } = result;
    const report: RunReport = {
      ...result.report,
      ...(target ? { existing: target.existing } : {}),
    };
    const cluster = state.readCluster();
    let diagnosticsFile: string | undefined;
    if (cluster) {
      const result = await log.group(
        config.keepCluster ? 'Keep the cluster' : 'Delete the cluster',
        () =>
          cleanup(
            {
              ...cluster,
              failed: failed || Boolean(report.failure),
              keepCluster: config.keepCluster,
            },
            { workDir: runner.workDir },
          ),
      );
      if (result.deleted) log.info(`Deleted k3d cluster ${cluster.clusterName}.`);
      for (const warning of result.warnings) log.warning(`Cleanup: ${warning}`);
      diagnosticsFile = result.diagnosticsFile;
    }
    this.clusterMayExist = false;

    this.print(plan, report);
    const notes = [`Rendered manifests: ${planDir}`];
    if (diagnosticsFile) notes.push(`Cluster diagnostics: ${diagnosticsFile}`);
    if (cluster && config.keepCluster)
      notes.push('', keptClusterText(cluster, plan, config.loadBalancerPort, this.notesStyle()));
    if (target) notes.push(...existingNotes(target.existing, report));
    this.notes(notes);
    return failed ? EXIT.failed : EXIT.ok;
  }

  async close(): Promise<void> {
    await this.head?.remove();
    this.head = undefined;
  }

  /** Where files are and what to do next: after the text report, or on stderr beside --json. */
  private notes(lines: readonly string[]): void {
    (this.args.json ? this.cli.stderr : this.cli.stdout).write(`\n${lines.join('\n')}\n`);
  }

  private notesStyle() {
    return styleFor(terminalMode(this.args.json ? this.cli.stderr : this.cli.stdout, this.cli.env));
  }

  private print(plan: PreviewPlan, report: RunReport): void {
    if (this.args.json) {
      this.cli.stdout.write(`${JSON.stringify(report, null, 2)}\n`);
      return;
    }
    const style = styleFor(terminalMode(this.cli.stdout, this.cli.env));
    this.cli.stdout.write(`\n${renderTextReport({ plan, report, style })}`);
  }

  private async refuseUncommitted(
    refs: ResolvedRefs,
    manifests: string,
    build: readonly string[],
  ): Promise<void> {
    const paths = [manifests, ...parseBuildLines(build).map((spec) => spec.context)];
    const changed = await uncommittedChanges(this.git, refs.toplevel, paths);
    if (changed.length === 0) return;
    const shown =
      changed.slice(0, 5).join(', ') +
      (changed.length > 5 ? `, and ${changed.length - 5} more` : '');
    throw new UsageError(
      `Uncommitted changes in what the preview reads (${shown}). The preview is of commits, so the PR side (${refs.headRef}, ${refs.headSha.slice(0, 7)}) would not have them: commit or stash them, then run again.`,
    );
  }
}

/** Where a preview on an existing cluster stays, its URLs, and how to remove it early. */
function existingNotes(existing: ExistingPreview, report: RunReport): string[] {
  const links = report.services.flatMap((service) =>
    service.links
      ? [
          `  ${service.service}: ${service.links.route}` +
            (service.links.pr ? ` (PR ${service.links.pr}` : '') +
            (service.links.base ? `, base ${service.links.base})` : service.links.pr ? ')' : ''),
        ]
      : [],
  );
  return [
    '',
    `The preview stays in namespace ${existing.namespace} until ${existing.expiresAt} (ttl), or until the next run updates it.`,
    ...(links.length ? ['Open it at:', ...links] : []),
    `Delete it now: kubectl delete namespace ${existing.namespace}`,
  ];
}

/** The run's places, as the pipeline expects them from a runner; nothing read from the environment. */
function localRunner(workspace: string, runnerTemp: string): RunnerEnv {
  return {
    workspace,
    eventName: 'pull_request',
    serverUrl: 'https://github.com',
    apiUrl: 'https://api.github.com',
    runnerTemp,
    workDir: path.join(runnerTemp, 'knative-action'),
    // Not in Actions: a base commit missing from the clone is an error, not a fetch.
    inActions: false,
  };
}

/** Step state kept in memory: the cleanup runs in this process. */
function memoryStateStore(): StateStore {
  const values = new Map<string, string>();
  return {
    save: (name, value) => void values.set(name, value),
    read: (name) => values.get(name) ?? '',
  };
}
