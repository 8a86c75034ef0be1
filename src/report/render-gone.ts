/**
 * The sticky comment once a preview on an existing cluster is deleted (the PR closed, or
 * `mode: cleanup`). Pure. It keeps the hidden state of the comment it replaces, so a PR that is
 * reopened still compares its next result with the last one.
 */
import { codeBlock, codeSpan, commitLink, escapeInline, table } from './markdown.js';
import { runLogUrl, type RenderContext } from './render-parts.js';
import { extractState, lastResultOf } from './state.js';

export interface GoneCommentInput {
  /** First line of the body (the marker the comment is found by). */
  marker: string;
  /** The body of the comment being replaced. */
  previousBody: string;
  namespace: string;
  /** Why it was deleted. */
  reason: 'closed' | 'cleanup';
  /** Whether a namespace was there to delete (false: it was gone already). */
  deleted: boolean;
  at: Date;
  context: RenderContext;
}

export function renderGoneComment(input: GoneCommentInput): string {
  const state = extractState(input.previousBody);
  // The state line is kept verbatim once it reads back as valid state: the comment keeps exactly
  // what the last result wrote.
  const stateLine = state ? input.previousBody.split('\n', 2)[1]?.trim() : undefined;
  const head = stateLine ? `${input.marker}\n${stateLine}` : input.marker;
  const when = `${input.at.toISOString().slice(0, 10)} ${input.at.toISOString().slice(11, 16)} UTC`;
  const why =
    input.reason === 'closed'
      ? 'the pull request was closed'
      : 'a run with `mode: cleanup` asked for it';
  const what = input.deleted
    ? `The preview namespace ${codeSpan(input.namespace, { maxLength: 80 })} was deleted on ${when}: ${why}.`
    : `The preview namespace ${codeSpan(input.namespace, { maxLength: 80 })} was already gone on ${when} (expired or deleted before); ${why}.`;
  const parts = ['### 🧹 Knative preview removed', `${what} Its URLs no longer answer.`];
  const last = lastResultOf(state);
  if (last) {
    const commit = /^[0-9a-f]{7,64}$/i.test(last.headSha)
      ? ` on ${commitLink(input.context.serverUrl, input.context.repository, last.headSha)}`
      : '';
    parts.push(`_Last result${commit}: ${escapeInline(last.status, 40)}._`);
  }
  const log = runLogUrl(input.context);
  if (log) parts.push(`[Run log](${log})`);
  parts.push(
    '<sub>Sticky comment by knative-action: one per pull request, updated in place on every run. A new run (reopening the PR) deploys a fresh preview.</sub>',
  );
  return `${head}\n\n${parts.join('\n\n')}\n`;
}

export interface CleanupSummaryInput {
  namespace: string;
  pr: number;
  reason: 'closed' | 'cleanup';
  deleted: boolean;
  failure?: string;
}

/** The job summary of a cleanup run. Pure. */
export function renderCleanupSummary(input: CleanupSummaryInput): string {
  const ns = codeSpan(input.namespace, { maxLength: 80 });
  const why = input.reason === 'closed' ? 'the pull request was closed' : '`mode: cleanup`';
  if (input.failure)
    return `### ❌ Knative preview cleanup failed\n\nThe preview namespace ${ns} of PR #${input.pr} (${why}) was not deleted:\n\n${codeBlockOf(input.failure)}\n`;
  return input.deleted
    ? `### 🧹 Knative preview removed\n\nDeleted the preview namespace ${ns} of PR #${input.pr} (${why}).\n`
    : `### 🧹 Knative preview removed\n\nThe preview namespace ${ns} of PR #${input.pr} was already gone (${why}).\n`;
}

export interface SweepRow {
  namespace: string;
  pr: number;
  action: 'deleted' | 'kept' | 'failed';
  reason: string;
}

/** The job summary of a sweep: one row per preview namespace of the repository. Pure. */
export function renderSweepSummary(rows: readonly SweepRow[], notes: readonly string[]): string {
  const deleted = rows.filter((r) => r.action === 'deleted').length;
  const failed = rows.filter((r) => r.action === 'failed').length;
  const head = failed
    ? `### ⚠️ Knative preview sweep: ${deleted} deleted, ${failed} could not be deleted`
    : `### 🧹 Knative preview sweep: ${deleted} of ${rows.length} preview namespaces deleted`;
  const parts = [head];
  if (rows.length === 0) parts.push('_No preview namespaces of this repository on the cluster._');
  else
    parts.push(
      table(
        ['Namespace', 'PR', 'Action', 'Why'],
        rows.map((r) => [
          codeSpan(r.namespace, { inTable: true, maxLength: 80 }),
          `#${r.pr}`,
          r.action,
          escapeInline(r.reason, 300),
        ]),
      ),
    );
  for (const note of notes) parts.push(`_${escapeInline(note, 500)}_`);
  return `${parts.join('\n\n')}\n`;
}

function codeBlockOf(text: string): string {
  return codeBlock(text, { maxLength: 4000 });
}
