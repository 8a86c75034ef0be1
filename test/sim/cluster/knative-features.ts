/**
 * The pod spec fields Knative Serving's webhook lets through, from its field masks and the
 * config-features flags (pkg/apis/serving/fieldmask.go, pkg/apis/serving/k8s_validation.go,
 * pkg/apis/config/features.go at knative-v1.22.1). A field the mask drops is refused with
 * "must not set the field(s)". A Go zero value (false, "", 0) counts as unset; a present pointer,
 * map or list (even empty) counts as set, as go-cmp's comparison in kmp.CompareSetFields does.
 */
import type { Loose } from './types.js';

export type Flag = 'Enabled' | 'Disabled' | 'Allowed' | 'AllowRootBounded';

/** defaultFeaturesConfig(): every pod spec extra is Disabled except emptyDir volumes. */
const DEFAULTS: Record<string, Flag> = {
  'kubernetes.containerspec-addcapabilities': 'Disabled',
  'kubernetes.podspec-affinity': 'Disabled',
  'kubernetes.podspec-dnsconfig': 'Disabled',
  'kubernetes.podspec-dnspolicy': 'Disabled',
  'kubernetes.podspec-volumes-emptydir': 'Enabled',
  'kubernetes.podspec-fieldref': 'Disabled',
  'kubernetes.podspec-hostaliases': 'Disabled',
  'kubernetes.podspec-hostipc': 'Disabled',
  'kubernetes.podspec-hostnetwork': 'Disabled',
  'kubernetes.podspec-hostpid': 'Disabled',
  'kubernetes.podspec-volumes-hostpath': 'Disabled',
  'kubernetes.podspec-volumes-csi': 'Disabled',
  'kubernetes.podspec-volumes-image': 'Disabled',
  'kubernetes.podspec-init-containers': 'Disabled',
  'kubernetes.podspec-volumes-mount-propagation': 'Disabled',
  'kubernetes.podspec-nodeselector': 'Disabled',
  'kubernetes.podspec-persistent-volume-claim': 'Disabled',
  'kubernetes.podspec-persistent-volume-write': 'Disabled',
  'kubernetes.podspec-priorityclassname': 'Disabled',
  'kubernetes.podspec-runtimeclassname': 'Disabled',
  'kubernetes.podspec-schedulername': 'Disabled',
  'kubernetes.podspec-securitycontext': 'Disabled',
  'kubernetes.podspec-shareprocessnamespace': 'Disabled',
  'kubernetes.podspec-tolerations': 'Disabled',
  'kubernetes.podspec-topologyspreadconstraints': 'Disabled',
  'secure-pod-defaults': 'Disabled',
};

/** The flags as config-features' data sets them (case-insensitive values; others ignored). */
export function featureFlags(data: Record<string, string> = {}): Record<string, Flag> {
  const flags = { ...DEFAULTS };
  for (const key of Object.keys(DEFAULTS)) {
    const raw = data[key];
    if (raw === undefined) continue;
    const allowed: Flag[] =
      key === 'secure-pod-defaults'
        ? ['Disabled', 'AllowRootBounded', 'Enabled']
        : ['Enabled', 'Allowed', 'Disabled'];
    const flag = allowed.find((f) => f.toLowerCase() === raw.trim().toLowerCase());
    if (flag) flags[key] = flag;
  }
  return flags;
}

export interface FieldError {
  message: string;
  paths: string[];
}

const DISALLOWED = 'must not set the field(s)';

/** Pod spec fields behind a flag (PodSpecMask). */
const POD_FEATURES: Record<string, string> = {
  affinity: 'kubernetes.podspec-affinity',
  topologySpreadConstraints: 'kubernetes.podspec-topologyspreadconstraints',
  hostAliases: 'kubernetes.podspec-hostaliases',
  nodeSelector: 'kubernetes.podspec-nodeselector',
  runtimeClassName: 'kubernetes.podspec-runtimeclassname',
  tolerations: 'kubernetes.podspec-tolerations',
  shareProcessNamespace: 'kubernetes.podspec-shareprocessnamespace',
  priorityClassName: 'kubernetes.podspec-priorityclassname',
  schedulerName: 'kubernetes.podspec-schedulername',
  initContainers: 'kubernetes.podspec-init-containers',
  dnsPolicy: 'kubernetes.podspec-dnspolicy',
  dnsConfig: 'kubernetes.podspec-dnsconfig',
  hostIPC: 'kubernetes.podspec-hostipc',
  hostPID: 'kubernetes.podspec-hostpid',
  hostNetwork: 'kubernetes.podspec-hostnetwork',
};

/** Pod spec fields no flag allows (PodSpecMask's "disallowed" list). */
const POD_NEVER = [
  'restartPolicy',
  'terminationGracePeriodSeconds',
  'activeDeadlineSeconds',
  'nodeName',
  'hostname',
  'subdomain',
  'priority',
  'readinessGates',
];

/** Pointer fields in the Go types: present counts as set, whatever the value. */
const POINTERS = new Set([
  'shareProcessNamespace',
  'runtimeClassName',
  'securityContext',
  'affinity',
  'dnsConfig',
  'terminationGracePeriodSeconds',
  'activeDeadlineSeconds',
  'priority',
  'mountPropagation',
  'seLinuxOptions',
  'procMount',
  'windowsOptions',
  'appArmorProfile',
  'lifecycle',
]);

/** Set in the Go sense: a present pointer, map or list; a non-zero scalar. */
function isSet(value: unknown, field = ''): boolean {
  if (value === undefined || value === null) return false;
  if (POINTERS.has(field)) return true;
  if (value === false || value === '' || value === 0) return false;
  return true;
}

function disallowed(base: string, fields: string[]): FieldError[] {
  return fields.length ? [{ message: DISALLOWED, paths: fields.map((f) => `${base}.${f}`) }] : [];
}

function containerErrors(
  container: Loose,
  base: string,
  flags: Record<string, Flag>,
): FieldError[] {
  const errors: FieldError[] = [];
  errors.push(
    ...disallowed(
      base,
      ['lifecycle', 'stdin', 'stdinOnce', 'tty', 'volumeDevices'].filter((f) =>
        isSet(container?.[f], f),
      ),
    ),
  );
  const sc: Loose = container?.securityContext;
  if (sc) {
    const scFields = ['seLinuxOptions', 'procMount', 'windowsOptions', 'appArmorProfile'].filter(
      (f) => isSet(sc[f], f),
    );
    // Only privileged: false may be set.
    if (sc.privileged === true) scFields.push('privileged');
    errors.push(...disallowed(`${base}.securityContext`, scFields));
    const add: unknown = sc.capabilities?.add;
    if (add !== undefined && add !== null) {
      const secure = ['Enabled', 'AllowRootBounded'].includes(flags['secure-pod-defaults']!);
      const onlyBind = Array.isArray(add) && add.length === 1 && add[0] === 'NET_BIND_SERVICE';
      const allowed =
        flags['kubernetes.containerspec-addcapabilities'] === 'Enabled' || (secure && onlyBind);
      if (!allowed) errors.push(...disallowed(`${base}.securityContext.capabilities`, ['add']));
    }
  }
  (container?.env ?? []).forEach((env: Loose, i: number) => {
    const from: Loose = env?.valueFrom;
    if (!from || flags['kubernetes.podspec-fieldref'] !== 'Disabled') return;
    errors.push(
      ...disallowed(
        `${base}.env[${i}].valueFrom`,
        ['fieldRef', 'resourceFieldRef'].filter((f) => isSet(from[f])),
      ),
    );
  });
  (container?.volumeMounts ?? []).forEach((mount: Loose, i: number) => {
    if (
      isSet(mount?.mountPropagation, 'mountPropagation') &&
      flags['kubernetes.podspec-volumes-mount-propagation'] === 'Disabled'
    )
      errors.push(...disallowed(`${base}.volumeMounts[${i}]`, ['mountPropagation']));
  });
  (container?.ports ?? []).forEach((port: Loose, i: number) => {
    errors.push(
      ...disallowed(
        `${base}.ports[${i}]`,
        ['hostIP', 'hostPort'].filter((f) => isSet(port?.[f])),
      ),
    );
  });
  return errors;
}

const VOLUME_FEATURES: Record<
  string,
  { flag: string; label: string; named: (v: Loose) => string }
> = {
  emptyDir: {
    flag: 'kubernetes.podspec-volumes-emptydir',
    label: 'EmptyDir volume',
    named: (v) => v.name,
  },
  persistentVolumeClaim: {
    flag: 'kubernetes.podspec-persistent-volume-claim',
    label: 'persistent volume claim',
    named: (v) => v.persistentVolumeClaim?.claimName ?? '',
  },
  hostPath: {
    flag: 'kubernetes.podspec-volumes-hostpath',
    label: 'HostPath volume',
    named: (v) => v.name,
  },
  csi: { flag: 'kubernetes.podspec-volumes-csi', label: 'CSI volume', named: (v) => v.name },
  image: { flag: 'kubernetes.podspec-volumes-image', label: 'Image volume', named: (v) => v.name },
};
const VOLUME_ALWAYS = new Set(['name', 'secret', 'configMap', 'projected']);

function volumeErrors(volume: Loose, base: string, flags: Record<string, Flag>): FieldError[] {
  const errors: FieldError[] = [];
  const dropped: string[] = [];
  for (const key of Object.keys(volume ?? {})) {
    if (VOLUME_ALWAYS.has(key) || !isSet(volume[key])) continue;
    const feature = VOLUME_FEATURES[key];
    if (!feature || flags[feature.flag] === 'Disabled') dropped.push(key);
    if (feature && flags[feature.flag] !== 'Enabled') {
      const message =
        key === 'persistentVolumeClaim'
          ? `Persistent volume claim support is disabled, but found persistent volume claim ${feature.named(volume)}`
          : `${feature.label.replace(/ volume$/, '')} volume support is disabled, but found ${feature.label} ${feature.named(volume)}`;
      errors.push({ message, paths: [] });
    }
  }
  return [...errors, ...disallowed(base, dropped)];
}

/** What the webhook refuses in a revision's pod spec under these flags; `base` names the spec. */
export function podSpecFieldErrors(
  spec: Loose,
  flags: Record<string, Flag>,
  base = 'spec.template.spec',
): FieldError[] {
  if (!spec || typeof spec !== 'object') return [];
  const errors: FieldError[] = [];
  const podFields = Object.entries(POD_FEATURES)
    .filter(([field, flag]) => isSet(spec[field], field) && flags[flag] === 'Disabled')
    .map(([field]) => field);
  podFields.push(...POD_NEVER.filter((f) => isSet(spec[f], f)));
  // Only automountServiceAccountToken: false may be set.
  if (spec.automountServiceAccountToken === true) podFields.push('automountServiceAccountToken');
  const secure = flags['secure-pod-defaults'] !== 'Disabled';
  const podSecurityContext = flags['kubernetes.podspec-securitycontext'] !== 'Disabled';
  if (isSet(spec.securityContext, 'securityContext') && !podSecurityContext && !secure)
    podFields.push('securityContext');
  errors.push(...disallowed(base, podFields));
  if (isSet(spec.securityContext, 'securityContext') && (podSecurityContext || secure)) {
    const sc: Loose = spec.securityContext;
    const keep = podSecurityContext
      ? new Set([
          'runAsUser',
          'runAsGroup',
          'runAsNonRoot',
          'fsGroup',
          'supplementalGroups',
          'seccompProfile',
        ])
      : new Set<string>();
    const fields = Object.keys(sc).filter((k) => isSet(sc[k], k) && !keep.has(k));
    const seccompOk =
      ['RuntimeDefault', 'Unconfined'].includes(sc.seccompProfile?.type) &&
      ['Enabled', 'AllowRootBounded'].includes(flags['secure-pod-defaults']!);
    errors.push(
      ...disallowed(
        `${base}.securityContext`,
        fields.filter((f) => !(f === 'seccompProfile' && seccompOk)),
      ),
    );
  }
  (spec.containers ?? []).forEach((c: Loose, i: number) =>
    errors.push(...containerErrors(c, `${base}.containers[${i}]`, flags)),
  );
  if (flags['kubernetes.podspec-init-containers'] !== 'Disabled') {
    (spec.initContainers ?? []).forEach((c: Loose, i: number) =>
      errors.push(...containerErrors(c, `${base}.initContainers[${i}]`, flags)),
    );
  }
  (spec.volumes ?? []).forEach((v: Loose, i: number) =>
    errors.push(...volumeErrors(v, `${base}.volumes[${i}]`, flags)),
  );
  return errors;
}
