import { describe, expect, it } from 'vitest';
import {
  autoscalerNote,
  comparisonSection,
  latencyVerdictLine,
} from '../../../src/report/render-comparison.js';
import { comparison, sameComparison } from './comparison-fixtures.js';

describe('comparisonSection', () => {
  it('a short table: percentiles per side, ratio with its interval, errors with p', () => {
    expect(comparisonSection(comparison(), { requestsPerSide: 200 })).toBe(
      [
        "**PR vs base** · 200 requests to each revision's tag, interleaved; the errors also count the split probe's answers",
        '',
        '|  | Base | PR | PR vs base |',
        '| --- | --: | --: | --- |',
        '| Latency p50 | 4.1 ms | 15.9 ms | median 3.88× (95% CI 3.57–4.17) |',
        '| Latency p95 | 7.0 ms | 26.4 ms |  |',
        '| Latency p99 | 9.4 ms | 31.8 ms |  |',
        "| Errors | 0 of 600 (0.0%) | 0 of 600 (0.0%) | Fisher's exact test p = 1.0 |",
        '',
        "🐢 **Latency: slower**: the PR's median is 3.88× the base's (Mann–Whitney U test " +
          'p < 0.001, α = 0.01; the difference exceeds the 5% margin).',
      ].join('\n'),
    );
  });

  it('says the margin when the verdict is same, and why', () => {
    const same = sameComparison();
    expect(latencyVerdictLine(same.latency)).toBe(
      "✅ **Latency: same**: the PR's median is 1.02× the base's (Mann–Whitney U test p = 0.60, " +
        'α = 0.01; no significant difference; `faster` or `slower` needs both p < α and the ' +
        'medians more than 5% apart).',
    );
    const significantButSmall = { ...same.latency, p: 0.0001 };
    expect(latencyVerdictLine(significantButSmall)).toContain(
      'significant, but the medians are within the 5% margin',
    );
    const disagreeing = { ...same.latency, p: 0.0001, ratio: 1.2 };
    expect(latencyVerdictLine(disagreeing)).toContain(
      'significant, but the test and the medians point in opposite directions',
    );
  });

  it('a side without successful answers: not compared, dashes in the table', () => {
    const base = comparison();
    const section = comparisonSection(
      comparison({
        latency: {
          ...base.latency,
          pr: { samples: 0, p50: 0, p95: 0, p99: 0 },
          ratio: null,
          interval: null,
          p: null,
          verdict: 'unmeasurable',
        },
      }),
    );
    expect(section).toContain('| Latency p50 | 4.1 ms | – | – |');
    expect(section).toContain(
      '❔ **Latency: not compared**: the PR had no successful answer to time.',
    );
  });

  it('an error regression names the rates, the test and the most common error, escaped', () => {
    const section = comparisonSection(
      comparison({
        errors: {
          base: { errors: 0, total: 600 },
          pr: {
            errors: 180,
            total: 600,
            mostCommon: {
              kind: 'HTTP 500',
              count: 180,
              sample: '`boom` | @team\n' + 'x'.repeat(500),
            },
          },
          p: 1e-50,
          pHigher: 1e-51,
          regression: true,
          alpha: 0.01,
        },
      }),
      { sampleChars: 40 },
    );
    const line = section.split('\n\n').at(-1)!;
    expect(line).toMatch(
      /^❌ \*\*Errors: the PR fails more often\*\*: 180 of 600 \(30\.0%\) against the base's 0 of 600 \(0\.0%\) \(one-sided Fisher's exact test p < 0\.001, α = 0\.01\)\. Most common in the comparison: `HTTP 500` \(180×\), e\.g\. ``/,
    );
    // A code span wider than any backtick run inside, one line, cut at 40 characters.
    expect(line).toContain('`` `boom` | @team xxxxxxxx');
    expect(line).not.toContain('\n');
    expect(line).toContain('… ``.');
  });

  it('cold starts: median per side, or why not, escaped for the table', () => {
    const section = comparisonSection(
      comparison({
        coldStart: {
          base: { measured: true, samplesMs: [1200, 1100, 1300], medianMs: 1200 },
          pr: {
            measured: false,
            notMeasured: { reason: 'failed', error: 'EOF | <b>bad</b>\nnext' },
          },
        },
      }),
    );
    expect(section).toContain(
      '| Cold start (median) | 1.20 s (3 samples) | _not measured: the cold request failed&#58; EOF &#124; &#60;b&#62;bad&#60;/b&#62; next_ |  |',
    );
  });
});

describe('autoscalerNote', () => {
  it('says which windows the run shortened', () => {
    expect(autoscalerNote({ 'stable-window': '6s', 'scale-to-zero-grace-period': '6s' })).toBe(
      "_To measure cold starts in seconds, this run shortened Knative's autoscaler windows in its " +
        'ephemeral cluster (`config-autoscaler` `stable-window`: `6s`, `scale-to-zero-grace-period`: `6s`)._',
    );
  });
});
