import * as core from '@actions/core';
import { errorMessage, UserError } from '../util/errors.js';

/** Fails the step with one error annotation; a user error's points at its file and line. */
export function reportFailure(error: unknown): void {
  const message = errorMessage(error);
  if (!(error instanceof UserError) && error instanceof Error && error.stack)
    core.debug(error.stack);
  const location = error instanceof UserError ? error.location : undefined;
  core.error(
    message,
    location
      ? { file: location.file, startLine: location.line, title: 'knative-action' }
      : { title: 'knative-action' },
  );
  process.exitCode = core.ExitCode.Failure;
}
