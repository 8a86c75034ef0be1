import * as core from '@actions/core';
import { errorMessage, UserError } from '../util/errors.js';
import { log, type Annotation } from '../util/log.js';

/** Fails the step with one error annotation; a user error's points at its file and line. */
export function reportFailure(error: unknown): void {
  const message = errorMessage(error);
  if (!(error instanceof UserError) && error instanceof Error && error.stack)
    log().debug(error.stack);
  const location = error instanceof UserError ? error.location : undefined;
  failStep(message, location ? { file: location.file, line: location.line } : undefined);
}

/** Fails the step with this message as its one error annotation (titled as every other). */
export function failStep(message: string, annotation?: Annotation): void {
  log().error(message, annotation);
  process.exitCode = core.ExitCode.Failure;
}
