/**
 * Knative's admission webhooks as the API server experiences them: unreachable until the
 * `webhook` deployment is up (then calls fail with "connection refused"), and afterwards the
 * validation rules of Knative Serving v1 for Services, Configurations and Routes.
 */
import type { AdmissionHook, AdmissionRequest } from './api-server.js';
import type { ClusterContext } from './context.js';
import { defaultRevisionSpec, SERVING_GROUP } from './knative-controller.js';
import { checkKnativeSchema } from './knative-schema.js';
import { deploymentAvailable, KNATIVE_NS } from './knative-network.js';
import { ApiError, deepEqual, type KObject, type Loose } from './types.js';

const DNS1035 = /^[a-z]([-a-z0-9]*[a-z0-9])?$/;
const DNS1035_MESSAGE =
  "a DNS-1035 label must consist of lower case alphanumeric characters or '-', start with an alphabetic character, and end with an alphanumeric character (e.g. 'my-name',  or 'abc-123', regex used for validation is '[a-z]([-a-z0-9]*[a-z0-9])?')";

export function dns1035Problems(value: string): string[] {
  const problems: string[] = [];
  if (value.length > 63) problems.push('must be no more than 63 characters');
  if (!DNS1035.test(value)) problems.push(DNS1035_MESSAGE);
  return problems;
}

/** One Knative FieldError: message and the paths it applies to. */
interface FieldError {
  message: string;
  paths: string[];
  details?: string;
}

function render(errors: FieldError[]): string {
  return errors
    .map(
      (e) => `${e.message}: ${[...e.paths].sort().join(', ')}${e.details ? `\n${e.details}` : ''}`,
    )
    .sort()
    .join('\n');
}

/** When the webhook answers: its deployment Available and the configured delay since it first appeared. */
function webhookUp(ctx: ClusterContext): { registered: boolean; up: boolean } {
  const deploy = ctx.store.get(ctx.apps('deployments'), KNATIVE_NS, 'webhook');
  if (!deploy) return { registered: false, up: false };
  const since = ctx.firstSeen(
    { ...deploy, metadata: { uid: deploy.metadata.uid, generation: 0 } },
    'created',
  );
  return {
    registered: true,
    up:
      deploymentAvailable(ctx, KNATIVE_NS, 'webhook') &&
      ctx.now() >= since + ctx.config.webhookDelayMs,
  };
}

function unreachable(webhook: string, path: string): ApiError {
  return new ApiError(
    500,
    'InternalError',
    `Internal error occurred: failed calling webhook "${webhook}": failed to call webhook: Post "https://webhook.knative-serving.svc:443/${path}?timeout=10s": dial tcp 10.43.0.1:443: connect: connection refused`,
    { causes: [{ message: `failed calling webhook "${webhook}"` }] },
  );
}

function denied(errors: FieldError[]): ApiError {
  return new ApiError(
    400,
    'BadRequest',
    `admission webhook "validation.webhook.serving.knative.dev" denied the request: validation failed: ${render(errors)}`,
  );
}

export function knativeAdmission(ctx: ClusterContext): AdmissionHook {
  return (request) => {
    const { type, operation, object } = request;
    if (operation === 'DELETE' || request.subresource) return;
    if (type.group === '' && type.plural === 'configmaps') {
      if (
        object.metadata.namespace !== KNATIVE_NS ||
        !String(object.metadata.name).startsWith('config-')
      )
        return;
      // Like the real config webhook's objectSelector: only Knative Serving's own config maps.
      const partOf = (o: KObject | undefined): boolean =>
        o?.metadata?.labels?.['app.kubernetes.io/part-of'] === 'knative-serving';
      if (!partOf(object) && !partOf(request.oldObject)) return;
      const gate = webhookUp(ctx);
      if (gate.registered && !gate.up)
        throw unreachable('config.webhook.serving.knative.dev', 'config-validation');
      return;
    }
    if (type.group !== SERVING_GROUP) return;
    if (!webhookUp(ctx).up)
      throw unreachable('validation.webhook.serving.knative.dev', 'resource-validation');
    const problem = checkKnativeSchema(object, request.query.get('fieldValidation'));
    if (problem) throw new ApiError(problem.code, problem.reason, problem.message);
    applyKnativeDefaults(object);
    const errors = validateKnative(ctx, request);
    if (errors.length > 0) throw denied(errors);
  };
}

/** What Knative's defaulting webhook fills in (the parts that later checks and diffs see). */
export function applyKnativeDefaults(object: KObject): void {
  const spec: Loose = object.spec;
  if (!spec) return;
  if ((object.kind === 'Service' || object.kind === 'Configuration') && spec.template) {
    spec.template.spec = defaultRevisionSpec(spec.template.spec);
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

function validateKnative(ctx: ClusterContext, request: AdmissionRequest): FieldError[] {
  const { object, oldObject } = request;
  const errors: FieldError[] = [];
  const spec: Loose = object.spec ?? {};
  if (object.kind === 'Service' || object.kind === 'Configuration') {
    errors.push(...validateTemplate(ctx, object, oldObject));
  }
  if (object.kind === 'Service' || object.kind === 'Route') {
    errors.push(...validateTraffic(spec.traffic ?? [], object.kind === 'Service'));
  }
  return errors;
}

function validateTemplate(
  ctx: ClusterContext,
  object: KObject,
  oldObject: KObject | undefined,
): FieldError[] {
  const template: Loose = object.spec?.template ?? {};
  const name: string | undefined = template.metadata?.name;
  const at = 'spec.template.metadata.name';
  if ((template.spec?.containers ?? []).length === 0)
    return [{ message: 'missing field(s)', paths: ['spec.template.spec.containers'] }];
  if (!name) return [];
  const dns = dns1035Problems(name);
  if (dns.length > 0)
    return [{ message: `invalid value: not a DNS 1035 label: [${dns.join(' ')}]`, paths: [at] }];
  const prefix = `${object.metadata.name}-`;
  if (!name.startsWith(prefix))
    return [{ message: `invalid value: "${name}" must have prefix "${prefix}"`, paths: [at] }];
  const oldTemplate: Loose = oldObject?.spec?.template;
  if (oldTemplate?.metadata?.name === name && !deepEqual(oldTemplate, template)) {
    return [
      {
        message: 'Saw the following changes without a name change (-old +new)',
        paths: [at],
        details: diffText(oldTemplate, template),
      },
    ];
  }
  // A name that an existing revision already carries must describe that same revision.
  const revisions = ctx.type(SERVING_GROUP, 'revisions');
  const existing = revisions
    ? ctx.store.get(revisions, object.metadata.namespace, name)
    : undefined;
  if (existing && !deepEqual(defaultRevisionSpec(existing.spec), template.spec)) {
    return [
      {
        message: 'Saw the following changes without a name change (-old +new)',
        paths: [at],
        details: diffText({ spec: defaultRevisionSpec(existing.spec) }, { spec: template.spec }),
      },
    ];
  }
  return [];
}

/** A short `-old +new` listing of the leaves that differ. */
function diffText(before: Loose, after: Loose): string {
  const lines: string[] = [];
  const walk = (a: Loose, b: Loose, path: string): void => {
    if (deepEqual(a, b)) return;
    const bothObjects = a && b && typeof a === 'object' && typeof b === 'object';
    if (bothObjects) {
      for (const key of new Set([...Object.keys(a), ...Object.keys(b)]))
        walk(a[key], b[key], Array.isArray(a) ? `${path}[${key}]` : `${path}.${key}`);
      return;
    }
    lines.push(
      `{*v1.RevisionTemplateSpec}${path}:\n\t-: ${JSON.stringify(a)}\n\t+: ${JSON.stringify(b)}`,
    );
  };
  walk(before, after, '');
  return lines.slice(0, 10).join('\n');
}

function validateTraffic(traffic: Loose[], inService: boolean): FieldError[] {
  const errors: FieldError[] = [];
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
