/**
 * The patch formats kubectl sends. Strategic merge patch is approximated: a JSON merge patch in
 * which lists of objects that all carry a merge key (`name`, else `containerPort`/`port`/`ip`)
 * are merged element by element, plus the `$patch`, `$setElementOrder`, `$retainKeys` and
 * `$deleteFromPrimitiveList` directives kubectl emits. The real thing reads per-field patch
 * strategies from the type's Go struct tags; this guesses them from the data.
 */
import { ApiError, deepClone, deepEqual, type Loose } from './types.js';

function isPlainObject(value: unknown): value is Record<string, Loose> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

export function jsonMergePatch(target: Loose, patch: Loose): Loose {
  if (!isPlainObject(patch)) return deepClone(patch);
  const out: Record<string, Loose> = isPlainObject(target) ? deepClone(target) : {};
  for (const [key, value] of Object.entries(patch)) {
    if (value === null) delete out[key];
    else out[key] = jsonMergePatch(out[key], value);
  }
  return out;
}

const MERGE_KEYS = ['name', 'containerPort', 'port', 'ip', 'mountPath', 'devicePath', 'type'];

function mergeKeyFor(...lists: Loose[][]): string | undefined {
  const items = lists
    .flat()
    .filter((item) => !(isPlainObject(item) && Object.keys(item).length === 1 && '$patch' in item));
  if (items.length === 0 || !items.every(isPlainObject)) return undefined;
  return MERGE_KEYS.find((key) => items.every((item) => key in item));
}

function mergeList(target: Loose, patch: Loose[], order: Loose[] | undefined): Loose[] {
  const current: Loose[] = Array.isArray(target) ? deepClone(target) : [];
  const key = mergeKeyFor(current, patch);
  if (!key) {
    if (patch.some((item) => isPlainObject(item) && item.$patch === 'replace')) {
      return patch.filter((item) => !(isPlainObject(item) && item.$patch));
    }
    return deepClone(patch);
  }
  for (const item of patch) {
    const index = current.findIndex((c) => c[key] === item[key]);
    if (item.$patch === 'delete') {
      if (index >= 0) current.splice(index, 1);
    } else if (index >= 0) {
      current[index] = strategicMergePatch(current[index], item);
    } else {
      current.push(strategicMergePatch({}, item));
    }
  }
  if (order) {
    const rank = (item: Loose): number => {
      const i = order.findIndex((o) => isPlainObject(o) && o[key] === item[key]);
      return i < 0 ? order.length : i;
    };
    current.sort((a, b) => rank(a) - rank(b));
  }
  return current;
}

export function strategicMergePatch(target: Loose, patch: Loose): Loose {
  if (!isPlainObject(patch)) return deepClone(patch);
  if (patch.$patch === 'replace') {
    const { $patch: _drop, ...rest } = patch;
    return strategicMergePatch({}, rest);
  }
  if (patch.$patch === 'delete') return undefined;
  let out: Record<string, Loose> = isPlainObject(target) ? deepClone(target) : {};
  if (Array.isArray(patch.$retainKeys)) {
    const keep = new Set<string>(patch.$retainKeys);
    out = Object.fromEntries(Object.entries(out).filter(([k]) => keep.has(k) || k in patch));
  }
  for (const [key, value] of Object.entries(patch)) {
    if (key.startsWith('$setElementOrder/') || key === '$retainKeys' || key === '$patch') continue;
    if (key.startsWith('$deleteFromPrimitiveList/')) {
      const field = key.slice('$deleteFromPrimitiveList/'.length);
      if (Array.isArray(out[field]))
        out[field] = out[field].filter((v: Loose) => !value.includes(v));
      continue;
    }
    if (value === null) {
      delete out[key];
    } else if (Array.isArray(value)) {
      out[key] = mergeList(out[key], value, patch[`$setElementOrder/${key}`]);
    } else if (isPlainObject(value)) {
      const merged = strategicMergePatch(out[key], value);
      if (merged === undefined) delete out[key];
      else out[key] = merged;
    } else {
      out[key] = value;
    }
  }
  return out;
}

function pointer(path: string): string[] {
  if (path === '') return [];
  if (!path.startsWith('/')) throw new ApiError(422, 'Invalid', `invalid JSON pointer "${path}"`);
  return path
    .slice(1)
    .split('/')
    .map((p) => p.replace(/~1/g, '/').replace(/~0/g, '~'));
}

function parentOf(doc: Loose, parts: string[], op: string): { parent: Loose; last: string } {
  let parent = doc;
  for (const part of parts.slice(0, -1)) {
    parent = Array.isArray(parent) ? parent[Number(part)] : parent?.[part];
    if (parent === undefined || parent === null) {
      throw new ApiError(
        422,
        'Invalid',
        `the server rejected our request due to an error in our request: ${op}: missing path`,
      );
    }
  }
  return { parent, last: parts[parts.length - 1] ?? '' };
}

function getAt(doc: Loose, parts: string[]): Loose {
  let value = doc;
  for (const part of parts) value = Array.isArray(value) ? value[Number(part)] : value?.[part];
  return value;
}

/** RFC 6902. */
export function jsonPatch(target: Loose, ops: Loose): Loose {
  if (!Array.isArray(ops))
    throw new ApiError(400, 'BadRequest', 'json patch must be an array of operations');
  let doc = deepClone(target);
  for (const op of ops) {
    const parts = pointer(op.path);
    const write = (value: Loose): void => {
      if (parts.length === 0) {
        doc = deepClone(value);
        return;
      }
      const { parent, last } = parentOf(doc, parts, op.op);
      if (Array.isArray(parent)) {
        const index = last === '-' ? parent.length : Number(last);
        if (op.op === 'replace') parent[index] = deepClone(value);
        else parent.splice(index, 0, deepClone(value));
      } else parent[last] = deepClone(value);
    };
    const removeAt = (removeParts: string[]): Loose => {
      const { parent, last } = parentOf(doc, removeParts, op.op);
      const old = Array.isArray(parent) ? parent[Number(last)] : parent?.[last];
      if (old === undefined) {
        throw new ApiError(
          422,
          'Invalid',
          `the server rejected our request due to an error in our request: remove: missing path ${op.path}`,
        );
      }
      if (Array.isArray(parent)) parent.splice(Number(last), 1);
      else delete parent[last];
      return old;
    };
    switch (op.op) {
      case 'add':
        write(op.value);
        break;
      case 'replace':
        if (parts.length > 0 && getAt(doc, parts) === undefined) {
          throw new ApiError(
            422,
            'Invalid',
            `the server rejected our request due to an error in our request: replace operation does not apply: doc is missing key: ${op.path}`,
          );
        }
        write(op.value);
        break;
      case 'remove':
        removeAt(parts);
        break;
      case 'test':
        if (!deepEqual(getAt(doc, parts), op.value)) {
          throw new ApiError(
            422,
            'Invalid',
            `the server rejected our request due to an error in our request: testing value ${op.path} failed`,
          );
        }
        break;
      case 'move': {
        const value = removeAt(pointer(op.from));
        write(value);
        break;
      }
      case 'copy':
        write(getAt(doc, pointer(op.from)));
        break;
      default:
        throw new ApiError(400, 'BadRequest', `unknown json patch op "${op.op}"`);
    }
  }
  return doc;
}
