/**
 * An error caused by the user's input (an action input, a label, a manifest, the
 * event). It carries what the action needs to annotate the right file and line.
 */
export class UserError extends Error {
  constructor(
    message: string,
    readonly location?: { file: string; line?: number; column?: number },
  ) {
    super(message);
    this.name = 'UserError';
  }
}

/** A pipeline phase failed; `phase` names it for the comment and the summary. */
export class PhaseError extends Error {
  constructor(
    readonly phase: string,
    override readonly cause: unknown,
  ) {
    super(`${phase}: ${errorMessage(cause)}`);
    this.name = 'PhaseError';
  }
}

/** The first non-blank line of a tool's output, trimmed and cut to `max` characters, for a message. */
export function firstLine(text: string, max = 300): string {
  const line =
    text
      .split('\n')
      .map((l) => l.trim())
      .find(Boolean) ?? '';
  return line.length > max ? `${line.slice(0, max - 1)}…` : line;
}

export function errorMessage(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
