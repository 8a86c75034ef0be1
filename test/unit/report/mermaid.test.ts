import { describe, expect, it } from 'vitest';
import { mermaidNumber, mermaidText } from '../../../src/report/mermaid.js';

describe('mermaidText', () => {
  it('keeps Kubernetes names as they are', () => {
    expect(mermaidText('hello-world.v2')).toBe('hello-world.v2');
    expect(mermaidText('my_app/api 2')).toBe('my_app/api 2');
  });

  // Mermaid's xychart lexer (mermaid-js/mermaid, packages/mermaid/src/diagrams/xychart/parser/
  // xychart.jison): a quoted string is ["][^"]*["]; "` opens a Markdown string; %% starts a
  // comment anywhere on a line; newline and ; end a statement. mermaidAPI turns #name; into
  // entities before parsing, and labels are rendered as (sanitised) HTML.
  it.each([
    ['a quote that would end the label', 'web"] line [1', 'web__ line _1'],
    ['a comment or directive', 'x%%{init: {"theme":"dark"}}%%', 'x___init_ __theme___dark_____'],
    ['a newline ending the statement', 'web\nbar [999]', 'web bar _999_'],
    ['a statement separator and entity', 'a;b#quot;c', 'a_b_quot_c'],
    ['HTML', '<img src=x onerror=alert(1)>', '_img src_x onerror_alert_1__'],
    ['a Markdown string and a fence closer', '`md` ```', '_md_ ___'],
    ['an arrow', 'a --> b', 'a --_ b'],
    ['mentions and links', '@team https://x.io', '_team https_//x.io'],
  ])('neutralises %s', (_what, input, expected) => {
    const label = mermaidText(input);
    expect(label).toBe(expected);
    expect(label).toMatch(/^[A-Za-z0-9 ._/…-]+$/);
  });

  it('drops control characters and bidi overrides, and shortens long names', () => {
    expect(mermaidText('ab\u0007\u202ecd\u001b[31m')).toBe('abcd_31m');
    expect(mermaidText('x'.repeat(100), 10)).toBe(`${'x'.repeat(9)}…`);
    expect(mermaidText('   ')).toBe('_');
    expect(mermaidText('名前')).toBe('__');
  });
});

describe('mermaidNumber', () => {
  it('writes plain decimals the xychart grammar reads', () => {
    expect(mermaidNumber(387.6)).toBe('388');
    expect(mermaidNumber(1.23456, 2)).toBe('1.23');
    expect(mermaidNumber(1e-9, 3)).toBe('0');
    expect(mermaidNumber(5e25)).toBe('1000000000');
    expect(mermaidNumber(-0.2)).toBe('0');
  });

  it('refuses values a chart cannot show', () => {
    expect(() => mermaidNumber(Number.NaN)).toThrow(/finite/);
    expect(() => mermaidNumber(Number.POSITIVE_INFINITY)).toThrow(/finite/);
    expect(() => mermaidNumber(1, 7)).toThrow(/decimals/);
  });
});
