/**
 * Knative Serving's webhook pod: the handlers it serves (/defaulting, /resource-validation,
 * /config-validation) and the rules it registers when it starts. The API server side (which
 * configurations match, endpoints, error texts) is admission-webhooks.ts.
 * (pkg/apis/serving/v1/*_{defaults,validation}.go at knative-v1.22.1; knative.dev/pkg
 * webhook/configmaps/configmaps.go, apis/field_error.go at release-1.22.)
 */
import type { AdmissionRequest } from './api-server.js';
import { webhookAdmission, type WebhookServers } from './admission-webhooks.js';
import type { ClusterContext } from './context.js';
import { defaultRevisionSpec, SERVING_GROUP } from './knative-controller.js';
import { featureFlags, podSpecFieldErrors, type FieldError } from './knative-features.js';
import { configMapData, KNATIVE_NS } from './knative-network.js';
import { parseGoDuration } from './knative-revision.js';
import { checkKnativeSchema } from './knative-schema.js';
import { ApiError, deepClone, deepEqual, type KObject, type Loose } from './types.js';

const DNS1035 = /^[a-z]([-a-z0-9]*[a-z0-9])?$/;
const DNS1035_MESSAGE =
  "a DNS-1035 label must consist of lower case alphanumeric characters or '-', start with an alphabetic character, and end with an alphanumeric character (e.g. 'my-name',  or 'abc-123', regex used for validation is '[a-z]([-a-z0-9]*[a-z0-9])?')";

export function dns1035Problems(value: string): string[] {
  const problems: string[] = [];
  if (value.length > 63) problems.push('must be no more than 63 characters');
  if (!DNS1035.test(value)) problems.push(DNS1035_MESSAGE);
  return problems;
}

interface KnativeFieldError extends FieldError {
  details?: string;
}

/** apis.FieldError.Error(): errors with the same message and details merged, paths and errors sorted. */
export function renderFieldErrors(errors: KnativeFieldError[]): string {
  const merged = new Map<string, KnativeFieldError>();
  for (const e of errors) {
    const key = `${e.message}\u0000${e.details ?? ''}`;
    const found = merged.get(key);
    if (found) found.paths = [...new Set([...found.paths, ...e.paths])];
    else merged.set(key, { ...e, paths: [...e.paths] });
  }
  return [...merged.values()]
    .sort((a, b) =>
      a.message === b.message
        ? (a.details ?? '').localeCompare(b.details ?? '')
        : a.message < b.message
          ? -1
          : 1,
    )
    .map(
      (e) => `${e.message}: ${[...e.paths].sort().join(', ')}${e.details ? `\n${e.details}` : ''}`,
    )
    .join('\n');
}

function denied(errors: KnativeFieldError[]): ApiError {
  return new ApiError(
    400,
    'BadRequest',
    `admission webhook "validation.webhook.serving.knative.dev" denied the request: validation failed: ${renderFieldErrors(errors)}`,
  );
}

const isKnative = (request: AdmissionRequest): boolean => request.type.group === SERVING_GROUP;

/** The admission the API server runs, with Knative's webhook pod behind the configurations. */
export function knativeAdmission(ctx: ClusterContext): ReturnType<typeof webhookAdmission> {
  const servers: WebhookServers = {
    handlers: {
      [`${KNATIVE_NS}/webhook/defaulting`]: (request) => {
        if (isKnative(request)) applyKnativeDefaults(request.object, request.oldObject);
      },
      [`${KNATIVE_NS}/webhook/resource-validation`]: (request) => {
        if (!isKnative(request) || request.operation === 'DELETE') return;
        const errors = validateKnative(ctx, request);
        if (errors.length > 0) throw denied(errors);
      },
      // Config maps are checked by their constructors; the sim accepts what they accept.
      [`${KNATIVE_NS}/webhook/config-validation`]: () => undefined,
    },
    validateObject: (request) => {
      if (!isKnative(request)) return;
      const problem = checkKnativeSchema(request.object, request.query.get('fieldValidation'));
      if (problem) throw new ApiError(problem.code, problem.reason, problem.message);
    },
  };
  return webhookAdmission(ctx, servers);
}

/**
 * What the defaulting webhook fills in. A template whose (user-chosen) revision name is unchanged
 * is left alone: defaulting it could suggest changes that conflict with that name
 * (ConfigurationSpec.SetDefaults in configuration_defaults.go).
 */
export function applyKnativeDefaults(object: KObject, oldObject?: KObject): void {
  const spec: Loose = object.spec;
  if (!spec) return;
  if ((object.kind === 'Service' || object.kind === 'Configuration') && spec.template) {
    const name = spec.template.metadata?.name;
    const unchangedName = Boolean(name) && oldObject?.spec?.template?.metadata?.name === name;
    if (!unchangedName) spec.template.spec = defaultRevisionSpec(spec.template.spec);
  }
  if (object.kind === 'Service' || object.kind === 'Route') {
    if (object.kind === 'Service' && (!spec.traffic || spec.traffic.length === 0)) {
      spec.traffic = [{ latestRevision: true, percent: 100 }];
    }
    for (const t of spec.traffic ?? []) {
      if (t.latestRevision === undefined) t.latestRevision = !t.revisionName;
    }
  }
}

function validateKnative(ctx: ClusterContext, request: AdmissionRequest): KnativeFieldError[] {
  const { object, oldObject } = request;
  const errors: KnativeFieldError[] = [];
  const spec: Loose = object.spec ?? {};
  if (object.kind === 'Service' || object.kind === 'Configuration') {
    const flags = featureFlags(configMapData(ctx, KNATIVE_NS, 'config-features'));
    errors.push(...validateTemplate(object, oldObject, flags));
  }
  if (object.kind === 'Service' || object.kind === 'Route') {
    errors.push(...validateTraffic(spec.traffic ?? [], object.kind === 'Service'));
  }
  if (object.kind === 'Revision' && oldObject && !deepEqual(oldObject.spec, object.spec)) {
    errors.push({
      message: 'Immutable fields changed (-old +new)',
      paths: ['spec'],
      details: diffText(oldObject.spec, object.spec, '{v1.RevisionSpec}'),
    });
  }
  return errors;
}

function validateTemplate(
  object: KObject,
  oldObject: KObject | undefined,
  flags: ReturnType<typeof featureFlags>,
): KnativeFieldError[] {
  const template: Loose = object.spec?.template ?? {};
  const name: string | undefined = template.metadata?.name;
  const at = 'spec.template.metadata.name';
  const errors: KnativeFieldError[] = [];
  if ((template.spec?.containers ?? []).length === 0)
    errors.push({ message: 'missing field(s)', paths: ['spec.template.spec.containers'] });
  errors.push(...podSpecFieldErrors(template.spec, flags));
  // validateProgressDeadlineAnnotation (revision_validation.go).
  const key = 'serving.knative.dev/progress-deadline';
  const deadline: string | undefined = template.metadata?.annotations?.[key];
  if (deadline) {
    const annotationPath = `spec.template.metadata.annotations.${key}`;
    const ms = parseGoDuration(deadline);
    if (ms === undefined)
      errors.push({ message: `invalid value: ${deadline}`, paths: [annotationPath] });
    else if (ms % 1000 !== 0)
      errors.push({
        message: `progress-deadline=${deadline} is not at second precision`,
        paths: [annotationPath],
      });
  }
  if (!name) return errors;
  const dns = dns1035Problems(name);
  if (dns.length > 0)
    return [
      ...errors,
      { message: `invalid value: not a DNS 1035 label: [${dns.join(' ')}]`, paths: [at] },
    ];
  const prefix = `${object.metadata.name}-`;
  if (!name.startsWith(prefix))
    return [
      ...errors,
      { message: `invalid value: "${name}" must have prefix "${prefix}"`, paths: [at] },
    ];
  // VerifyNameChange: only against the previous template. Whether a revision of that name
  // already exists is the reconcilers' business (RevisionFailed / RevisionNameTaken).
  const oldTemplate: Loose = oldObject?.spec?.template;
  if (oldTemplate?.metadata?.name === name && !deepEqual(oldTemplate, template)) {
    errors.push({
      message: 'Saw the following changes without a name change (-old +new)',
      paths: [at],
      details: diffText(oldTemplate, template, '{*v1.RevisionTemplateSpec}'),
    });
  }
  return errors;
}

/** A short `-old +new` listing of the leaves that differ (kmp.ShortDiff's shape, simplified). */
function diffText(before: Loose, after: Loose, root: string): string {
  const lines: string[] = [];
  const walk = (a: Loose, b: Loose, path: string): void => {
    if (deepEqual(a, b)) return;
    const bothObjects = a && b && typeof a === 'object' && typeof b === 'object';
    if (bothObjects) {
      for (const key of new Set([...Object.keys(a), ...Object.keys(b)]))
        walk(a[key], b[key], Array.isArray(a) ? `${path}[${key}]` : `${path}.${key}`);
      return;
    }
    lines.push(`${root}${path}:\n\t-: ${JSON.stringify(a)}\n\t+: ${JSON.stringify(b)}`);
  };
  walk(before, after, '');
  return lines.slice(0, 10).join('\n');
}

function validateTraffic(traffic: Loose[], inService: boolean): KnativeFieldError[] {
  const errors: KnativeFieldError[] = [];
  const tags = new Map<string, number>();
  let sum = 0;
  traffic.forEach((t, i) => {
    const at = `spec.traffic[${i}]`;
    if (t.latestRevision !== undefined && t.latestRevision === Boolean(t.revisionName)) {
      errors.push({
        message: `may not set revisionName "${t.revisionName ?? ''}" when latestRevision is ${t.latestRevision}`,
        paths: [`${at}.latestRevision`],
      });
    }
    if (inService && t.configurationName)
      errors.push({ message: 'must not set the field(s)', paths: [`${at}.configurationName`] });
    else if (t.revisionName && t.configurationName) {
      errors.push({
        message: 'expected exactly one, got both',
        paths: [`${at}.configurationName`, `${at}.revisionName`],
      });
    } else if (
      t.revisionName &&
      dns1035Problems(t.revisionName).length > 0 &&
      !/^[A-Za-z0-9]([-A-Za-z0-9_.]*[A-Za-z0-9])?$/.test(t.revisionName)
    ) {
      errors.push({
        message: `invalid key name "${t.revisionName}"`,
        paths: [`${at}.revisionName`],
      });
    } else if (!inService && !t.revisionName && !t.configurationName) {
      errors.push({
        message: 'expected exactly one, got neither',
        paths: [`${at}.configurationName`, `${at}.revisionName`],
      });
    }
    if (t.percent !== undefined && t.percent !== null && (t.percent < 0 || t.percent > 100)) {
      errors.push({ message: `expected 0 <= ${t.percent} <= 100`, paths: [`${at}.percent`] });
    }
    if (t.url) errors.push({ message: 'must not set the field(s)', paths: [`${at}.url`] });
    sum += typeof t.percent === 'number' ? t.percent : 0;
    if (!t.tag) return;
    const dns = dns1035Problems(t.tag);
    if (dns.length > 0)
      errors.push({
        message: `invalid value: not a DNS 1035 label: [${dns.join(' ')}]`,
        paths: [`spec.traffic.tag[${i}]`],
      });
    const first = tags.get(t.tag);
    if (first !== undefined)
      errors.push({
        message: `Multiple definitions for "${t.tag}"`,
        paths: [`${at}.tag`, `spec.traffic[${first}].tag`],
      });
    else tags.set(t.tag, i);
  });
  if (sum !== 100)
    errors.push({ message: `Traffic targets sum to ${sum}, want 100`, paths: ['spec.traffic'] });
  return errors;
}

const CONFIG_WEBHOOK = 'config.webhook.serving.knative.dev';
const PATHS: Record<string, string> = {
  'webhook.serving.knative.dev': '/defaulting',
  'validation.webhook.serving.knative.dev': '/resource-validation',
  [CONFIG_WEBHOOK]: '/config-validation',
};

/** Whether the webhook pod's container has started (it then registers its configurations). */
function webhookStarted(ctx: ClusterContext): boolean {
  const deploy = ctx.store.get(ctx.apps('deployments'), KNATIVE_NS, 'webhook');
  if (!deploy) return false;
  return ctx.store
    .peek(ctx.core('pods'))
    .some(
      (p) =>
        p.metadata.namespace === KNATIVE_NS &&
        p.status?.phase === 'Running' &&
        (p.metadata.ownerReferences ?? []).some((r: Loose) => r.uid === deploy.metadata.uid),
    );
}

/**
 * What the webhook pod does when it starts: it fills in the path of each of its configurations
 * and the config-map webhook's rules (the release ships that one without rules, so config maps
 * are not checked at all until the webhook has run once).
 */
export function registerKnativeWebhooks(ctx: ClusterContext): void {
  if (!webhookStarted(ctx)) return;
  for (const plural of ['mutatingwebhookconfigurations', 'validatingwebhookconfigurations']) {
    const type = ctx.type('admissionregistration.k8s.io', plural);
    if (!type) continue;
    for (const config of ctx.store.peek(type)) {
      if (!(config.metadata.name in PATHS)) continue;
      const next = deepClone(config);
      for (const webhook of (next.webhooks ?? []) as Loose[]) {
        const path = PATHS[webhook.name];
        if (!path || !webhook.clientConfig?.service) continue;
        webhook.clientConfig.service.path = path;
        if (webhook.name === CONFIG_WEBHOOK) {
          webhook.rules = [
            {
              operations: ['CREATE', 'UPDATE'],
              apiGroups: [''],
              apiVersions: ['v1'],
              resources: ['configmaps/*'],
              scope: 'Namespaced',
            },
          ];
        }
      }
      if (!deepEqual(next, config)) ctx.store.update(type, next);
    }
  }
}
