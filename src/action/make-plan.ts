import { log } from '../util/log.js';
import type { ActionConfig } from '../config/inputs.js';
import { GitClient } from '../git/git-client.js';
import { commitSource } from '../manifests/commit-source.js';
import { parseManifestFile } from '../manifests/documents.js';
import { requireFiles, workspaceSource } from '../manifests/workspace-source.js';
import { loadManifests } from '../manifests/files.js';
import { buildPlan, type PreviewTrigger } from '../plan/build-plan.js';
import type { PreviewPlan } from '../plan/types.js';
import type { RunnerEnv } from './runner-env.js';
import { parseBuildLines } from '../images/build-spec.js';
import { imageRewriter } from '../plan/image-tags.js';
import { UserError } from '../util/errors.js';

/** Reads both sides' manifests (workspace and base commit) and plans the run. */
export async function makePlan(options: {
  config: ActionConfig;
  runner: RunnerEnv;
  trigger: PreviewTrigger;
  /** The preview namespace on an existing cluster; every object goes into it. */
  namespace?: string;
}): Promise<PreviewPlan> {
  const { config, runner, trigger } = options;
  const specs = parseBuildLines(config.build);
  const existing = config.cluster === 'existing';
  if (existing && specs.length > 0 && !config.registry)
    throw new UserError(
      `Input 'build' is set, but 'registry' is empty: with cluster: existing, built images must be pushed where the cluster can pull them. Set registry (e.g. registry: ghcr.io/${trigger.repository.owner.toLowerCase()}) and log in to it before this step (docker/login-action).`,
    );
  const prFiles = await requireFiles(
    workspaceSource(runner.workspace, config.manifests),
    config.manifests,
  );
  const prDocuments = prFiles.flatMap((file) => parseManifestFile(file.text, file.path));

  let baseDocuments;
  if (trigger.kind === 'pull_request') {
    const git = await GitClient.open(runner.workspace);
    const source = commitSource(git, {
      workspace: runner.workspace,
      manifestsPath: config.manifests,
      sha: trigger.baseSha,
      canFetch: runner.inActions,
    });
    baseDocuments = await loadManifests(source);
    if (!baseDocuments)
      log().info(
        `'${config.manifests}' does not exist at the base commit ${trigger.baseSha.slice(0, 7)}: every service is new.`,
      );
  }
  const labels = config.labelOverride ?? (trigger.kind === 'pull_request' ? trigger.labels : []);
  if (config.labelOverride)
    log().info(
      `Using the 'labels' input instead of the PR's labels: ${labels.join(', ') || '(none)'}`,
    );
  return buildPlan({
    trigger,
    labels,
    labelPrefix: config.labelPrefix,
    domain: config.domain,
    prDocuments,
    baseDocuments,
    rewriteImages: imageRewriter(
      specs,
      {
        base: trigger.kind === 'pull_request' ? trigger.baseSha : undefined,
        pr: trigger.kind === 'pull_request' ? trigger.headSha : trigger.sha,
      },
      { registry: existing ? config.registry : undefined },
    ),
    namespace: options.namespace,
  });
}
