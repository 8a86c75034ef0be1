/**
 * Pieces shared by the PR comment and the job summary. Pure; every untrusted string goes
 * through markdown.ts.
 */
import { isCompared } from '../compare/types.js';
import { INPUT_DEFAULTS } from '../config/inputs.js';
import type { PreviewPlan, ServicePlan } from '../plan/types.js';
import { formatLevel, formatP } from '../stats/judge.js';
import { MAX_CHART_SERVICES } from './comparison-chart.js';
import {
  codeBlock,
  codeSpan,
  commitLink,
  details,
  escapeInline,
  repositoryUrl,
  shellQuote,
  table,
} from './markdown.js';
import type {
  PreviewLinks,
  ReportedService,
  RunReport,
  RunStatus,
  ServiceResult,
  TagCheck,
} from './model.js';
import { comparisonSection } from './render-comparison.js';
import type { RunSnapshot } from './state.js';

export interface RenderContext {
  /** GITHUB_SERVER_URL, e.g. https://github.com */
  serverUrl: string;
  /** owner/repo */
  repository: string;
  runId?: string;
  runAttempt?: string;
  labelPrefix: string;
  /** Probe sample size asked for (the `requests` input). */
  requests: number;
  /** Requests to each revision in the PR-vs-base comparison (the `compare-requests` input). */
  compareRequests?: number;
  /** Host port of the load balancer, for the local curl command. */
  loadBalancerPort?: number;
  /** The action's own repository and ref (from the runner), for the `npx` command. */
  action?: { repository?: string; ref?: string };
  /** The run's `manifests` and `build` inputs, so the command previews the same things. */
  manifests?: string;
  build?: readonly string[];
}

/** How much detail fits; the size guard steps down through these. */
export interface DetailLimits {
  maxServices: number;
  maxRevisionRows: number;
  maxTagRows: number;
  maxSamples: number;
  sampleChars: number;
  failureChars: number;
  /** Services in the run's latency chart; 0 leaves the chart out. Default MAX_CHART_SERVICES. */
  chartServices?: number;
}

export const FULL_DETAIL: DetailLimits = {
  maxServices: 20,
  maxRevisionRows: 20,
  maxTagRows: 20,
  maxSamples: 3,
  sampleChars: 200,
  failureChars: 4000,
  chartServices: MAX_CHART_SERVICES,
};

const STATUS_HEADLINES: Record<RunStatus, string> = {
  consistent: '✅ Knative preview: the measured split is consistent with the configured one',
  deviates: '⚠️ Knative preview: the measured split deviates from the configured one',
  unmeasurable: '❔ Knative preview: the split could not be measured',
  failed: '❌ Knative preview failed',
  planned: '📝 Knative preview: planned (dry run, nothing deployed)',
  deploying: '⏳ Knative preview: deploying…',
};

export function headline(report: RunReport): string {
  if (report.status === 'failed' && report.failure) {
    return `### ❌ Knative preview failed in phase ${codeSpan(report.failure.phase, { maxLength: 80 })}`;
  }
  const failing = (report.regressions ?? []).filter((r) => r.failsRun);
  if (failing.length > 0) {
    const slower = failing.some((r) => r.kind === 'latency');
    const errors = failing.some((r) => r.kind === 'errors');
    const what = [slower ? 'is slower' : '', errors ? 'fails more often' : '']
      .filter(Boolean)
      .join(' and ');
    const split = report.status === 'deviates' ? ', and the measured split deviates' : '';
    return `### ❌ Knative preview: the PR ${what} than the base${split}`;
  }
  return `### ${STATUS_HEADLINES[report.status]}`;
}

export function runLogUrl(context: RenderContext): string | undefined {
  if (!context.runId || !/^\d+$/.test(context.runId)) return undefined;
  const base = `${repositoryUrl(context.serverUrl, context.repository)}/actions/runs/${context.runId}`;
  return context.runAttempt && /^\d+$/.test(context.runAttempt)
    ? `${base}/attempts/${context.runAttempt}`
    : base;
}

export function commitsLine(plan: PreviewPlan, context: RenderContext): string {
  const parts: string[] = [];
  if (plan.baseSha)
    parts.push(`Base ${commitLink(context.serverUrl, context.repository, plan.baseSha)}`);
  parts.push(`PR ${commitLink(context.serverUrl, context.repository, plan.headSha)}`);
  if (plan.pullRequest) {
    parts.push(
      `${escapeInline(plan.pullRequest.headRef, 120)} → ${escapeInline(plan.pullRequest.baseRef, 120)}`,
    );
  }
  const log = runLogUrl(context);
  if (log) parts.push(`[run log](${log})`);
  return parts.join(' · ');
}

/** Which label set the split, and how to change it. */
export function splitSentence(plan: PreviewPlan, context: RenderContext): string {
  const { prPercent, label } = plan.split;
  const prefix = context.labelPrefix;
  const how =
    `To change it, set one label ${codeSpan(`${prefix}0`)} … ${codeSpan(`${prefix}100`)} ` +
    `(percent of traffic for the PR); without one the PR gets 100%.`;
  // A plan always has a service; none means the run failed before planning finished.
  if (plan.services.length === 0)
    return `The split was not decided: the run failed while planning. ${how}`;
  if (plan.services.every((s) => s.mode === 'single')) {
    return `Single revision of the workspace (no base to compare); it gets 100% of the traffic.`;
  }
  const source = label
    ? `set by the label ${codeSpan(label, { maxLength: 80 })}`
    : `no ${codeSpan(`${prefix}N`)} label, so the PR gets all of it`;
  return `The PR revision gets **${prPercent}%** of the traffic and the base **${100 - prPercent}%**, ${source}. ${how}`;
}

export function percent(value: number): string {
  return `${value.toFixed(1)}%`;
}

export function milliseconds(value: number): string {
  return value >= 100 ? `${Math.round(value)} ms` : `${value.toFixed(1)} ms`;
}

export function pValueText(p: number | undefined): string {
  if (p === undefined || !Number.isFinite(p)) return 'p n/a';
  if (p < 0.001) return 'p < 0.001';
  return `p = ${p.toPrecision(2)}`;
}

const TEST_NAMES: Record<ServiceResult['test'], string> = {
  binomial: 'exact binomial test',
  'exact-split': 'exact check (a revision configured at 0% may not answer at all)',
  none: 'no test',
};

const VERDICT_ICONS = { consistent: '✅', deviates: '⚠️', unmeasurable: '❔' } as const;

function omitted(count: number, what: string): string {
  return `_${count} more ${what} not shown here; see the job summary._`;
}

export function trafficTable(result: ServiceResult, limits: DetailLimits): string {
  const rows = result.revisions
    .slice(0, limits.maxRevisionRows)
    .map((r) => [
      codeSpan(r.revision, { inTable: true, maxLength: 80 }),
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
  if (result.unattributed.count > 0) {
    rows.push([
      '_unattributed_',
      '–',
      '–',
      String(result.unattributed.count),
      '–',
      String(result.unattributed.errors),
      '–',
      '–',
    ]);
  }
  const header = [
    'Revision',
    'Side',
    'Configured',
    'Responses',
    'Observed (95% CI)',
    'Errors',
    'p50',
    'p95',
  ];
  const text = table(header, rows, ['l', 'l', 'r', 'r', 'r', 'r', 'r', 'r']);
  const hidden = result.revisions.length - limits.maxRevisionRows;
  return hidden > 0 ? `${text}\n\n${omitted(hidden, 'revisions')}` : text;
}

export function verdictLine(result: ServiceResult): string {
  const n = result.revisions.reduce((sum, r) => sum + r.responses, 0);
  const gate = result.gate;
  let stats: string;
  if (result.test === 'none') stats = `n = ${n}`;
  else if (gate) {
    const batches = `${gate.stages} of at most ${gate.maxStages} batch${gate.maxStages === 1 ? '' : 'es'}`;
    stats =
      `${TEST_NAMES[result.test]} after each batch, n = ${gate.n} after ${batches}, ` +
      `${gatePText(result.pValue)}; a deviation needs p < ${formatLevel(gate.alphaPerTest)}, ` +
      `so a correct split fails at most ${oddsText(result.alpha)} runs`;
  } else {
    stats = `${TEST_NAMES[result.test]}, n = ${n}, ${pValueText(result.pValue)}, α = ${result.alpha}`;
  }
  return `${VERDICT_ICONS[result.verdict]} **Verdict: ${result.verdict}** (${stats}). ${escapeInline(result.reason, 600)}`;
}

/** The gate's p-value: small ones in exponent form, to compare with its small threshold. */
function gatePText(p: number | undefined): string {
  return p === undefined || !Number.isFinite(p) ? 'p n/a' : formatP(p);
}

/** 1e-4 -> "1 in 10,000". */
function oddsText(rate: number): string {
  return `1 in ${Math.round(1 / rate).toLocaleString('en-US')}`;
}

export function tagChecksTable(checks: TagCheck[], limits: DetailLimits): string {
  if (checks.length === 0) return '';
  const rows = checks
    .slice(0, limits.maxTagRows)
    .map((t) => [
      codeSpan(t.tag, { inTable: true, maxLength: 60 }),
      codeSpan(`http://${t.host}`, { inTable: true, maxLength: 120 }),
      codeSpan(t.expectedRevision, { inTable: true, maxLength: 80 }),
      `${t.matched === t.requests ? '✅' : '❌'} ${t.matched}/${t.requests}`,
      limits.sampleChars > 0 && t.sample
        ? codeSpan(t.sample, { inTable: true, maxLength: limits.sampleChars })
        : '',
    ]);
  const text = table(['Tag', 'URL', 'Expected revision', 'Matched', 'Sample answer'], rows, [
    'l',
    'l',
    'l',
    'r',
    'l',
  ]);
  const hidden = checks.length - limits.maxTagRows;
  return `**Tag checks**\n\n${text}${hidden > 0 ? `\n\n${omitted(hidden, 'tag checks')}` : ''}`;
}

export function unattributedSamples(result: ServiceResult, limits: DetailLimits): string {
  const samples = result.unattributed.samples.slice(0, limits.maxSamples);
  if (samples.length === 0 || limits.sampleChars === 0) return '';
  const blocks = samples.map((s) => codeBlock(s, { maxLength: limits.sampleChars })).join('\n\n');
  return details(
    `Unattributed responses (${samples.length} of ${result.unattributed.samples.length} samples)`,
    blocks,
  );
}

export function hostsLine(
  service: ServicePlan | undefined,
  result: ReportedService | undefined,
): string {
  if (result?.links) return linksLine(result.links);
  const host = result?.host ?? service?.host;
  if (!host) return '';
  const tags = service
    ? [service.tagHosts.base, service.tagHosts.pr].filter((h): h is string => Boolean(h))
    : [];
  const tagText = tags.length
    ? `; tag URLs ${tags.map((h) => codeSpan(`http://${h}`, { maxLength: 120 })).join(', ')}`
    : '';
  return (
    `Route host ${codeSpan(host, { maxLength: 200 })}${tagText}. ` +
    `_These existed only inside the run's ephemeral cluster; use the commands below to reproduce._`
  );
}

/**
 * A preview on an existing cluster: links a reviewer can open. Only URLs that pass the same
 * strict check as when they were read become links; anything else is shown as code.
 */
export function linksLine(links: PreviewLinks): string {
  const link = (label: string, url: string | undefined): string | undefined => {
    if (!url) return undefined;
    return PLAIN_HTTP_URL.test(url)
      ? `[${label}](${url})`
      : `${label} ${codeSpan(url, { maxLength: 200 })}`;
  };
  const parts = [link('route', links.route), link('base', links.base), link('pr', links.pr)].filter(
    (part): part is string => Boolean(part),
  );
  return `🔗 Open the preview: ${parts.join(' · ')}`;
}

// Mirrors the check in src/existing/served-urls.ts: scheme, DNS host, optional port, nothing else.
const PLAIN_HTTP_URL =
  /^https?:\/\/[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*(:\d{1,5})?$/;

/**
 * Where a preview on an existing cluster lives, until when, and how it goes away. Empty for the
 * ephemeral k3d cluster.
 */
export function lifetimeLine(report: RunReport): string {
  const existing = report.existing;
  if (!existing) return '';
  const expires = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/.test(existing.expiresAt)
    ? `${existing.expiresAt.slice(0, 10)} ${existing.expiresAt.slice(11, 16)} UTC`
    : escapeInline(existing.expiresAt, 40);
  return (
    `🕒 The preview lives in namespace ${codeSpan(existing.namespace, { maxLength: 80 })} until **${expires}** ` +
    `(each run moves this on). Closing the pull request deletes it; to delete it earlier, run this ` +
    `workflow with ${codeSpan('mode: cleanup')}.`
  );
}

export function serviceHeading(name: string, namespace: string): string {
  return `#### Service ${codeSpan(name, { maxLength: 80 })} in namespace ${codeSpan(namespace, { maxLength: 80 })}`;
}

export function serviceSection(
  service: ServicePlan | undefined,
  result: ReportedService,
  limits: DetailLimits,
  /** Requests to each revision in the comparison (the `compare-requests` input). */
  compareRequests?: number,
): string {
  const parts = [serviceHeading(result.service, result.namespace)];
  if (service?.note) parts.push(`_${escapeInline(service.note, 300)}_`);
  parts.push(trafficTable(result, limits), verdictLine(result));
  const comparison = comparisonPart(result, limits, compareRequests);
  if (comparison) parts.push(comparison);
  const tags = tagChecksTable(result.tagChecks, limits);
  if (tags) parts.push(tags);
  const samples = unattributedSamples(result, limits);
  if (samples) parts.push(samples);
  const hosts = hostsLine(service, result);
  if (hosts) parts.push(hosts);
  return parts.join('\n\n');
}

/** The service's "PR vs base" table, or why it was not compared; '' when comparisons are off. */
export function comparisonPart(
  result: ServiceResult,
  limits: DetailLimits,
  compareRequests?: number,
): string {
  const outcome = result.comparison;
  if (!outcome) return '';
  if (!isCompared(outcome)) {
    return `**PR vs base**: not compared: ${escapeInline(outcome.reason, 300)}.`;
  }
  return comparisonSection(outcome, {
    ...(compareRequests === undefined ? {} : { requestsPerSide: compareRequests }),
    sampleChars: limits.sampleChars,
  });
}

export function timingsTable(timings: Record<string, number>): string {
  const entries = Object.entries(timings);
  if (entries.length === 0) return '';
  const total = entries.reduce((sum, [, s]) => sum + s, 0);
  const rows = entries.map(([phase, seconds]) => [
    escapeInline(phase, 60),
    `${seconds.toFixed(1)} s`,
  ]);
  rows.push(['**total**', `**${total.toFixed(1)} s**`]);
  return details('Phase timings', table(['Phase', 'Duration'], rows, ['l', 'r']));
}

/**
 * Copy-paste commands: the command line with this run's split label, commits and inputs, then
 * curl per host. Every word that a PR (or its workflow file) controls is shell-quoted.
 */
export function reproduceCommands(
  plan: PreviewPlan,
  context: RenderContext,
  maxServices: number,
  /** With a preview on an existing cluster, its URLs replace the local curl commands. */
  report?: RunReport,
): string {
  const lines = [
    reproduceCommand(plan, context).join(' '),
    ...(report?.existing
      ? servedCurlCommands(report, maxServices)
      : curlCommands(plan, context.loadBalancerPort ?? 8081, maxServices)),
  ];
  return details(
    'Reproduce locally',
    codeBlock(lines.join('\n'), { language: 'sh', maxLength: 20_000 }),
  );
}

/** `npx github:<action repo>#<ref> --labels … --base <sha> --head <sha> …`, as words. */
export function reproduceCommand(plan: PreviewPlan, context: RenderContext): string[] {
  const args = [...cliInvocation(context.action)];
  const prefix = context.labelPrefix;
  const label = plan.split.label;
  if (
    label &&
    label.toLowerCase().startsWith(prefix.toLowerCase()) &&
    /^\d{1,3}$/.test(label.slice(prefix.length))
  ) {
    args.push('--labels', shellQuote(label));
  }
  if (plan.baseSha && SHA.test(plan.baseSha)) args.push('--base', plan.baseSha);
  if (SHA.test(plan.headSha)) args.push('--head', plan.headSha);
  if (context.manifests && context.manifests !== INPUT_DEFAULTS.manifests)
    args.push('--manifests', shellQuote(context.manifests));
  for (const line of context.build ?? []) args.push('--build', shellQuote(line));
  if (String(context.requests) !== INPUT_DEFAULTS.requests)
    args.push('--requests', String(context.requests));
  if (prefix !== INPUT_DEFAULTS['label-prefix'])
    args.push('--input', shellQuote(`label-prefix=${prefix}`));
  return args;
}

const SHA = /^[0-9a-f]{7,64}$/i;
const ACTION_REPOSITORY = /^[A-Za-z0-9-]{1,39}\/[A-Za-z0-9._-]{1,100}$/;
const ACTION_REF = /^(?!.*\.\.)[A-Za-z0-9._/-]{1,200}$/;

/**
 * How to start the command line: from the action's own repository at the ref the workflow
 * used (`npx github:owner/repo#ref`), or by its package name when the runner did not say (a
 * local action, a run outside Actions).
 */
export function cliInvocation(action: RenderContext['action']): string[] {
  const repository = action?.repository ?? '';
  if (!ACTION_REPOSITORY.test(repository)) return ['npx', 'knative-action'];
  const ref = action?.ref && ACTION_REF.test(action.ref) ? `#${action.ref}` : '';
  return ['npx', shellQuote(`github:${repository}${ref}`)];
}

/** `curl -H "Host: …" http://127.0.0.1:<port>` for each route and tag host. */
export function curlCommands(plan: PreviewPlan, port: number, maxServices: number): string[] {
  const lines: string[] = [];
  for (const service of plan.services.slice(0, maxServices)) {
    for (const host of [service.host, service.tagHosts.base, service.tagHosts.pr]) {
      if (host) lines.push(`curl -H ${hostHeader(host)} http://127.0.0.1:${port}`);
    }
  }
  return lines;
}

/** A preview on an existing cluster answers reviewers directly: `curl <url>` per served URL. */
function servedCurlCommands(report: RunReport, maxServices: number): string[] {
  return report.services
    .slice(0, maxServices)
    .flatMap((s) => (s.links ? [s.links.route, s.links.base, s.links.pr] : []))
    .filter((url): url is string => url !== undefined && PLAIN_HTTP_URL.test(url))
    .map((url) => `curl ${url}`);
}

function hostHeader(host: string): string {
  return /^[A-Za-z0-9.-]+$/.test(host) ? `"Host: ${host}"` : shellQuote(`Host: ${host}`);
}

/** "previous run: 48.5% → now 51.0% to PR", per service, when a previous result is known. */
export function changeSincePrevious(previous: RunSnapshot | undefined, report: RunReport): string {
  if (!previous) return '';
  const parts: string[] = [];
  for (const result of report.services) {
    const before = previous.services.find((s) => s.name === result.service);
    const prNow = result.revisions.find((r) => r.side === 'pr');
    const prBefore = before?.revisions.find((r) => r.side === 'pr');
    if (prNow && prBefore?.observedPercent !== undefined) {
      const name =
        report.services.length > 1 ? `${codeSpan(result.service, { maxLength: 60 })}: ` : '';
      parts.push(
        `${name}previous run ${percent(prBefore.observedPercent)} → now ${percent(prNow.observedPercent)} to PR`,
      );
    }
  }
  const statusChange =
    previous.status !== report.status ? `status was ${escapeInline(previous.status, 40)}` : '';
  const commit = /^[0-9a-f]{7,64}$/i.test(previous.headSha)
    ? ` (on \`${previous.headSha.slice(0, 7)}\`)`
    : '';
  const all = [...parts, statusChange].filter(Boolean);
  return all.length ? `↔️ Since the previous run${commit}: ${all.join('; ')}.` : '';
}

/** The plan: per service its revisions and the traffic it ends with. */
export function planTable(plan: PreviewPlan, maxServices: number): string {
  if (plan.services.length === 0) return '_No plan: the run failed before it was made._';
  const rows = plan.services.slice(0, maxServices).map((s) => [
    codeSpan(s.name, { inTable: true, maxLength: 80 }),
    codeSpan(s.namespace, { inTable: true, maxLength: 80 }),
    escapeInline(s.mode, 20),
    s.revisions.base ? codeSpan(s.revisions.base, { inTable: true, maxLength: 80 }) : '–',
    codeSpan(s.revisions.pr, { inTable: true, maxLength: 80 }),
    s.traffic
      .map((t) => {
        const target = t.revisionName ?? (t.latestRevision ? 'latest' : '?');
        const tag = t.tag ? ` (tag ${t.tag})` : '';
        return codeSpan(`${target}${tag}`, { inTable: true, maxLength: 120 }) + ` ${t.percent}%`;
      })
      .join('<br>'),
  ]);
  const text = table(
    ['Service', 'Namespace', 'Mode', 'Base revision', 'PR revision', 'Traffic'],
    rows,
  );
  const hidden = plan.services.length - maxServices;
  return hidden > 0 ? `${text}\n\n${omitted(hidden, 'services')}` : text;
}

export function failureBlock(report: RunReport, context: RenderContext, maxChars: number): string {
  if (!report.failure) return '';
  const log = runLogUrl(context);
  const where = log ? ` The [run log](${log}) has the details.` : '';
  return (
    `**Phase ${codeSpan(report.failure.phase, { maxLength: 80 })} failed:**${where}\n\n` +
    codeBlock(report.failure.message, { maxLength: maxChars })
  );
}
