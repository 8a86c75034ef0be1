/**
 * The machine-readable state hidden in the sticky comment: lets the next run show what changed
 * and lets `comment: on-change` skip writes that would change nothing but timings.
 * Embedded as base64 JSON so no `--` or `>` can end the HTML comment early.
 *
 * Read back, it is untrusted input (anyone with write access can edit the comment): see
 * state-schema.ts.
 */
import type { PreviewPlan, Side } from '../plan/types.js';
import type { RunReport, RunStatus, Verdict } from './model.js';
import { parseCommentState, STATE_LIMITS } from './state-schema.js';

export const STATE_PREFIX = '<!-- knative-action:state ';
const STATE_SUFFIX = ' -->';
/** More than this many services are not remembered; the comment does not show them either. */
const MAX_STATE_SERVICES = STATE_LIMITS.services;
/** The longest state JSON written, and read back. */
const MAX_STATE_CHARS = 16_000;
/** Base64 of MAX_STATE_CHARS UTF-16 units as UTF-8, which takes up to 3 bytes for each. */
const MAX_ENCODED_CHARS = MAX_STATE_CHARS * 4;

export type CommentPhase = 'deploying' | 'result';

export interface StateRevision {
  revision: string;
  side: Side;
  configuredPercent: number;
  responses?: number;
  observedPercent?: number;
  errors?: number;
}

export interface StateService {
  name: string;
  verdict?: Verdict;
  pValue?: number;
  requests?: number;
  revisions: StateRevision[];
  tags: { tag: string; matched: number; requests: number }[];
}

export interface RunSnapshot {
  phase: CommentPhase;
  status: RunStatus;
  headSha: string;
  baseSha?: string;
  label?: string;
  prPercent: number;
  services: StateService[];
  failure?: { phase: string; message: string };
  /** Not significant for on-change: */
  timings: Record<string, number>;
  /** Absent when a stored value was invalid. */
  updatedAt?: string;
  run?: { id: string; attempt: string };
}

export interface CommentState extends RunSnapshot {
  v: 1;
  /** The last result, carried through a "deploying" comment so the next result can compare. */
  lastResult?: RunSnapshot;
}

export interface SnapshotInput {
  plan: PreviewPlan;
  report: RunReport;
  phase: CommentPhase;
  run?: { id: string; attempt: string };
  now: Date;
}

export function snapshotOf({ plan, report, phase, run, now }: SnapshotInput): RunSnapshot {
  const results = new Map(report.services.map((s) => [s.service, s]));
  const services: StateService[] = plan.services.slice(0, MAX_STATE_SERVICES).map((service) => {
    const result = phase === 'result' ? results.get(service.name) : undefined;
    if (!result) {
      const revisions: StateRevision[] = [];
      if (service.revisions.base) {
        const name = service.revisions.base;
        revisions.push({
          revision: name,
          side: 'base',
          configuredPercent: service.expected[name] ?? 0,
        });
      }
      const pr = service.revisions.pr;
      revisions.push({ revision: pr, side: 'pr', configuredPercent: service.expected[pr] ?? 0 });
      return { name: service.name, revisions, tags: [] };
    }
    return {
      name: service.name,
      verdict: result.verdict,
      pValue: result.pValue,
      requests: result.requests,
      revisions: result.revisions.map((r) => ({
        revision: r.revision,
        side: r.side,
        configuredPercent: r.configuredPercent,
        responses: r.responses,
        observedPercent: r.observedPercent,
        errors: r.errors,
      })),
      tags: result.tagChecks.map((t) => ({ tag: t.tag, matched: t.matched, requests: t.requests })),
    };
  });
  return {
    phase,
    status: report.status,
    headSha: plan.headSha,
    baseSha: plan.baseSha,
    label: plan.split.label,
    prPercent: plan.split.prPercent,
    services,
    failure: report.failure
      ? { phase: report.failure.phase, message: report.failure.message.slice(0, 500) }
      : undefined,
    timings: report.timings,
    updatedAt: now.toISOString(),
    run,
  };
}

/** The state to embed: this run's snapshot, plus the last result when this is not one. */
export function nextState(snapshot: RunSnapshot, previous: CommentState | undefined): CommentState {
  const lastResult = snapshot.phase === 'result' ? undefined : lastResultOf(previous);
  return { v: 1, ...snapshot, ...(lastResult ? { lastResult } : {}) };
}

/** The most recent result a stored state knows of (itself, or the one it carried). */
export function lastResultOf(state: CommentState | undefined): RunSnapshot | undefined {
  if (!state) return undefined;
  if (state.phase === 'result') {
    const { v: _v, lastResult: _last, ...snapshot } = state;
    return snapshot;
  }
  return state.lastResult;
}

export function embedState(state: CommentState): string {
  let json = JSON.stringify(state);
  if (json.length > MAX_STATE_CHARS)
    json = JSON.stringify({ ...state, services: [], lastResult: undefined });
  if (json.length > MAX_STATE_CHARS)
    json = JSON.stringify({ ...state, services: [], lastResult: undefined, failure: undefined });
  return `${STATE_PREFIX}${Buffer.from(json, 'utf8').toString('base64')}${STATE_SUFFIX}`;
}

/**
 * Reads the state from the comment's second line only: response samples inside code blocks
 * further down could contain a look-alike, and must never be trusted as state. Anything that
 * is not a valid state is treated as absent; invalid optional parts are left out, unless
 * `strict`, where any invalid part makes the whole state absent.
 */
export function extractState(
  body: string | undefined,
  options: { strict?: boolean } = {},
): CommentState | undefined {
  const line = body?.split('\n', 2)[1]?.trim();
  if (!line?.startsWith(STATE_PREFIX) || !line.endsWith(STATE_SUFFIX)) return undefined;
  const encoded = line.slice(STATE_PREFIX.length, -STATE_SUFFIX.length);
  if (encoded.length > MAX_ENCODED_CHARS || !/^[A-Za-z0-9+/]*={0,2}$/.test(encoded))
    return undefined;
  const json = Buffer.from(encoded, 'base64').toString('utf8');
  if (json.length > MAX_STATE_CHARS) return undefined;
  let parsed: ReturnType<typeof parseCommentState>;
  try {
    parsed = parseCommentState(JSON.parse(json));
  } catch {
    return undefined;
  }
  if (!parsed || (options.strict && parsed.dropped.length > 0)) return undefined;
  return parsed.state;
}

/**
 * Whether two states differ in more than timings, timestamps and which run wrote them
 * (latencies are durations too and are not stored at all).
 */
export function significantlyEqual(a: CommentState, b: CommentState): boolean {
  return canonical(significant(a)) === canonical(significant(b));
}

function significant(state: CommentState): unknown {
  const { timings: _t, updatedAt: _u, run: _r, lastResult: _l, v: _v, ...rest } = state;
  return rest;
}

/** JSON with sorted keys and no undefined members, so key order never counts as a change. */
function canonical(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) => {
    if (v && typeof v === 'object' && !Array.isArray(v)) {
      return Object.fromEntries(
        Object.entries(v as Record<string, unknown>)
          .filter(([, inner]) => inner !== undefined)
          .sort(([x], [y]) => (x < y ? -1 : x > y ? 1 : 0)),
      );
    }
    return v;
  });
}
