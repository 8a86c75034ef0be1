/**
 * The report as terminal text: the comment's headline, split, per-service traffic table,
 * verdict and tag checks, and the phase timings, as aligned plain-text tables. Pure; every
 * untrusted string is cleaned of control characters and shortened. Wording shared with the
 * comment (headline, verdict) is the comment's own, converted from its Markdown.
 */
import { isCompared } from '../compare/types.js';
import type { PreviewPlan, ServicePlan } from '../plan/types.js';
import { comparisonText } from './comparison-text.js';
import { stripUnsafe, truncate } from './markdown.js';
import type { ReportedService, RunReport, RunStatus, ServiceResult, TagCheck } from './model.js';
import { headline, milliseconds, percent, verdictLine } from './render-parts.js';

export interface TextStyle {
  bold(text: string): string;
  dim(text: string): string;
  red(text: string): string;
  green(text: string): string;
  yellow(text: string): string;
  cyan(text: string): string;
}

const same = (text: string): string => text;
export const PLAIN_TEXT: TextStyle = {
  bold: same,
  dim: same,
  red: same,
  green: same,
  yellow: same,
  cyan: same,
};

export interface TextReportInput {
  plan: PreviewPlan;
  report: RunReport;
  style?: TextStyle;
  /** Most revision and tag rows per service (a terminal has room; keep it readable). */
  maxRows?: number;
}

const STATUS_COLOURS: Record<RunStatus, keyof TextStyle> = {
  consistent: 'green',
  deviates: 'yellow',
  unmeasurable: 'yellow',
  failed: 'red',
  planned: 'cyan',
  deploying: 'cyan',
};

export function renderTextReport(input: TextReportInput): string {
  const { plan, report } = input;
  const style = input.style ?? PLAIN_TEXT;
  const maxRows = input.maxRows ?? 50;
  const colour = style[STATUS_COLOURS[report.status]];
  const parts: string[] = [style.bold(colour(textOf(headline(report).replace(/^#+\s*/, ''))))];
  parts.push(commitsText(plan));
  parts.push(`Split: ${clean(plan.split.reason, 300).replace(/([^.!?])$/, '$1.')}`);
  if (report.failure) {
    parts.push(
      `${style.red(`Phase ${clean(report.failure.phase, 80)} failed:`)}\n${indent(clean(report.failure.message, 4000, true))}`,
    );
  }
  for (const regression of report.regressions ?? []) {
    const line = `Regression: ${clean(regression.message, 800)}`;
    parts.push(
      regression.failsRun
        ? style.red(line)
        : style.yellow(`${line} (reported only: fail-on-regression is off)`),
    );
  }
  const plans = new Map(plan.services.map((s) => [s.name, s]));
  for (const result of report.services)
    parts.push(serviceText(plans.get(result.service), result, style, maxRows));
  if (report.autoscaler) {
    const settings = Object.entries(report.autoscaler)
      .map(([key, value]) => `${clean(key, 60)} ${clean(value, 40)}`)
      .join(', ');
    parts.push(
      `To measure cold starts in seconds, this run shortened Knative's autoscaler windows in its ephemeral cluster (config-autoscaler ${settings}).`,
    );
  }
  if (report.services.length === 0) parts.push(planText(plan, style));
  const timings = timingsText(report.timings, style);
  if (timings) parts.push(timings);
  return `${parts.join('\n\n')}\n`;
}

function commitsText(plan: PreviewPlan): string {
  const side = (sha: string, ref: string | undefined): string =>
    `${sha.slice(0, 7)}${ref ? ` (${clean(ref, 80)})` : ''}`;
  const parts: string[] = [];
  if (plan.baseSha) parts.push(`Base ${side(plan.baseSha, plan.pullRequest?.baseRef)}`);
  parts.push(`PR ${side(plan.headSha, plan.pullRequest?.headRef)}`);
  return parts.join(' · ');
}

/** The plan: per service its revisions and the traffic it ends with. */
export function planText(plan: PreviewPlan, style: TextStyle = PLAIN_TEXT): string {
  if (plan.services.length === 0) return 'No plan: the run failed before it was made.';
  const rows = plan.services.map((s) => [
    clean(s.name, 80),
    clean(s.namespace, 80),
    s.mode,
    s.revisions.base ? clean(s.revisions.base, 80) : '–',
    clean(s.revisions.pr, 80),
    s.traffic
      .map((t) => {
        const target = t.revisionName ?? (t.latestRevision ? 'latest' : '?');
        return `${clean(target, 80)} ${t.percent}%`;
      })
      .join(', '),
  ]);
  const notes = plan.services
    .filter((s) => s.note && s.mode !== 'canary')
    .map((s) => `${clean(s.name, 80)}: ${clean(s.note ?? '', 300)}`);
  const table = textTable(
    ['Service', 'Namespace', 'Mode', 'Base revision', 'PR revision', 'Traffic'],
    rows,
    style,
  );
  return [style.bold('Plan'), table, ...notes].join('\n');
}

function serviceText(
  service: ServicePlan | undefined,
  result: ReportedService,
  style: TextStyle,
  maxRows: number,
): string {
  const lines = [
    style.bold(`Service ${clean(result.service, 80)} in namespace ${clean(result.namespace, 80)}`),
  ];
  if (service?.note && service.mode !== 'canary') lines.push(clean(service.note, 300));
  lines.push(trafficText(result, style, maxRows));
  lines.push(verdictText(result, style));
  if (isCompared(result.comparison)) {
    lines.push('', comparisonText(result.service, result.namespace, result.comparison));
  } else if (result.comparison) {
    lines.push('', `PR vs base: not compared: ${clean(result.comparison.reason, 300)}.`);
  }
  if (result.tagChecks.length) lines.push('', tagChecksText(result.tagChecks, style, maxRows));
  if (result.unattributed.samples.length && result.unattributed.count > 0) {
    const sample = result.unattributed.samples[0] ?? '';
    lines.push(`Unattributed answer, e.g.: ${clean(sample, 200)}`);
  }
  // An existing cluster's URLs as it serves them; else the hosts the plan gave the route.
  const host = result.host || service?.host;
  const route = result.links?.route ?? (host ? `http://${host}` : undefined);
  if (route) {
    const tags = result.links
      ? [result.links.base, result.links.pr]
      : [service?.tagHosts.base, service?.tagHosts.pr].map((h) => h && `http://${h}`);
    const shown = tags.filter((url): url is string => Boolean(url)).map((url) => clean(url, 200));
    lines.push(`Route ${clean(route, 200)}${shown.length ? `; tags ${shown.join(', ')}` : ''}`);
  }
  return lines.join('\n');
}

function trafficText(result: ServiceResult, style: TextStyle, maxRows: number): string {
  const rows = result.revisions
    .slice(0, maxRows)
    .map((r) => [
      clean(r.revision, 80),
      r.side === 'pr' ? 'PR' : 'base',
      `${r.configuredPercent}%`,
      String(r.responses),
      r.responses === 0
        ? '–'
        : `${percent(r.observedPercent)} (${r.interval.low.toFixed(1)}–${r.interval.high.toFixed(1)})`,
      String(r.errors),
      r.responses === 0 ? '–' : milliseconds(r.latencyMs.p50),
      r.responses === 0 ? '–' : milliseconds(r.latencyMs.p95),
    ]);
  if (result.unattributed.count > 0)
    rows.push([
      'unattributed',
      '–',
      '–',
      String(result.unattributed.count),
      '–',
      String(result.unattributed.errors),
      '–',
      '–',
    ]);
  const table = textTable(
    ['Revision', 'Side', 'Configured', 'Responses', 'Observed (95% CI)', 'Errors', 'p50', 'p95'],
    rows,
    style,
    ['l', 'l', 'r', 'r', 'r', 'r', 'r', 'r'],
  );
  return withHidden(table, result.revisions.length - maxRows, 'revisions');
}

function verdictText(result: ServiceResult, style: TextStyle): string {
  const text = wrap(textOf(verdictLine(result)), PROSE_WIDTH);
  const colour =
    result.verdict === 'consistent'
      ? style.green
      : result.verdict === 'deviates'
        ? style.red
        : style.yellow;
  // The verdict word stands out; the rest is the comment's sentence.
  return text.replace(/Verdict: [a-z]+/, (word) => style.bold(colour(word)));
}

function tagChecksText(checks: readonly TagCheck[], style: TextStyle, maxRows: number): string {
  const rows = checks
    .slice(0, maxRows)
    .map((t) => [
      clean(t.tag, 60),
      `http://${clean(t.host, 120)}`,
      clean(t.expectedRevision, 80),
      `${t.matched === t.requests ? style.green('✔') : style.red('✖')} ${t.matched}/${t.requests}`,
      clean(t.sample, 60),
    ]);
  const table = textTable(
    ['Tag', 'URL', 'Expected revision', 'Matched', 'Sample answer'],
    rows,
    style,
    ['l', 'l', 'l', 'r', 'l'],
  );
  return `${style.bold('Tag checks')}\n${withHidden(table, checks.length - maxRows, 'tag checks')}`;
}

export function timingsText(
  timings: Record<string, number>,
  style: TextStyle = PLAIN_TEXT,
): string {
  const entries = Object.entries(timings);
  if (entries.length === 0) return '';
  const total = entries.reduce((sum, [, s]) => sum + s, 0);
  const rows = entries.map(([phase, seconds]) => [clean(phase, 60), `${seconds.toFixed(1)} s`]);
  rows.push(['total', `${total.toFixed(1)} s`]);
  return `${style.bold('Phase timings')}\n${textTable(['Phase', 'Duration'], rows, style, ['l', 'r'])}`;
}

/**
 * Columns padded to their widest cell, two spaces apart, a rule under the header. Cells must be
 * one line; widths count code points of the visible text (colour codes excluded).
 */
export function textTable(
  header: readonly string[],
  rows: readonly (readonly string[])[],
  style: TextStyle = PLAIN_TEXT,
  align: readonly ('l' | 'r')[] = [],
): string {
  const widths = header.map((h, i) =>
    Math.max(visibleLength(h), ...rows.map((row) => visibleLength(row[i] ?? ''))),
  );
  const line = (cells: readonly string[]): string =>
    cells
      .map((cell, i) => {
        const pad = ' '.repeat(Math.max(0, (widths[i] ?? 0) - visibleLength(cell)));
        return align[i] === 'r' ? pad + cell : cell + pad;
      })
      .join('  ')
      .trimEnd();
  return [
    style.bold(line(header)),
    style.dim(widths.map((w) => '─'.repeat(w)).join('  ')),
    ...rows.map(line),
  ].join('\n');
}

function visibleLength(text: string): number {
  // eslint-disable-next-line no-control-regex -- measuring without our own colour codes
  return Array.from(text.replace(/\u001b\[[0-9;]*m/g, '')).length;
}

/** Sentences wrap here; tables are as wide as they need. */
const PROSE_WIDTH = 100;

/** Breaks text into lines of at most `width` characters at spaces (a longer word keeps its line). */
export function wrap(text: string, width: number): string {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(' ')) {
    if (line && Array.from(line).length + 1 + Array.from(word).length > width) {
      lines.push(line);
      line = word;
    } else line = line ? `${line} ${word}` : word;
  }
  lines.push(line);
  return lines.join('\n');
}

function withHidden(text: string, hidden: number, what: string): string {
  return hidden > 0 ? `${text}\n${hidden} more ${what} not shown.` : text;
}

function indent(text: string): string {
  return text
    .split('\n')
    .map((line) => `  ${line}`)
    .join('\n');
}

/** Untrusted text for a terminal: no control characters, one line unless `multiline`, shortened. */
export function clean(text: string, max: number, multiline = false): string {
  const safe = stripUnsafe(text.length > 4 * max + 64 ? text.slice(0, 4 * max + 64) : text);
  return truncate(multiline ? safe : safe.replace(/\s*\n\s*/g, ' '), max);
}

/**
 * One line of the comment's inline Markdown as text: code spans unwrapped, bold and emphasis
 * markers dropped, character references decoded, the zero-width joiners that stop mentions
 * removed. Only for what the renderers write (untrusted text in it is already escaped, so every
 * `**` or `_` outside a code span is the renderer's own).
 */
export function textOf(markdown: string): string {
  const out: string[] = [];
  const span = /(`+)([\s\S]*?[^`])\1(?!`)/g;
  let last = 0;
  for (let match = span.exec(markdown); match; match = span.exec(markdown)) {
    out.push(prose(markdown.slice(last, match.index)));
    let content = match[2] as string;
    if (content.startsWith(' ') && content.endsWith(' ') && content.trim())
      content = content.slice(1, -1);
    out.push(content.replace(/\\\|/g, '|'));
    last = match.index + match[0].length;
  }
  out.push(prose(markdown.slice(last)));
  return stripUnsafe(out.join('')).replace(/\u200d/g, '');
}

function prose(text: string): string {
  return text
    .replace(/\*\*/g, '')
    .replace(/(^|[\s(])_(\S[^_]*?)_(?=$|[\s).,;:])/g, '$1$2')
    .replace(/<br>/g, ', ')
    .replace(/&#(\d+);/g, (_m, code: string) => String.fromCodePoint(Number(code)));
}
