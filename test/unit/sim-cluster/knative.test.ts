/** Install stand-ins, Knative Services, webhook rules and the ingress, all through the real kubectl. */
import { sharedKnativeCrds } from '../../sim/cluster/knative-schema.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  closeIngressClient,
  importImages,
  installKnative,
  startHarness,
  viaIngress,
  type Harness,
} from './helpers.js';

const haveSharedCrds = sharedKnativeCrds() !== undefined;
if (!haveSharedCrds)
  console.warn('../shared/knative is absent: CRD printer-column and schema assertions are skipped');

function ksvc(
  template: { name?: string; image: string; target?: string },
  traffic?: object[],
): string {
  return JSON.stringify({
    apiVersion: 'serving.knative.dev/v1',
    kind: 'Service',
    metadata: { name: 'app', namespace: 'default' },
    spec: {
      template: {
        ...(template.name ? { metadata: { name: template.name } } : {}),
        spec: {
          containers: [
            {
              image: template.image,
              ...(template.target ? { env: [{ name: 'TARGET', value: template.target }] } : {}),
            },
          ],
        },
      },
      ...(traffic ? { traffic } : {}),
    },
  });
}

const BASE = { revisionName: 'app-base-aaaaaaa', percent: 50, tag: 'base' };
const PR = { revisionName: 'app-pr-bbbbbbb', percent: 50, tag: 'pr' };
const SPLIT = [BASE, PR];

describe('sim cluster Knative behaviour with the real kubectl', () => {
  let h: Harness;
  let refusals: string[] = [];
  beforeAll(async () => {
    h = await startHarness({ SIM_REVISION_NEVER_READY: 'stuck-never' });
    const kindsBefore = await h.kubectl(['get', 'ksvc']);
    expect(kindsBefore.stderr).toContain(`the server doesn't have a resource type "ksvc"`);
    ({ refusals } = await installKnative(h));
    await importImages(h, ['dev.local/app:aaaaaaa', 'dev.local/app:bbbbbbb']);
  }, 60_000);
  afterAll(async () => {
    closeIngressClient();
    await h?.stop();
  });

  it('refused config-map patches until the webhook was up, with the real error text', () => {
    expect(refusals.length).toBeGreaterThan(0);
    expect(refusals[0]).toContain(
      'failed calling webhook "config.webhook.serving.knative.dev": failed to call webhook: Post "https://webhook.knative-serving.svc:443/config-validation?timeout=10s": dial tcp 10.43.0.1:443: connect: connection refused',
    );
  });

  it('installed what the action waits on', async () => {
    expect(
      await h.ok([
        'get',
        'cm',
        'config-network',
        '-n',
        'knative-serving',
        '-o',
        'jsonpath={.data.ingress-class}',
      ]),
    ).toBe('contour.ingress.networking.knative.dev');
    expect(
      await h.ok([
        'wait',
        '--for=condition=Complete',
        'job',
        '--all',
        '-n',
        'contour-external',
        '--timeout=10s',
      ]),
    ).toContain('condition met');
    expect(
      await h.ok([
        'get',
        'svc',
        'envoy',
        '-n',
        'contour-external',
        '-o',
        'jsonpath={.status.loadBalancer.ingress[0].ip}',
      ]),
    ).toBe('172.18.0.2');
    expect(
      await h.ok([
        'wait',
        '--for=condition=Established',
        'crd/services.serving.knative.dev',
        '--timeout=5s',
      ]),
    ).toContain('condition met');
  });

  it('runs two revisions with a tagged 50/50 split and reports it in status', async () => {
    await h.ok(
      ['apply', '-f', '-'],
      ksvc({ name: 'app-base-aaaaaaa', image: 'dev.local/app:aaaaaaa' }),
    );
    await h.ok(['wait', '--for=condition=Ready', 'ksvc/app', '--timeout=10s']);
    await h.ok(
      ['apply', '-f', '-'],
      ksvc({ name: 'app-pr-bbbbbbb', image: 'dev.local/app:bbbbbbb', target: 'PR' }, SPLIT),
    );
    await h.ok(['wait', '--for=condition=Ready', 'ksvc/app', '--timeout=10s']);
    const status = JSON.parse(await h.ok(['get', 'ksvc', 'app', '-o', 'json'])).status;
    expect(status.url).toBe('http://app.default.example.com');
    expect(status.latestCreatedRevisionName).toBe('app-pr-bbbbbbb');
    expect(status.latestReadyRevisionName).toBe('app-pr-bbbbbbb');
    expect(status.traffic).toEqual([
      {
        tag: 'base',
        latestRevision: false,
        percent: 50,
        revisionName: 'app-base-aaaaaaa',
        url: 'http://base-app.default.example.com',
      },
      {
        tag: 'pr',
        latestRevision: false,
        percent: 50,
        revisionName: 'app-pr-bbbbbbb',
        url: 'http://pr-app.default.example.com',
      },
    ]);
    const ready = (type: string): string =>
      status.conditions.find((c: { type: string }) => c.type === type).status;
    expect([ready('ConfigurationsReady'), ready('RoutesReady'), ready('Ready')]).toEqual([
      'True',
      'True',
      'True',
    ]);
    expect(await h.ok(['get', 'route', 'app', '-o', 'jsonpath={.status.url}'])).toBe(
      'http://app.default.example.com',
    );
    expect(await h.ok(['get', 'revisions', '-o', 'jsonpath={.items[*].metadata.name}'])).toBe(
      'app-base-aaaaaaa app-pr-bbbbbbb',
    );
    expect(await h.ok(['get', 'pods', '-A'])).toMatch(
      /default\s+app-pr-bbbbbbb-deployment-\S+\s+2\/2\s+Running/,
    );
    // The printer columns come from the real CRDs in ../shared (absent in a user's fresh clone).
    if (haveSharedCrds) {
      expect(await h.ok(['get', 'ksvc'])).toMatch(
        /app\s+http:\/\/app\.default\.example\.com\s+app-pr-bbbbbbb\s+app-pr-bbbbbbb\s+True/,
      );
    }
  });

  it('splits ingress traffic by weight and routes tag hosts to their revision', async () => {
    const counts = new Map<string, number>();
    for (let i = 0; i < 400; i++) {
      const answer = await viaIngress(h, 'app.default.example.com:8081');
      expect(answer.status).toBe(200);
      counts.set(answer.revision ?? '', (counts.get(answer.revision ?? '') ?? 0) + 1);
    }
    expect([...counts.keys()].sort()).toEqual(['app-base-aaaaaaa', 'app-pr-bbbbbbb']);
    // 50/50 over 400 draws: outside 120..280 has probability below 1e-15.
    expect(counts.get('app-pr-bbbbbbb')).toBeGreaterThan(120);
    expect(counts.get('app-pr-bbbbbbb')).toBeLessThan(280);
    expect(await viaIngress(h, 'pr-app.default.example.com')).toEqual({
      status: 200,
      revision: 'app-pr-bbbbbbb',
      body: 'Hello PR from app-pr-bbbbbbb!\n',
    });
    expect((await viaIngress(h, 'base-app.default.example.com')).body).toBe(
      'Hello World from app-base-aaaaaaa!\n',
    );
    expect((await viaIngress(h, 'unknown.default.example.com')).status).toBe(404);
  });

  it('enforces the Knative webhook rules', async () => {
    const denied = async (manifest: string): Promise<string> => {
      const r = await h.kubectl(['apply', '-f', '-'], manifest);
      expect(r.code).not.toBe(0);
      expect(r.stderr).toContain(
        'admission webhook "validation.webhook.serving.knative.dev" denied the request: validation failed:',
      );
      return r.stderr;
    };
    expect(await denied(ksvc({ name: 'other-x', image: 'dev.local/app:aaaaaaa' }))).toContain(
      'invalid value: "other-x" must have prefix "app-": spec.template.metadata.name',
    );
    expect(await denied(ksvc({ name: 'app-Bad_Name', image: 'dev.local/app:aaaaaaa' }))).toContain(
      'not a DNS 1035 label',
    );
    expect(
      await denied(ksvc({ name: 'app-pr-bbbbbbb', image: 'dev.local/app:aaaaaaa' }, SPLIT)),
    ).toContain(
      'Saw the following changes without a name change (-old +new): spec.template.metadata.name',
    );
    const pr = { name: 'app-pr-bbbbbbb', image: 'dev.local/app:bbbbbbb', target: 'PR' };
    expect(await denied(ksvc(pr, [{ ...BASE, percent: 40 }, PR]))).toContain(
      'Traffic targets sum to 90, want 100: spec.traffic',
    );
    expect(await denied(ksvc(pr, [{ ...BASE, latestRevision: true }, PR]))).toContain(
      'may not set revisionName "app-base-aaaaaaa" when latestRevision is true: spec.traffic[0].latestRevision',
    );
    expect(await denied(ksvc(pr, [{ ...BASE, tag: 'pr' }, PR]))).toContain(
      'Multiple definitions for "pr": spec.traffic[0].tag, spec.traffic[1].tag',
    );
    expect(
      await denied(
        ksvc(pr, [
          { ...BASE, percent: 150 },
          { ...PR, percent: -50 },
        ]),
      ),
    ).toContain('expected 0 <= 150 <= 100: spec.traffic[0].percent');
    expect(await denied(ksvc(pr, [{ ...BASE, tag: 'Base_1' }, PR]))).toContain(
      'not a DNS 1035 label',
    );
    // Schema validation from the CRD (strict field validation is kubectl's default); the
    // schemas come from ../shared, so without it this part is skipped.
    if (!haveSharedCrds) return;
    const unknownField = JSON.parse(ksvc(pr, SPLIT));
    unknownField.spec.template.spec.containers[0].imagee = 'x';
    const strict = await h.kubectl(['apply', '-f', '-'], JSON.stringify(unknownField));
    expect(strict.stderr).toContain('unknown field "spec.template.spec.containers[0].imagee"');
  });

  it('keeps never-ready revisions and unknown images out of Ready, with reasons', async () => {
    const svc = (name: string, image: string): string =>
      ksvc({ name: `${name}-r1`, image }).replace(/"name":"app"/, `"name":"${name}"`);
    await h.ok(
      ['apply', '-f', '-'],
      svc('stuck', 'ghcr.io/knative/helloworld-go:latest').replace('stuck-r1', 'stuck-never'),
    );
    await h.ok(['apply', '-f', '-'], svc('bad', 'dev.local/app:notimported'));
    await h.ok(['apply', '-f', '-'], svc('latest', 'dev.local/app:latest'));
    await h.ok([
      'wait',
      '--for=condition=Ready=False',
      'revision/stuck-never',
      'revision/bad-r1',
      'revision/latest-r1',
      '--timeout=10s',
    ]);
    const reason = (rev: string): Promise<string> =>
      h.ok([
        'get',
        'revision',
        rev,
        '-o',
        `jsonpath={.status.conditions[?(@.type=="Ready")].reason}|{.status.conditions[?(@.type=="Ready")].message}`,
      ]);
    expect(await reason('stuck-never')).toMatch(/^ProgressDeadlineExceeded\|/);
    expect(await reason('bad-r1')).toMatch(
      /^ImagePullBackOff\|Back-off pulling image "dev\.local\/app:notimported"/,
    );
    expect(await reason('latest-r1')).toMatch(
      /^ContainerMissing\|Unable to fetch image "dev\.local\/app:latest"/,
    );
    await h.ok(['wait', '--for=condition=Ready=False', 'ksvc/bad', '--timeout=10s']);
    const events = await h.ok([
      'get',
      'events',
      '-n',
      'default',
      '--field-selector',
      'involvedObject.name=bad-r1',
      '-o',
      'jsonpath={.items[*].reason}',
    ]);
    expect(events).toBe('ImagePullBackOff');
    expect(
      await h.ok([
        'get',
        'ksvc',
        'bad',
        '-o',
        'jsonpath={.status.conditions[?(@.type=="Ready")].reason}',
      ]),
    ).toBe('RevisionFailed');
    expect(
      await h.ok([
        'get',
        'route',
        'bad',
        '-o',
        'jsonpath={.status.conditions[?(@.type=="Ready")].reason}',
      ]),
    ).toBe('RevisionMissing');
  });

  it('deletes a Knative Service with its configuration, route, revisions and pods', async () => {
    await h.ok(['delete', 'ksvc', 'bad']);
    expect(
      await h.ok([
        'get',
        'revisions,routes,configurations',
        '-l',
        'serving.knative.dev/service=bad',
        '-o',
        'name',
      ]),
    ).toBe('');
    expect(
      await h.ok(['get', 'pods', '-l', 'serving.knative.dev/revision=bad-r1', '-o', 'name']),
    ).toBe('');
  });
});
