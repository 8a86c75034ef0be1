/**
 * The one shape of a Kubernetes object in the action: a manifest as parsed from YAML, an object
 * rendered for apply, and an object read back from the cluster. Read objects are untrusted: code
 * that reads fields beyond apiVersion, kind and metadata.name checks their types.
 */
export interface Condition {
  type?: string;
  status?: string;
  reason?: string;
  message?: string;
}

export interface KubeObject {
  apiVersion: string;
  kind: string;
  metadata: {
    name: string;
    namespace?: string;
    generation?: number;
    labels?: Record<string, string>;
    annotations?: Record<string, string>;
    [key: string]: unknown;
  };
  spec?: Record<string, unknown>;
  status?: { conditions?: Condition[]; [key: string]: unknown };
  [key: string]: unknown;
}

export interface KubeList<T = KubeObject> {
  items: T[];
}

/** An object as the cluster sent it: untrusted, so any field may be missing. */
export type ReadObject = {
  [K in 'apiVersion' | 'kind' | 'spec' | 'status']?: KubeObject[K];
} & { metadata?: Partial<KubeObject['metadata']>; [key: string]: unknown };
