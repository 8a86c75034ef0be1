import type { KubeObject } from '../kube/object.js';
import { DEFAULT_FEATURES, featureFieldViolations, type FeatureFlag } from './feature-fields.js';
import type { TrafficTarget } from './types.js';

/** A problem the Knative webhook would refuse, with the path of the offending field. */
export interface RuleViolation {
  path: (string | number)[];
  message: string;
}

const DNS_1035 = /^[a-z]([-a-z0-9]*[a-z0-9])?$/;

export const isKnativeService = (object: KubeObject): boolean =>
  object.kind === 'Service' && object.apiVersion === 'serving.knative.dev/v1';

export const isDns1035Label = (value: string): boolean =>
  value.length <= 63 && DNS_1035.test(value);

/**
 * The checks Knative Serving's validating webhook makes on a Service that matter
 * here (names, traffic, containers, feature-flagged pod spec fields), so a bad
 * manifest fails in the plan with a line number instead of as an admission error
 * half-way through a deployment.
 */
export function knativeServiceViolations(
  service: KubeObject,
  features: Readonly<Record<string, FeatureFlag>> = DEFAULT_FEATURES,
): RuleViolation[] {
  const violations: RuleViolation[] = [];
  const name = service.metadata.name;
  if (!isDns1035Label(name)) {
    violations.push({
      path: ['metadata', 'name'],
      message: `Service name '${name}' must be a DNS-1035 label: lowercase letters, digits and '-', starting with a letter, at most 63 characters.`,
    });
  }
  const spec = record(service.spec);
  const template = record(spec?.template);
  const templateName = record(template?.metadata)?.name;
  if (templateName !== undefined) {
    if (typeof templateName !== 'string' || !templateName.startsWith(`${name}-`)) {
      violations.push({
        path: ['spec', 'template', 'metadata', 'name'],
        message: `Revision name '${String(templateName)}' must start with the service name followed by a dash ('${name}-').`,
      });
    } else if (!isDns1035Label(templateName)) {
      violations.push({
        path: ['spec', 'template', 'metadata', 'name'],
        message: `Revision name '${templateName}' must be a DNS-1035 label of at most 63 characters.`,
      });
    }
  }
  const containers = record(template?.spec)?.containers;
  if (!Array.isArray(containers) || containers.length === 0) {
    violations.push({
      path: ['spec', 'template', 'spec', 'containers'],
      message: 'spec.template.spec.containers needs at least one container with an image.',
    });
  } else {
    containers.forEach((container, index) => {
      if (typeof record(container)?.image !== 'string' || !record(container)?.image) {
        violations.push({
          path: ['spec', 'template', 'spec', 'containers', index, 'image'],
          message: `containers[${index}] needs an image.`,
        });
      }
    });
  }
  violations.push(...featureFieldViolations(template?.spec, features));
  if (spec?.traffic !== undefined) violations.push(...trafficViolations(spec.traffic));
  return violations;
}

export function trafficViolations(traffic: unknown): RuleViolation[] {
  if (!Array.isArray(traffic))
    return [
      { path: ['spec', 'traffic'], message: 'spec.traffic must be a list of traffic targets.' },
    ];
  const violations: RuleViolation[] = [];
  const tags = new Set<string>();
  let sum = 0;
  traffic.forEach((entry: unknown, index) => {
    const target = (record(entry) ?? {}) as Partial<TrafficTarget> & Record<string, unknown>;
    const at = (field: string): (string | number)[] => ['spec', 'traffic', index, field];
    const percent = target.percent ?? 0;
    if (!Number.isInteger(percent) || (percent as number) < 0 || (percent as number) > 100) {
      violations.push({
        path: at('percent'),
        message: `traffic[${index}].percent is ${JSON.stringify(target.percent)}; it must be a whole number from 0 to 100.`,
      });
    } else sum += percent as number;
    if (target.latestRevision === true && target.revisionName) {
      violations.push({
        path: at('revisionName'),
        message: `traffic[${index}] sets both latestRevision: true and revisionName '${String(target.revisionName)}'; use one of them.`,
      });
    }
    if (
      target.latestRevision !== true &&
      !target.revisionName &&
      target.latestRevision !== undefined
    ) {
      violations.push({
        path: at('latestRevision'),
        message: `traffic[${index}] has latestRevision: false but no revisionName.`,
      });
    }
    if (target.tag !== undefined) {
      const tag = String(target.tag);
      if (!isDns1035Label(tag))
        violations.push({
          path: at('tag'),
          message: `traffic[${index}].tag '${tag}' must be a DNS-1035 label.`,
        });
      else if (tags.has(tag))
        violations.push({
          path: at('tag'),
          message: `traffic tag '${tag}' is used twice; tags must be unique.`,
        });
      tags.add(tag);
    }
  });
  if (traffic.length > 0 && sum !== 100) {
    violations.push({
      path: ['spec', 'traffic'],
      message: `traffic percents add up to ${sum}; they must add up to 100.`,
    });
  }
  return violations;
}

function record(value: unknown): Record<string, unknown> | undefined {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
    ? (value as Record<string, unknown>)
    : undefined;
}
