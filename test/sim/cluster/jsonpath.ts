/** The small JSONPath subset CRD printer columns use: `.a.b`, `[0]`, `[?(@.k=='v')]`. */
import type { Loose } from './types.js';

export function evaluateJsonPath(obj: Loose, path: string): Loose[] {
  let current: Loose[] = [obj];
  const tokens =
    path
      .replace(/^\{?\$?/, '')
      .replace(/\}$/, '')
      .match(/\.[^.[]+|\[[^\]]*\]/g) ?? [];
  for (const token of tokens) {
    const next: Loose[] = [];
    for (const value of current) {
      if (value === undefined || value === null) continue;
      if (token.startsWith('.')) {
        next.push(value[token.slice(1)]);
        continue;
      }
      const inner = token.slice(1, -1);
      const quoted = /^['"](.*)['"]$/.exec(inner);
      if (quoted) {
        next.push(value[quoted[1]!.replace(/\\\./g, '.')]);
        continue;
      }
      const filter = /^\?\(@\.([\w.]+)\s*==\s*['"]?([^'"]*)['"]?\)$/.exec(inner);
      if (filter && Array.isArray(value)) {
        const [, field, expected] = filter as unknown as [string, string, string];
        for (const item of value) {
          let v: Loose = item;
          for (const part of field.split('.')) v = v?.[part];
          if (String(v) === expected) next.push(item);
        }
      } else if (inner === '*' && Array.isArray(value)) {
        next.push(...value);
      } else if (/^\d+$/.test(inner) && Array.isArray(value)) {
        next.push(value[Number(inner)]);
      }
    }
    current = next;
  }
  return current.filter((v) => v !== undefined && v !== null);
}
