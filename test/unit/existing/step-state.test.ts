import { describe, expect, it } from 'vitest';
import { StepState, type StateStore } from '../../../src/action/step-state.js';

function mapStore(initial: Record<string, string> = {}): StateStore {
  const values = { ...initial };
  return { save: (name, value) => (values[name] = value), read: (name) => values[name] ?? '' };
}

describe('the step state of an existing cluster', () => {
  it('reads back the namespace and the folder of the kubeconfig copy', () => {
    const state = new StepState(mapStore());
    state.saveExisting({
      namespace: 'shop-pr-7',
      kubeconfigDir: '/runner/temp/knative-action/existing',
    });
    expect(state.readExisting()).toEqual({
      namespace: 'shop-pr-7',
      kubeconfigDir: '/runner/temp/knative-action/existing',
    });
    // A sweep names no namespace.
    state.saveExisting({ kubeconfigDir: '/runner/temp/knative-action/existing' });
    expect(state.readExisting()).toEqual({ kubeconfigDir: '/runner/temp/knative-action/existing' });
    expect(state.readCluster()).toBeUndefined();
  });

  it.each([
    '{"namespace":"Bad Name","kubeconfigDir":"/x"}',
    '{"namespace":"ok","kubeconfigDir":"relative/dir"}',
    '{"namespace":"ok"}',
    'not json',
    'null',
  ])('ignores state it could not have saved: %s', (text) => {
    expect(new StepState(mapStore({ existing: text })).readExisting()).toBeUndefined();
  });
});
