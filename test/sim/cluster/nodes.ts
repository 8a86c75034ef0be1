/** The k3d topology: one server node and N agents, plus the namespaces k3s starts with. */
import type { ClusterContext } from './context.js';

/** `rancher/k3s:v1.34.8-k3s1` -> `v1.34.8+k3s1` (how k3s reports its kubelet version). */
export function kubeletVersionOf(image: string): string {
  const tag = image.includes(':') ? image.slice(image.lastIndexOf(':') + 1) : '';
  const m = /^(v\d+\.\d+\.\d+)(?:-(k3s\d+))?/.exec(tag);
  if (!m) return 'v1.34.8+k3s1';
  return m[2] ? `${m[1]}+${m[2]}` : m[1]!;
}

export function nodeNamesFor(clusterName: string, agents: number): string[] {
  const names = [`k3d-${clusterName}-server-0`];
  for (let i = 0; i < agents; i++) names.push(`k3d-${clusterName}-agent-${i}`);
  return names;
}

export function bootstrapCluster(ctx: ClusterContext, kubeletVersion: string): void {
  const nsType = ctx.core('namespaces');
  for (const name of ['default', 'kube-system', 'kube-public', 'kube-node-lease']) {
    ctx.store.create(nsType, {
      apiVersion: 'v1',
      kind: 'Namespace',
      metadata: { name, labels: { 'kubernetes.io/metadata.name': name } },
      spec: { finalizers: ['kubernetes'] },
      status: { phase: 'Active' },
    });
  }
  ctx.store.create(ctx.core('services'), {
    apiVersion: 'v1',
    kind: 'Service',
    metadata: {
      name: 'kubernetes',
      namespace: 'default',
      labels: { component: 'apiserver', provider: 'kubernetes' },
    },
    spec: {
      type: 'ClusterIP',
      clusterIP: '10.43.0.1',
      clusterIPs: ['10.43.0.1'],
      ports: [{ name: 'https', port: 443, protocol: 'TCP', targetPort: 6443 }],
    },
  });
  const nodeType = ctx.core('nodes');
  ctx.nodeNames.forEach((name, index) => {
    const server = index === 0;
    const created = ctx.store.create(nodeType, {
      apiVersion: 'v1',
      kind: 'Node',
      metadata: {
        name,
        labels: {
          'kubernetes.io/hostname': name,
          'kubernetes.io/os': 'linux',
          'kubernetes.io/arch': 'amd64',
          'node.kubernetes.io/instance-type': 'k3s',
          ...(server
            ? {
                'node-role.kubernetes.io/control-plane': 'true',
                'node-role.kubernetes.io/master': 'true',
              }
            : {}),
        },
      },
      spec: { podCIDR: `10.42.${index}.0/24`, providerID: `k3s://${name}` },
    });
    const now = new Date().toISOString().replace(/\.\d{3}Z$/, 'Z');
    ctx.setStatus(nodeType, created, {
      addresses: [
        { type: 'InternalIP', address: `172.18.0.${index + 2}` },
        { type: 'Hostname', address: name },
      ],
      capacity: { cpu: '2', memory: '8145440Ki', pods: '110' },
      allocatable: { cpu: '2', memory: '8145440Ki', pods: '110' },
      conditions: [
        {
          type: 'MemoryPressure',
          status: 'False',
          reason: 'KubeletHasSufficientMemory',
          message: 'kubelet has sufficient memory available',
          lastHeartbeatTime: now,
          lastTransitionTime: now,
        },
        {
          type: 'DiskPressure',
          status: 'False',
          reason: 'KubeletHasNoDiskPressure',
          message: 'kubelet has no disk pressure',
          lastHeartbeatTime: now,
          lastTransitionTime: now,
        },
        {
          type: 'PIDPressure',
          status: 'False',
          reason: 'KubeletHasSufficientPID',
          message: 'kubelet has sufficient PID available',
          lastHeartbeatTime: now,
          lastTransitionTime: now,
        },
        {
          type: 'Ready',
          status: 'True',
          reason: 'KubeletReady',
          message: 'kubelet is posting ready status',
          lastHeartbeatTime: now,
          lastTransitionTime: now,
        },
      ],
      nodeInfo: {
        kubeletVersion,
        kubeProxyVersion: kubeletVersion,
        containerRuntimeVersion: 'containerd://2.0.5-k3s1',
        operatingSystem: 'linux',
        architecture: 'amd64',
        osImage: 'K3s v1 (simulated)',
        kernelVersion: '6.8.0',
      },
    });
  });
}
