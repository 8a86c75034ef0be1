/**
 * Requests a least-privilege user may not make, for testing how a client copes with RBAC refusals
 * (the sim models no RBAC otherwise: everything else is allowed). Knob:
 *   SIM_API_FORBIDDEN=RULE[,RULE...]   RULE = [NAMESPACE:]RESOURCE[.GROUP][/NAME]
 * e.g. `customresourcedefinitions.apiextensions.k8s.io` (any CRD request),
 * `namespaces/knative-serving` (that namespace by name; lists still show it, as RBAC's
 * resourceNames cannot restrict a list), `knative-serving:configmaps` (config maps there, and any
 * list across all namespaces). Discovery (/api, /apis, /version, /openapi) stays readable, as the
 * system:discovery role grants it to every authenticated user. The rules restrict requests made
 * as another user (the `Impersonate-User` header kubectl sends for a kubeconfig user's `as:` or
 * `--as`; client-go sends no bearer token over plain HTTP, so impersonation is how the sim tells
 * users apart); requests without it are the cluster admin's. Pure.
 */
import { ApiError, qualifiedResource, type ResourceType } from './types.js';

export interface ForbiddenRule {
  namespace?: string;
  resource: string;
  group: string;
  name?: string;
}

const RULE = /^(?:([a-z0-9-]+):)?([a-z0-9]+)((?:\.[a-z0-9-]+)*)(?:\/([a-z0-9.-]+))?$/;

export function parseForbiddenRules(value: string | undefined): ForbiddenRule[] {
  return (value ?? '')
    .split(',')
    .map((rule) => rule.trim())
    .filter(Boolean)
    .map((rule) => {
      const match = RULE.exec(rule);
      if (!match) {
        throw new Error(
          `SIM_API_FORBIDDEN: '${rule}' is not [NAMESPACE:]RESOURCE[.GROUP][/NAME] (e.g. customresourcedefinitions.apiextensions.k8s.io)`,
        );
      }
      return {
        ...(match[1] ? { namespace: match[1] } : {}),
        resource: match[2] as string,
        group: (match[3] ?? '').replace(/^\./, ''),
        ...(match[4] ? { name: match[4] } : {}),
      };
    });
}

export interface RequestAttributes {
  /** Who the request is made as. */
  user: string;
  verb: string;
  type: ResourceType;
  /** undefined: cluster-scoped, or a namespaced kind across all namespaces. */
  namespace?: string;
  name?: string;
}

/** The Kubernetes verb of an HTTP request on a resource. */
export function verbOf(method: string, named: boolean, watch: boolean): string {
  if (method === 'GET') return watch ? 'watch' : named ? 'get' : 'list';
  if (method === 'POST') return 'create';
  if (method === 'PUT') return 'update';
  if (method === 'PATCH') return 'patch';
  if (method === 'DELETE') return named ? 'delete' : 'deletecollection';
  return method.toLowerCase();
}

/** Throws 403 Forbidden, worded as the API server's RBAC refusals, when a rule covers the request. */
export function checkForbidden(rules: readonly ForbiddenRule[], request: RequestAttributes): void {
  const { user, verb, type, namespace, name } = request;
  const covered = rules.some(
    (rule) =>
      rule.resource === type.plural &&
      rule.group === type.group &&
      (rule.name === undefined || rule.name === name) &&
      // A list across all namespaces needs the right in every one of them.
      (rule.namespace === undefined ||
        (type.namespaced && (namespace === undefined || namespace === rule.namespace))),
  );
  if (!covered) return;
  const scope = namespace ? `in the namespace "${namespace}"` : 'at the cluster scope';
  const what = name ? `${qualifiedResource(type)} "${name}"` : qualifiedResource(type);
  throw new ApiError(
    403,
    'Forbidden',
    `${what} is forbidden: User "${user}" cannot ${verb} resource "${type.plural}" in API group "${type.group}" ${scope}`,
    { ...(name ? { name } : {}), group: type.group, kind: type.plural },
  );
}
