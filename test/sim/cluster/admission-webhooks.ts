/**
 * Dynamic admission as the API server does it: every Mutating- then ValidatingWebhookConfiguration
 * in the store whose rules and selectors match the request is called through its Service. A
 * Service without ready endpoints fails the call with the text k3s' apiserver prints (it routes to
 * endpoints directly, `--enable-aggregator-routing`); a reachable webhook runs the handler the sim
 * serves at the configured path. (kubernetes staging/src/k8s.io/apiserver/pkg/admission/plugin/
 * webhook/{mutating,validating}/dispatcher.go, pkg/util/webhook/error.go, pkg/util/proxy/proxy.go.)
 */
import type { AdmissionHook, AdmissionRequest } from './api-server.js';
import type { ClusterContext } from './context.js';
import { ApiError, type KObject, type Loose } from './types.js';

/** A webhook server's answer: nothing (allowed, object possibly mutated in place) or a refusal. */
export type WebhookHandler = (request: AdmissionRequest) => void;

export interface WebhookServers {
  /** Handlers by `<namespace>/<service><path>`, e.g. `knative-serving/webhook/defaulting`. */
  handlers: Record<string, WebhookHandler>;
  /** Runs between mutating and validating admission (the API server's own schema validation). */
  validateObject?: (request: AdmissionRequest) => void;
}

interface Rule {
  apiGroups?: string[];
  apiVersions?: string[];
  operations?: string[];
  resources?: string[];
  scope?: string;
}

function ruleMatches(rule: Rule, request: AdmissionRequest): boolean {
  const any = (list: string[] | undefined, value: string): boolean =>
    (list ?? []).some((v) => v === '*' || v === value);
  if (!any(rule.apiGroups, request.type.group)) return false;
  if (!any(rule.apiVersions, request.type.version)) return false;
  if (!any(rule.operations, request.operation)) return false;
  const scope = rule.scope ?? '*';
  if (scope !== '*' && scope !== (request.type.namespaced ? 'Namespaced' : 'Cluster')) return false;
  const sub = request.subresource ?? '';
  return (rule.resources ?? []).some((r) => {
    const [res, ruleSub = ''] = r.split('/', 2) as [string, string?];
    return (res === '*' || res === request.type.plural) && (ruleSub === '*' || ruleSub === sub);
  });
}

/** metav1.LabelSelector matching (matchLabels and the four operators). */
export function selectorMatches(selector: Loose, labels: Record<string, string>): boolean {
  if (!selector) return true;
  for (const [k, v] of Object.entries(selector.matchLabels ?? {}))
    if (labels[k] !== v) return false;
  for (const e of (selector.matchExpressions ?? []) as Loose[]) {
    const has = e.key in labels;
    const values: string[] = e.values ?? [];
    switch (e.operator) {
      case 'In':
        if (!has || !values.includes(labels[e.key]!)) return false;
        break;
      case 'NotIn':
        if (has && values.includes(labels[e.key]!)) return false;
        break;
      case 'Exists':
        if (!has) return false;
        break;
      case 'DoesNotExist':
        if (has) return false;
        break;
      default:
        return false;
    }
  }
  return true;
}

function selectorsMatch(ctx: ClusterContext, webhook: Loose, request: AdmissionRequest): boolean {
  const labelsOf = (o: KObject | undefined): Record<string, string> =>
    (o?.metadata?.labels ?? {}) as Record<string, string>;
  const objectOk =
    selectorMatches(webhook.objectSelector, labelsOf(request.object)) ||
    (request.oldObject !== undefined &&
      selectorMatches(webhook.objectSelector, labelsOf(request.oldObject)));
  if (!objectOk) return false;
  if (!webhook.namespaceSelector || !request.type.namespaced) return true;
  const ns = ctx.store.get(ctx.core('namespaces'), undefined, request.object.metadata.namespace);
  return selectorMatches(webhook.namespaceSelector, labelsOf(ns));
}

/** Whether a Service has a ready endpoint: a Ready pod its selector picks. */
export function serviceEndpointsReady(
  ctx: ClusterContext,
  namespace: string,
  service: KObject,
): boolean {
  const selector: Record<string, string> = service.spec?.selector ?? {};
  if (Object.keys(selector).length === 0) return false;
  return ctx.store
    .peek(ctx.core('pods'))
    .some(
      (p) =>
        p.metadata.namespace === namespace &&
        !p.metadata.deletionTimestamp &&
        Object.entries(selector).every(([k, v]) => p.metadata.labels?.[k] === v) &&
        (p.status?.conditions ?? []).some((c: Loose) => c.type === 'Ready' && c.status === 'True'),
    );
}

function callFailed(webhook: string, url: string, cause: string): ApiError {
  const err = `failed calling webhook "${webhook}": failed to call webhook: Post "${url}": ${cause}`;
  return new ApiError(500, 'InternalError', `Internal error occurred: ${err}`, {
    causes: [{ message: err }],
  });
}

function call(
  ctx: ClusterContext,
  servers: WebhookServers,
  webhook: Loose,
  request: AdmissionRequest,
): void {
  const ref: Loose = webhook.clientConfig?.service;
  if (!ref) return; // URL webhooks are not served here
  const port = ref.port ?? 443;
  const path: string = ref.path ?? '';
  const url = `https://${ref.name}.${ref.namespace}.svc:${port}${path || '/'}?timeout=${webhook.timeoutSeconds ?? 10}s`;
  const service = ctx.store.get(ctx.core('services'), ref.namespace, ref.name);
  if (!service) throw callFailed(webhook.name, url, `service "${ref.name}" not found`);
  if (!serviceEndpointsReady(ctx, ref.namespace, service))
    throw callFailed(webhook.name, url, `no endpoints available for service "${ref.name}"`);
  const handler = servers.handlers[`${ref.namespace}/${ref.name}${path}`];
  if (!handler)
    throw callFailed(webhook.name, url, 'the server could not find the requested resource');
  handler(request);
}

function configurations(ctx: ClusterContext, plural: string): KObject[] {
  const type = ctx.type('admissionregistration.k8s.io', plural);
  if (!type) return [];
  return [...ctx.store.peek(type)].sort((a, b) => a.metadata.name.localeCompare(b.metadata.name));
}

/** The admission hook: mutating webhooks, the object's own validation, validating webhooks. */
export function webhookAdmission(ctx: ClusterContext, servers: WebhookServers): AdmissionHook {
  return (request) => {
    const run = (plural: string): void => {
      for (const config of configurations(ctx, plural)) {
        for (const webhook of (config.webhooks ?? []) as Loose[]) {
          if (!(webhook.rules ?? []).some((r: Rule) => ruleMatches(r, request))) continue;
          if (!selectorsMatch(ctx, webhook, request)) continue;
          call(ctx, servers, webhook, request);
        }
      }
    };
    if (request.operation !== 'DELETE') run('mutatingwebhookconfigurations');
    if (request.operation !== 'DELETE') servers.validateObject?.(request);
    run('validatingwebhookconfigurations');
  };
}
