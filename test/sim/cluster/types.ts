/** Shared shapes of the simulated cluster. Objects are plain JSON, as the API server sees them. */

// Kubernetes objects are open-ended JSON; the sim reads and writes arbitrary fields of them.
export type Loose = any;

export interface KObject {
  apiVersion: string;
  kind: string;
  metadata: Loose;
  [field: string]: Loose;
}

/** One kind of object the API serves (built in, or added by a CustomResourceDefinition). */
export interface ResourceType {
  group: string;
  /** The version objects are stored and served in (the sim keeps one version per kind). */
  version: string;
  /** Every served version (CRDs may serve several; all map to the same stored objects). */
  versions: string[];
  kind: string;
  plural: string;
  singular: string;
  namespaced: boolean;
  shortNames: string[];
  categories: string[];
  hasStatus: boolean;
  printerColumns?: PrinterColumn[];
}

export interface PrinterColumn {
  name: string;
  type: string;
  jsonPath: string;
  priority?: number;
}

export class ApiError extends Error {
  constructor(
    readonly code: number,
    readonly reason: string,
    message: string,
    readonly details?: Loose,
  ) {
    super(message);
  }
}

export function groupVersion(group: string, version: string): string {
  return group ? `${group}/${version}` : version;
}

/** `deployments.apps` or `pods`: how the API server names a resource in messages. */
export function qualifiedResource(type: ResourceType): string {
  return type.group ? `${type.plural}.${type.group}` : type.plural;
}

export function notFound(type: ResourceType, name: string): ApiError {
  return new ApiError(404, 'NotFound', `${qualifiedResource(type)} "${name}" not found`, {
    name,
    group: type.group,
    kind: type.plural,
  });
}

export function deepClone<T>(value: T): T {
  return value === undefined ? value : (JSON.parse(JSON.stringify(value)) as T);
}

export function deepEqual(a: unknown, b: unknown): boolean {
  return JSON.stringify(canonical(a)) === JSON.stringify(canonical(b));
}

function canonical(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(canonical);
  if (value && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const key of Object.keys(value).sort()) {
      out[key] = canonical((value as Record<string, unknown>)[key]);
    }
    return out;
  }
  return value;
}

/** RFC 3339 at second precision, as Kubernetes prints timestamps. */
export function timestamp(ms = Date.now()): string {
  return new Date(ms).toISOString().replace(/\.\d{3}Z$/, 'Z');
}
