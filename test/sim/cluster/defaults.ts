/** API-server defaulting for built-in kinds that kubectl's waits and rollout checks read (namespaces: namespaces.ts). */
import type { AdmissionRequest } from './api-server.js';
import { podSuffix } from './context.js';
import type { Loose } from './types.js';

export function applyBuiltInDefaults(request: AdmissionRequest): void {
  if (request.operation === 'DELETE' || request.subresource) return;
  const { type, object } = request;
  const spec: Loose = object.spec;
  if (type.group === 'apps' && type.plural === 'deployments' && spec) {
    spec.replicas ??= 1;
    spec.strategy ??= {
      type: 'RollingUpdate',
      rollingUpdate: { maxUnavailable: '25%', maxSurge: '25%' },
    };
    spec.revisionHistoryLimit ??= 10;
    spec.progressDeadlineSeconds ??= 600;
  }
  if (type.group === 'apps' && type.plural === 'daemonsets' && spec) {
    spec.updateStrategy ??= {
      type: 'RollingUpdate',
      rollingUpdate: { maxUnavailable: 1, maxSurge: 0 },
    };
    spec.revisionHistoryLimit ??= 10;
  }
  if (type.group === 'apps' && type.plural === 'statefulsets' && spec) {
    spec.replicas ??= 1;
    spec.updateStrategy ??= { type: 'RollingUpdate', rollingUpdate: { partition: 0 } };
  }
  if (type.group === 'batch' && type.plural === 'jobs' && spec) {
    spec.completions ??= 1;
    spec.parallelism ??= 1;
    spec.backoffLimit ??= 6;
  }
  if (type.group === '' && type.plural === 'services' && spec) {
    spec.type ??= 'ClusterIP';
    if (spec.clusterIP === undefined && spec.type !== 'ExternalName') {
      const old: Loose = request.oldObject?.spec;
      spec.clusterIP =
        old?.clusterIP ??
        `10.43.${parseInt(podSuffix(object.metadata.name, 2), 36) % 250}.${(parseInt(podSuffix(object.metadata.namespace ?? '', 2), 36) % 250) + 2}`;
      spec.clusterIPs = [spec.clusterIP];
    }
    for (const port of spec.ports ?? []) {
      port.protocol ??= 'TCP';
      port.targetPort ??= port.port;
    }
  }
}
