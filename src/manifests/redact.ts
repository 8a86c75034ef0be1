/**
 * Secret values are never shown. Every place that displays a manifest (the log, the job summary,
 * the plan files) shows it through these functions; what is applied to the cluster is the
 * unredacted object, kept in memory.
 */
import { stringify } from 'yaml';
import type { KubeObject } from '../kube/object.js';
import type { PreviewPlan } from '../plan/types.js';

/** What a redacted value reads as. */
export const REDACTED = '<redacted>';

/** The fields of a Secret that hold its values. */
const VALUE_FIELDS = ['data', 'stringData'] as const;

/** kubectl copies the whole object, values included, into this annotation. */
const LAST_APPLIED = 'kubectl.kubernetes.io/last-applied-configuration';

/**
 * A Secret of any apiVersion and any spelling of the kind: only v1 Secret is real, but a
 * misspelled one is displayed before the API server could refuse it.
 */
export function isSecret(object: unknown): boolean {
  return (
    isRecord(object) && typeof object.kind === 'string' && object.kind.toLowerCase() === 'secret'
  );
}

/**
 * A copy of `object` with every value of a Secret's data and stringData replaced by REDACTED (the
 * keys are kept, so the reader still sees what the Secret holds). Lists (`kind: List`, or any
 * kind ending in List with items) are redacted item by item. Anything else is returned as it is.
 */
export function redactSecrets<T>(object: T): T {
  if (!isRecord(object)) return object;
  if (
    typeof object.kind === 'string' &&
    object.kind.endsWith('List') &&
    Array.isArray(object.items)
  ) {
    return { ...object, items: object.items.map((item: unknown) => redactSecrets(item)) };
  }
  if (!isSecret(object)) return object;
  const copy: Record<string, unknown> = { ...object };
  for (const field of VALUE_FIELDS) {
    if (field in copy) copy[field] = redactValues(copy[field]);
  }
  const metadata = copy.metadata;
  if (isRecord(metadata) && isRecord(metadata.annotations) && LAST_APPLIED in metadata.annotations)
    copy.metadata = {
      ...metadata,
      annotations: { ...metadata.annotations, [LAST_APPLIED]: REDACTED },
    };
  return copy as T;
}

function redactValues(value: unknown): unknown {
  if (!isRecord(value)) return REDACTED;
  return Object.fromEntries(Object.keys(value).map((key) => [key, REDACTED]));
}

/** An object as YAML for people to read: Secret values redacted. */
export function displayYaml(object: KubeObject): string {
  return stringify(redactSecrets(object));
}

/** The plan for people to read (plan.json): every manifest in it with Secret values redacted. */
export function redactPlan(plan: PreviewPlan): PreviewPlan {
  return {
    ...plan,
    services: plan.services.map((service) => ({
      ...service,
      manifests: {
        ...(service.manifests.base ? { base: redactSecrets(service.manifests.base) } : {}),
        pr: redactSecrets(service.manifests.pr),
      },
    })),
    otherObjects: plan.otherObjects.map((object) => redactSecrets(object)),
  };
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
