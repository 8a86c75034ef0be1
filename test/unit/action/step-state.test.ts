import { describe, expect, it } from 'vitest';
import { StepState, type StateStore } from '../../../src/action/step-state.js';

function mapStore(
  initial: Record<string, string> = {},
): StateStore & { values: Record<string, string> } {
  const values = { ...initial };
  return {
    values,
    save: (name, value) => (values[name] = value),
    read: (name) => values[name] ?? '',
  };
}

describe('StepState', () => {
  const cluster = {
    clusterName: 'knp-4242-1',
    kubeconfigPath: '/runner/temp/knative-action/knp-4242-1/kubeconfig',
    k3dPath: '/opt/hostedtoolcache/k3d/v5.9.0/amd64/k3d-linux-amd64',
    kubectlPath: '/opt/hostedtoolcache/kubectl/v1.34.2/amd64/kubectl',
    keepCluster: false,
  };

  it('reads back what the main step saved', () => {
    const state = new StepState(mapStore());
    state.saveCluster(cluster);
    state.saveOutcome('failure');
    expect(state.readCluster()).toEqual(cluster);
    expect(state.readOutcome()).toBe('failure');
  });

  it('treats missing, malformed or ill-typed state as absent', () => {
    for (const text of [
      '',
      'not json',
      '[]',
      'null',
      JSON.stringify({ ...cluster, clusterName: 'Bad Name; rm -rf /' }),
      JSON.stringify({ ...cluster, kubeconfigPath: 'relative/kubeconfig' }),
      JSON.stringify({ ...cluster, k3dPath: 42 }),
      JSON.stringify({ ...cluster, kubectlPath: '' }),
    ]) {
      expect(new StepState(mapStore({ cluster: text })).readCluster(), text).toBeUndefined();
    }
    expect(new StepState(mapStore({ outcome: 'maybe' })).readOutcome()).toBeUndefined();
  });

  it('keeps keepCluster only when it is exactly true', () => {
    const state = new StepState(
      mapStore({ cluster: JSON.stringify({ ...cluster, keepCluster: 'yes' }) }),
    );
    expect(state.readCluster()?.keepCluster).toBe(false);
  });
});
