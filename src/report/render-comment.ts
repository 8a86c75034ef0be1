/**
 * The sticky PR comment: an early "deploying" body and the result. Pure: the same input always
 * gives the same text, kept under GitHub's comment limit by stepping down the detail.
 */
import type { PreviewPlan } from '../plan/types.js';
import { codeSpan } from './markdown.js';
import type { RunReport } from './model.js';
import { autoscalerNote, regressionsBlock, runChart } from './render-comparison.js';
import {
  FULL_DETAIL,
  changeSincePrevious,
  commitsLine,
  failureBlock,
  headline,
  lifetimeLine,
  planTable,
  reproduceCommands,
  runLogUrl,
  serviceSection,
  splitSentence,
  timingsTable,
  type DetailLimits,
  type RenderContext,
} from './render-parts.js';
import {
  embedState,
  lastResultOf,
  nextState,
  snapshotOf,
  type CommentPhase,
  type CommentState,
} from './state.js';

/** GitHub rejects comment bodies longer than this. */
export const COMMENT_MAX_CHARS = 65_536;
/** What the renderer aims for: JS length counts UTF-16 units, GitHub may count differently. */
export const COMMENT_BUDGET_CHARS = 60_000;

const REDUCED_DETAIL: DetailLimits = {
  maxServices: 5,
  maxRevisionRows: 10,
  maxTagRows: 10,
  maxSamples: 1,
  sampleChars: 80,
  failureChars: 2000,
  chartServices: 3,
};
const MINIMAL_DETAIL: DetailLimits = {
  maxServices: 1,
  maxRevisionRows: 5,
  maxTagRows: 5,
  maxSamples: 0,
  sampleChars: 0,
  failureChars: 1000,
  chartServices: 0,
};

export interface CommentRenderInput {
  plan: PreviewPlan;
  report: RunReport;
  phase: CommentPhase;
  context: RenderContext;
  /** First line of the body; finds the comment again (see commentMarker). */
  marker: string;
  /** State read from the existing comment, for "since the previous run" and on-change. */
  previous?: CommentState;
  now?: Date;
  /** Override of the size budget (tests). */
  budgetChars?: number;
}

export function renderComment(input: CommentRenderInput): string {
  const budget = input.budgetChars ?? COMMENT_BUDGET_CHARS;
  const state = nextState(
    snapshotOf({
      plan: input.plan,
      report: input.report,
      phase: input.phase,
      run: input.context.runId
        ? { id: input.context.runId, attempt: input.context.runAttempt ?? '1' }
        : undefined,
      now: input.now ?? new Date(),
    }),
    input.previous,
  );
  const head = `${input.marker}\n${embedState(state)}\n\n`;
  const levels: [DetailLimits, boolean][] = [
    [FULL_DETAIL, false],
    [REDUCED_DETAIL, true],
    [MINIMAL_DETAIL, true],
  ];
  for (const [limits, reduced] of levels) {
    const body = head + renderBody(input, limits, reduced);
    if (body.length <= budget) return body;
  }
  return head + renderFallback(input);
}

function renderBody(input: CommentRenderInput, limits: DetailLimits, reduced: boolean): string {
  const { plan, report, context } = input;
  const parts: string[] = [];
  if (input.phase === 'deploying') {
    parts.push(
      '### ⏳ Knative preview: deploying…',
      commitsLine(plan, context),
      splitSentence(plan, context),
      report.existing
        ? `Deploying into the namespace ${codeSpan(report.existing.namespace, { maxLength: 80 })} of the existing cluster:`
        : 'Setting up an ephemeral k3d cluster with Knative Serving and Contour in this run, then deploying:',
      planTable(plan, limits.maxServices),
    );
    const last = lastResultOf(input.previous);
    if (last) {
      const commit = /^[0-9a-f]{7,64}$/i.test(last.headSha)
        ? ` on \`${last.headSha.slice(0, 7)}\``
        : '';
      parts.push(
        `_Previous result${commit}: ${last.status.replace(/[^a-z]/g, '')}. This comment is updated when the run finishes._`,
      );
    }
  } else {
    parts.push(headline(report), commitsLine(plan, context), splitSentence(plan, context));
    const lifetime = lifetimeLine(report);
    if (lifetime) parts.push(lifetime);
    const change = changeSincePrevious(lastResultOf(input.previous), report);
    if (change) parts.push(change);
    const regressions = regressionsBlock(report.regressions, report.services, limits.sampleChars);
    if (regressions) parts.push(regressions);
    const failure = failureBlock(report, context, limits.failureChars);
    if (failure) parts.push(failure);
    const plans = new Map(plan.services.map((s) => [s.name, s]));
    for (const result of report.services.slice(0, limits.maxServices)) {
      parts.push(
        serviceSection(plans.get(result.service), result, limits, context.compareRequests),
      );
    }
    const hidden = report.services.length - limits.maxServices;
    if (hidden > 0) parts.push(`_${hidden} more services not shown here; see the job summary._`);
    const chart = runChart(report.services, limits.chartServices ?? FULL_DETAIL.chartServices ?? 0);
    if (chart) parts.push(chart);
    if (report.autoscaler) parts.push(autoscalerNote(report.autoscaler));
    if (report.services.length === 0 && report.status === 'failed') {
      parts.push(planTable(plan, limits.maxServices));
    }
    const timings = timingsTable(report.timings);
    if (timings) parts.push(timings);
    parts.push(reproduceCommands(plan, context, limits.maxServices, report));
  }
  if (reduced) {
    parts.push(
      `> [!NOTE]\n> This comment is shortened to fit GitHub's ${COMMENT_MAX_CHARS}-character limit; ` +
        `the job summary${jobSummaryLink(context)} has the full tables and samples.`,
    );
  }
  parts.push(
    '<sub>Sticky comment by knative-action: one per pull request, updated in place on every run.</sub>',
  );
  return parts.join('\n\n') + '\n';
}

function jobSummaryLink(context: RenderContext): string {
  const log = runLogUrl(context);
  return log ? ` of [the run](${log})` : '';
}

function renderFallback(input: CommentRenderInput): string {
  const { plan, report, context } = input;
  const title =
    input.phase === 'deploying' ? '### ⏳ Knative preview: deploying…' : headline(report);
  return (
    [
      title,
      commitsLine(plan, context),
      `The report is too large for a PR comment; the job summary${jobSummaryLink(context)} has all of it.`,
    ].join('\n\n') + '\n'
  );
}
