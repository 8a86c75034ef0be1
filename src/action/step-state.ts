/**
 * The state the main step leaves for the post step (and for itself when it is cancelled): which
 * cluster to clean up with which binaries, and how the main step ended. The runner hands state
 * back as `STATE_<name>` variables; what comes back is checked before it is used.
 */
import * as core from '@actions/core';
import path from 'node:path';
import { isValidClusterName } from '../cluster/cluster-name.js';
import { isValidNamespaceName } from '../existing/namespace-name.js';

/** State names, as the runner stores them. */
const NAMES = {
  cluster: 'cluster',
  outcome: 'outcome',
  diagnostics: 'diagnostics',
  existing: 'existing',
} as const;

/** A k3d cluster the run created (or started to create), and the tools that manage it. */
export interface SavedCluster {
  clusterName: string;
  kubeconfigPath: string;
  k3dPath: string;
  /** The kubectl bring-up chose (the runner's or the pinned one); absent until it is chosen. */
  kubectlPath?: string;
  keepCluster: boolean;
}

/**
 * A preview namespace on an existing cluster. The post step never deletes it (it outlives the
 * run, cancelled or not); it only removes the run's copy of the kubeconfig.
 */
export interface SavedExisting {
  /** The PR's preview namespace; absent for a sweep. */
  namespace?: string;
  /** The run's folder holding the kubeconfig copy (under the work folder). */
  kubeconfigDir: string;
}

export type Outcome = 'success' | 'failure';

/** Where state is written and read: the runner (core) in the action, a map in tests. */
export interface StateStore {
  save(name: string, value: string): void;
  read(name: string): string;
}

export const runnerStateStore: StateStore = {
  save: (name, value) => core.saveState(name, value),
  read: (name) => core.getState(name),
};

export class StepState {
  constructor(private readonly store: StateStore = runnerStateStore) {}

  saveCluster(cluster: SavedCluster): void {
    this.store.save(NAMES.cluster, JSON.stringify(cluster));
  }

  /** The saved cluster, or undefined when none was saved or what was saved is not one. */
  readCluster(): SavedCluster | undefined {
    const text = this.store.read(NAMES.cluster);
    if (!text) return undefined;
    try {
      return parseSavedCluster(JSON.parse(text) as unknown);
    } catch {
      return undefined;
    }
  }

  saveExisting(existing: SavedExisting): void {
    this.store.save(NAMES.existing, JSON.stringify(existing));
  }

  /** The saved preview namespace, or undefined when none was saved or what was saved is not one. */
  readExisting(): SavedExisting | undefined {
    const text = this.store.read(NAMES.existing);
    if (!text) return undefined;
    try {
      const value = JSON.parse(text) as Record<string, unknown> | null;
      if (typeof value !== 'object' || value === null) return undefined;
      const { namespace, kubeconfigDir } = value;
      if (
        namespace !== undefined &&
        (typeof namespace !== 'string' || !isValidNamespaceName(namespace))
      )
        return undefined;
      if (
        typeof kubeconfigDir !== 'string' ||
        kubeconfigDir.length > 4096 ||
        !path.isAbsolute(kubeconfigDir)
      )
        return undefined;
      return { ...(namespace !== undefined ? { namespace } : {}), kubeconfigDir };
    } catch {
      return undefined;
    }
  }

  saveOutcome(outcome: Outcome): void {
    this.store.save(NAMES.outcome, outcome);
  }

  /** The main step collected the failed cluster's diagnostics itself (the post step need not). */
  saveDiagnosticsCollected(): void {
    this.store.save(NAMES.diagnostics, 'collected');
  }

  diagnosticsCollected(): boolean {
    return this.store.read(NAMES.diagnostics) === 'collected';
  }

  /** No outcome means the main step was cancelled or crashed. */
  readOutcome(): Outcome | undefined {
    const value = this.store.read(NAMES.outcome);
    return value === 'success' || value === 'failure' ? value : undefined;
  }
}

function parseSavedCluster(value: unknown): SavedCluster | undefined {
  if (typeof value !== 'object' || value === null) return undefined;
  const v = value as Record<string, unknown>;
  const absolute = (p: unknown): p is string =>
    typeof p === 'string' && p.length > 0 && p.length < 4096 && path.isAbsolute(p);
  if (typeof v.clusterName !== 'string' || !isValidClusterName(v.clusterName)) return undefined;
  if (!absolute(v.kubeconfigPath) || !absolute(v.k3dPath)) return undefined;
  if (v.kubectlPath !== undefined && !absolute(v.kubectlPath)) return undefined;
  return {
    clusterName: v.clusterName,
    kubeconfigPath: v.kubeconfigPath,
    k3dPath: v.k3dPath,
    ...(typeof v.kubectlPath === 'string' ? { kubectlPath: v.kubectlPath } : {}),
    keepCluster: v.keepCluster === true,
  };
}
