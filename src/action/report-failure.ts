import * as core from '@actions/core';
import { errorMessage, UserError } from '../util/errors.js';
import { log } from '../util/log.js';

/** Fails the step with one error annotation; a user error's points at its file and line. */
export function reportFailure(error: unknown): void {
  const message = errorMessage(error);
  if (!(error instanceof UserError) && error instanceof Error && error.stack)
    log().debug(error.stack);
  const location = error instanceof UserError ? error.location : undefined;
  log().error(message, location ? { file: location.file, line: location.line } : undefined);
  process.exitCode = core.ExitCode.Failure;
}
