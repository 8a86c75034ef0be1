/**
 * Escaping for untrusted text inside a Mermaid diagram (a ```mermaid block in a comment).
 * Markdown escaping does not apply there: Mermaid has its own syntax. A quote ends a label,
 * `%%` starts a comment anywhere on a line, `#name;` is an entity, a backquote after a quote
 * starts a Markdown label, a newline or `;` ends a statement, brackets delimit lists, labels
 * may carry HTML, and three backquotes would close the Markdown fence around the diagram.
 * Rather than escape each of those, a label keeps only characters none of them uses.
 */
import { stripUnsafe, truncate } from './markdown.js';

/** Everything else becomes `_`: Kubernetes names fit, so only odd names lose characters. */
const UNSAFE_IN_LABEL = /[^A-Za-z0-9 ._/-]/g;

/** Untrusted text as the inside of a quoted Mermaid label: one line, at most `maxLength`. */
export function mermaidText(text: string, maxLength = 40): string {
  const flat = stripUnsafe(text).replace(/\s+/g, ' ').trim();
  const safe = truncate(flat.replace(UNSAFE_IN_LABEL, '_'), maxLength);
  return safe === '' ? '_' : safe;
}

/** A number as Mermaid's grammar reads it: plain decimal, never exponent notation or NaN. */
export function mermaidNumber(value: number, decimals = 0): string {
  if (!Number.isFinite(value)) throw new RangeError(`a chart value must be finite, got ${value}`);
  // Up to 6 decimals, JavaScript never writes a rounded value in exponent notation.
  if (!(Number.isInteger(decimals) && decimals >= 0 && decimals <= 6)) {
    throw new RangeError(`decimals must be an integer in 0..6, got ${decimals}`);
  }
  const bounded = Math.max(-1e9, Math.min(1e9, value));
  return String(Number(bounded.toFixed(decimals)));
}
