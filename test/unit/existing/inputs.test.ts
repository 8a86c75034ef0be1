import { describe, expect, it } from 'vitest';
import { parseInputs } from '../../../src/config/inputs.js';

const reader = (values: Record<string, string>) => (name: string) => values[name] ?? '';

describe('inputs of the existing cluster mode', () => {
  it('defaults to k3d, preview and 7d, with nothing else set', () => {
    expect(parseInputs(reader({}))).toMatchObject({
      cluster: 'k3d',
      mode: 'preview',
      ttl: { text: '7d', ms: 7 * 86_400_000 },
      namespace: '',
      kubeconfig: '',
      ingressAddress: undefined,
      registry: undefined,
    });
  });

  it('reads every input of the mode', () => {
    expect(
      parseInputs(
        reader({
          cluster: 'existing',
          mode: 'sweep',
          ttl: '36h',
          namespace: 'shop-pr-7',
          kubeconfig: 'apiVersion: v1',
          'ingress-address': 'Ingress.Example.com:80',
          registry: 'ghcr.io/octo/',
        }),
      ),
    ).toMatchObject({
      cluster: 'existing',
      mode: 'sweep',
      ttl: { text: '36h', ms: 36 * 3_600_000 },
      namespace: 'shop-pr-7',
      kubeconfig: 'apiVersion: v1',
      ingressAddress: 'ingress.example.com:80',
      registry: 'ghcr.io/octo',
    });
    expect(parseInputs(reader({ 'ingress-address': '[2001:db8::1]:8080' })).ingressAddress).toBe(
      '[2001:db8::1]:8080',
    );
  });

  it.each([
    ['cluster', 'gke', /'cluster' has the value 'gke'.*one of k3d, existing/],
    ['mode', 'destroy', /'mode' has the value 'destroy'.*preview, cleanup, sweep/],
    ['ttl', '7w', /'ttl' has the value '7w'.*s, m, h or d, from 1s to 365d/],
    ['ttl', '0d', /'ttl'/],
    ['namespace', 'Shop_PR', /'namespace' has the value 'Shop_PR'.*DNS-1123 label/],
    ['namespace', 'kube-system', /not default, kube-\*/],
    ['ingress-address', 'http://1.2.3.4', /'ingress-address'.*host:port/],
    ['ingress-address', '1.2.3.4:70000', /'ingress-address'/],
    ['ingress-address', '1.2.3.4', /'ingress-address'/],
    ['registry', 'https://ghcr.io/octo', /'registry'.*no scheme/],
    ['registry', 'ghcr.io/Octo', /lowercase/],
  ])('refuses %s=%s naming the input, value and what is allowed', (name, value, pattern) => {
    expect(() => parseInputs(reader({ cluster: 'existing', [name]: value }))).toThrow(pattern);
  });

  it('refuses cleanup and sweep without an existing cluster', () => {
    expect(() => parseInputs(reader({ mode: 'cleanup' }))).toThrow(
      /'mode' is 'cleanup', which only applies to 'cluster: existing'/,
    );
  });
});
