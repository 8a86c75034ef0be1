/**
 * The one way the pipeline writes to its log. In the action it goes to the runner's log through
 * @actions/core; the command line swaps in a terminal log with setLog().
 *
 * Every line may carry text from the PR, the cluster or a response body. The runner reads a
 * line that starts with `::` (or holds `##[`) as a workflow command, so such text is written
 * inside a `::stop-commands::<token>` block: it is shown, never obeyed.
 */
import * as core from '@actions/core';
import { randomBytes } from 'node:crypto';

export interface Annotation {
  file?: string;
  line?: number;
  title?: string;
}

export interface Log {
  info(message: string): void;
  warning(message: string, annotation?: Annotation): void;
  error(message: string, annotation?: Annotation): void;
  debug(message: string): void;
  /** A collapsed section for one sequential phase (as actions/checkout groups its steps). */
  group<T>(title: string, work: () => Promise<T>): Promise<T>;
  /**
   * The same log with every line prefixed by `[name] `, for branches that run concurrently: their
   * lines interleave, so they cannot share a group. Its group() prints a heading line instead.
   */
  branch(name: string): Log;
  /**
   * Hides a secret wherever the log would show it (the runner's add-mask). A terminal log does
   * nothing: it prints no secret in the first place, and a mask command would only clutter it.
   */
  secret(value: string): void;
}

/**
 * Writes text so that the runner executes no workflow command found in it: `::name::` at a
 * line's start, or the legacy `##[name]` anywhere in a line (the runner still obeys both).
 */
export function inertText(text: string, token: () => string = stopToken): string {
  if (!text.includes('::') && !text.includes('##[')) return text;
  const stop = token();
  return `::stop-commands::${stop}\n${text}\n::${stop}::`;
}

function stopToken(): string {
  return randomBytes(16).toString('hex');
}

/** Annotation messages are one escaped line (core escapes newlines), so only the text is cut. */
function annotationText(message: string): string {
  return message.length > 4000 ? `${message.slice(0, 3999)}…` : message;
}

export function createActionsLog(prefix = ''): Log {
  const write = (message: string): void => {
    const text = prefix
      ? message
          .split('\n')
          .map((line) => `${prefix}${line}`)
          .join('\n')
      : message;
    core.info(inertText(text));
  };
  return {
    info: write,
    warning: (message, annotation) =>
      core.warning(annotationText(`${prefix}${message}`), annotationProperties(annotation)),
    error: (message, annotation) =>
      core.error(annotationText(`${prefix}${message}`), annotationProperties(annotation)),
    debug: (message) => core.debug(inertText(`${prefix}${message}`)),
    group: prefix
      ? async (title, work) => {
          write(`── ${title}`);
          return work();
        }
      : (title, work) => core.group(title, work),
    branch: (name) => createActionsLog(`${prefix}[${name}] `),
    secret: (value) => core.setSecret(value),
  };
}

function annotationProperties(annotation: Annotation | undefined): core.AnnotationProperties {
  return {
    title: annotation?.title ?? 'knative-action',
    ...(annotation?.file ? { file: annotation.file } : {}),
    ...(annotation?.line ? { startLine: annotation.line } : {}),
  };
}

let current: Log = createActionsLog();

/** The log the pipeline writes to. */
export function log(): Log {
  return current;
}

/** Replaces the log (the command line's terminal log, tests); returns the previous one. */
export function setLog(next: Log): Log {
  const previous = current;
  current = next;
  return previous;
}
