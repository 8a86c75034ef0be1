import { describe, expect, it } from 'vitest';
import { parseInputs } from '../../../src/config/inputs.js';

const reader = (values: Record<string, string>) => (name: string) => values[name] ?? '';

describe('parseInputs', () => {
  it('refuses a k3s image too old for the Knative release, before anything is planned', () => {
    expect(() => parseInputs(reader({ 'k3s-image': 'rancher/k3s:v1.31.4-k3s1' }))).toThrow(
      /Knative Serving 1\.22\.1 needs Kubernetes >= 1\.34.*v1\.31\.4-k3s1.*1\.31\.4/,
    );
  });

  it('refuses a manifests path outside the workspace as a bad input', () => {
    expect(() => parseInputs(reader({ manifests: '/etc' }))).toThrow(/absolute path/);
    expect(() => parseInputs(reader({ manifests: 'a/../../x' }))).toThrow(/climbs out/);
  });

  it('reads the split gate settings and refuses a cap below the batch size', () => {
    expect(parseInputs(reader({}))).toMatchObject({
      requests: 400,
      maxRequests: 1600,
      splitTolerance: 10,
      notes: [],
    });
    expect(() => parseInputs(reader({ requests: '500', 'max-requests': '400' }))).toThrow(
      /Input 'max-requests' has the value '400'.*at least as large as 'requests' \(500\)/,
    );
    expect(() => parseInputs(reader({ 'split-tolerance': '0' }))).toThrow(/split-tolerance/);
  });

  it('warns when the split settings cannot catch the misroute they name', () => {
    const config = parseInputs(reader({ 'split-tolerance': '2' }));
    expect(config.notes).toEqual([
      expect.stringMatching(/a misroute of 2 points is not always caught.*raise max-requests/),
    ]);
  });

  it('notes a Knative release newer than the ones it knows', () => {
    const config = parseInputs(reader({ 'knative-version': '1.30.0' }));
    expect(config.notes).toEqual([
      expect.stringMatching(/newer than the releases this action knows/),
    ]);
  });

  it('applies the documented defaults', () => {
    const config = parseInputs(reader({}));
    expect(config).toMatchObject({
      manifests: 'knative',
      labelPrefix: 'canary-',
      requests: 400,
      dryRun: false,
      k3dVersion: 'v5.9.0',
      k3sImage: 'rancher/k3s:v1.34.8-k3s1',
      knativeVersion: '1.22.1',
      netContourVersion: '1.22.1',
      agents: 2,
      clusterName: '',
      keepCluster: false,
      domain: 'example.com',
      loadBalancerPort: 8081,
      agentPort: 8082,
      comment: 'always',
      failOnDeviation: true,
      timeoutMinutes: 15,
    });
    expect(config.labelOverride).toBeUndefined();
    expect(config.releaseMirror).toBeUndefined();
  });
  it('parses lists and overrides', () => {
    const config = parseInputs(
      reader({
        labels: 'canary-50, bug',
        build: 'app=app\n# comment\n\napi=svc/api:Dockerfile.prod',
        'k3d-args': '--servers=1',
        'release-mirror': 'http://127.0.0.1:9/m/',
      }),
    );
    expect(config.labelOverride).toEqual(['canary-50', 'bug']);
    expect(config.build).toEqual(['app=app', 'api=svc/api:Dockerfile.prod']);
    expect(config.k3dArgs).toEqual(['--servers=1']);
    expect(config.releaseMirror).toBe('http://127.0.0.1:9/m');
  });
  it.each([
    ['requests', '0', /Input 'requests' has the value '0'.*1 to 100000/],
    ['requests', 'many', /'many'/],
    ['dry-run', 'yes', /'dry-run' has the value 'yes'.*true or false/],
    ['agents', '9', /0 to 5/],
    ['comment', 'sometimes', /always, on-change, off/],
    ['domain', 'svc.cluster.local', /not svc\.cluster\.local/],
    ['k3s-image', 'rancher/k3s:latest', /rancher\/k3s:v1\.34\.8-k3s1/],
    ['release-mirror', 'ftp://x', /uses ftp: only https/],
    ['release-mirror', 'http://mirror.example.com', /plain http to another machine/],
    ['cluster-name', 'Bad_Name', /lowercase/],
  ])('refuses %s=%s naming the input, value and what is allowed', (name, value, pattern) => {
    expect(() => parseInputs(reader({ [name]: value }))).toThrow(pattern);
  });
});
