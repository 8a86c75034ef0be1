import { describe, expect, it } from 'vitest';
import { firstLine } from '../../../src/util/errors.js';

describe('firstLine', () => {
  it('is the first line with text, trimmed', () => {
    expect(firstLine('\n  \n  error: forbidden  \nsecond line')).toBe('error: forbidden');
    expect(firstLine('')).toBe('');
    expect(firstLine(' \n\t\n')).toBe('');
  });

  it('cuts a long line to the given length, ending in an ellipsis', () => {
    const cut = firstLine('x'.repeat(500), 200);
    expect(cut).toHaveLength(200);
    expect(cut.endsWith('…')).toBe(true);
    expect(firstLine('y'.repeat(300))).toBe('y'.repeat(300));
  });
});
