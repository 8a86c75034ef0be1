import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { delimiter, dirname, join } from 'node:path';
import { parse, stringify } from 'yaml';
import { withFileLock, writeTextAtomic } from './state.js';

/** Kubeconfig as YAML maps; entries are `{name, cluster|user|context}` as in kubectl's files. */
interface Named {
  name: string;
  [key: string]: unknown;
}
interface Kubeconfig {
  apiVersion?: string;
  kind?: string;
  clusters?: Named[];
  users?: Named[];
  contexts?: Named[];
  'current-context'?: string;
  preferences?: unknown;
  [key: string]: unknown;
}

/** The file k3d updates by default: the first $KUBECONFIG entry, else ~/.kube/config. */
export function defaultKubeconfigPath(env: NodeJS.ProcessEnv): string {
  const first = (env.KUBECONFIG ?? '').split(delimiter).find((entry) => entry !== '');
  return first ?? join(env.HOME ?? homedir(), '.kube', 'config');
}

const contextName = (clusterName: string): string => `k3d-${clusterName}`;

function readKubeconfig(file: string): Kubeconfig {
  if (!existsSync(file)) return {};
  const text = readFileSync(file, 'utf8');
  return (parse(text) as Kubeconfig | null) ?? {};
}

function writeKubeconfig(file: string, config: Kubeconfig): void {
  mkdirSync(dirname(file), { recursive: true });
  // Kubeconfigs hold credentials: owner-only, as kubectl and k3d write them.
  writeTextAtomic(file, stringify(config), 0o600);
}

function upsert(list: Named[] | undefined, entries: Named[] | undefined): Named[] {
  const result = [...(list ?? [])];
  for (const entry of entries ?? []) {
    const at = result.findIndex((existing) => existing.name === entry.name);
    if (at === -1) result.push(entry);
    else result[at] = entry;
  }
  return result;
}

/** Merges a cluster's kubeconfig into `file` (created if missing), optionally switching context. */
export function mergeKubeconfig(
  file: string,
  clusterKubeconfig: string,
  options: { switchContext: boolean; overwrite?: boolean },
): void {
  mkdirSync(dirname(file), { recursive: true });
  withFileLock(file, () => {
    const incoming = parse(clusterKubeconfig) as Kubeconfig;
    const current = options.overwrite ? {} : readKubeconfig(file);
    const merged: Kubeconfig = {
      ...current,
      apiVersion: current.apiVersion ?? 'v1',
      kind: current.kind ?? 'Config',
      clusters: upsert(current.clusters, incoming.clusters),
      users: upsert(current.users, incoming.users),
      contexts: upsert(current.contexts, incoming.contexts),
      preferences: current.preferences ?? {},
      'current-context': options.switchContext
        ? (incoming['current-context'] ?? current['current-context'] ?? '')
        : (current['current-context'] ?? ''),
    };
    writeKubeconfig(file, merged);
  });
}

/** Removes `k3d-<name>` cluster, user (`admin@k3d-<name>`) and context, as `k3d cluster delete` does. */
export function removeFromKubeconfig(file: string, clusterName: string): void {
  if (!existsSync(file)) return;
  withFileLock(file, () => {
    const config = readKubeconfig(file);
    const context = contextName(clusterName);
    const contextEntry = config.contexts?.find((entry) => entry.name === context);
    const linked = (contextEntry?.context ?? {}) as { cluster?: string; user?: string };
    const clusterNames = new Set([context, linked.cluster].filter(Boolean));
    const userNames = new Set([`admin@${context}`, linked.user].filter(Boolean));
    const next: Kubeconfig = {
      ...config,
      clusters: (config.clusters ?? []).filter((entry) => !clusterNames.has(entry.name)),
      users: (config.users ?? []).filter((entry) => !userNames.has(entry.name)),
      contexts: (config.contexts ?? []).filter((entry) => entry.name !== context),
    };
    if (next['current-context'] === context) next['current-context'] = '';
    writeKubeconfig(file, next);
  });
}
