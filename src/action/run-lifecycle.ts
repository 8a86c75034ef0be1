/**
 * The two runs on an existing cluster that deploy nothing: cleanup (this PR's preview: the
 * `closed` event or `mode: cleanup`) and sweep (every preview of the repository that expired or
 * whose PR is closed; for a `schedule` workflow).
 */
import * as core from '@actions/core';
import type { ActionConfig } from '../config/inputs.js';
import type { RepositoryName } from '../existing/event-target.js';
import { markPreviewGone } from '../existing/gone-comment.js';
import { clusterAccessError } from '../existing/knative-serving.js';
import { defaultNamespaceName } from '../existing/namespace-name.js';
import { kubectlNamespaceClient, type NamespaceClient } from '../existing/namespace-client.js';
import { repositorySelector } from '../existing/ownership.js';
import { deleteNamespace } from '../existing/preview-namespace.js';
import { pullRequestStates } from '../existing/pull-request-state.js';
import {
  decideSweep,
  sweepCandidates,
  type PullRequestState,
} from '../existing/sweep-selection.js';
import { createGitHubClient } from '../github/client.js';
import { markerFromEnv } from '../report/marker.js';
import {
  renderCleanupSummary,
  renderGoneComment,
  renderSweepSummary,
  type SweepRow,
} from '../report/render-gone.js';
import type { RenderContext } from '../report/render-parts.js';
import { writeJobSummary } from '../report/write-summary.js';
import { errorMessage } from '../util/errors.js';
import { log } from '../util/log.js';
import {
  existingClusterKubectl,
  existingWorkDir,
  openExistingCluster,
} from './existing-cluster.js';
import { reportFailure } from './report-failure.js';
import type { RunnerEnv } from './runner-env.js';
import type { StepState } from './step-state.js';

/** Deletions a sweep runs at once (each waits for its namespace to be gone). */
const SWEEP_CONCURRENCY = 4;

/** kubectl on the existing cluster, for namespaces only: no Knative needed to delete a preview. */
async function connect(
  config: ActionConfig,
  runner: RunnerEnv,
  state: StepState,
): Promise<NamespaceClient> {
  // Saved first: the post step removes the kubeconfig copy whatever happens next.
  state.saveExisting({ kubeconfigDir: existingWorkDir(runner) });
  const kubectlPath = await existingClusterKubectl(config, runner, log());
  return kubectlNamespaceClient(await openExistingCluster(config, runner, kubectlPath, log()));
}

/** Deletes this PR's preview namespace, then says so in its sticky comment. */
export async function runCleanup(options: {
  config: ActionConfig;
  runner: RunnerEnv;
  state: StepState;
  repository: RepositoryName;
  pr: number;
  reason: 'closed' | 'cleanup';
  context: RenderContext;
}): Promise<void> {
  const { config, runner, state, repository, pr, reason } = options;
  const namespace = config.namespace || defaultNamespaceName(repository.repo, pr);
  core.setOutput('namespace', namespace);
  if (config.dryRun) {
    log().info(
      `dry-run: would delete the preview namespace ${namespace} of PR #${pr}; nothing was touched.`,
    );
    state.saveOutcome('success');
    return;
  }
  log().info(
    `${reason === 'closed' ? `PR #${pr} is closed` : 'mode: cleanup'}: deleting its preview namespace ${namespace}.`,
  );
  try {
    const client = await connect(config, runner, state);
    const { deleted } = await log().group(`Delete namespace ${namespace}`, () =>
      deleteNamespace(
        client,
        namespace,
        { repository: `${repository.owner}/${repository.repo}`, pr },
        { timeoutMs: config.timeoutMinutes * 60_000, log: (m) => log().info(m) },
      ),
    );
    log().info(
      deleted
        ? `Deleted the preview namespace ${namespace}.`
        : `The preview namespace ${namespace} was not there (expired, or deleted before).`,
    );
    const at = new Date();
    const written = await markPreviewGone({
      token: config.githubToken,
      mode: config.comment,
      repository,
      pr,
      marker: markerFromEnv(),
      log: (m) => log().info(m),
      render: (existing) =>
        renderGoneComment({
          marker: markerFromEnv(),
          previousBody: existing.body,
          namespace,
          reason,
          deleted,
          at,
          context: options.context,
        }),
    });
    if (written.warning) log().warning(written.warning);
    if (written.id !== undefined) core.setOutput('comment-id', String(written.id));
    if (written.url) core.setOutput('comment-url', written.url);
    await writeJobSummary(renderCleanupSummary({ namespace, pr, reason, deleted }));
    state.saveOutcome('success');
  } catch (error) {
    state.saveOutcome('failure');
    reportFailure(clusterAccessError(error));
    await writeJobSummary(
      renderCleanupSummary({
        namespace,
        pr,
        reason,
        deleted: false,
        failure: errorMessage(clusterAccessError(error)),
      }),
    ).catch(() => undefined);
  }
}

/** Deletes every preview of the repository that expired, or whose PR GitHub says is closed. */
export async function runSweep(options: {
  config: ActionConfig;
  runner: RunnerEnv;
  state: StepState;
  repository: RepositoryName;
}): Promise<void> {
  const { config, runner, state, repository } = options;
  const fullName = `${repository.owner}/${repository.repo}`;
  if (config.dryRun) {
    log().info(`dry-run: would sweep the expired previews of ${fullName}; nothing was touched.`);
    state.saveOutcome('success');
    return;
  }
  try {
    const client = await connect(config, runner, state);
    const candidates = sweepCandidates(await client.list(repositorySelector(fullName)), fullName);
    log().info(`Found ${candidates.length} preview namespaces of ${fullName}.`);
    const states = pullRequestStates(
      config.githubToken ? createGitHubClient({ token: config.githubToken }) : undefined,
      repository,
    );
    const now = new Date();
    const rows: SweepRow[] = [];
    const toDelete: { namespace: string; pr: number; reason: string; prState: PullRequestState }[] =
      [];
    for (const candidate of candidates) {
      // An expired preview goes whatever its PR is: no need to ask GitHub about it.
      const expired =
        candidate.expiresAt !== undefined && candidate.expiresAt.getTime() <= now.getTime();
      const prState =
        expired || candidate.terminating ? 'unknown' : await states.stateOf(candidate.pr);
      const decision = decideSweep(candidate, now, prState);
      if (decision.action === 'delete') toDelete.push({ ...decision, prState });
      else rows.push({ ...decision, action: 'kept' });
    }
    const note = states.note();
    if (note) log().info(`Sweep: ${note}.`);
    const failures: string[] = [];
    await inPool(toDelete, SWEEP_CONCURRENCY, async ({ namespace, pr, reason, prState }) => {
      try {
        const result = await deleteNamespace(
          client,
          namespace,
          { repository: fullName, pr },
          {
            timeoutMs: config.timeoutMinutes * 60_000,
            log: (m) => log().info(m),
            // A run for the PR may have moved the expiry on since the listing.
            keepReason: (current) => {
              const [again] = sweepCandidates([current], fullName);
              const decision = again && decideSweep(again, new Date(), prState);
              return decision?.action === 'keep' ? decision.reason : undefined;
            },
          },
        );
        if (result.kept) {
          log().info(`Kept ${namespace}: ${result.kept}.`);
          rows.push({ namespace, pr, action: 'kept', reason: result.kept });
          return;
        }
        log().info(`Deleted ${namespace}: ${reason}.`);
        rows.push({ namespace, pr, action: 'deleted', reason });
      } catch (error) {
        failures.push(`${namespace}: ${errorMessage(error)}`);
        rows.push({ namespace, pr, action: 'failed', reason: `${reason}; ${errorMessage(error)}` });
      }
    });
    rows.sort((a, b) => a.namespace.localeCompare(b.namespace));
    await writeJobSummary(renderSweepSummary(rows, note ? [note] : []));
    if (failures.length) throw new Error(`Sweep could not delete: ${failures.join('; ')}`);
    state.saveOutcome('success');
  } catch (error) {
    state.saveOutcome('failure');
    reportFailure(clusterAccessError(error));
  }
}

/** Runs `work` over `items`, at most `limit` at a time. */
async function inPool<T>(
  items: readonly T[],
  limit: number,
  work: (item: T) => Promise<void>,
): Promise<void> {
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < items.length) await work(items[next++]!);
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
}
