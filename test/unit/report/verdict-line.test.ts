import { describe, expect, it } from 'vitest';
import { verdictLine } from '../../../src/report/render-parts.js';
import { judgeSplit } from '../../../src/stats/judge.js';
import { serviceResult } from './fixtures.js';

/** The line as a reader sees it: numeric character references decoded. */
const shown = (line: string): string =>
  line.replace(/&#(\d+);/g, (_match, code: string) => String.fromCharCode(Number(code)));

const BASE = 'hello-base-aaaaaaa';
const PR = 'hello-pr-bbbbbbb';

/** A service result whose verdict fields come from the real judge. */
function judged(observed: Record<string, number>, stage: number) {
  const { done: _done, ...fields } = judgeSplit(
    observed,
    { [BASE]: 50, [PR]: 50 },
    { stage, focus: PR, label: (r) => (r === PR ? `PR revision ${r}` : `base revision ${r}`) },
  );
  return serviceResult({ ...fields, alpha: 1e-4 });
}

describe('verdictLine with the split gate', () => {
  it('says what was tested, what would have counted as a deviation, and what is ruled out', () => {
    const line = shown(verdictLine(judged({ [BASE]: 413, [PR]: 387 }, 2)));
    expect(line).toBe(
      '✅ **Verdict: consistent** (exact binomial test after each batch, n = 800 after 2 of at ' +
        'most 4 batches, p = 0.38; a deviation needs p < 1.3e-5, so a correct split fails at ' +
        'most 1 in 10,000 runs). PR revision hello-pr-bbbbbbb answered 48.4% (n = 800), inside ' +
        '42.3–57.8%, the band a correct 50% share stays in; a share outside it would have ' +
        'counted as a deviation; a misroute of 10 points or more is ruled out',
    );
  });

  it('a deviation shows its small p-value in exponent form, next to the threshold', () => {
    const line = shown(verdictLine(judged({ [BASE]: 250, [PR]: 150 }, 1)));
    expect(line).toMatch(
      /^⚠️ \*\*Verdict: deviates\*\* \(exact binomial test after each batch, n = 400 after 1 of at most 4 batches, p = \d\.\de-\d+; a deviation needs p < 1\.3e-5/,
    );
    expect(line).toContain('outside 39.0–61.0%, the band a correct 50% share stays in');
  });

  it('results without gate evidence keep the fixed-sample form', () => {
    expect(verdictLine(serviceResult())).toContain(
      '**Verdict: consistent** (exact binomial test, n = 400, p = 0.69, α = 0.05)',
    );
  });
});
