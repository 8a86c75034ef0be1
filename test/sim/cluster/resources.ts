/** The kinds the API serves: a fixed built-in set plus whatever established CRDs add. */
import type { KObject, Loose, ResourceType } from './types.js';

interface BuiltIn {
  gv: string;
  kind: string;
  plural: string;
  namespaced: boolean;
  shortNames?: string[];
  categories?: string[];
  status?: boolean;
}

const BUILT_INS: BuiltIn[] = [
  {
    gv: 'v1',
    kind: 'Namespace',
    plural: 'namespaces',
    namespaced: false,
    shortNames: ['ns'],
    status: true,
  },
  { gv: 'v1', kind: 'Node', plural: 'nodes', namespaced: false, shortNames: ['no'], status: true },
  {
    gv: 'v1',
    kind: 'Pod',
    plural: 'pods',
    namespaced: true,
    shortNames: ['po'],
    categories: ['all'],
    status: true,
  },
  {
    gv: 'v1',
    kind: 'Service',
    plural: 'services',
    namespaced: true,
    shortNames: ['svc'],
    categories: ['all'],
    status: true,
  },
  { gv: 'v1', kind: 'ConfigMap', plural: 'configmaps', namespaced: true, shortNames: ['cm'] },
  { gv: 'v1', kind: 'Secret', plural: 'secrets', namespaced: true },
  {
    gv: 'v1',
    kind: 'ServiceAccount',
    plural: 'serviceaccounts',
    namespaced: true,
    shortNames: ['sa'],
  },
  { gv: 'v1', kind: 'Event', plural: 'events', namespaced: true, shortNames: ['ev'] },
  { gv: 'v1', kind: 'Endpoints', plural: 'endpoints', namespaced: true, shortNames: ['ep'] },
  {
    gv: 'apps/v1',
    kind: 'Deployment',
    plural: 'deployments',
    namespaced: true,
    shortNames: ['deploy'],
    categories: ['all'],
    status: true,
  },
  {
    gv: 'apps/v1',
    kind: 'DaemonSet',
    plural: 'daemonsets',
    namespaced: true,
    shortNames: ['ds'],
    categories: ['all'],
    status: true,
  },
  {
    gv: 'apps/v1',
    kind: 'ReplicaSet',
    plural: 'replicasets',
    namespaced: true,
    shortNames: ['rs'],
    categories: ['all'],
    status: true,
  },
  {
    gv: 'apps/v1',
    kind: 'StatefulSet',
    plural: 'statefulsets',
    namespaced: true,
    shortNames: ['sts'],
    categories: ['all'],
    status: true,
  },
  {
    gv: 'batch/v1',
    kind: 'Job',
    plural: 'jobs',
    namespaced: true,
    categories: ['all'],
    status: true,
  },
  {
    gv: 'apiextensions.k8s.io/v1',
    kind: 'CustomResourceDefinition',
    plural: 'customresourcedefinitions',
    namespaced: false,
    shortNames: ['crd', 'crds'],
    status: true,
  },
  {
    gv: 'rbac.authorization.k8s.io/v1',
    kind: 'ClusterRole',
    plural: 'clusterroles',
    namespaced: false,
  },
  {
    gv: 'rbac.authorization.k8s.io/v1',
    kind: 'ClusterRoleBinding',
    plural: 'clusterrolebindings',
    namespaced: false,
  },
  { gv: 'rbac.authorization.k8s.io/v1', kind: 'Role', plural: 'roles', namespaced: true },
  {
    gv: 'rbac.authorization.k8s.io/v1',
    kind: 'RoleBinding',
    plural: 'rolebindings',
    namespaced: true,
  },
  {
    gv: 'admissionregistration.k8s.io/v1',
    kind: 'MutatingWebhookConfiguration',
    plural: 'mutatingwebhookconfigurations',
    namespaced: false,
  },
  {
    gv: 'admissionregistration.k8s.io/v1',
    kind: 'ValidatingWebhookConfiguration',
    plural: 'validatingwebhookconfigurations',
    namespaced: false,
  },
  {
    gv: 'policy/v1',
    kind: 'PodDisruptionBudget',
    plural: 'poddisruptionbudgets',
    namespaced: true,
    shortNames: ['pdb'],
    status: true,
  },
  {
    gv: 'autoscaling/v2',
    kind: 'HorizontalPodAutoscaler',
    plural: 'horizontalpodautoscalers',
    namespaced: true,
    shortNames: ['hpa'],
    categories: ['all'],
    status: true,
  },
  {
    gv: 'networking.k8s.io/v1',
    kind: 'Ingress',
    plural: 'ingresses',
    namespaced: true,
    shortNames: ['ing'],
    status: true,
  },
  {
    gv: 'networking.k8s.io/v1',
    kind: 'NetworkPolicy',
    plural: 'networkpolicies',
    namespaced: true,
    shortNames: ['netpol'],
  },
  { gv: 'coordination.k8s.io/v1', kind: 'Lease', plural: 'leases', namespaced: true },
];

function builtInType(b: BuiltIn): ResourceType {
  const [group, version] = b.gv.includes('/') ? (b.gv.split('/') as [string, string]) : ['', b.gv];
  return {
    group,
    version,
    versions: [version],
    kind: b.kind,
    plural: b.plural,
    singular: b.kind.toLowerCase(),
    namespaced: b.namespaced,
    shortNames: b.shortNames ?? [],
    categories: b.categories ?? [],
    hasStatus: b.status ?? false,
  };
}

export function storeKey(group: string, plural: string): string {
  return `${group}/${plural}`;
}

export class ResourceRegistry {
  private readonly builtIns = new Map<string, ResourceType>();
  private readonly custom = new Map<string, ResourceType>();

  constructor() {
    for (const b of BUILT_INS) {
      const type = builtInType(b);
      this.builtIns.set(storeKey(type.group, type.plural), type);
    }
  }

  all(): ResourceType[] {
    return [...this.builtIns.values(), ...this.custom.values()];
  }

  /** The type served at /apis/<group>/<version>/<plural>, if any. */
  find(group: string, version: string, plural: string): ResourceType | undefined {
    const key = storeKey(group, plural);
    const type = this.builtIns.get(key) ?? this.custom.get(key);
    return type && type.versions.includes(version) ? type : undefined;
  }

  byKind(apiVersion: string, kind: string): ResourceType | undefined {
    const [group, version] = apiVersion.includes('/')
      ? (apiVersion.split('/') as [string, string])
      : ['', apiVersion];
    return this.all().find(
      (t) => t.group === group && t.kind === kind && t.versions.includes(version),
    );
  }

  isCustom(type: ResourceType): boolean {
    return this.custom.has(storeKey(type.group, type.plural));
  }

  /** Serve (or stop serving) the kind a CRD defines; called when it becomes Established or is deleted. */
  setCustom(crd: KObject, served: boolean): void {
    const spec = crd.spec as Loose;
    const key = storeKey(spec.group, spec.names.plural);
    if (!served) {
      this.custom.delete(key);
      return;
    }
    const versions = (spec.versions as Loose[]).filter((v) => v.served !== false);
    const storage = versions.find((v) => v.storage) ?? versions[0];
    if (!storage) return;
    this.custom.set(key, {
      group: spec.group,
      version: storage.name,
      versions: versions.map((v) => v.name as string),
      kind: spec.names.kind,
      plural: spec.names.plural,
      singular: spec.names.singular ?? spec.names.kind.toLowerCase(),
      namespaced: spec.scope !== 'Cluster',
      shortNames: spec.names.shortNames ?? [],
      categories: spec.names.categories ?? [],
      hasStatus: Boolean(storage.subresources?.status),
      printerColumns: storage.additionalPrinterColumns ?? [],
    });
  }
}
