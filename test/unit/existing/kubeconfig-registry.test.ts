import { describe, expect, it } from 'vitest';
import { stringify } from 'yaml';
import { kubeconfigSecrets } from '../../../src/existing/kubeconfig.js';
import { parseRegistry, registryImageTag } from '../../../src/existing/registry.js';

describe('kubeconfigSecrets', () => {
  it('finds every credential of every user, and nothing that is not one', () => {
    const config = {
      apiVersion: 'v1',
      kind: 'Config',
      'current-context': 'ci',
      clusters: [
        {
          name: 'c',
          cluster: {
            server: 'https://203.0.113.1:6443',
            'certificate-authority-data': 'Q0FDRVJUCg==',
          },
        },
      ],
      users: [
        { name: 'token-user', user: { token: 'eyJhbGciOiJSUzI1NiJ9.secret-token' } },
        {
          name: 'cert-user',
          user: {
            'client-certificate-data': 'Y2VydGRhdGEK',
            'client-key-data': 'a2V5ZGF0YS1zZWNyZXQK',
          },
        },
        { name: 'basic', user: { username: 'admin', password: 'hunter2-long' } },
        {
          name: 'oidc',
          user: {
            'auth-provider': {
              name: 'oidc',
              config: { 'id-token': 'id-token-value', 'client-secret': 'client-secret-1' },
            },
          },
        },
        {
          name: 'exec',
          user: {
            exec: {
              command: 'aws',
              args: ['eks', 'get-token'],
              env: [
                { name: 'AWS_PROFILE', value: 'prod' },
                { name: 'SECRET', value: 'exec-env-secret' },
              ],
            },
          },
        },
      ],
    };
    const found = kubeconfigSecrets(stringify(config));
    expect(found.sort()).toEqual(
      [
        'eyJhbGciOiJSUzI1NiJ9.secret-token',
        'Y2VydGRhdGEK',
        'a2V5ZGF0YS1zZWNyZXQK',
        'hunter2-long',
        'id-token-value',
        'client-secret-1',
        'exec-env-secret',
      ].sort(),
    );
    // JSON (what kubectl config view -o json writes) reads the same.
    expect(kubeconfigSecrets(JSON.stringify(config)).sort()).toEqual(found.sort());
  });

  it('masks every value of text that is not a kubeconfig: it came from a secret all the same', () => {
    const found = kubeconfigSecrets('token: abcdefghijkl\n  broken: [yaml\n');
    expect(found).toContain('abcdefghijkl');
    expect(found).toContain('token: abcdefghijkl');
  });

  it('finds nothing in an empty input', () => {
    expect(kubeconfigSecrets('')).toEqual([]);
  });
});

describe('registry', () => {
  it.each([
    ['ghcr.io/octo', 'ghcr.io/octo'],
    ['ghcr.io/octo/previews/', 'ghcr.io/octo/previews'],
    ['registry.example.com:5000/team', 'registry.example.com:5000/team'],
    ['localhost:5000', 'localhost:5000'],
    [
      '123456789012.dkr.ecr.eu-north-1.amazonaws.com/shop',
      '123456789012.dkr.ecr.eu-north-1.amazonaws.com/shop',
    ],
  ])('accepts %s', (text, value) => {
    expect(parseRegistry(text)).toEqual({ ok: true, value });
  });

  it.each([
    'octo',
    'https://ghcr.io/octo',
    'ghcr.io/octo:tag',
    'ghcr.io/o o',
    'ghcr.io/../x',
    '-x.io/a',
  ])('refuses %s', (text) => {
    expect(parseRegistry(text).ok).toBe(false);
  });

  it('says image paths must be lowercase', () => {
    expect(parseRegistry('ghcr.io/Octo')).toEqual({
      ok: false,
      expected: expect.stringMatching(/must be lowercase \(e\.g\. ghcr\.io\/octo\)/),
    });
    // Lower-casing would not fix a space: no suggestion that is still invalid.
    const spaced = parseRegistry('ghcr.io/Octo Org');
    expect(spaced.ok).toBe(false);
    expect(spaced.ok ? '' : spaced.expected).not.toContain('e.g. ghcr.io/octo org');
  });

  it('tags <registry>/<name>:<sha7>', () => {
    expect(
      registryImageTag('ghcr.io/octo', 'app', 'EC26C3E57CA3A959CA5AAD62DE7213C562F8C821'),
    ).toBe('ghcr.io/octo/app:ec26c3e');
    expect(() => registryImageTag('ghcr.io/octo', 'app', 'main')).toThrow(/not a commit SHA/);
  });
});
