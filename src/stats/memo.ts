/**
 * A bounded memo keyed by a few numbers. Nested maps keyed by the numbers themselves, since
 * turning floating-point keys into strings costs more than the lookups it serves. When full,
 * it starts over: the callers ask for a handful of keys at a time, over and over.
 */
export function numberKeyedMemo<V>(limit: number): (keys: readonly number[], create: () => V) => V {
  let root = new Map<number, unknown>();
  let size = 0;
  return (keys, create) => {
    let level = root;
    for (let i = 0; i < keys.length - 1; i++) {
      let next = level.get(keys[i]!) as Map<number, unknown> | undefined;
      if (!next) {
        next = new Map();
        level.set(keys[i]!, next);
      }
      level = next;
    }
    const last = keys[keys.length - 1]!;
    if (level.has(last)) return level.get(last) as V;
    const value = create();
    if (size >= limit) {
      root = new Map();
      size = 0;
      return value;
    }
    level.set(last, value);
    size++;
    return value;
  };
}
