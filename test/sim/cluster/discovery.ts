/** Discovery documents: aggregated (apidiscovery.k8s.io/v2) and the legacy per-group form. */
import type { ResourceRegistry } from './resources.js';
import type { Loose, ResourceType } from './types.js';

export const AGGREGATED_V2 = 'application/json;g=apidiscovery.k8s.io;v=v2;as=APIGroupDiscoveryList';

const VERBS = ['create', 'delete', 'deletecollection', 'get', 'list', 'patch', 'update', 'watch'];

function groupsOf(types: ResourceType[]): Map<string, ResourceType[]> {
  const groups = new Map<string, ResourceType[]>();
  for (const type of types) {
    const list = groups.get(type.group) ?? [];
    list.push(type);
    groups.set(type.group, list);
  }
  return groups;
}

function versionsOf(types: ResourceType[]): string[] {
  const versions = new Set<string>();
  for (const type of types) for (const v of type.versions) versions.add(v);
  // The stored version of the first kind is the group's preferred one.
  const preferred = types[0]?.version;
  return [...versions].sort((a, b) =>
    a === preferred ? -1 : b === preferred ? 1 : a.localeCompare(b),
  );
}

function aggregatedResource(type: ResourceType, version: string): Loose {
  const responseKind = { group: type.group, version, kind: type.kind };
  return {
    resource: type.plural,
    responseKind,
    scope: type.namespaced ? 'Namespaced' : 'Cluster',
    singularResource: type.singular,
    verbs: VERBS,
    ...(type.shortNames.length ? { shortNames: type.shortNames } : {}),
    ...(type.categories.length ? { categories: type.categories } : {}),
    ...(type.hasStatus
      ? {
          subresources: [
            { subresource: 'status', responseKind, verbs: ['get', 'patch', 'update'] },
          ],
        }
      : {}),
  };
}

/** `/api` (legacy core only) or `/apis` (every named group) as an APIGroupDiscoveryList. */
export function aggregatedDiscovery(registry: ResourceRegistry, core: boolean): Loose {
  const items = [];
  for (const [group, types] of groupsOf(registry.all())) {
    if ((group === '') !== core) continue;
    items.push({
      metadata: { name: group, creationTimestamp: null },
      versions: versionsOf(types).map((version) => ({
        version,
        resources: types
          .filter((t) => t.versions.includes(version))
          .map((t) => aggregatedResource(t, version)),
        freshness: 'Current',
      })),
    });
  }
  return {
    kind: 'APIGroupDiscoveryList',
    apiVersion: 'apidiscovery.k8s.io/v2',
    metadata: {},
    items,
  };
}

export function legacyApiVersions(): Loose {
  return {
    kind: 'APIVersions',
    versions: ['v1'],
    serverAddressByClientCIDRs: [{ clientCIDR: '0.0.0.0/0', serverAddress: '127.0.0.1:6443' }],
  };
}

export function legacyGroupList(registry: ResourceRegistry): Loose {
  const groups = [];
  for (const [group, types] of groupsOf(registry.all())) {
    if (group === '') continue;
    const versions = versionsOf(types).map((version) => ({
      groupVersion: `${group}/${version}`,
      version,
    }));
    groups.push({ name: group, versions, preferredVersion: versions[0] });
  }
  return { kind: 'APIGroupList', apiVersion: 'v1', groups };
}

export function legacyResourceList(
  registry: ResourceRegistry,
  group: string,
  version: string,
): Loose | undefined {
  const types = registry.all().filter((t) => t.group === group && t.versions.includes(version));
  if (types.length === 0) return undefined;
  const resources: Loose[] = [];
  for (const t of types) {
    resources.push({
      name: t.plural,
      singularName: t.singular,
      namespaced: t.namespaced,
      kind: t.kind,
      verbs: VERBS,
      ...(t.shortNames.length ? { shortNames: t.shortNames } : {}),
      ...(t.categories.length ? { categories: t.categories } : {}),
    });
    if (t.hasStatus) {
      resources.push({
        name: `${t.plural}/status`,
        singularName: '',
        namespaced: t.namespaced,
        kind: t.kind,
        verbs: ['get', 'patch', 'update'],
      });
    }
  }
  return {
    kind: 'APIResourceList',
    apiVersion: 'v1',
    groupVersion: group ? `${group}/${version}` : version,
    resources,
  };
}

export function versionInfo(kubeletVersion: string): Loose {
  return {
    major: '1',
    minor: kubeletVersion.replace(/^v1\.(\d+).*$/, '$1'),
    gitVersion: kubeletVersion,
    gitCommit: '0000000000000000000000000000000000000000',
    gitTreeState: 'clean',
    buildDate: '2026-01-01T00:00:00Z',
    goVersion: 'go1.24.0',
    compiler: 'gc',
    platform: 'linux/amd64',
  };
}

function gvPath(group: string, version: string): string {
  return group ? `apis/${group}/${version}` : `api/${version}`;
}

/**
 * `/openapi/v3`: one entry per served group-version. The documents only declare that PATCH
 * accepts `fieldValidation` for every kind, which is what kubectl checks to leave validation to
 * the server instead of parsing OpenAPI v2 itself. They carry no schemas.
 */
export function openApiV3Root(registry: ResourceRegistry): Loose {
  const paths: Record<string, Loose> = {};
  for (const type of registry.all()) {
    for (const version of type.versions) {
      const key = gvPath(type.group, version);
      paths[key] = {
        serverRelativeURL: `/openapi/v3/${key}?hash=${openApiHash(registry, type.group, version)}`,
      };
    }
  }
  return { paths };
}

function typesIn(registry: ResourceRegistry, group: string, version: string): ResourceType[] {
  return registry.all().filter((t) => t.group === group && t.versions.includes(version));
}

function openApiHash(registry: ResourceRegistry, group: string, version: string): string {
  const text = typesIn(registry, group, version)
    .map((t) => `${t.kind}/${t.plural}/${t.namespaced}`)
    .join(',');
  let h = 0;
  for (const ch of text) h = (Math.imul(h, 31) + ch.charCodeAt(0)) | 0;
  return (h >>> 0).toString(16).toUpperCase().padStart(8, '0');
}

export function openApiV3Document(
  registry: ResourceRegistry,
  group: string,
  version: string,
): Loose | undefined {
  const types = typesIn(registry, group, version);
  if (types.length === 0) return undefined;
  const prefix = `/${gvPath(group, version)}`;
  const paths: Record<string, Loose> = {};
  for (const t of types) {
    const path = t.namespaced
      ? `${prefix}/namespaces/{namespace}/${t.plural}/{name}`
      : `${prefix}/${t.plural}/{name}`;
    const gvk = { group: t.group, version, kind: t.kind };
    paths[path] = {
      patch: {
        operationId: `patch${t.kind}`,
        'x-kubernetes-action': 'patch',
        'x-kubernetes-group-version-kind': gvk,
        parameters: [
          { name: 'dryRun', in: 'query', schema: { type: 'string' } },
          { name: 'fieldManager', in: 'query', schema: { type: 'string' } },
          { name: 'fieldValidation', in: 'query', schema: { type: 'string' } },
          { name: 'force', in: 'query', schema: { type: 'boolean' } },
        ],
        responses: { '200': { description: 'OK' } },
      },
    };
  }
  return {
    openapi: '3.0.0',
    info: { title: 'Kubernetes (simulated)', version: 'unversioned' },
    paths,
    components: { schemas: {} },
  };
}
