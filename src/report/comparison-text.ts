/**
 * The "PR vs base" table as plain text for a terminal (the command-line report). Pure.
 * Untrusted names lose control characters (no terminal escape sequences) and line breaks.
 */
import { coldStartReasonText } from '../compare/cold-start.js';
import type {
  ColdStartSide,
  ErrorComparison,
  ErrorCounts,
  ServiceComparison,
} from '../compare/types.js';
import { stripUnsafe, truncate } from './markdown.js';
import { sameReason, seconds } from './render-comparison.js';
import { milliseconds, pValueText } from './render-parts.js';

export function comparisonText(
  service: string,
  namespace: string,
  comparison: ServiceComparison,
): string {
  const { latency, errors, coldStart } = comparison;
  const rows: [string, string, string, string][] = [['', 'base', 'PR', '']];
  for (const p of ['p50', 'p95', 'p99'] as const) {
    const cell = (side: typeof latency.base): string =>
      side.samples === 0 ? '-' : milliseconds(side[p]);
    const note =
      p === 'p50' && latency.ratio !== null
        ? `ratio ${latency.ratio.toFixed(2)}x` +
          (latency.interval
            ? ` (95% CI ${latency.interval.low.toFixed(2)}-${latency.interval.high.toFixed(2)})`
            : '')
        : '';
    rows.push([`latency ${p}`, cell(latency.base), cell(latency.pr), note]);
  }
  rows.push([
    'errors',
    errorCell(errors.base),
    errorCell(errors.pr),
    `Fisher ${pValueText(errors.p)}`,
  ]);
  if (coldStart) {
    rows.push(['cold start', coldStartCell(coldStart.base), coldStartCell(coldStart.pr), '']);
  }

  const widths = [0, 1, 2].map((column) => Math.max(...rows.map((row) => row[column]!.length)));
  const lines = rows.map(([label, base, pr, note]) =>
    `  ${label.padEnd(widths[0]!)}  ${base.padStart(widths[1]!)}  ${pr.padStart(widths[2]!)}  ${note}`.trimEnd(),
  );

  if (coldStart) {
    for (const [name, side] of [
      ['base', coldStart.base],
      ['PR', coldStart.pr],
    ] as const) {
      if (!side.measured) {
        lines.push(
          `  cold start (${name}) not measured: ${plain(coldStartReasonText(side.notMeasured), 200)}`,
        );
      }
    }
  }
  const margin = `${Number((100 * latency.margin).toFixed(2))}%`;
  const test = `Mann-Whitney U ${pValueText(latency.p ?? undefined)}, alpha ${latency.alpha}, margin ${margin}`;
  const verdict =
    latency.verdict === 'unmeasurable'
      ? 'latency: not compared (a side had no successful answer)'
      : latency.verdict === 'same'
        ? `latency: same (${test}; ${sameReason(latency)})`
        : `latency: ${latency.verdict} (${test})`;
  lines.push(`  ${verdict}`);
  if (errors.regression) {
    lines.push(
      `  errors: the PR fails more often (one-sided Fisher ${pValueText(errors.pHigher)}, alpha ${errors.alpha})`,
    );
  }
  return [`PR vs base: ${plain(service, 80)} (namespace ${plain(namespace, 80)})`, ...lines].join(
    '\n',
  );
}

function plain(text: string, max: number): string {
  return truncate(stripUnsafe(text).replace(/\s+/g, ' ').trim(), max);
}

function errorCell(counts: ErrorCounts): string {
  if (counts.total === 0) return '-';
  return `${counts.errors}/${counts.total} (${((100 * counts.errors) / counts.total).toFixed(1)}%)`;
}

function coldStartCell(side: ColdStartSide): string {
  return side.measured ? `${seconds(side.medianMs)} (n=${side.samplesMs.length})` : 'not measured';
}

/** Characters of an error sample a failure message quotes. */
const SAMPLE_CHARS = 200;

/**
 * Why an error regression fails the run, as plain text for the log and the failure block:
 * the rates, the one-sided test, the most common error with a one-line sample.
 */
export function errorRegressionMessage(errors: ErrorComparison): string {
  const rate = (e: ErrorCounts): string =>
    `${e.errors} of ${e.total} (${((100 * e.errors) / Math.max(1, e.total)).toFixed(1)}%)`;
  let message =
    `the PR revision failed ${rate(errors.pr)} requests, the base ${rate(errors.base)}; ` +
    `one-sided Fisher's exact test ${pValueText(errors.pHigher)} < alpha ${errors.alpha}`;
  const common = errors.pr.mostCommon;
  if (common) {
    message += `. Most common in the comparison: ${plain(common.kind, 80)} (${common.count}×)`;
    if (common.sample) message += `, e.g. ${JSON.stringify(plain(common.sample, SAMPLE_CHARS))}`;
  }
  return message;
}
