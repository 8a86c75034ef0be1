/**
 * The "PR vs base" part of a service's section in the comment and the job summary: a short
 * table (latency percentiles, ratio of medians with its interval, errors, cold starts) and
 * one line per verdict that matters. Pure; untrusted text goes through markdown.ts.
 */
import { coldStartReasonText } from '../compare/cold-start.js';
import {
  isCompared,
  type ColdStartSide,
  type ErrorComparison,
  type ErrorCounts,
  type LatencyComparison,
  type Regression,
  type ServiceComparison,
} from '../compare/types.js';
import type { ServiceResult } from '../probe/types.js';
import { comparisonChart, type ChartEntry } from './comparison-chart.js';
import { codeSpan, escapeInline, table } from './markdown.js';
import { milliseconds, pValueText } from './render-parts.js';

export interface ComparisonRenderOptions {
  /** Requests per side the comparison sent (the `compare-requests` input). */
  requestsPerSide?: number;
  /** Characters of an error sample shown; 0 leaves samples out. */
  sampleChars?: number;
}

const LATENCY_HEADINGS = { slower: '🐢', faster: '🚀', same: '✅', unmeasurable: '❔' } as const;

export function comparisonSection(
  comparison: ServiceComparison,
  options: ComparisonRenderOptions = {},
): string {
  const { latency, errors, coldStart } = comparison;
  const how =
    options.requestsPerSide === undefined
      ? ''
      : ` · ${options.requestsPerSide} requests to each revision's tag, interleaved; the errors also count the split probe's answers`;
  const rows: string[][] = [
    ['Latency p50', ...latencyCells(latency, 'p50'), ratioCell(latency)],
    ['Latency p95', ...latencyCells(latency, 'p95'), ''],
    ['Latency p99', ...latencyCells(latency, 'p99'), ''],
    [
      'Errors',
      errorCell(errors.base),
      errorCell(errors.pr),
      `Fisher's exact test ${pValueText(errors.p)}`,
    ],
  ];
  if (coldStart) {
    rows.push([
      'Cold start (median)',
      coldStartCell(coldStart.base),
      coldStartCell(coldStart.pr),
      '',
    ]);
  }
  const parts = [
    `**PR vs base**${how}`,
    table(['', 'Base', 'PR', 'PR vs base'], rows, ['l', 'r', 'r', 'l']),
    latencyVerdictLine(latency),
  ];
  if (errors.regression) parts.push(errorRegressionLine(errors, options.sampleChars ?? 200));
  return parts.join('\n\n');
}

/** One sentence on the latency verdict, with the test, alpha and the practical margin. */
export function latencyVerdictLine(latency: LatencyComparison): string {
  const icon = LATENCY_HEADINGS[latency.verdict];
  const margin = `${Number((100 * latency.margin).toFixed(2))}%`;
  const test = `Mann–Whitney U test ${pValueText(latency.p ?? undefined)}, α = ${latency.alpha}`;
  if (latency.verdict === 'unmeasurable' || latency.ratio === null) {
    const side = latency.base.samples === 0 ? 'the base' : 'the PR';
    return `${icon} **Latency: not compared**: ${side} had no successful answer to time.`;
  }
  const ratio = `${latency.ratio.toFixed(2)}×`;
  if (latency.verdict === 'slower' || latency.verdict === 'faster') {
    return (
      `${icon} **Latency: ${latency.verdict}**: the PR's median is ${ratio} the base's ` +
      `(${test}; the difference exceeds the ${margin} margin).`
    );
  }
  return (
    `${icon} **Latency: same**: the PR's median is ${ratio} the base's (${test}; ` +
    `${sameReason(latency)}; \`faster\` or \`slower\` needs both p < α and the medians more than ${margin} apart).`
  );
}

/** Why a measured comparison is `same`, for people who see a small p or a big ratio. */
export function sameReason(latency: LatencyComparison): string {
  const margin = `${Number((100 * latency.margin).toFixed(2))}%`;
  const significant = latency.p !== null && latency.p < latency.alpha;
  if (!significant) return 'no significant difference';
  const beyondMargin = latency.ratio !== null && Math.abs(latency.ratio - 1) > latency.margin;
  return beyondMargin
    ? 'significant, but the test and the medians point in opposite directions'
    : `significant, but the medians are within the ${margin} margin`;
}

/** Why the run fails on errors: the rates, the one-sided test, the most common error. */
export function errorRegressionLine(errors: ErrorComparison, sampleChars: number): string {
  let line =
    `❌ **Errors: the PR fails more often**: ${rate(errors.pr)} against the base's ` +
    `${rate(errors.base)} (one-sided Fisher's exact test ${pValueText(errors.pHigher)}, α = ${errors.alpha}).`;
  const common = errors.pr.mostCommon;
  if (common) {
    line += ` Most common in the comparison: ${codeSpan(common.kind, { maxLength: 80 })} (${common.count}×)`;
    line +=
      common.sample && sampleChars > 0
        ? `, e.g. ${codeSpan(common.sample, { maxLength: sampleChars })}.`
        : '.';
  }
  return line;
}

function latencyCells(latency: LatencyComparison, p: 'p50' | 'p95' | 'p99'): [string, string] {
  const cell = (side: LatencyComparison['base']): string =>
    side.samples === 0 ? '–' : milliseconds(side[p]);
  return [cell(latency.base), cell(latency.pr)];
}

function ratioCell(latency: LatencyComparison): string {
  if (latency.ratio === null) return '–';
  const interval = latency.interval
    ? ` (95% CI ${latency.interval.low.toFixed(2)}–${latency.interval.high.toFixed(2)})`
    : '';
  return `median ${latency.ratio.toFixed(2)}×${interval}`;
}

function rate(counts: ErrorCounts): string {
  const percent = counts.total === 0 ? 0 : (100 * counts.errors) / counts.total;
  return `${counts.errors} of ${counts.total} (${percent.toFixed(1)}%)`;
}

function errorCell(counts: ErrorCounts): string {
  return counts.total === 0 ? '–' : rate(counts);
}

function coldStartCell(side: ColdStartSide): string {
  if (!side.measured) {
    return `_not measured: ${escapeInline(coldStartReasonText(side.notMeasured), 160)}_`;
  }
  const n = side.samplesMs.length;
  return `${seconds(side.medianMs)} (${n} sample${n === 1 ? '' : 's'})`;
}

/** Cold starts last seconds: show them so. */
export function seconds(ms: number): string {
  return ms >= 1000 ? `${(ms / 1000).toFixed(2)} s` : milliseconds(ms);
}

/** The one sentence the comment owes when the action shortened Knative's autoscaler windows. */
export function autoscalerNote(settings: Readonly<Record<string, string>>): string {
  const list = Object.entries(settings)
    .map(
      ([key, value]) =>
        `${codeSpan(key, { maxLength: 60 })}: ${codeSpan(value, { maxLength: 40 })}`,
    )
    .join(', ');
  return (
    `_To measure cold starts in seconds, this run shortened Knative's autoscaler windows in ` +
    `its ephemeral cluster (${codeSpan('config-autoscaler')} ${list})._`
  );
}

/**
 * The regressions of the run, one line each, those that failed it first; '' when there are
 * none. Built from the comparisons, so response text is escaped like everywhere else.
 */
export function regressionsBlock(
  regressions: readonly Regression[] | undefined,
  services: readonly ServiceResult[],
  sampleChars: number,
): string {
  if (!regressions?.length) return '';
  const ordered = [...regressions].sort((a, b) => Number(b.failsRun) - Number(a.failsRun));
  return ordered
    .map((r) => {
      const name = codeSpan(r.service, { maxLength: 80 });
      const compared = services.find((s) => s.service === r.service)?.comparison;
      let line: string;
      if (r.kind === 'latency' && r.detail !== undefined) line = `${name} is slower: ${r.detail}.`;
      else if (r.kind === 'errors' && isCompared(compared)) {
        line = `${name}: ${errorRegressionLine(compared.errors, sampleChars).replace(/^❌ /, '')}`;
      } else line = escapeInline(r.message, 600);
      return r.failsRun ? `❌ ${line}` : `⚠️ ${line} _(reported only: fail-on-regression is off)_`;
    })
    .join('\n\n');
}

/** The run's one latency chart over its compared services, at most `maxServices` of them. */
export function runChart(services: readonly ServiceResult[], maxServices: number): string {
  if (maxServices <= 0) return '';
  const entries: ChartEntry[] = [];
  for (const result of services) {
    if (isCompared(result.comparison))
      entries.push({ service: result.service, comparison: result.comparison });
  }
  return comparisonChart(entries, maxServices);
}
