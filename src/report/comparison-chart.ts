/**
 * One Mermaid chart for the comment and the job summary: per service, the PR's latency at
 * p50, p95 and p99 as a percentage of the base's at the same percentile, with a line at 100%
 * for the base. Percentages put services of any speed on one axis, and bars against a line
 * need no legend (xychart has none). Pure; small by construction: at most
 * MAX_CHART_SERVICES services, the rest named in a note.
 */
import type { ServiceComparison } from '../compare/types.js';
import { mermaidNumber, mermaidText } from './mermaid.js';

export const MAX_CHART_SERVICES = 6;
/** Characters of a service name on the axis. */
const LABEL_CHARS = 24;

export interface ChartEntry {
  service: string;
  comparison: ServiceComparison;
}

const PERCENTILES = ['p50', 'p95', 'p99'] as const;
/** Regressions first: when services must be left out, the ones that matter stay. */
const VERDICT_ORDER = { slower: 0, faster: 1, same: 2, unmeasurable: 3 } as const;

/** The chart as a fenced ```mermaid block with its caption, or '' when nothing was measured. */
export function comparisonChart(
  entries: readonly ChartEntry[],
  maxServices = MAX_CHART_SERVICES,
): string {
  const measured = entries
    .map((entry, index) => ({ entry, index }))
    .filter(({ entry }) => entry.comparison.latency.verdict !== 'unmeasurable')
    .sort(
      (a, b) =>
        VERDICT_ORDER[a.entry.comparison.latency.verdict] -
          VERDICT_ORDER[b.entry.comparison.latency.verdict] || a.index - b.index,
    )
    .map(({ entry }) => entry);
  if (measured.length === 0) return '';
  const shown = measured.slice(0, Math.max(1, maxServices));

  const categories: string[] = [];
  const bars: number[] = [];
  const used = new Set<string>();
  for (const { service, comparison } of shown) {
    const name = uniqueLabel(mermaidText(service, LABEL_CHARS), used);
    for (const p of PERCENTILES) {
      categories.push(`"${name} ${p}"`);
      bars.push((100 * comparison.latency.pr[p]) / comparison.latency.base[p]);
    }
  }
  const top = Math.ceil((Math.max(100, ...bars) * 1.1) / 10) * 10;
  const lines = [
    '```mermaid',
    'xychart-beta horizontal',
    '  title "PR latency in percent of base"',
    `  x-axis [${categories.join(', ')}]`,
    `  y-axis "percent of base latency" 0 --> ${mermaidNumber(top)}`,
    `  bar [${bars.map((value) => mermaidNumber(value)).join(', ')}]`,
    `  line [${bars.map(() => '100').join(', ')}]`,
    '```',
  ];
  const hidden = measured.length - shown.length;
  const unmeasured = entries.length - measured.length;
  const caption =
    `_Bars: the PR's latency at p50, p95 and p99 as a percentage of the base's at the same ` +
    `percentile; the line marks the base (100%).` +
    (hidden > 0 ? ` ${hidden} more ${services(hidden)} not charted.` : '') +
    (unmeasured > 0 ? ` ${unmeasured} ${services(unmeasured)} without latencies to compare.` : '') +
    '_';
  return `${lines.join('\n')}\n\n${caption}`;
}

/** Two services whose names clean up alike must not merge into one axis category. */
function uniqueLabel(label: string, used: Set<string>): string {
  let candidate = label;
  for (let n = 2; used.has(candidate); n++) candidate = `${label}-${n}`;
  used.add(candidate);
  return candidate;
}

function services(count: number): string {
  return count === 1 ? 'service' : 'services';
}
