import { describe, expect, it } from 'vitest';
import { comparisonText } from '../../../src/report/comparison-text.js';
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
