/**
 * What a preview on an existing cluster refuses to do, before it writes anything: take over a
 * namespace that is not its own, deploy outside its namespace, run without (a recent enough)
 * Knative, or deploy images the cluster cannot pull. Whole action (dist/) on the simulated cluster.
 */
import { describe, expect, it } from 'vitest';
import { makeRepo } from '../helpers/git-repo.js';
import { templateService } from './lib/preview.js';
import {
  adminGet,
  adminKubectl,
  errors,
  makeNamespace,
  namespace,
  namesIn,
  reportOf,
  runExisting,
  useExistingWorld,
  type ExistingWorld,
} from './lib/existing.js';

/** The template repository with extra (or other) files in the PR's manifests, or the base's. */
function repoWith(extra: Record<string, string>, base: Record<string, string> = {}) {
  const files = (target: string) => ({ 'knative/service.yaml': templateService('hello', target) });
  return makeRepo({ ...files('Knative'), ...base }, { ...files('Preview'), ...extra });
}

async function withRepo<T>(
  world: ExistingWorld,
  extra: Record<string, string>,
  work: (own: ExistingWorld) => Promise<T>,
  base: Record<string, string> = {},
): Promise<T> {
  const repo = repoWith(extra, base);
  try {
    return await work({ cluster: world.cluster, repo });
  } finally {
    repo.cleanup();
  }
}

describe('refusals on an existing cluster', () => {
  const world = useExistingWorld({ knobs: { SIM_PUSH_DENIED: 'ghcr.io/denied/*' } });

  it('a namespace of the same name that is not this PR’s is named and left untouched', async () => {
    makeNamespace(world, 'preview-demo-pr-61', {
      labels: { team: 'payments' },
      annotations: { owner: 'ops' },
    });
    adminKubectl(world, [
      'create',
      'configmap',
      'keep-me',
      '-n',
      'preview-demo-pr-61',
      '--from-literal=a=b',
    ]);
    const before = adminGet(world, ['namespace', 'preview-demo-pr-61']);
    const run = await runExisting({ world, pr: 61 });
    expect(run.main.exitCode).toBe(1);
    expect(reportOf(run).failure?.message).toMatch(
      /The namespace 'preview-demo-pr-61' exists and is not this pull request's preview: it has no label app\.kubernetes\.io\/managed-by=knative-action.*leaves it untouched/,
    );
    const after = adminGet(world, ['namespace', 'preview-demo-pr-61']);
    expect(after?.metadata?.labels).toEqual(before?.metadata?.labels);
    expect(after?.metadata?.annotations).toEqual(before?.metadata?.annotations);
    expect(after?.metadata?.resourceVersion).toBe(before?.metadata?.resourceVersion);
    expect(namesIn(world, 'ksvc', 'preview-demo-pr-61')).toEqual([]);
    // The post step does not call it a preview that stays for the next run.
    expect(run.log).not.toContain('stays on the cluster');
  });

  it('the preview of another PR is not this PR’s either', async () => {
    const first = await runExisting({ world, pr: 62, inputs: { namespace: 'shared-preview' } });
    expect(first.main.exitCode, first.log.slice(-3000)).toBe(0);
    const second = await runExisting({ world, pr: 63, inputs: { namespace: 'shared-preview' } });
    expect(second.main.exitCode).toBe(1);
    expect(reportOf(second).failure?.message).toMatch(
      /'shared-preview' exists and is not this pull request's preview: it is the preview of another pull request of this repository \(knative-action\/pull-request='62'\)/,
    );
    expect(
      adminGet(world, ['namespace', 'shared-preview'])?.metadata?.labels?.[
        'knative-action/pull-request'
      ],
    ).toBe('62');
  });

  it.each([
    [
      'an object in another namespace',
      'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: settings\n  namespace: kube-system\ndata:\n  a: b\n',
      /^knative\/extra\.yaml:5: ConfigMap 'settings' names the namespace 'kube-system'/,
      { file: 'knative/extra.yaml', line: '5' },
    ],
    [
      'a cluster-scoped ClusterRoleBinding',
      'apiVersion: rbac.authorization.k8s.io/v1\nkind: ClusterRoleBinding\nmetadata:\n  name: pwn\nroleRef: {apiGroup: rbac.authorization.k8s.io, kind: ClusterRole, name: cluster-admin}\nsubjects: [{kind: Group, name: system:authenticated}]\n',
      /^knative\/extra\.yaml:2: ClusterRoleBinding 'pwn' is cluster-scoped/,
      { file: 'knative/extra.yaml', line: '2' },
    ],
  ])(
    'refuses %s before anything is applied, naming file, line and kind',
    async (_, text, message, where) => {
      await withRepo(world, { 'knative/extra.yaml': text }, async (own) => {
        const run = await runExisting({ world: own, pr: 64 });
        expect(run.main.exitCode).toBe(1);
        const [error] = errors(run.main);
        expect(error).toContain(`file=${where.file},line=${where.line}`);
        expect(reportOf(run).failure).toEqual({
          phase: 'plan',
          message: expect.stringMatching(message),
        });
        expect(namespace(world, 'preview-demo-pr-64')).toBeUndefined();
      });
    },
  );

  it('refuses a kind the cluster serves cluster-scoped, read from its discovery, before writing', async () => {
    adminKubectl(
      world,
      ['apply', '-f', '-'],
      JSON.stringify({
        apiVersion: 'apiextensions.k8s.io/v1',
        kind: 'CustomResourceDefinition',
        metadata: { name: 'widgets.example.com' },
        spec: {
          group: 'example.com',
          names: { kind: 'Widget', plural: 'widgets', singular: 'widget' },
          scope: 'Cluster',
          versions: [
            {
              name: 'v1',
              served: true,
              storage: true,
              schema: {
                openAPIV3Schema: { type: 'object', 'x-kubernetes-preserve-unknown-fields': true },
              },
            },
          ],
        },
      }),
    );
    await withRepo(
      world,
      {
        'knative/widget.yaml':
          '# a widget\napiVersion: example.com/v1\nkind: Widget\nmetadata:\n  name: w\n',
      },
      async (own) => {
        const run = await runExisting({ world: own, pr: 65 });
        expect(run.main.exitCode).toBe(1);
        expect(reportOf(run).failure?.message).toMatch(
          /^knative\/widget\.yaml:3: Widget 'w' \(example\.com\/v1\) is cluster-scoped on this cluster/,
        );
        expect(namespace(world, 'preview-demo-pr-65')).toBeUndefined();
        expect(adminGet(world, ['widgets.example.com', 'w'])).toBeUndefined();
      },
    );
  });

  it('build without registry fails saying so, before touching the cluster', async () => {
    const run = await runExisting({ world, pr: 66, inputs: { registry: '' } });
    expect(run.main.exitCode).toBe(1);
    expect(reportOf(run).failure?.message).toMatch(
      /Input 'build' is set, but 'registry' is empty: with cluster: existing, built images must be pushed.*registry: ghcr\.io\/octo-org.*docker\/login-action/,
    );
    expect(namespace(world, 'preview-demo-pr-66')).toBeUndefined();
  });

  it('a refused push fails the run, saying to log in first', async () => {
    const run = await runExisting({ world, pr: 67, inputs: { registry: 'ghcr.io/denied' } });
    expect(run.main.exitCode).toBe(1);
    expect(reportOf(run).failure).toEqual({
      phase: 'image-push',
      message: expect.stringMatching(
        /The registry refused the push of ghcr\.io\/denied\/app:[0-9a-f]{7}: denied.*docker\/login-action/,
      ),
    });
  });

  it('an image that was never pushed does not start, with Knative’s reason', async () => {
    const withImage = (target: string, image: string) =>
      templateService('hello', target).replace('image: dev.local/app', `image: ${image}`);
    await withRepo(
      world,
      { 'knative/service.yaml': withImage('Preview', 'ghcr.io/octo-org/never-pushed:v1') },
      async (own) => {
        const run = await runExisting({ world: own, pr: 68, inputs: { build: '' } });
        expect(run.main.exitCode).toBe(1);
        const failure = reportOf(run).failure;
        expect(failure?.phase, failure?.message).toBe('deploy');
        expect(failure?.message).toMatch(/revision hello-pr-[0-9a-f]{7} will not become Ready/);
      },
      // The base side runs a public image every cluster can pull.
      { 'knative/service.yaml': withImage('Knative', 'ghcr.io/knative/helloworld-go:latest') },
    );
  });
});

describe('a cluster without Knative Serving', () => {
  const world = useExistingWorld({ knative: 'none' });
  it('fails clearly, and creates nothing', async () => {
    const run = await runExisting({ world, pr: 71 });
    expect(run.main.exitCode).toBe(1);
    expect(reportOf(run).failure?.message).toMatch(
      /does not serve the API group serving\.knative\.dev: Knative Serving is not installed.*never installs anything/,
    );
    expect(namespace(world, 'preview-demo-pr-71')).toBeUndefined();
  });
});

describe('a cluster with an old Knative Serving', () => {
  // The deployer may not read CRDs: the release comes from the knative-serving namespace.
  const world = useExistingWorld({
    knative: { version: '1.3.2' },
    knobs: { SIM_API_FORBIDDEN: 'customresourcedefinitions.apiextensions.k8s.io' },
  });
  it('fails naming the release it found and the one it needs', async () => {
    const run = await runExisting({ world, pr: 72 });
    expect(run.main.exitCode).toBe(1);
    expect(reportOf(run).failure?.message).toMatch(
      /runs Knative Serving 1\.3\.2, which is too old: this action needs 1\.18 or newer/,
    );
    expect(namespace(world, 'preview-demo-pr-72')).toBeUndefined();
  });
});

describe('a cluster whose Knative Serving predates serving.knative.dev/v1', () => {
  const world = useExistingWorld({
    knative: { version: '0.7.1', apiVersions: ['v1alpha1', 'v1beta1'] },
  });
  it('fails saying v1 is not served', async () => {
    const run = await runExisting({ world, pr: 73 });
    expect(run.main.exitCode).toBe(1);
    expect(reportOf(run).failure?.message).toMatch(
      /too old: it serves serving\.knative\.dev v1alpha1, v1beta1, not v1/,
    );
  });
});
