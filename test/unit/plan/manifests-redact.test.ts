import { describe, expect, it } from 'vitest';
import type { KubeObject } from '../../../src/kube/object.js';
import {
  displayYaml,
  isSecret,
  REDACTED,
  redactPlan,
  redactSecrets,
} from '../../../src/manifests/redact.js';
import { plan, servicePlan } from '../report/fixtures.js';

const secret = (extra: Record<string, unknown> = {}): KubeObject => ({
  apiVersion: 'v1',
  kind: 'Secret',
  metadata: { name: 'db', namespace: 'default' },
  type: 'Opaque',
  data: { password: 'aHVudGVyMg==', user: 'YWRtaW4=' },
  stringData: { token: 'ghp_live_value' },
  ...extra,
});

describe('redactSecrets', () => {
  it("replaces every value of a Secret's data and stringData, keeping the keys", () => {
    expect(redactSecrets(secret())).toEqual({
      apiVersion: 'v1',
      kind: 'Secret',
      metadata: { name: 'db', namespace: 'default' },
      type: 'Opaque',
      data: { password: REDACTED, user: REDACTED },
      stringData: { token: REDACTED },
    });
    expect(REDACTED).toMatch(/redacted/);
  });

  it('leaves the object applied to the cluster untouched', () => {
    const original = secret();
    const before = structuredClone(original);
    redactSecrets(original);
    expect(original).toEqual(before);
  });

  it('redacts a Secret of any apiVersion and any case of the kind', () => {
    for (const [apiVersion, kind] of [
      ['v1', 'secret'],
      ['core/v1', 'Secret'],
      ['example.com/v1alpha1', 'SECRET'],
    ]) {
      const shown = redactSecrets(secret({ apiVersion, kind }));
      expect(shown.data, `${apiVersion} ${kind}`).toEqual({ password: REDACTED, user: REDACTED });
    }
  });

  it('replaces data or stringData that is not a map as a whole', () => {
    expect(redactSecrets(secret({ data: 'c2VjcmV0', stringData: ['a', 'b'] }))).toMatchObject({
      data: REDACTED,
      stringData: REDACTED,
    });
    expect(redactSecrets(secret({ data: null }))).toMatchObject({ data: REDACTED });
  });

  it('redacts the last-applied-configuration annotation, which holds the values too', () => {
    const annotated = secret({
      metadata: {
        name: 'db',
        annotations: {
          'kubectl.kubernetes.io/last-applied-configuration':
            '{"data":{"password":"aHVudGVyMg=="}}',
          team: 'payments',
        },
      },
    });
    expect(redactSecrets(annotated).metadata.annotations).toEqual({
      'kubectl.kubernetes.io/last-applied-configuration': REDACTED,
      team: 'payments',
    });
  });

  it('redacts Secrets inside a List', () => {
    const list = {
      apiVersion: 'v1',
      kind: 'List',
      metadata: { name: 'bundle' },
      items: [
        secret(),
        { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'c' }, data: { a: '1' } },
      ],
    };
    const shown = redactSecrets(list);
    expect(shown.items[0]).toMatchObject({ data: { password: REDACTED } });
    expect(shown.items[1]).toMatchObject({ data: { a: '1' } });
  });

  it('returns everything else as it is', () => {
    const configMap = {
      apiVersion: 'v1',
      kind: 'ConfigMap',
      metadata: { name: 'c' },
      data: { a: '1' },
    };
    expect(redactSecrets(configMap)).toBe(configMap);
    const sealed = {
      apiVersion: 'bitnami.com/v1alpha1',
      kind: 'SealedSecret',
      metadata: { name: 's' },
      spec: { encryptedData: { a: 'AgB…' } },
    };
    expect(redactSecrets(sealed)).toBe(sealed);
    expect(redactSecrets('text')).toBe('text');
    expect(isSecret(configMap)).toBe(false);
    expect(isSecret(secret())).toBe(true);
  });
});

describe('displayYaml and redactPlan', () => {
  it('shows a Secret as YAML with its keys and without its values', () => {
    const text = displayYaml(secret());
    expect(text).toContain(`password: ${REDACTED}`);
    expect(text).toContain(`token: ${REDACTED}`);
    expect(text).not.toMatch(/aHVudGVyMg|ghp_live_value|YWRtaW4/);
  });

  it('redacts every manifest in a plan, and only in the copy', () => {
    const service = servicePlan();
    const original = plan({ services: [service], otherObjects: [secret()] });
    const shown = redactPlan(original);
    expect(JSON.stringify(shown)).not.toMatch(/aHVudGVyMg|ghp_live_value/);
    expect(shown.otherObjects[0]).toMatchObject({ data: { password: REDACTED } });
    expect(shown.services[0]?.manifests).toEqual(service.manifests);
    expect(original.otherObjects[0]).toMatchObject({ data: { password: 'aHVudGVyMg==' } });
  });
});
