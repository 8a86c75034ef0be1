import { describe, expect, test } from 'vitest';
import {
  codeBlock,
  codeSpan,
  escapeInline,
  neutraliseMentions,
  shellQuote,
  table,
  truncate,
} from '../../../src/report/markdown.js';

const ZWJ = '\u200d';

describe('escapeInline', () => {
  test('HTML cannot open or close elements', () => {
    const out = escapeInline('</details><img src=x onerror=alert(1)>');
    expect(out).not.toMatch(/[<>]/);
    expect(out).toContain('&#60;&#47;details&#62;'.replace('&#47;', '/'));
    expect(out).toContain('&#60;img src&#61;x onerror&#61;alert&#40;1&#41;&#62;');
  });

  test('Markdown punctuation becomes character references', () => {
    const out = escapeInline('**bold** _it_ [link](http://evil) `code` # ! ~ | pipe \\');
    for (const c of ['*', '_', '[', ']', '(', ')', '`', '!', '~', '|', '\\'])
      expect(out).not.toContain(c);
    expect(out).toContain('&#124; pipe');
    expect(out).toContain('&#96;code&#96;');
  });

  test('mentions and issue references are neutralised with a zero-width joiner', () => {
    expect(escapeInline('ping @org/team and @alice, see #12')).toBe(
      `ping @${ZWJ}org/team and @${ZWJ}alice, see &#35;${ZWJ}12`,
    );
    // The escape's own "&#NN;" must stay a valid reference (no joiner inside it).
    expect(escapeInline('a|b')).toBe('a&#124;b');
    // GitHub autolinks GH-123 to issue 123 as well.
    expect(escapeInline('fixes GH-123 and gh-9')).toBe(`fixes GH${ZWJ}-123 and gh${ZWJ}-9`);
    expect(escapeInline('GHOST-1 and GH-x stay')).toBe('GHOST-1 and GH-x stay');
  });

  test('autolinks are broken, newlines flattened, controls and bidi overrides removed', () => {
    const out = escapeInline(
      'go to https://evil.example or www.evil.example\nnext\u202eline\u0007',
    );
    expect(out).toContain('https&#58;//');
    expect(out).toContain('www&#46;evil');
    expect(out).not.toContain('\n');
    expect(out).not.toContain('\u202e');
    expect(out).not.toContain('\u0007');
  });

  test('long text is cut and marked', () => {
    expect(escapeInline('x'.repeat(1000), 10)).toBe(`${'x'.repeat(9)}…`);
  });
});

describe('codeSpan', () => {
  test('fence is longer than any backtick run inside', () => {
    expect(codeSpan('a ``` b')).toBe('````a ``` b````');
    expect(codeSpan('`start')).toBe('`` `start ``');
  });

  test('in tables, pipes are escaped even inside the span', () => {
    expect(codeSpan('a|b', { inTable: true })).toBe('`a\\|b`');
    expect(codeSpan('a|b')).toBe('`a|b`');
  });

  test('stays on one line', () => {
    expect(codeSpan('line1\nline2')).toBe('`line1 line2`');
  });
});

describe('codeBlock', () => {
  test('content cannot close the fence', () => {
    const hostile = 'before\n```\n</details>\n@everyone\n````\nafter';
    const block = codeBlock(hostile);
    const fence = block.split('\n')[0]!;
    expect(fence).toBe('`````');
    expect(block.endsWith(`\n${fence}`)).toBe(true);
    // No line inside is a fence of the same or greater length.
    const inner = block.split('\n').slice(1, -1);
    expect(inner.some((l) => l.startsWith(fence))).toBe(false);
  });

  test('is truncated to maxLength', () => {
    expect(codeBlock('y'.repeat(10_000), { maxLength: 50 }).length).toBeLessThan(60);
  });
});

test('neutraliseMentions leaves e-mail-free text alone', () => {
  expect(neutraliseMentions('no mentions here')).toBe('no mentions here');
});

test('truncate counts code points, not UTF-16 units', () => {
  expect(truncate('😀😀😀', 3)).toBe('😀😀😀');
  expect(truncate('😀😀😀😀', 3)).toBe('😀😀…');
});

test('table renders header, alignment and rows', () => {
  expect(table(['a', 'b'], [['1', '2']], ['l', 'r'])).toBe('| a | b |\n| --- | --: |\n| 1 | 2 |');
});

test('shellQuote leaves safe words and single-quotes the rest', () => {
  expect(shellQuote('canary-50')).toBe('canary-50');
  expect(shellQuote("x; rm -rf ~ 'y'")).toBe(`'x; rm -rf ~ '\\''y'\\'''`);
  expect(shellQuote('$(id)')).toBe(`'$(id)'`);
});
