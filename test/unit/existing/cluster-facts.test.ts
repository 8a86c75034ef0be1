import { describe, expect, it } from 'vitest';
import {
  discoveryPath,
  placedObjects,
  scopeProblem,
} from '../../../src/existing/discovery-scope.js';
import {
  judgeServing,
  releaseOf,
  type ServingFacts,
} from '../../../src/existing/knative-serving.js';
import {
  probeIngressUrl,
  safeHttpUrl,
  servedService,
  servedUrls,
} from '../../../src/existing/served-urls.js';
import { leftovers } from '../../../src/existing/tidy.js';
import type { ReadObject } from '../../../src/kube/object.js';
import { plan, servicePlan } from '../report/fixtures.js';

describe('judgeServing', () => {
  const ready: ServingFacts = {
    served: true,
    versions: ['v1'],
    resources: ['services', 'revisions', 'routes', 'configurations', 'domainmappings'],
    release: '1.22.1',
  };

  it('accepts a recent Knative Serving and says which', () => {
    expect(judgeServing(ready)).toEqual({
      ok: true,
      notes: ['The cluster runs Knative Serving 1.22.1.'],
    });
    expect(judgeServing({ ...ready, release: 'v1.18.0' }).ok).toBe(true);
  });

  it('refuses a cluster without Knative Serving, and never offers to install it', () => {
    const verdict = judgeServing({ served: false, versions: [], resources: [] });
    expect(verdict).toEqual({
      ok: false,
      problem: expect.stringMatching(
        /does not serve the API group serving\.knative\.dev.*never installs/,
      ),
    });
  });

  it.each([
    [
      { versions: ['v1alpha1', 'v1beta1'], resources: [] },
      /too old: it serves serving\.knative\.dev v1alpha1, v1beta1, not v1/,
    ],
    [{ resources: ['services', 'revisions'] }, /lacks routes, configurations/],
    [
      { release: '1.17.3' },
      /runs Knative Serving 1\.17\.3, which is too old: this action needs 1\.18 or newer/,
    ],
    [{ release: '0.26.0' }, /0\.26\.0, which is too old/],
  ])('refuses an old or incomplete Knative Serving (%o)', (change, problem) => {
    const verdict = judgeServing({ ...ready, ...change });
    expect(verdict.ok).toBe(false);
    expect(verdict.ok ? '' : verdict.problem).toMatch(problem);
  });

  it('goes on, saying so, when the release cannot be read (no permission to read CRDs)', () => {
    expect(
      judgeServing({
        ...ready,
        release: undefined,
        releaseUnknown: 'Error from server (Forbidden)',
      }),
    ).toEqual({ ok: true, notes: [expect.stringMatching(/Could not read .*Forbidden.*going on/)] });
  });
});

describe('discovery scope', () => {
  it('maps an apiVersion to its discovery path, and refuses what is not one', () => {
    expect(discoveryPath('v1')).toBe('/api/v1');
    expect(discoveryPath('serving.knative.dev/v1')).toBe('/apis/serving.knative.dev/v1');
    expect(discoveryPath('example.com/v2beta1')).toBe('/apis/example.com/v2beta1');
    for (const hostile of ['../v1', 'a/b/v1', 'v1?watch=1', 'x/v1#', 'Example.com/v1', '', 'a/'])
      expect(discoveryPath(hostile), hostile).toBeUndefined();
  });

  const widget = {
    object: { apiVersion: 'example.com/v1', kind: 'Widget', metadata: { name: 'w' } },
    source: { file: 'knative/extra.yaml', line: 3 },
  };

  it('refuses a kind the cluster serves cluster-scoped, naming file, line and kind', () => {
    expect(
      scopeProblem(widget, [{ name: 'widgets', kind: 'Widget', namespaced: false }], 'shop-pr-7'),
    ).toMatch(
      /^knative\/extra\.yaml:3: Widget 'w' \(example\.com\/v1\) is cluster-scoped on this cluster\..*'shop-pr-7'/,
    );
  });

  it('refuses a kind or apiVersion the cluster does not serve', () => {
    expect(scopeProblem(widget, undefined, 'ns')).toMatch(/does not serve example\.com\/v1/);
    expect(
      scopeProblem(widget, [{ name: 'gadgets', kind: 'Gadget', namespaced: true }], 'ns'),
    ).toMatch(/serves no kind Widget/);
  });

  it('accepts a namespaced kind (subresources are not kinds of their own)', () => {
    expect(
      scopeProblem(
        widget,
        [
          { name: 'widgets/status', kind: 'Widget', namespaced: false },
          { name: 'widgets', kind: 'Widget', namespaced: true },
        ],
        'ns',
      ),
    ).toBeUndefined();
  });

  it('checks every object the plan applies, with where it came from', () => {
    const placed = placedObjects(
      plan({
        otherObjects: [widget.object],
        otherObjectSources: [widget.source],
      }),
    );
    expect(placed.map((p) => [p.object.kind, p.source?.file])).toEqual([
      ['Service', 'knative/service.yaml'],
      ['Service', undefined],
      ['Widget', 'knative/extra.yaml'],
    ]);
  });
});

describe('served URLs', () => {
  it.each([
    ['http://hello.shop-pr-7.example.com', 'http://hello.shop-pr-7.example.com'],
    ['https://hello.shop-pr-7.apps.example.com/', 'https://hello.shop-pr-7.apps.example.com'],
    ['http://hello.ns.127.0.0.1.sslip.io:8080', 'http://hello.ns.127.0.0.1.sslip.io:8080'],
  ])('accepts %s', (url, safe) => {
    expect(safeHttpUrl(url)).toBe(safe);
  });

  it.each([
    'javascript:alert(1)',
    'http://user:pw@hello.example.com',
    'http://hello.example.com/path',
    'http://hello.example.com?q=1',
    'http://hello.example.com)](http://evil)',
    'http://HELLO.example.com',
    'ftp://hello.example.com',
    'http://hello.example.com:99999',
    'http://hello .example.com',
    'http://-x.example.com',
    7,
    null,
  ])('refuses %j', (url) => {
    expect(safeHttpUrl(url)).toBeUndefined();
  });

  const service = { ...servicePlan(), namespace: 'shop-pr-7' };
  const ksvc = (status: unknown): ReadObject => ({ status: status as ReadObject['status'] });

  it('reads the route and tag URLs from status, whatever the domain', () => {
    const served = servedUrls(
      ksvc({
        url: 'https://hello-shop-pr-7.apps.corp.example',
        traffic: [
          {
            revisionName: 'hello-base-aaaaaaa',
            percent: 50,
            tag: 'base',
            url: 'https://base-hello-shop-pr-7.apps.corp.example',
          },
          {
            revisionName: 'hello-pr-bbbbbbb',
            percent: 50,
            tag: 'pr',
            url: 'https://pr-hello-shop-pr-7.apps.corp.example',
          },
        ],
      }),
      service,
    );
    expect(served).toEqual({
      ok: true,
      links: {
        route: 'https://hello-shop-pr-7.apps.corp.example',
        base: 'https://base-hello-shop-pr-7.apps.corp.example',
        pr: 'https://pr-hello-shop-pr-7.apps.corp.example',
      },
    });
    const probed = servedService(service, served.ok ? served.links : { route: '' });
    expect(probed).toMatchObject({
      host: 'hello-shop-pr-7.apps.corp.example',
      url: 'https://hello-shop-pr-7.apps.corp.example',
      tagHosts: {
        base: 'base-hello-shop-pr-7.apps.corp.example',
        pr: 'pr-hello-shop-pr-7.apps.corp.example',
      },
    });
  });

  it('says what is missing: no URL, a cluster-local route, a tag without a URL', () => {
    expect(servedUrls(ksvc({}), service)).toEqual({
      ok: false,
      problem: expect.stringMatching(/no usable status\.url/),
    });
    expect(servedUrls(ksvc({ url: 'http://hello.shop-pr-7.svc.cluster.local' }), service)).toEqual({
      ok: false,
      problem: expect.stringMatching(/only reachable inside the cluster/),
    });
    expect(
      servedUrls(
        ksvc({
          url: 'http://hello.shop-pr-7.example.com',
          traffic: [{ tag: 'base', url: 'http://x' }],
        }),
        service,
      ),
    ).toEqual({ ok: false, problem: expect.stringMatching(/no usable URL for its 'pr' tag/) });
  });

  it('probes through the ingress address, else the route itself; HTTPS needs the address', () => {
    const http = { route: 'http://hello.ns.example.com' };
    expect(probeIngressUrl(http, '203.0.113.10:80')).toEqual({
      ok: true,
      url: 'http://203.0.113.10:80',
    });
    expect(probeIngressUrl(http, undefined)).toEqual({
      ok: true,
      url: 'http://hello.ns.example.com',
    });
    expect(probeIngressUrl({ route: 'https://hello.ns.example.com' }, undefined)).toEqual({
      ok: false,
      problem: expect.stringMatching(/HTTPS.*set 'ingress-address'/),
    });
  });
});

describe('leftovers of earlier runs', () => {
  const revision = (name: string, service = 'hello'): ReadObject => ({
    metadata: { name, labels: { 'serving.knative.dev/service': service } },
  });
  it('are the revisions outside the new traffic and the services the manifests dropped', () => {
    const current = plan();
    expect(
      leftovers(
        current,
        [
          revision('hello-base-aaaaaaa'),
          revision('hello-pr-bbbbbbb'),
          revision('hello-pr-0000000'),
          revision('hello-base-1111111'),
          revision('gone-pr-2222222', 'gone'),
          { metadata: { name: 'unlabelled' } },
        ],
        [{ metadata: { name: 'hello' } }, { metadata: { name: 'gone' } }],
      ),
    ).toEqual({ revisions: ['hello-base-1111111', 'hello-pr-0000000'], services: ['gone'] });
  });
});

describe('releaseOf', () => {
  const crd = (labels: Record<string, string>) => JSON.stringify({ metadata: { labels } });
  it('reads the release label of each era, and nothing else', () => {
    expect(releaseOf(crd({ 'app.kubernetes.io/version': '1.22.1' }))).toBe('1.22.1');
    expect(releaseOf(crd({ 'serving.knative.dev/release': 'v0.26.0' }))).toBe('v0.26.0');
    expect(
      releaseOf(
        crd({ 'app.kubernetes.io/version': '1.2.0', 'serving.knative.dev/release': 'v1.2.0' }),
      ),
    ).toBe('1.2.0');
    expect(releaseOf(crd({ 'app.kubernetes.io/version': 'devel' }))).toBeUndefined();
    expect(releaseOf('not json')).toBeUndefined();
  });
});
