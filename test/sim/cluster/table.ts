/** Minimal server-side printing (meta.k8s.io/v1 Table), enough for a readable `kubectl get`. */
import { evaluateJsonPath } from './jsonpath.js';
import type { KObject, Loose, ResourceType } from './types.js';

interface Column {
  name: string;
  type?: string;
  format?: string;
  cell: (obj: KObject) => unknown;
}

export function age(creationTimestamp: string | undefined, now = Date.now()): string {
  if (!creationTimestamp) return '<unknown>';
  const s = Math.max(0, Math.floor((now - Date.parse(creationTimestamp)) / 1000));
  if (s < 120) return `${s}s`;
  const m = Math.floor(s / 60);
  if (m < 10) return `${m}m${s % 60}s`;
  if (m < 180) return `${m}m`;
  const h = Math.floor(m / 60);
  return h < 48 ? `${h}h` : `${Math.floor(h / 24)}d`;
}

const name: Column = { name: 'Name', format: 'name', cell: (o) => o.metadata.name };
const ageColumn: Column = {
  name: 'Age',
  type: 'date',
  cell: (o) => age(o.metadata.creationTimestamp),
};

function condition(obj: KObject, type: string): Loose {
  return (obj.status?.conditions ?? []).find((c: Loose) => c.type === type);
}

const BUILT_IN_COLUMNS: Record<string, Column[]> = {
  pods: [
    name,
    {
      name: 'Ready',
      cell: (o) => {
        const statuses: Loose[] = o.status?.containerStatuses ?? [];
        const total = (o.spec?.containers ?? []).length || statuses.length;
        return `${statuses.filter((s) => s.ready).length}/${total}`;
      },
    },
    {
      name: 'Status',
      cell: (o) =>
        (o.status?.containerStatuses ?? [])
          .map((s: Loose) => s.state?.waiting?.reason)
          .find(Boolean) ??
        o.status?.phase ??
        'Pending',
    },
    { name: 'Restarts', type: 'integer', cell: () => 0 },
    ageColumn,
  ],
  deployments: [
    name,
    { name: 'Ready', cell: (o) => `${o.status?.readyReplicas ?? 0}/${o.spec?.replicas ?? 1}` },
    { name: 'Up-to-date', type: 'integer', cell: (o) => o.status?.updatedReplicas ?? 0 },
    { name: 'Available', type: 'integer', cell: (o) => o.status?.availableReplicas ?? 0 },
    ageColumn,
  ],
  daemonsets: [
    name,
    { name: 'Desired', type: 'integer', cell: (o) => o.status?.desiredNumberScheduled ?? 0 },
    { name: 'Current', type: 'integer', cell: (o) => o.status?.currentNumberScheduled ?? 0 },
    { name: 'Ready', type: 'integer', cell: (o) => o.status?.numberReady ?? 0 },
    { name: 'Up-to-date', type: 'integer', cell: (o) => o.status?.updatedNumberScheduled ?? 0 },
    { name: 'Available', type: 'integer', cell: (o) => o.status?.numberAvailable ?? 0 },
    ageColumn,
  ],
  jobs: [
    name,
    {
      name: 'Status',
      cell: (o) =>
        condition(o, 'Complete')?.status === 'True'
          ? 'Complete'
          : condition(o, 'Failed')?.status === 'True'
            ? 'Failed'
            : 'Running',
    },
    { name: 'Completions', cell: (o) => `${o.status?.succeeded ?? 0}/${o.spec?.completions ?? 1}` },
    ageColumn,
  ],
  nodes: [
    name,
    {
      name: 'Status',
      cell: (o) => (condition(o, 'Ready')?.status === 'True' ? 'Ready' : 'NotReady'),
    },
    {
      name: 'Roles',
      cell: (o) =>
        Object.keys(o.metadata.labels ?? {})
          .filter((k) => k.startsWith('node-role.kubernetes.io/'))
          .map((k) => k.slice('node-role.kubernetes.io/'.length))
          .join(',') || '<none>',
    },
    ageColumn,
    { name: 'Version', cell: (o) => o.status?.nodeInfo?.kubeletVersion ?? '' },
  ],
  namespaces: [name, { name: 'Status', cell: (o) => o.status?.phase ?? 'Active' }, ageColumn],
  services: [
    name,
    { name: 'Type', cell: (o) => o.spec?.type ?? 'ClusterIP' },
    { name: 'Cluster-IP', cell: (o) => o.spec?.clusterIP ?? '<none>' },
    {
      name: 'External-IP',
      cell: (o) =>
        o.spec?.externalName ??
        ((o.status?.loadBalancer?.ingress ?? []).map((i: Loose) => i.ip).join(',') || '<none>'),
    },
    {
      name: 'Port(s)',
      cell: (o) =>
        (o.spec?.ports ?? []).map((p: Loose) => `${p.port}/${p.protocol ?? 'TCP'}`).join(',') ||
        '<none>',
    },
    ageColumn,
  ],
  configmaps: [
    name,
    { name: 'Data', type: 'integer', cell: (o) => Object.keys(o.data ?? {}).length },
    ageColumn,
  ],
  events: [
    { name: 'Last Seen', cell: (o) => age(o.lastTimestamp ?? o.metadata.creationTimestamp) },
    { name: 'Type', cell: (o) => o.type ?? 'Normal' },
    { name: 'Reason', cell: (o) => o.reason ?? '' },
    {
      name: 'Object',
      cell: (o) =>
        `${String(o.involvedObject?.kind ?? '').toLowerCase()}/${o.involvedObject?.name ?? ''}`,
    },
    { name: 'Message', cell: (o) => o.message ?? '' },
  ],
  customresourcedefinitions: [
    name,
    { name: 'Created At', cell: (o) => o.metadata.creationTimestamp },
  ],
};

function columnsFor(type: ResourceType): Column[] {
  const builtIn =
    type.group === '' ||
    type.group === 'apps' ||
    type.group === 'batch' ||
    type.group === 'apiextensions.k8s.io';
  const known = builtIn ? BUILT_IN_COLUMNS[type.plural] : undefined;
  if (known) return known;
  if (type.printerColumns?.length) {
    const custom: Column[] = type.printerColumns
      .filter((c) => !c.priority)
      .map((c) => ({
        name: c.name,
        type: c.type,
        cell: (o: KObject) => {
          const values = evaluateJsonPath(o, c.jsonPath);
          if (c.type === 'date') return values[0] ? age(String(values[0])) : '';
          return values.map(String).join(',');
        },
      }));
    const hasAge = type.printerColumns.some((c) => c.name.toLowerCase() === 'age');
    return [name, ...custom, ...(hasAge ? [] : [ageColumn])];
  }
  return [name, ageColumn];
}

/**
 * A meta.k8s.io/v1 Table. Each row carries the object as `includeObject` asks: its metadata
 * (the default), the whole object (kubectl asks for it to sort by a field), or nothing.
 */
export function toTable(
  type: ResourceType,
  objects: KObject[],
  resourceVersion: string,
  includeObject: string | null = null,
): Loose {
  const columns = columnsFor(type);
  return {
    kind: 'Table',
    apiVersion: 'meta.k8s.io/v1',
    metadata: { resourceVersion },
    columnDefinitions: columns.map((c) => ({
      name: c.name,
      type: c.type === 'date' ? 'string' : (c.type ?? 'string'),
      format: c.format ?? '',
      description: '',
      priority: 0,
    })),
    rows: objects.map((o) => ({
      cells: columns.map((c) => c.cell(o) ?? ''),
      ...(includeObject === 'None'
        ? {}
        : {
            object:
              includeObject === 'Object'
                ? o
                : {
                    kind: 'PartialObjectMetadata',
                    apiVersion: 'meta.k8s.io/v1',
                    metadata: o.metadata,
                  },
          }),
    })),
  };
}
