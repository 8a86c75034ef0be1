/**
 * Server-side apply, approximated. The API server merges an applied configuration into the live
 * object by the type's schema (structured-merge-diff): maps merge key by key, lists merge per
 * item only when the schema says `x-kubernetes-list-type: map` (built-in types: their
 * patchMergeKey), every other list is atomic and replaced whole; fields the same manager applied
 * before and no longer applies are removed. Not modelled: field ownership across managers and
 * conflicts (`--force-conflicts` is assumed), managedFields in the object, sets.
 * (kubernetes staging/src/k8s.io/apiserver/pkg/endpoints/handlers/patch.go applyPatcher,
 * k8s.io/apimachinery/pkg/util/managedfields.)
 */
import type { Loose } from './types.js';
import { deepClone } from './types.js';

export type ListType = { kind: 'atomic' } | { kind: 'map'; keys: string[] };

/** The list type at a path of field names (indices left out), given the items seen there. */
export type ListTypeAt = (path: string[], items: Loose[]) => ListType;

function isObject(value: unknown): value is Record<string, Loose> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function keyOf(item: Loose, keys: string[]): string {
  return JSON.stringify(keys.map((k) => item?.[k]));
}

function merge(
  live: Loose,
  applied: Loose,
  previous: Loose,
  path: string[],
  at: ListTypeAt,
): Loose {
  if (applied === null) return undefined;
  if (isObject(applied)) {
    const out: Record<string, Loose> = isObject(live) ? deepClone(live) : {};
    if (isObject(previous)) {
      for (const key of Object.keys(previous)) if (!(key in applied)) delete out[key];
    }
    for (const [key, value] of Object.entries(applied)) {
      const merged = merge(
        out[key],
        value,
        isObject(previous) ? previous[key] : undefined,
        [...path, key],
        at,
      );
      if (merged === undefined) delete out[key];
      else out[key] = merged;
    }
    return out;
  }
  if (Array.isArray(applied)) {
    const type = at(path, [...(Array.isArray(live) ? live : []), ...applied]);
    if (type.kind === 'atomic' || !Array.isArray(live)) return deepClone(applied);
    const appliedKeys = new Set(applied.map((item) => keyOf(item, type.keys)));
    const previousItems = new Map<string, Loose>(
      (Array.isArray(previous) ? previous : []).map((item: Loose) => [
        keyOf(item, type.keys),
        item,
      ]),
    );
    const out: Loose[] = live
      .filter((item) => {
        const key = keyOf(item, type.keys);
        return appliedKeys.has(key) || !previousItems.has(key);
      })
      .map((item) => deepClone(item));
    for (const item of applied) {
      const key = keyOf(item, type.keys);
      const index = out.findIndex((existing) => keyOf(existing, type.keys) === key);
      const merged = merge(
        index >= 0 ? out[index] : undefined,
        item,
        previousItems.get(key),
        path,
        at,
      );
      if (index >= 0) out[index] = merged;
      else out.push(merged);
    }
    return out;
  }
  return applied;
}

/** The object after applying `applied` over `live`; `previous` is this manager's last apply. */
export function serverSideApply(
  live: Loose,
  applied: Loose,
  previous: Loose,
  listTypeAt: ListTypeAt,
): Loose {
  const { metadata: appliedMeta = {}, ...appliedRest } = applied ?? {};
  const { metadata: previousMeta = {}, ...previousRest } = previous ?? {};
  const { metadata: liveMeta = {}, ...liveRest } = live ?? {};
  const out = merge(liveRest, appliedRest, previousRest, [], listTypeAt);
  const metadata = deepClone(liveMeta);
  for (const field of ['labels', 'annotations'] as const) {
    // Not applied now nor before: the field is someone else's, left as it is.
    const value = appliedMeta[field] ?? (previousMeta[field] ? {} : undefined);
    if (value === undefined) continue;
    const merged = merge(metadata[field], value, previousMeta[field], [field], listTypeAt);
    if (merged === undefined || Object.keys(merged).length === 0) delete metadata[field];
    else metadata[field] = merged;
  }
  if (appliedMeta.resourceVersion !== undefined)
    metadata.resourceVersion = appliedMeta.resourceVersion;
  return { ...out, metadata };
}

const MERGE_KEYS = ['name', 'containerPort', 'port', 'ip', 'mountPath', 'devicePath', 'type'];

/** Built-in types: lists of objects merge by their patch merge key (guessed from the items). */
export function builtInListType(items: Loose[]): ListType {
  if (items.length === 0 || !items.every(isObject)) return { kind: 'atomic' };
  const key = MERGE_KEYS.find((k) => items.every((item) => k in item));
  return key ? { kind: 'map', keys: [key] } : { kind: 'atomic' };
}

/** Custom resources: the CRD's structural schema decides; without a list type a list is atomic. */
export function schemaListType(schema: Loose, path: string[]): ListType {
  let node: Loose = schema;
  for (const part of path) {
    if (!node) break;
    if (node.type === 'array') node = node.items;
    node = node?.properties?.[part] ?? node?.additionalProperties;
  }
  if (
    node?.['x-kubernetes-list-type'] === 'map' &&
    Array.isArray(node['x-kubernetes-list-map-keys'])
  )
    return { kind: 'map', keys: node['x-kubernetes-list-map-keys'] };
  return { kind: 'atomic' };
}
