/** The API stand-in driven by the real kubectl: discovery, CRUD, patches, waits, rollout, deletes. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startHarness, type Harness } from './helpers.js';

const DEPLOYMENT = `
apiVersion: v1
kind: Namespace
metadata: {name: demo}
---
apiVersion: apps/v1
kind: Deployment
metadata: {name: web, namespace: demo, labels: {tier: front}}
spec:
  selector: {matchLabels: {app: web}}
  template:
    metadata: {labels: {app: web}}
    spec:
      containers:
      - name: web
        image: nginx:1
        env: [{name: A, value: "1"}, {name: B, value: "1"}]
---
apiVersion: v1
kind: ConfigMap
metadata: {name: cfg, namespace: demo}
data: {a: "1"}
`;

describe('sim cluster API with the real kubectl', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness();
  });
  afterAll(async () => {
    await h?.stop();
  });

  it('serves version, nodes and namespaces like a fresh k3d cluster', async () => {
    const version = await h.ok(['version', '-o', 'json']);
    expect(JSON.parse(version).serverVersion.gitVersion).toBe('v1.34.8+k3s1');
    const nodes = await h.ok(['get', 'nodes', '-o', 'jsonpath={.items[*].metadata.name}']);
    expect(nodes.split(' ').sort()).toEqual([
      'k3d-test-agent-0',
      'k3d-test-agent-1',
      'k3d-test-server-0',
    ]);
    expect(
      await h.ok(['wait', '--for=condition=Ready', 'node', '--all', '--timeout=5s']),
    ).toContain('condition met');
    const table = await h.ok(['get', 'nodes']);
    expect(table).toMatch(/NAME\s+STATUS\s+ROLES\s+AGE\s+VERSION/);
    expect(table).toMatch(/k3d-test-server-0\s+Ready\s+control-plane/);
    expect(await h.ok(['get', 'ns', 'default', '-o', 'jsonpath={.status.phase}'])).toBe('Active');
    expect(await h.ok(['cluster-info'])).toContain(h.cluster.apiUrl);
  });

  it('applies, waits, rolls out, patches and re-applies a deployment', async () => {
    const applied = await h.ok(['apply', '-f', '-'], DEPLOYMENT);
    expect(applied).toContain('deployment.apps/web created');
    expect(
      await h.ok([
        'wait',
        '--for=condition=Available',
        'deployment',
        '--all',
        '-n',
        'demo',
        '--timeout=10s',
      ]),
    ).toContain('deployment.apps/web condition met');
    expect(
      await h.ok(['rollout', 'status', 'deployment/web', '-n', 'demo', '--timeout=10s']),
    ).toContain('successfully rolled out');

    // Client-side apply of a change: strategic merge patch with $setElementOrder directives.
    const changed = DEPLOYMENT.replace('{name: B, value: "1"}', '{name: C, value: "3"}');
    expect(await h.ok(['apply', '-f', '-'], changed)).toContain('deployment.apps/web configured');
    const env = JSON.parse(
      await h.ok([
        'get',
        'deploy',
        'web',
        '-n',
        'demo',
        '-o',
        'jsonpath={.spec.template.spec.containers[0].env}',
      ]),
    );
    expect(env).toEqual([
      { name: 'A', value: '1' },
      { name: 'C', value: '3' },
    ]);
    expect(
      await h.ok(['get', 'deploy', 'web', '-n', 'demo', '-o', 'jsonpath={.metadata.generation}']),
    ).toBe('2');

    await h.ok([
      'patch',
      'configmap',
      'cfg',
      '-n',
      'demo',
      '--type',
      'merge',
      '-p',
      '{"data":{"b":"2"}}',
    ]);
    expect(
      JSON.parse(await h.ok(['get', 'cm', 'cfg', '-n', 'demo', '-o', 'jsonpath={.data}'])),
    ).toEqual({ a: '1', b: '2' });
    await h.ok([
      'patch',
      'deployment',
      'web',
      '-n',
      'demo',
      '--type',
      'json',
      '-p',
      '[{"op":"replace","path":"/spec/replicas","value":3}]',
    ]);
    expect(
      await h.ok([
        'wait',
        '--for=jsonpath={.status.readyReplicas}=3',
        'deployment/web',
        '-n',
        'demo',
        '--timeout=10s',
      ]),
    ).toContain('condition met');
    const pods = await h.ok(['get', 'pods', '-n', 'demo', '-l', 'app=web', '-o', 'name']);
    expect(pods.trim().split('\n')).toHaveLength(3);
    expect(await h.ok(['get', 'pods', '-A'])).toMatch(/demo\s+web-\S+\s+1\/1\s+Running/);
    expect(await h.ok(['get', 'deploy', '-l', 'tier=front', '-A', '-o', 'name'])).toBe(
      'deployment.apps/web\n',
    );
    expect(await h.ok(['get', 'deploy', '-l', 'tier!=front', '-A', '-o', 'name'])).toBe('');
  });

  it('reports NotFound and AlreadyExists like the API server', async () => {
    const missing = await h.kubectl(['get', 'deployment', 'nope', '-n', 'demo']);
    expect(missing.code).not.toBe(0);
    expect(missing.stderr).toContain('deployments.apps "nope" not found');
    const dup = await h.kubectl(
      ['create', '-f', '-'],
      'apiVersion: v1\nkind: Namespace\nmetadata: {name: demo}\n',
    );
    expect(dup.stderr).toContain('namespaces "demo" already exists');
    const noNs = await h.kubectl(
      ['apply', '-f', '-'],
      'apiVersion: v1\nkind: ConfigMap\nmetadata: {name: x, namespace: absent}\n',
    );
    expect(noNs.stderr).toContain('namespaces "absent" not found');
    // Imperative generators send protobuf: the sim reads it for namespaces, config maps, secrets
    // and service accounts (protobuf.ts), and refuses it, naming those, for other kinds.
    await h.ok(['create', 'namespace', 'other']);
    const deployment = await h.kubectl(['create', 'deployment', 'd', '--image=x', '-n', 'demo']);
    expect(deployment.stderr).toContain('the body of the request was in an unknown format');
    expect(deployment.stderr).toContain(
      'decodes protobuf only for v1 Namespace, ConfigMap, Secret, ServiceAccount, not apps/v1 Deployment',
    );
  });

  it('deletes objects, their dependents, and whole namespaces', async () => {
    const before = (await h.ok(['get', 'pods', '-n', 'demo', '-o', 'name'])).trim().split('\n');
    await h.ok(['delete', before[0]!, '-n', 'demo']);
    await h.ok([
      'wait',
      '--for=jsonpath={.status.readyReplicas}=3',
      'deployment/web',
      '-n',
      'demo',
      '--timeout=10s',
    ]);
    const after = (await h.ok(['get', 'pods', '-n', 'demo', '-o', 'name'])).trim().split('\n');
    expect(after).toHaveLength(3);
    expect(after).not.toContain(before[0]);
    await h.ok(['delete', 'deployment', 'web', '-n', 'demo']);
    expect(await h.ok(['get', 'pods', '-n', 'demo', '-o', 'name'])).toBe('');
    expect(await h.ok(['delete', 'namespace', 'demo', '--timeout=10s'])).toContain(
      'namespace "demo" deleted',
    );
    const gone = await h.kubectl(['get', 'configmap', 'cfg', '-n', 'demo']);
    expect(gone.stderr).toContain('not found');
  });

  it('answers the first N requests with 500 when SIM_API_FAIL_FIRST is set', async () => {
    const flaky = await startHarness({ SIM_API_FAIL_FIRST: '2' });
    try {
      const first = await fetch(`${flaky.cluster.apiUrl}/version`);
      expect(first.status).toBe(500);
      expect(((await first.json()) as { reason: string }).reason).toBe('InternalError');
      expect((await fetch(`${flaky.cluster.apiUrl}/version`)).status).toBe(500);
      expect((await fetch(`${flaky.cluster.apiUrl}/version`)).status).toBe(200);
    } finally {
      await flaky.stop();
    }
  });
});
