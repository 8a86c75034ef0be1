/**
 * Reads the comment's hidden state back from JSON. The state sits in a comment that anyone with
 * write access to the repository can edit, so it is untrusted input: every field is checked
 * (type, range, length, pattern, enum) and copied into a fresh object; nothing else is kept.
 *
 * A state whose required fields are wrong is absent. Parts that are clearly safe to leave out
 * (an optional field, one service, one revision row, one timing) are dropped and named in
 * `dropped`, so a caller that must not act on an edited state (on-change) can refuse it.
 */
import type { Side } from '../plan/types.js';
import type { RunStatus, Verdict } from './model.js';
import type {
  CommentPhase,
  CommentState,
  RunSnapshot,
  StateRevision,
  StateService,
} from './state.js';

export const STATE_LIMITS = {
  services: 50,
  revisionsPerService: 100,
  tagsPerService: 100,
  timings: 50,
  labelChars: 100,
  failurePhaseChars: 100,
  failureMessageChars: 500,
} as const;

const PHASES: readonly CommentPhase[] = ['deploying', 'result'];
const STATUSES: readonly RunStatus[] = [
  'consistent',
  'deviates',
  'unmeasurable',
  'failed',
  'planned',
  'deploying',
];
const VERDICTS: readonly Verdict[] = ['consistent', 'deviates', 'unmeasurable'];
const SIDES: readonly Side[] = ['base', 'pr'];

/** A git commit id: SHA-1, or SHA-256 for repositories that use it. */
const COMMIT = /^(?:[0-9a-f]{40}|[0-9a-f]{64})$/;
/** A Kubernetes DNS-1123 label (service, revision and tag names are at most this). */
const DNS_LABEL = /^[a-z0-9](?:[-a-z0-9]{0,61}[a-z0-9])?$/;
const TIMING_NAME = /^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$/;
const RUN_ID = /^\d{1,20}$/;
const RUN_ATTEMPT = /^\d{1,6}$/;
const ISO_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(?:\.\d{1,3})?Z$/;
/** C0/C1 controls and bidi overrides have no place in a label or a phase name. */
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const CONTROL = /[\u0000-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/;

type Fields = Record<string, unknown>;

export interface ParsedState {
  state: CommentState;
  /** The paths of the parts that were invalid and left out. */
  dropped: string[];
}

/** Validates a decoded state; undefined when it is not one this version can use. */
export function parseCommentState(value: unknown): ParsedState | undefined {
  const fields = record(value);
  if (!fields || own(fields, 'v') !== 1) return undefined;
  const dropped: string[] = [];
  const snapshot = parseSnapshot(fields, '', dropped);
  if (!snapshot) return undefined;
  const state: CommentState = { v: 1, ...snapshot };
  const last = own(fields, 'lastResult');
  if (last !== undefined) {
    const lastFields = record(last);
    const lastResult = lastFields && parseSnapshot(lastFields, 'lastResult.', dropped);
    // Only a result is carried forward; a nested lastResult is never read.
    if (lastResult && lastResult.phase === 'result') state.lastResult = lastResult;
    else dropped.push('lastResult');
  }
  return { state, dropped };
}

function parseSnapshot(fields: Fields, at: string, dropped: string[]): RunSnapshot | undefined {
  const phase = oneOf(own(fields, 'phase'), PHASES);
  const status = oneOf(own(fields, 'status'), STATUSES);
  const headSha = matching(own(fields, 'headSha'), COMMIT);
  const prPercent = numberIn(own(fields, 'prPercent'), 0, 100);
  const servicesValue = own(fields, 'services');
  if (!phase || !status || !headSha || prPercent === undefined || !Array.isArray(servicesValue))
    return undefined;

  const snapshot: RunSnapshot = {
    phase,
    status,
    headSha,
    prPercent,
    services: list(servicesValue, STATE_LIMITS.services, `${at}services`, dropped, (item, path) =>
      parseService(item, path, dropped),
    ),
    timings: parseTimings(own(fields, 'timings'), `${at}timings`, dropped),
  };
  const optional = <T>(key: string, parse: (value: unknown) => T | undefined): T | undefined =>
    optionalField(fields, key, parse, at, dropped);
  const baseSha = optional('baseSha', (v) => matching(v, COMMIT));
  if (baseSha) snapshot.baseSha = baseSha;
  const label = optional('label', (v) => text(v, STATE_LIMITS.labelChars));
  if (label) snapshot.label = label;
  const failure = optional('failure', parseFailure);
  if (failure) snapshot.failure = failure;
  const updatedAt = optional('updatedAt', parseTime);
  if (updatedAt) snapshot.updatedAt = updatedAt;
  const run = optional('run', parseRun);
  if (run) snapshot.run = run;
  return snapshot;
}

function parseService(value: unknown, at: string, dropped: string[]): StateService | undefined {
  const fields = record(value);
  const name = fields && matching(own(fields, 'name'), DNS_LABEL);
  if (!fields || !name) return undefined;
  const service: StateService = {
    name,
    revisions: list(
      own(fields, 'revisions'),
      STATE_LIMITS.revisionsPerService,
      `${at}.revisions`,
      dropped,
      parseRevision,
    ),
    tags: list(own(fields, 'tags'), STATE_LIMITS.tagsPerService, `${at}.tags`, dropped, parseTag),
  };
  const optional = <T>(key: string, parse: (value: unknown) => T | undefined): T | undefined =>
    optionalField(fields, key, parse, `${at}.`, dropped);
  const verdict = optional('verdict', (v) => oneOf(v, VERDICTS));
  if (verdict) service.verdict = verdict;
  const pValue = optional('pValue', (v) => numberIn(v, 0, 1));
  if (pValue !== undefined) service.pValue = pValue;
  const requests = optional('requests', count);
  if (requests !== undefined) service.requests = requests;
  return service;
}

/** A revision row is used whole (side and shares together), so a bad field drops the row. */
function parseRevision(value: unknown): StateRevision | undefined {
  const fields = record(value);
  if (!fields) return undefined;
  const revision = matching(own(fields, 'revision'), DNS_LABEL);
  const side = oneOf(own(fields, 'side'), SIDES);
  const configuredPercent = numberIn(own(fields, 'configuredPercent'), 0, 100);
  if (!revision || !side || configuredPercent === undefined) return undefined;
  const row: StateRevision = { revision, side, configuredPercent };
  for (const [key, parse] of [
    ['responses', count],
    ['observedPercent', (v: unknown) => numberIn(v, 0, 100)],
    ['errors', count],
  ] as const) {
    const raw = own(fields, key);
    if (raw === undefined) continue;
    const parsed = parse(raw);
    if (parsed === undefined) return undefined;
    row[key] = parsed;
  }
  return row;
}

function parseTag(value: unknown): StateService['tags'][number] | undefined {
  const fields = record(value);
  if (!fields) return undefined;
  const tag = matching(own(fields, 'tag'), DNS_LABEL);
  const matched = count(own(fields, 'matched'));
  const requests = count(own(fields, 'requests'));
  if (!tag || matched === undefined || requests === undefined || matched > requests)
    return undefined;
  return { tag, matched, requests };
}

function parseTimings(value: unknown, at: string, dropped: string[]): Record<string, number> {
  const timings: Record<string, number> = {};
  if (value === undefined) return timings;
  const fields = record(value);
  if (!fields) {
    dropped.push(at);
    return timings;
  }
  const keys = Object.keys(fields);
  if (keys.length > STATE_LIMITS.timings) dropped.push(`${at} beyond ${STATE_LIMITS.timings}`);
  for (const key of keys.slice(0, STATE_LIMITS.timings)) {
    // The pattern keeps out `__proto__` and other keys that are not phase names.
    const seconds = TIMING_NAME.test(key) ? numberIn(fields[key], 0, 1e7) : undefined;
    if (seconds === undefined) dropped.push(`${at}.${key.slice(0, 40)}`);
    else timings[key] = seconds;
  }
  return timings;
}

function parseFailure(value: unknown): RunSnapshot['failure'] {
  const fields = record(value);
  if (!fields) return undefined;
  const phase = text(own(fields, 'phase'), STATE_LIMITS.failurePhaseChars);
  const message = own(fields, 'message');
  if (!phase || typeof message !== 'string' || message.length > STATE_LIMITS.failureMessageChars)
    return undefined;
  return { phase, message };
}

function parseTime(value: unknown): string | undefined {
  const time = matching(value, ISO_TIME);
  return time && Number.isFinite(Date.parse(time)) ? time : undefined;
}

function parseRun(value: unknown): RunSnapshot['run'] {
  const fields = record(value);
  if (!fields) return undefined;
  const id = matching(own(fields, 'id'), RUN_ID);
  const attempt = matching(own(fields, 'attempt'), RUN_ATTEMPT);
  return id && attempt ? { id, attempt } : undefined;
}

/** The valid items of a list, at most `limit` of them; the others are named in `dropped`. */
function list<T>(
  value: unknown,
  limit: number,
  at: string,
  dropped: string[],
  parse: (item: unknown, path: string) => T | undefined,
): T[] {
  if (!Array.isArray(value)) {
    dropped.push(at);
    return [];
  }
  if (value.length > limit) dropped.push(`${at} beyond ${limit}`);
  const items: T[] = [];
  value.slice(0, limit).forEach((item: unknown, index) => {
    const parsed = parse(item, `${at}[${index}]`);
    if (parsed === undefined) dropped.push(`${at}[${index}]`);
    else items.push(parsed);
  });
  return items;
}

/** An optional member: absent is fine, present but invalid is dropped and named. */
function optionalField<T>(
  fields: Fields,
  key: string,
  parse: (value: unknown) => T | undefined,
  at: string,
  dropped: string[],
): T | undefined {
  const value = own(fields, key);
  if (value === undefined) return undefined;
  const parsed = parse(value);
  if (parsed === undefined) dropped.push(`${at}${key}`);
  return parsed;
}

function record(value: unknown): Fields | undefined {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
    ? (value as Fields)
    : undefined;
}

/** Only the object's own members: never a value inherited from a prototype. */
function own(fields: Fields, key: string): unknown {
  return Object.prototype.hasOwnProperty.call(fields, key) ? fields[key] : undefined;
}

function oneOf<T extends string>(value: unknown, allowed: readonly T[]): T | undefined {
  return typeof value === 'string' && (allowed as readonly string[]).includes(value)
    ? (value as T)
    : undefined;
}

function matching(value: unknown, pattern: RegExp): string | undefined {
  return typeof value === 'string' && value.length <= 100 && pattern.test(value)
    ? value
    : undefined;
}

function text(value: unknown, maxChars: number): string | undefined {
  return typeof value === 'string' &&
    value.length > 0 &&
    value.length <= maxChars &&
    !CONTROL.test(value)
    ? value
    : undefined;
}

function numberIn(value: unknown, low: number, high: number): number | undefined {
  return typeof value === 'number' && Number.isFinite(value) && value >= low && value <= high
    ? value
    : undefined;
}

function count(value: unknown): number | undefined {
  return typeof value === 'number' && Number.isSafeInteger(value) && value >= 0 ? value : undefined;
}
