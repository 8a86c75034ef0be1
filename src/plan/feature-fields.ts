/**
 * Pod spec fields Knative Serving 1.22's webhook refuses with "must not set the field(s)": those
 * behind a config-features flag that is Disabled by default, and those no flag allows. The preview
 * cluster runs Knative with its default config-features, so such a field fails the deploy; the
 * plan refuses it first, naming the flag that would allow it. Pure.
 *
 * Source: knative/serving knative-v1.22.1 pkg/apis/serving/fieldmask.go (PodSpecMask,
 * ContainerMask, SecurityContextMask, CapabilitiesMask, VolumeMountMask, VolumeSourceMask,
 * EnvVarSourceMask, ContainerPortMask), pkg/apis/serving/k8s_validation.go, and the defaults in
 * pkg/apis/config/features.go. A Go zero value (false, "", 0) counts as unset; a present
 * pointer-typed field, map or list counts as set, even when empty.
 */
import type { RuleViolation } from './knative-rules.js';

export type FeatureFlag = 'Enabled' | 'Allowed' | 'Disabled';

/** config-features keys and their defaults in Knative Serving 1.22 (features.go). */
export const DEFAULT_FEATURES: Readonly<Record<string, FeatureFlag>> = {
  'kubernetes.containerspec-addcapabilities': 'Disabled',
  'kubernetes.podspec-affinity': 'Disabled',
  'kubernetes.podspec-dnsconfig': 'Disabled',
  'kubernetes.podspec-dnspolicy': 'Disabled',
  'kubernetes.podspec-fieldref': 'Disabled',
  'kubernetes.podspec-hostaliases': 'Disabled',
  'kubernetes.podspec-hostipc': 'Disabled',
  'kubernetes.podspec-hostnetwork': 'Disabled',
  'kubernetes.podspec-hostpid': 'Disabled',
  'kubernetes.podspec-init-containers': 'Disabled',
  'kubernetes.podspec-nodeselector': 'Disabled',
  'kubernetes.podspec-persistent-volume-claim': 'Disabled',
  'kubernetes.podspec-priorityclassname': 'Disabled',
  'kubernetes.podspec-runtimeclassname': 'Disabled',
  'kubernetes.podspec-schedulername': 'Disabled',
  'kubernetes.podspec-securitycontext': 'Disabled',
  'kubernetes.podspec-shareprocessnamespace': 'Disabled',
  'kubernetes.podspec-tolerations': 'Disabled',
  'kubernetes.podspec-topologyspreadconstraints': 'Disabled',
  'kubernetes.podspec-volumes-csi': 'Disabled',
  'kubernetes.podspec-volumes-emptydir': 'Enabled',
  'kubernetes.podspec-volumes-hostpath': 'Disabled',
  'kubernetes.podspec-volumes-image': 'Disabled',
  'kubernetes.podspec-volumes-mount-propagation': 'Disabled',
};

/** Pod spec fields behind a flag (PodSpecMask). */
const POD_FLAGS: Readonly<Record<string, string>> = {
  affinity: 'kubernetes.podspec-affinity',
  dnsConfig: 'kubernetes.podspec-dnsconfig',
  dnsPolicy: 'kubernetes.podspec-dnspolicy',
  hostAliases: 'kubernetes.podspec-hostaliases',
  hostIPC: 'kubernetes.podspec-hostipc',
  hostNetwork: 'kubernetes.podspec-hostnetwork',
  hostPID: 'kubernetes.podspec-hostpid',
  initContainers: 'kubernetes.podspec-init-containers',
  nodeSelector: 'kubernetes.podspec-nodeselector',
  priorityClassName: 'kubernetes.podspec-priorityclassname',
  runtimeClassName: 'kubernetes.podspec-runtimeclassname',
  schedulerName: 'kubernetes.podspec-schedulername',
  securityContext: 'kubernetes.podspec-securitycontext',
  shareProcessNamespace: 'kubernetes.podspec-shareprocessnamespace',
  tolerations: 'kubernetes.podspec-tolerations',
  topologySpreadConstraints: 'kubernetes.podspec-topologyspreadconstraints',
};

/** Pod spec fields no flag allows (PodSpecMask's disallowed list). */
const POD_NEVER = [
  'activeDeadlineSeconds',
  'hostname',
  'nodeName',
  'priority',
  'readinessGates',
  'restartPolicy',
  'subdomain',
  'terminationGracePeriodSeconds',
];

/** Container fields no flag allows (ContainerMask, ContainerPortMask, SecurityContextMask). */
const CONTAINER_NEVER = ['lifecycle', 'stdin', 'stdinOnce', 'tty', 'volumeDevices'];
const SECURITY_CONTEXT_NEVER = ['seLinuxOptions', 'procMount', 'windowsOptions', 'appArmorProfile'];

/** Volume sources behind a flag (VolumeSourceMask); secret, configMap, projected always pass. */
const VOLUME_FLAGS: Readonly<Record<string, string>> = {
  csi: 'kubernetes.podspec-volumes-csi',
  emptyDir: 'kubernetes.podspec-volumes-emptydir',
  hostPath: 'kubernetes.podspec-volumes-hostpath',
  image: 'kubernetes.podspec-volumes-image',
  persistentVolumeClaim: 'kubernetes.podspec-persistent-volume-claim',
};
const VOLUME_ALWAYS = new Set(['name', 'secret', 'configMap', 'projected']);

/** Fields of pointer type in the Go structs: present counts as set, whatever the value. */
const POINTERS = new Set([
  'activeDeadlineSeconds',
  'affinity',
  'appArmorProfile',
  'dnsConfig',
  'lifecycle',
  'mountPropagation',
  'priority',
  'procMount',
  'runtimeClassName',
  'securityContext',
  'seLinuxOptions',
  'shareProcessNamespace',
  'terminationGracePeriodSeconds',
  'windowsOptions',
]);

function isSet(value: unknown, field: string): boolean {
  if (value === undefined || value === null) return false;
  if (POINTERS.has(field)) return true;
  return value !== false && value !== '' && value !== 0;
}

function record(value: unknown): Record<string, unknown> | undefined {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
    ? (value as Record<string, unknown>)
    : undefined;
}

function list(value: unknown): unknown[] {
  return Array.isArray(value) ? value : [];
}

type Path = (string | number)[];

function dotted(path: Path): string {
  return path.reduce<string>(
    (out, part) => (typeof part === 'number' ? `${out}[${part}]` : out ? `${out}.${part}` : part),
    '',
  );
}

function flagged(path: Path, flag: string, value: FeatureFlag): RuleViolation {
  return {
    path,
    message: `${dotted(path)} is refused by Knative Serving's webhook ("must not set the field(s)"): the field is behind the config-features flag ${flag}, which is ${value} in the Knative the preview installs. Remove it from the manifest (a cluster whose config-features sets ${flag}: Enabled would accept it).`,
  };
}

function never(path: Path, detail = ''): RuleViolation {
  return {
    path,
    message: `${dotted(path)} is refused by Knative Serving's webhook ("must not set the field(s)")${detail}: no config-features flag allows it. Remove it from the manifest.`,
  };
}

function containerViolations(
  container: Record<string, unknown>,
  at: Path,
  flags: Readonly<Record<string, FeatureFlag>>,
): RuleViolation[] {
  const out: RuleViolation[] = [];
  for (const field of CONTAINER_NEVER)
    if (isSet(container[field], field)) out.push(never([...at, field]));
  const sc = record(container.securityContext);
  if (sc) {
    for (const field of SECURITY_CONTEXT_NEVER)
      if (isSet(sc[field], field)) out.push(never([...at, 'securityContext', field]));
    if (sc.privileged === true)
      out.push(
        never([...at, 'securityContext', 'privileged'], ' (only privileged: false may be set)'),
      );
    const add = record(sc.capabilities)?.add;
    const addFlag = 'kubernetes.containerspec-addcapabilities';
    if (add !== undefined && add !== null && flags[addFlag] !== 'Enabled')
      out.push(
        flagged(
          [...at, 'securityContext', 'capabilities', 'add'],
          addFlag,
          flags[addFlag] ?? 'Disabled',
        ),
      );
  }
  const fieldRef = 'kubernetes.podspec-fieldref';
  if (flags[fieldRef] === 'Disabled') {
    list(container.env).forEach((env, i) => {
      const from = record(record(env)?.valueFrom);
      for (const field of ['fieldRef', 'resourceFieldRef'])
        if (isSet(from?.[field], field))
          out.push(flagged([...at, 'env', i, 'valueFrom', field], fieldRef, 'Disabled'));
    });
  }
  const propagation = 'kubernetes.podspec-volumes-mount-propagation';
  if (flags[propagation] === 'Disabled') {
    list(container.volumeMounts).forEach((mount, i) => {
      if (isSet(record(mount)?.mountPropagation, 'mountPropagation'))
        out.push(flagged([...at, 'volumeMounts', i, 'mountPropagation'], propagation, 'Disabled'));
    });
  }
  list(container.ports).forEach((port, i) => {
    for (const field of ['hostIP', 'hostPort'])
      if (isSet(record(port)?.[field], field)) out.push(never([...at, 'ports', i, field]));
  });
  return out;
}

/**
 * An existing cluster's config-features are its owner's choice, unknown at plan time: the plan
 * then refuses only what Knative never allows, and leaves flagged fields to the cluster's webhook.
 */
export const CLUSTER_DECIDES_FEATURES: Readonly<Record<string, FeatureFlag>> = Object.fromEntries(
  Object.keys(DEFAULT_FEATURES).map((flag) => [flag, 'Allowed' as const]),
);

/**
 * The fields of a revision template's pod spec (`spec.template.spec`) the webhook would refuse
 * under `flags` (Knative 1.22's defaults unless given), in the order they appear.
 */
export function featureFieldViolations(
  podSpec: unknown,
  flags: Readonly<Record<string, FeatureFlag>> = DEFAULT_FEATURES,
  at: Path = ['spec', 'template', 'spec'],
): RuleViolation[] {
  const spec = record(podSpec);
  if (!spec) return [];
  const out: RuleViolation[] = [];
  for (const field of Object.keys(spec)) {
    const flag = POD_FLAGS[field];
    if (flag && flags[flag] === 'Disabled' && isSet(spec[field], field))
      out.push(flagged([...at, field], flag, 'Disabled'));
    if (POD_NEVER.includes(field) && isSet(spec[field], field)) out.push(never([...at, field]));
  }
  if (spec.automountServiceAccountToken === true)
    out.push(
      never(
        [...at, 'automountServiceAccountToken'],
        ' (only automountServiceAccountToken: false may be set)',
      ),
    );
  list(spec.containers).forEach((c, i) => {
    const container = record(c);
    if (container) out.push(...containerViolations(container, [...at, 'containers', i], flags));
  });
  list(spec.volumes).forEach((v, i) => {
    const volume = record(v) ?? {};
    for (const field of Object.keys(volume)) {
      if (VOLUME_ALWAYS.has(field) || !isSet(volume[field], field)) continue;
      const flag = VOLUME_FLAGS[field];
      if (!flag) out.push(never([...at, 'volumes', i, field]));
      else if (flags[flag] !== 'Enabled')
        out.push(flagged([...at, 'volumes', i, field], flag, flags[flag] ?? 'Disabled'));
    }
  });
  return out;
}
