#!/usr/bin/env node
/**
 * `knative-action` (the package's bin): runs the command line and exits with its code. Anything
 * that escapes it is one line on stderr; the stack only with --debug or KNATIVE_ACTION_DEBUG=1.
 */
import { runCli } from './main.js';

const debug = process.argv.includes('--debug') || process.env.KNATIVE_ACTION_DEBUG === '1';
const fatal = (error: unknown): void => {
  const message = error instanceof Error ? error.message : String(error);
  process.stderr.write(`\nerror: knative-action stopped unexpectedly: ${message}\n`);
  if (debug && error instanceof Error && error.stack) process.stderr.write(`${error.stack}\n`);
  process.exit(1);
};
process.on('uncaughtException', fatal);
process.on('unhandledRejection', fatal);

process.exitCode = await runCli({
  argv: process.argv.slice(2),
  env: process.env,
  cwd: process.cwd(),
  stdout: process.stdout,
  stderr: process.stderr,
});
