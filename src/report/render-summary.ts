/**
 * The job summary: written on every run (dry run and failures too). Same tables as the comment,
 * plus the plan, the rendered manifests and diagnostics. Pure.
 */
import type { KubeObject } from '../kube/object.js';
import { displayYaml } from '../manifests/redact.js';
import type { PreviewPlan } from '../plan/types.js';
import { codeBlock, codeSpan, details, escapeInline, repositoryUrl, truncate } from './markdown.js';
import { MAX_CHART_SERVICES } from './comparison-chart.js';
import type { RunReport } from './model.js';
import { autoscalerNote, regressionsBlock, runChart } from './render-comparison.js';
import {
  changeSincePrevious,
  commitsLine,
  failureBlock,
  headline,
  lifetimeLine,
  planTable,
  reproduceCommands,
  serviceSection,
  splitSentence,
  timingsTable,
  type DetailLimits,
  type RenderContext,
} from './render-parts.js';
import type { RunSnapshot } from './state.js';

/** GitHub caps a step's summary at 1 MiB; stay well below. */
export const SUMMARY_BUDGET_CHARS = 900_000;
const MANIFEST_CHARS = 50_000;
const MANIFESTS_TOTAL_CHARS = 300_000;
const DIAGNOSTICS_CHARS = 200_000;

const SUMMARY_DETAIL: DetailLimits = {
  maxServices: 200,
  maxRevisionRows: 100,
  maxTagRows: 100,
  maxSamples: 10,
  sampleChars: 1000,
  failureChars: 20_000,
};

export interface SummaryRenderInput {
  /** Absent when the run failed before a plan existed (bad labels, bad manifests). */
  plan?: PreviewPlan;
  report: RunReport;
  context: RenderContext;
  /** Cluster diagnostics collected on failure, shown collapsed. */
  diagnostics?: string;
  previous?: RunSnapshot;
}

export function renderSummary(input: SummaryRenderInput): string {
  const { plan, report, context } = input;
  const parts: string[] = [headline(report)];
  if (plan?.pullRequest) {
    const { number, title } = plan.pullRequest;
    const link = `${repositoryUrl(context.serverUrl, context.repository)}/pull/${number}`;
    parts.push(`Pull request [#${number}](${link}): ${escapeInline(title, 200)}`);
  }
  if (plan) parts.push(commitsLine(plan, context), splitSentence(plan, context));
  const lifetime = lifetimeLine(report);
  if (lifetime) parts.push(lifetime);
  const change = changeSincePrevious(input.previous, report);
  if (change) parts.push(change);
  const regressions = regressionsBlock(
    report.regressions,
    report.services,
    SUMMARY_DETAIL.sampleChars,
  );
  if (regressions) parts.push(regressions);
  const failure = failureBlock(report, context, SUMMARY_DETAIL.failureChars);
  if (failure) parts.push(failure);
  const plans = new Map(plan?.services.map((s) => [s.name, s]));
  for (const result of report.services.slice(0, SUMMARY_DETAIL.maxServices)) {
    parts.push(
      serviceSection(plans.get(result.service), result, SUMMARY_DETAIL, context.compareRequests),
    );
  }
  const chart = runChart(report.services, MAX_CHART_SERVICES);
  if (chart) parts.push(chart);
  if (report.autoscaler) parts.push(autoscalerNote(report.autoscaler));
  const timings = timingsTable(report.timings);
  if (timings) parts.push(timings);
  if (plan) parts.push(planSection(plan, context, report));
  if (input.diagnostics) {
    parts.push(
      details(
        'Cluster diagnostics, collected right after the failure',
        codeBlock(input.diagnostics, { maxLength: DIAGNOSTICS_CHARS }),
      ),
    );
  }
  return fit(parts);
}

/** Dry run: the plan only. */
export function renderPlanSummary(plan: PreviewPlan, context: RenderContext): string {
  return renderSummary({ plan, report: { status: 'planned', services: [], timings: {} }, context });
}

function planSection(plan: PreviewPlan, context: RenderContext, report: RunReport): string {
  const parts = ['#### Plan', planTable(plan, SUMMARY_DETAIL.maxServices)];
  const labels = plan.labels.length
    ? plan.labels.map((l) => codeSpan(l, { maxLength: 80 })).join(', ')
    : '_none_';
  parts.push(`PR labels: ${labels}. ${escapeInline(plan.split.reason, 300)}`);
  parts.push(renderManifests(plan));
  parts.push(reproduceCommands(plan, context, SUMMARY_DETAIL.maxServices, report));
  return parts.join('\n\n');
}

/** The rendered manifests, collapsed; Secret values redacted. */
function renderManifests(plan: PreviewPlan): string {
  const documents: { title: string; object: KubeObject }[] = [];
  for (const service of plan.services) {
    if (service.manifests.base)
      documents.push({ title: `${service.name} (base)`, object: service.manifests.base });
    documents.push({ title: `${service.name} (PR)`, object: service.manifests.pr });
  }
  for (const other of plan.otherObjects)
    documents.push({ title: `${other.kind} ${other.metadata.name}`, object: other });
  let budget = MANIFESTS_TOTAL_CHARS;
  const blocks: string[] = [];
  for (const doc of documents) {
    if (budget <= 0) {
      blocks.push(`_${documents.length - blocks.length} more manifests not shown (size limit)._`);
      break;
    }
    const yaml = truncate(displayYaml(doc.object), Math.min(MANIFEST_CHARS, budget));
    budget -= yaml.length;
    blocks.push(
      `${escapeInline(doc.title, 200)}\n\n${codeBlock(yaml, { language: 'yaml', maxLength: MANIFEST_CHARS })}`,
    );
  }
  if (blocks.length === 0) return '';
  return details(`Rendered manifests (${documents.length})`, blocks.join('\n\n'));
}

/** Last resort if everything together is still too large: keep whole sections, say what was left out. */
function fit(parts: string[]): string {
  const kept: string[] = [];
  let length = 0;
  let dropped = 0;
  for (const part of parts) {
    if (length + part.length + 2 > SUMMARY_BUDGET_CHARS - 200) {
      dropped++;
      continue;
    }
    kept.push(part);
    length += part.length + 2;
  }
  if (dropped > 0) kept.push(`_${dropped} sections left out: the summary is limited to 1 MiB._`);
  return kept.join('\n\n') + '\n';
}
