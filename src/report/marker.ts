/**
 * The hidden first line that identifies the action's comment. It names the workflow file and
 * job, so two workflows (or jobs) previewing the same PR each keep their own comment.
 */
const MARKER_PREFIX = '<!-- knative-action:preview';

export interface MarkerInput {
  /** Workflow file (from GITHUB_WORKFLOW_REF) or name (GITHUB_WORKFLOW). */
  workflow?: string;
  /** GITHUB_JOB */
  job?: string;
  /** Extra key for matrix jobs that share a job id. */
  key?: string;
}

/** Only characters that cannot end or confuse an HTML comment survive; `--` collapses. */
function slug(value: string): string {
  return value
    .replace(/[^A-Za-z0-9._/-]+/g, '_')
    .replace(/-{2,}/g, '-')
    .slice(0, 100);
}

export function commentMarker(input: MarkerInput = {}): string {
  const parts = [
    input.workflow ? `workflow=${slug(input.workflow)}` : '',
    input.job ? `job=${slug(input.job)}` : '',
    input.key ? `key=${slug(input.key)}` : '',
  ].filter(Boolean);
  return `${MARKER_PREFIX}${parts.length ? ' ' + parts.join(' ') : ''} -->`;
}

/** `owner/repo/.github/workflows/preview.yml@refs/pull/1/merge` -> `preview.yml` (ref varies per PR). */
export function workflowFileOf(workflowRef: string | undefined): string | undefined {
  if (!workflowRef) return undefined;
  const path = workflowRef.split('@')[0] ?? '';
  const file = path.split('/').pop();
  return file || undefined;
}

export function markerFromEnv(env: NodeJS.ProcessEnv = process.env, key?: string): string {
  return commentMarker({
    workflow: workflowFileOf(env.GITHUB_WORKFLOW_REF) ?? env.GITHUB_WORKFLOW,
    job: env.GITHUB_JOB,
    key,
  });
}
