import { describe, expect, it } from 'vitest';
import { comparisonChart, MAX_CHART_SERVICES } from '../../../src/report/comparison-chart.js';
import { comparison, sameComparison } from './comparison-fixtures.js';

/**
 * The statements the chart may contain, after Mermaid's xychart grammar
 * (mermaid-js/mermaid, packages/mermaid/src/diagrams/xychart/parser/xychart.jison):
 * quoted labels hold no quote, no %, no # and no ;, numbers are plain decimals.
 */
const LABEL = '"[A-Za-z0-9 ._/…-]+"';
const NUMBERS = '\\[(?:-?\\d+(?:\\.\\d+)?, )*-?\\d+(?:\\.\\d+)?\\]';
const STATEMENTS = [
  /^xychart-beta horizontal$/,
  new RegExp(`^  title ${LABEL}$`),
  new RegExp(`^  x-axis \\[(?:${LABEL}, )*${LABEL}\\]$`),
  new RegExp(`^  y-axis ${LABEL} \\d+ --> \\d+$`),
  new RegExp(`^  bar ${NUMBERS}$`),
  new RegExp(`^  line ${NUMBERS}$`),
];

function diagramLines(markdown: string): string[] {
  const match = /^```mermaid\n([\s\S]*?)\n```\n/.exec(markdown);
  expect(match, 'a ```mermaid block at the start').not.toBeNull();
  return match![1]!.split('\n');
}

describe('comparisonChart', () => {
  it('draws p50/p95/p99 of the PR as a percentage of the base, with the base at 100', () => {
    const chart = comparisonChart([{ service: 'hello', comparison: comparison() }]);
    expect(chart).toBe(
      [
        '```mermaid',
        'xychart-beta horizontal',
        '  title "PR latency in percent of base"',
        '  x-axis ["hello p50", "hello p95", "hello p99"]',
        '  y-axis "percent of base latency" 0 --> 430',
        '  bar [388, 377, 338]',
        '  line [100, 100, 100]',
        '```',
        '',
        "_Bars: the PR's latency at p50, p95 and p99 as a percentage of the base's at the same " +
          'percentile; the line marks the base (100%)._',
      ].join('\n'),
    );
  });

  it('keeps hostile service names inside their labels', () => {
    const names = [
      'a"]\n  bar [1',
      '%%{init: {"theme": "forest"}}%%',
      '```\n## Injected',
      '<script>alert(1)</script>',
      'x;y#quot;',
    ];
    const chart = comparisonChart(names.map((service) => ({ service, comparison: comparison() })));
    const lines = diagramLines(chart);
    expect(lines).toHaveLength(STATEMENTS.length);
    lines.forEach((line, i) => expect(line).toMatch(STATEMENTS[i]!));
    // The fence opens once and closes once.
    expect(chart.match(/```/g)).toHaveLength(2);
  });

  it('names that clean up alike stay separate categories', () => {
    const chart = comparisonChart([
      { service: 'a"b', comparison: comparison() },
      { service: 'a<b', comparison: comparison() },
    ]);
    expect(chart).toContain('"a_b p50"');
    expect(chart).toContain('"a_b-2 p50"');
  });

  it(`charts at most ${MAX_CHART_SERVICES} services, regressions first, and stays small`, () => {
    const entries = Array.from({ length: 100 }, (_, i) => ({
      service: `service-${String(i).padStart(2, '0')}-${'x'.repeat(50)}`,
      comparison: i === 97 ? comparison() : sameComparison(),
    }));
    entries.push({
      service: 'no-latency',
      comparison: comparison({
        latency: {
          ...comparison().latency,
          pr: { samples: 0, p50: 0, p95: 0, p99: 0 },
          ratio: null,
          interval: null,
          p: null,
          verdict: 'unmeasurable',
        },
      }),
    });
    const chart = comparisonChart(entries);
    const categories = diagramLines(chart)[2]!.match(/"[^"]*"/g)!;
    expect(categories).toHaveLength(3 * MAX_CHART_SERVICES);
    expect(categories[0]).toMatch(/^"service-97-/);
    expect(chart).toContain(
      '94 more services not charted. 1 service without latencies to compare._',
    );
    expect(chart.length).toBeLessThan(2000);
  });

  it('nothing measured: no chart', () => {
    expect(comparisonChart([])).toBe('');
  });
});
