/**
 * The whole action against the simulated cluster when the PR's revision cannot start. Knative
 * Serving 1.22 keeps such a revision Deploying until the progress deadline (600 s) before it says
 * why; the action reads the revision's pods and fails within seconds, naming the image and the
 * kubelet's and Knative's words. A field Knative's default config-features refuses fails in the
 * plan, before any cluster. Simulated results, not a real Knative cluster (test/sim/README.md).
 */
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { makeRepo, type TempRepo } from '../helpers/git-repo.js';
import { repoRoot } from '../helpers/run-action.js';
import {
  commands,
  reportOf,
  revisionNames,
  runPreview,
  templateFiles,
  templateService,
  useSimulatedWorld,
} from './lib/preview.js';

const repos: TempRepo[] = [];

/** The template app and service at the base; the PR's service.yaml changed by `edit`. */
function repoWithPrService(edit: (service: string) => string): TempRepo {
  const base = {
    ...templateFiles(path.join(repoRoot, 'template/app'), 'app'),
    'knative/service.yaml': templateService('hello', 'Knative'),
  };
  const service = templateService('hello', 'Preview');
  const edited = edit(service);
  expect(edited, 'the edit must change the service').not.toBe(service);
  const repo = makeRepo(base, { 'knative/service.yaml': edited });
  repos.push(repo);
  return repo;
}

describe.concurrent('revisions that cannot start', { timeout: 300_000 }, () => {
  const world = useSimulatedWorld();
  afterAll(() => {
    for (const repo of repos.splice(0)) repo.cleanup();
  });

  it("an image the node must pull but cannot: deploy fails within seconds with the kubelet's message", async () => {
    // imagePullPolicy: Always makes the kubelet pull dev.local/app:<sha7> (imported, never pushed).
    const repo = repoWithPrService((s) =>
      s.replace(/^( {8}- image: dev\.local\/app)$/m, '$1\n          imagePullPolicy: Always'),
    );
    const { pr } = revisionNames(repo, 'hello');
    const image = `dev.local/app:${repo.headSha.slice(0, 7)}`;
    const run = await runPreview({ sim: world.sim, repo, labels: ['canary-50'] });
    expect(run.main.exitCode, run.log.slice(-3000)).toBe(1);
    const failure = reportOf(run).failure;
    expect(failure?.phase).toBe('deploy');
    const message = failure?.message ?? '';
    expect(message).toMatch(
      new RegExp(
        `revision ${pr} will not become Ready: (ErrImagePull|ImagePullBackOff): container user-container \\(image ${image.replace(/[.]/g, '\\.')}\\) in pod ${pr}-deployment-\\S+ cannot start; kubelet: `,
      ),
    );
    expect(message).toContain(`failed to pull and unpack image "${image}"`);
    // Knative had not given up yet: it only reports pods at its progress deadline (600 s).
    expect(message).toContain(`Knative: revision ${pr} Ready=Unknown (Deploying)`);
    expect(commands(run.main, 'error').join('\n')).toContain(
      `revision ${pr} will not become Ready`,
    );
    // The run's cluster diagnostics (in the job summary) carry the kubelet's events.
    expect(`${run.main.summary}\n${run.post.summary}`).toMatch(/Failed to pull image/);
  });

  it('a secret the revision needs is missing: deploy fails with CreateContainerConfigError', async () => {
    const repo = repoWithPrService((s) =>
      s.replace(
        /^( {12}- name: TARGET\n {14}value: Preview)$/m,
        '$1\n            - name: TOKEN\n              valueFrom:\n                secretKeyRef:\n                  name: api-token\n                  key: token',
      ),
    );
    const { pr } = revisionNames(repo, 'hello');
    const run = await runPreview({ sim: world.sim, repo, labels: ['canary-50'] });
    expect(run.main.exitCode, run.log.slice(-3000)).toBe(1);
    const failure = reportOf(run).failure;
    expect(failure?.phase).toBe('deploy');
    expect(failure?.message).toContain(
      `revision ${pr} will not become Ready: CreateContainerConfigError: container user-container`,
    );
    expect(failure?.message).toContain('kubelet: secret "api-token" not found');
  });

  it("a field Knative's default config-features refuses fails in the plan, before any cluster", async () => {
    const repo = repoWithPrService((s) =>
      s.replace(/^( {6}containers:)$/m, '      nodeSelector:\n        disk: ssd\n$1'),
    );
    const run = await runPreview({ sim: world.sim, repo, labels: ['canary-50'] });
    expect(run.main.exitCode, run.log.slice(-3000)).toBe(1);
    const errors = commands(run.main, 'error').join('\n');
    expect(errors).toContain('spec.template.spec.nodeSelector is refused by Knative Serving');
    expect(errors).toContain('kubernetes.podspec-nodeselector');
    expect(errors).toMatch(/file=knative\/service\.yaml,line=\d+/);
    expect(run.post.stdout).toContain('No cluster was created');
  });
});
