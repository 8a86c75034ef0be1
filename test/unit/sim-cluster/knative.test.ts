/**
 * Install stand-ins, Knative Services, webhook rules, the reconcilers' name checks and the ingress,
 * all through the real kubectl. Upstream: knative/serving at knative-v1.22.1 (files cited per test).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  closeIngressClient,
  importImages,
  installKnative,
  startHarness,
  viaIngress,
  type Harness,
} from './helpers.js';

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
  beforeAll(async () => {
    h = await startHarness();
    const kindsBefore = await h.kubectl(['get', 'ksvc']);
    expect(kindsBefore.stderr).toContain(`the server doesn't have a resource type "ksvc"`);
    await installKnative(h);
    await importImages(h, ['dev.local/app:aaaaaaa', 'dev.local/app:bbbbbbb']);
  }, 60_000);
  afterAll(async () => {
    closeIngressClient();
    await h?.stop();
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
    // The printer columns come from the release's CRDs (or the project's model of them).
    expect(await h.ok(['get', 'ksvc'])).toMatch(
      /app\s+http:\/\/app\.default\.example\.com\s+app-pr-bbbbbbb\s+app-pr-bbbbbbb\s+True/,
    );
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
    // Schema validation from the CRD (strict field validation is kubectl's default).
    const unknownField = JSON.parse(ksvc(pr, SPLIT));
    unknownField.spec.template.spec.containers[0].imagee = 'x';
    const strict = await h.kubectl(['apply', '-f', '-'], JSON.stringify(unknownField));
    expect(strict.stderr).toContain('unknown field "spec.template.spec.containers[0].imagee"');
  });

  // route_lifecycle.go: MarkTLSNotEnabled(ExternalDomainTLSNotEnabledMessage) when
  // external-domain-tls is off (the default); labeler/metasync.go: routed revisions are `active`.
  it("reports the route's TLS condition and labels routed revisions active", async () => {
    const route = JSON.parse(await h.ok(['get', 'route', 'app', '-o', 'json']));
    expect(
      route.status.conditions.find((c: { type: string }) => c.type === 'CertificateProvisioned'),
    ).toMatchObject({
      status: 'True',
      reason: 'TLSNotEnabled',
      message: 'external-domain-tls is not enabled',
    });
    const states = await h.ok([
      'get',
      'revisions',
      '-o',
      'jsonpath={range .items[*]}{.metadata.name}={.metadata.labels.serving\\.knative\\.dev/routingState}/{.metadata.annotations.serving\\.knative\\.dev/routes} {end}',
    ]);
    expect(states.trim()).toBe('app-base-aaaaaaa=active/app app-pr-bbbbbbb=active/app');
  });

  it('refuses feature-flagged pod spec fields unless config-features allows them', async () => {
    // fieldmask.go PodSpecMask + features.go defaults: nodeSelector and tolerations are Disabled.
    const withFields = JSON.parse(
      ksvc({ name: 'app-flags-1', image: 'dev.local/app:aaaaaaa' }, SPLIT),
    );
    withFields.spec.template.spec.nodeSelector = { disk: 'ssd' };
    withFields.spec.template.spec.tolerations = [];
    const refused = await h.kubectl(
      ['apply', '--dry-run=server', '-f', '-'],
      JSON.stringify(withFields),
    );
    expect(refused.stderr).toContain(
      'admission webhook "validation.webhook.serving.knative.dev" denied the request: validation failed: must not set the field(s): spec.template.spec.nodeSelector, spec.template.spec.tolerations',
    );
    await h.ok([
      'patch',
      'configmap',
      'config-features',
      '-n',
      'knative-serving',
      '--type',
      'merge',
      '-p',
      '{"data":{"kubernetes.podspec-nodeselector":"enabled"}}',
    ]);
    const still = await h.kubectl(
      ['apply', '--dry-run=server', '-f', '-'],
      JSON.stringify(withFields),
    );
    expect(still.stderr).toContain(
      'validation failed: must not set the field(s): spec.template.spec.tolerations',
    );
    expect(still.stderr).not.toMatch(/must not set the field\(s\):[^\n]*nodeSelector/);
  });

  // configuration_defaults.go: no defaulting when the template keeps its name (the defaulting
  // webhook passes the old object as baseline, knative/pkg webhook/resourcesemantics/defaulting),
  // and revision_validation.go VerifyNameChange compares with the previous template only.
  it('refuses a re-apply of an unchanged named template; a traffic-only patch is accepted', async () => {
    const pr = { name: 'app-pr-bbbbbbb', image: 'dev.local/app:bbbbbbb', target: 'PR' };
    // kubectl's three-way merge patch for a custom resource replaces the containers list, which
    // the stored (defaulted) template has with more fields: the template changed, name did not.
    const again = await h.kubectl(['apply', '-f', '-'], ksvc(pr, SPLIT));
    expect(again.code).not.toBe(0);
    expect(again.stderr).toContain(
      'Saw the following changes without a name change (-old +new): spec.template.metadata.name',
    );
    expect(again.stderr).toContain('spec.containers[0].readinessProbe');
    // Server-side apply replaces the atomic containers list the same way.
    const ssa = await h.kubectl(
      ['apply', '--server-side', '--force-conflicts', '-f', '-'],
      ksvc(pr, SPLIT),
    );
    expect(ssa.code).not.toBe(0);
    expect(ssa.stderr).toContain('Saw the following changes without a name change');
    expect(
      await h.ok([
        'patch',
        'ksvc',
        'app',
        '--type=merge',
        '-p',
        JSON.stringify({ spec: { traffic: SPLIT } }),
      ]),
    ).toContain('patched (no change)');
  });

  // apiextensions-apiserver customresource_handler.go: custom resources accept JSON patch,
  // merge patch and apply patch only; patch.go: a resourceVersion in a patch is a precondition.
  it('refuses strategic merge patches of custom resources and stale resourceVersions in patches', async () => {
    const smp = await h.kubectl([
      'patch',
      'ksvc',
      'app',
      '--type=strategic',
      '-p',
      '{"metadata":{"labels":{"x":"y"}}}',
    ]);
    expect(smp.stderr).toContain(
      'the body of the request was in an unknown format - accepted media types include: application/json-patch+json, application/merge-patch+json, application/apply-patch+yaml',
    );
    const stale = await h.kubectl([
      'patch',
      'ksvc',
      'app',
      '--type=merge',
      '-p',
      '{"metadata":{"resourceVersion":"1","labels":{"x":"y"}}}',
    ]);
    expect(stale.stderr).toContain(
      'Error from server (Conflict): Operation cannot be fulfilled on services.serving.knative.dev "app": the object has been modified; please apply your changes to the latest version and try again',
    );
    expect(
      await h.ok([
        'patch',
        'cm',
        'config-gc',
        '-n',
        'knative-serving',
        '--type=strategic',
        '-p',
        '{"data":{"a":"b"}}',
      ]),
    ).toContain('patched');
  });

  // configuration.go CheckNameAvailability / MarkRevisionCreationFailed and service.go
  // MarkRevisionNameTaken: the reconcilers find clashes, and the Route is left as it was.
  it('finds revision name clashes in the reconcilers, leaving the route untouched', async () => {
    const clash = { name: 'app-base-aaaaaaa', image: 'dev.local/app:bbbbbbb', target: 'Other' };
    const routeBefore = await h.ok(['get', 'route', 'app', '-o', 'jsonpath={.spec.traffic}']);
    // The webhook only compares with the previous template, whose name differs: accepted.
    await h.ok(['apply', '-f', '-'], ksvc(clash, [{ ...BASE, percent: 100 }]));
    await h.ok([
      'wait',
      '--for=jsonpath={.status.conditions[?(@.type=="RoutesReady")].reason}=RevisionNameTaken',
      'ksvc/app',
      '--timeout=10s',
    ]);
    const status = JSON.parse(await h.ok(['get', 'ksvc', 'app', '-o', 'json'])).status;
    const condition = (type: string) =>
      status.conditions.find((c: { type: string }) => c.type === type);
    expect(condition('ConfigurationsReady')).toMatchObject({
      status: 'False',
      reason: 'RevisionFailed',
      message:
        'Revision creation failed with message: revisions.serving.knative.dev "app-base-aaaaaaa" already exists.',
    });
    expect(condition('RoutesReady')).toMatchObject({
      status: 'False',
      message:
        'The revision name "app-base-aaaaaaa" is taken by a conflicting Revision, so traffic will not be migrated',
    });
    expect(await h.ok(['get', 'route', 'app', '-o', 'jsonpath={.spec.traffic}'])).toBe(routeBefore);
    // Back to the accepted template: everything recovers.
    await h.ok(
      ['apply', '-f', '-'],
      ksvc({ name: 'app-pr-bbbbbbb', image: 'dev.local/app:bbbbbbb', target: 'PR' }, SPLIT),
    );
    await h.ok(['wait', '--for=condition=Ready', 'ksvc/app', '--timeout=10s']);
  });

  it('refuses a revision name an unowned revision holds (RevisionFailed)', async () => {
    await h.ok(
      ['apply', '-f', '-'],
      JSON.stringify({
        apiVersion: 'serving.knative.dev/v1',
        kind: 'Revision',
        metadata: { name: 'lone-1', namespace: 'default' },
        spec: { containers: [{ image: 'dev.local/app:aaaaaaa' }] },
      }),
    );
    await h.ok(
      ['apply', '-f', '-'],
      ksvc({ name: 'lone-1', image: 'dev.local/app:aaaaaaa' }).replace(
        '"name":"app"',
        '"name":"lone"',
      ),
    );
    await h.ok([
      'wait',
      '--for=jsonpath={.status.conditions[?(@.type=="ConfigurationsReady")].reason}=RevisionFailed',
      'ksvc/lone',
      '--timeout=10s',
    ]);
    expect(
      await h.ok([
        'get',
        'configuration',
        'lone',
        '-o',
        'jsonpath={.status.conditions[?(@.type=="Ready")].message}',
      ]),
    ).toBe(
      'Revision creation failed with message: revisions.serving.knative.dev "lone-1" already exists.',
    );
    await h.ok(['delete', 'ksvc', 'lone']);
    await h.ok(['delete', 'revision', 'lone-1']);
  });

  // route.go: domains.ErrDomainName -> MarkRevisionTargetTrafficError("ErrorConfig", ...).
  it('fails a route whose tag host has a label over 63 characters', async () => {
    const name = `l${'x'.repeat(59)}`;
    await h.ok(
      ['apply', '-f', '-'],
      ksvc({ image: 'ghcr.io/knative/helloworld-go:latest' }, [
        { latestRevision: true, percent: 100, tag: 'base' },
      ]).replace('"name":"app"', `"name":"${name}"`),
    );
    await h.ok([
      'wait',
      '--for=jsonpath={.status.conditions[?(@.type=="AllTrafficAssigned")].reason}=ErrorConfig',
      `route/${name}`,
      '--timeout=10s',
    ]);
    expect(
      await h.ok([
        'get',
        'route',
        name,
        '-o',
        'jsonpath={.status.conditions[?(@.type=="AllTrafficAssigned")].message}',
      ]),
    ).toBe(
      `domain name error: invalid domain name "base-${name}.default.example.com": url: Invalid value: "base-${name}": must be no more than 63 characters`,
    );
    await h.ok(['delete', 'ksvc', name]);
  });

  // labeler/metasync.go: revisions a settled route no longer names lose it and become reserve.
  it('marks revisions the route no longer sends traffic to as reserve', async () => {
    await h.ok([
      'patch',
      'ksvc',
      'app',
      '--type=merge',
      '-p',
      JSON.stringify({ spec: { traffic: [{ ...PR, percent: 100 }] } }),
    ]);
    await h.ok([
      'wait',
      '--for=jsonpath={.metadata.labels.serving\\.knative\\.dev/routingState}=reserve',
      'revision/app-base-aaaaaaa',
      '--timeout=10s',
    ]);
    expect(
      await h.ok([
        'get',
        'revision',
        'app-pr-bbbbbbb',
        '-o',
        'jsonpath={.metadata.labels.serving\\.knative\\.dev/routingState}',
      ]),
    ).toBe('active');
  });

  // kubectl --sort-by asks for Tables with includeObject=Object; events come back sortable.
  it('lists recent events sorted by time, as diagnostics asks for them', async () => {
    const events = await h.ok(['get', 'events', '--all-namespaces', '--sort-by=.lastTimestamp']);
    expect(events).toMatch(/RevisionReady\s+revision\/app-pr-bbbbbbb/);
  });

  it('deletes a Knative Service with its configuration, route, revisions and pods', async () => {
    await h.ok(['delete', 'ksvc', 'app']);
    expect(
      await h.ok([
        'get',
        'revisions,routes,configurations',
        '-l',
        'serving.knative.dev/service=app',
        '-o',
        'name',
      ]),
    ).toBe('');
    expect(
      await h.ok([
        'get',
        'pods',
        '-l',
        'serving.knative.dev/revision=app-pr-bbbbbbb',
        '-o',
        'name',
      ]),
    ).toBe('');
  });
});
