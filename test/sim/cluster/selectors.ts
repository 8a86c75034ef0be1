/** Label and field selectors as the list and watch endpoints accept them. */
import { ApiError, type KObject, type Loose } from './types.js';

export type Matcher = (obj: KObject) => boolean;

/** Splits on commas that are not inside `in (a,b)` parentheses. */
function splitTerms(selector: string): string[] {
  const terms: string[] = [];
  let depth = 0;
  let current = '';
  for (const ch of selector) {
    if (ch === '(') depth++;
    if (ch === ')') depth--;
    if (ch === ',' && depth === 0) {
      terms.push(current.trim());
      current = '';
    } else current += ch;
  }
  if (current.trim()) terms.push(current.trim());
  return terms.filter(Boolean);
}

export function labelMatcher(selector: string | null): Matcher {
  if (!selector) return () => true;
  const tests = splitTerms(selector).map((term): ((labels: Record<string, string>) => boolean) => {
    let m = /^(\S+)\s+(in|notin)\s+\((.*)\)$/.exec(term);
    if (m) {
      const key = m[1]!;
      const values = m[3]!.split(',').map((v) => v.trim());
      const negate = m[2] === 'notin';
      return (labels) => (key in labels && values.includes(labels[key]!)) !== negate;
    }
    m = /^([^=!\s]+)\s*(==|=|!=)\s*(.*)$/.exec(term);
    if (m) {
      const key = m[1]!;
      const value = m[3]!.trim();
      return m[2] === '!=' ? (labels) => labels[key] !== value : (labels) => labels[key] === value;
    }
    m = /^!\s*(\S+)$/.exec(term);
    if (m) {
      const key = m[1]!;
      return (labels) => !(key in labels);
    }
    if (/^\S+$/.test(term)) return (labels) => term in labels;
    throw new ApiError(
      400,
      'BadRequest',
      `unable to parse requirement: invalid label selector "${selector}"`,
    );
  });
  return (obj) => {
    const labels = (obj.metadata?.labels ?? {}) as Record<string, string>;
    return tests.every((test) => test(labels));
  };
}

function fieldValue(obj: KObject, path: string): string {
  let value: Loose = obj;
  for (const part of path.split('.')) value = value?.[part];
  return value === undefined || value === null ? '' : String(value);
}

export function fieldMatcher(selector: string | null): Matcher {
  if (!selector) return () => true;
  const tests = splitTerms(selector).map((term): Matcher => {
    const m = /^([^=!\s]+)\s*(==|=|!=)\s*(.*)$/.exec(term);
    if (!m) throw new ApiError(400, 'BadRequest', `invalid field selector: "${term}"`);
    const [, path, op, value] = m as unknown as [string, string, string, string];
    return op === '!='
      ? (o) => fieldValue(o, path) !== value
      : (o) => fieldValue(o, path) === value;
  });
  return (obj) => tests.every((test) => test(obj));
}
