import { describe, expect, it } from 'vitest';
import { compareErrors } from '../../../src/compare/errors.js';
import { comparisonText, errorRegressionMessage } from '../../../src/report/comparison-text.js';
import { comparison, sameComparison } from './comparison-fixtures.js';

describe('comparisonText', () => {
  it('an aligned plain-text table with the verdicts', () => {
    expect(
      comparisonText(
        'hello',
        'default',
        comparison({
          coldStart: {
            base: { measured: true, samplesMs: [1200, 1100, 1300], medianMs: 1200 },
            pr: { measured: false, notMeasured: { reason: 'min-scale', minScale: 1 } },
          },
        }),
      ),
    ).toBe(
      [
        'PR vs base: hello (namespace default)',
        '                       base            PR',
        '  latency p50        4.1 ms       15.9 ms  ratio 3.88x (95% CI 3.57-4.17)',
        '  latency p95        7.0 ms       26.4 ms',
        '  latency p99        9.4 ms       31.8 ms',
        '  errors       0/600 (0.0%)  0/600 (0.0%)  Fisher p = 1.0',
        '  cold start   1.20 s (n=3)  not measured',
        '  cold start (PR) not measured: min-scale is 1, so the revision never scales to zero',
        '  latency: slower (Mann-Whitney U p < 0.001, alpha 0.01, margin 5%)',
      ].join('\n'),
    );
  });

  it('same, with the reason', () => {
    expect(comparisonText('api', 'default', sameComparison())).toContain(
      '  latency: same (Mann-Whitney U p = 0.60, alpha 0.01, margin 5%; no significant difference)',
    );
  });

  it('untrusted names cannot move the cursor or break lines', () => {
    const text = comparisonText('evil\u001b[2J\nname', 'ns\r\nx', sameComparison());
    expect(text.split('\n')[0]).toBe('PR vs base: evil[2J name (namespace ns x)');
    // eslint-disable-next-line no-control-regex -- asserting there are none
    expect(text).not.toMatch(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/);
  });
});

describe('errorRegressionMessage', () => {
  it('names the rates, the test and the most common error with a one-line sample', () => {
    const errors = compareErrors(
      { errors: 0, total: 600 },
      {
        errors: 180,
        total: 600,
        mostCommon: { kind: 'HTTP 500', count: 180, sample: 'Internal\nServer Error\u001b[31m' },
      },
    );
    expect(errorRegressionMessage(errors)).toBe(
      'the PR revision failed 180 of 600 (30.0%) requests, the base 0 of 600 (0.0%); one-sided ' +
        "Fisher's exact test p < 0.001 < alpha 0.01. Most common in the comparison: HTTP 500 (180×), " +
        'e.g. "Internal Server Error[31m"',
    );
  });

  it('truncates a long sample', () => {
    const errors = compareErrors(
      { errors: 0, total: 100 },
      {
        errors: 50,
        total: 100,
        mostCommon: { kind: 'HTTP 502', count: 50, sample: 'x'.repeat(5000) },
      },
    );
    expect(errorRegressionMessage(errors).length).toBeLessThan(400);
  });
});
