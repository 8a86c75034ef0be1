import * as core from '@actions/core';
import path from 'node:path';
import { envInputReader, parseInputs, type ActionConfig } from '../config/inputs.js';
import { readTrigger, type Trigger } from '../event/read-event.js';
import type { PreviewPlan } from '../plan/types.js';
import { createPreviewCommenter } from '../report/commenter.js';
import { markerFromEnv } from '../report/marker.js';
import type { RunReport } from '../report/model.js';
import { runLogUrl, type RenderContext } from '../report/render-parts.js';
import { runFailureMessage } from '../report/regressions.js';
import { renderPlanSummary, renderSummary } from '../report/render-summary.js';
import { writeJobSummary } from '../report/write-summary.js';
import { errorMessage, UserError } from '../util/errors.js';
import { log } from '../util/log.js';
import { makePlan } from './make-plan.js';
import { logPlan } from './log-plan.js';
import { planOutputs } from './outputs.js';
import { readEventPayload, readRunnerEnv, type RunnerEnv } from './runner-env.js';
import { failStep, reportFailure } from './report-failure.js';
import { runPreview } from './run-preview.js';
import { existingTarget, type ExistingTarget } from './existing-cluster.js';
import { k3dProvider } from './k3d-cluster.js';
import { runCleanup, runSweep } from './run-lifecycle.js';
import { pullRequestNumberOf, repositoryOfRun } from '../existing/event-target.js';
import { kubeconfigSecrets } from '../existing/kubeconfig.js';
import { defaultNamespaceName } from '../existing/namespace-name.js';
import { StepState } from './step-state.js';
import { writePlanFiles } from './write-plan-files.js';

/** The main step: plan, then (unless dry-run) deploy, probe and report. */
export async function runMain(): Promise<void> {
  const runner = readRunnerEnv();
  const state = new StepState();
  // Registered before anything is logged, so no later line can show it.
  const token = envInputReader('github-token');
  if (token) core.setSecret(token);
  for (const secret of kubeconfigSecrets(envInputReader('kubeconfig'))) core.setSecret(secret);
  let config: ActionConfig | undefined;
  let plan: PreviewPlan | undefined;
  let trigger: Trigger | undefined;
  try {
    config = parseInputs();
    for (const note of config.notes) log().warning(note);
    const existing = config.cluster === 'existing';
    if (existing && config.mode === 'sweep') {
      // A schedule's event has no pull request: the repository comes from the runner.
      const payload = runner.eventPath ? await readEventPayload(runner) : undefined;
      await runSweep({
        config,
        runner,
        state,
        repository: repositoryOfRun(payload, runner.repository),
      });
      return;
    }
    const payload = await readEventPayload(runner);
    if (existing && config.mode === 'cleanup') {
      await runCleanup({
        config,
        runner,
        state,
        repository: repositoryOfRun(payload, runner.repository),
        pr: pullRequestNumberOf(runner.eventName, payload),
        reason: 'cleanup',
        context: renderContext(config, runner),
      });
      return;
    }
    trigger = readTrigger({
      eventName: runner.eventName,
      payload,
      sha: runner.sha,
      ref: runner.ref,
      repository: runner.repository,
    });
    if (trigger.kind === 'closed') {
      if (existing) {
        await runCleanup({
          config,
          runner,
          state,
          repository: repositoryOfRun(payload, runner.repository),
          pr: trigger.number,
          reason: 'closed',
          context: renderContext(config, runner),
        });
        return;
      }
      log().info(`PR #${trigger.number} is closed: there is nothing to preview.`);
      state.saveOutcome('success');
      return;
    }
    if (existing && trigger.kind !== 'pull_request')
      throw new UserError(
        `cluster: existing previews pull requests, one namespace per PR; this run was started by '${trigger.eventName}'. Run it on pull_request, or use cluster: k3d for a preview of a push.`,
      );
    const namespace =
      existing && trigger.kind === 'pull_request'
        ? config.namespace || defaultNamespaceName(trigger.repository.repo, trigger.number)
        : undefined;
    plan = await makePlan({ config, runner, trigger, namespace });
    await logPlan(plan, { routesFromCluster: namespace !== undefined });
    for (const [name, value] of Object.entries(planOutputs(plan))) {
      // On an existing cluster the route URL is whatever the cluster serves: known after deploy.
      if (!(namespace && name === 'url')) core.setOutput(name, value);
    }
    if (namespace) core.setOutput('namespace', namespace);
    const planDir = await writePlanFiles(plan, path.join(runner.workDir, 'plan'));
    log().info(`Rendered manifests written to ${planDir}`);

    const context = renderContext(config, runner);
    if (config.dryRun) {
      core.setOutput(
        'report',
        JSON.stringify({ status: 'planned', services: [], timings: {} } satisfies RunReport),
      );
      await writeJobSummary(renderPlanSummary(plan, context));
      log().info('dry-run: planned only; no cluster was created and no comment was written.');
      state.saveOutcome('success');
      return;
    }
    const target =
      namespace && trigger.kind === 'pull_request'
        ? existingTarget({
            config,
            runner,
            state,
            plan,
            namespace,
            pr: trigger.number,
            runUrl: runLogUrl(context),
          })
        : undefined;
    await preview(config, runner, plan, context, state, target);
  } catch (error) {
    // A failure before the preview started (inputs, event, labels, manifests).
    state.saveOutcome('failure');
    reportFailure(error);
    const report: RunReport = {
      status: 'failed',
      services: [],
      timings: {},
      failure: { phase: plan ? 'preview' : 'plan', message: errorMessage(error) },
    };
    core.setOutput('report', JSON.stringify(report));
    const context = renderContext(config, runner);
    // A PR whose labels or manifests are wrong hears why on the PR itself, not only in the log.
    const commentPlan =
      plan ??
      (trigger?.kind === 'pull_request' ? unplannedPullRequest(trigger, config) : undefined);
    if (commentPlan && config?.githubToken && !config.dryRun) {
      const commenter = createPreviewCommenter({
        token: config.githubToken,
        mode: config.comment,
        plan: commentPlan,
        context,
        marker: markerFromEnv(),
      });
      await commenter.publish('result', report);
    }
    await writeJobSummary(renderSummary({ plan, report, context })).catch(() => undefined);
  }
}

async function preview(
  config: ActionConfig,
  runner: RunnerEnv,
  plan: PreviewPlan,
  context: RenderContext,
  state: StepState,
  target?: ExistingTarget,
): Promise<void> {
  const commenter = createPreviewCommenter({
    token: config.githubToken,
    mode: config.comment,
    plan,
    context,
    marker: markerFromEnv(),
  });
  const existing = target ? { existing: target.existing } : {};
  await commenter.publish('deploying', {
    status: 'deploying',
    services: [],
    timings: {},
    ...existing,
  });

  const provider =
    target?.provider ??
    k3dProvider(config, runner, state, (kubeconfigPath) =>
      core.setOutput('kubeconfig-path', kubeconfigPath),
    );
  const result = await runPreview(config, runner, plan, provider);
  const { failed, diagnostics } = result;
  const report: RunReport = { ...result.report, ...existing };
  state.saveOutcome(failed ? 'failure' : 'success');
  if (target) {
    const route = report.services[0]?.links?.route;
    if (route) core.setOutput('url', route);
  }
  core.setOutput('report', JSON.stringify(report));
  core.setOutput('timings', JSON.stringify(report.timings));

  const written = await commenter.publish('result', report);
  if (written.id !== undefined) core.setOutput('comment-id', String(written.id));
  if (written.url) core.setOutput('comment-url', written.url);
  await writeJobSummary(
    renderSummary({ plan, report, context, diagnostics, previous: commenter.previousResult() }),
  );

  if (report.failure) failStep(`${report.failure.phase} failed: ${report.failure.message}`);
  else if (failed) failStep(runFailureMessage(report, config.failOnDeviation));
  else log().info(`Preview finished: ${report.status}.`);
}

/** The inputs' defaults, for a failure before the inputs were read (one source: INPUT_DEFAULTS). */
const defaultConfig = (): ActionConfig => parseInputs(() => '');

function renderContext(config: ActionConfig | undefined, runner: RunnerEnv): RenderContext {
  const settings = config ?? defaultConfig();
  return {
    serverUrl: runner.serverUrl,
    repository: runner.repository ?? 'local/preview',
    runId: runner.runId,
    runAttempt: runner.runAttempt,
    labelPrefix: settings.labelPrefix,
    requests: settings.requests,
    compareRequests: settings.compareRequests,
    loadBalancerPort: settings.loadBalancerPort,
    action: { repository: runner.actionRepository, ref: runner.actionRef },
    manifests: settings.manifests,
    build: settings.build,
  };
}

/** What the comment needs of a pull request whose plan could not be made. */
function unplannedPullRequest(
  trigger: Extract<Trigger, { kind: 'pull_request' }>,
  config: ActionConfig | undefined,
): PreviewPlan {
  return {
    event: 'pull_request',
    repository: trigger.repository,
    pullRequest: {
      number: trigger.number,
      title: trigger.title,
      htmlUrl: trigger.htmlUrl,
      baseRef: trigger.baseRef,
      headRef: trigger.headRef,
    },
    baseSha: trigger.baseSha,
    headSha: trigger.headSha,
    labels: config?.labelOverride ?? trigger.labels,
    split: { prPercent: 100, reason: 'not decided: the run failed while planning' },
    domain: (config ?? defaultConfig()).domain,
    services: [],
    otherObjects: [],
  };
}
