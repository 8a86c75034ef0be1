import { runDocker } from './docker-cli.js';
import { errorMessage } from '../../../src/util/errors.js';
import { isUsageError, runStandin } from './io.js';

// Entry of the docker stand-in (test/sim/bin/docker); the logic lives in docker-cli.ts.
await runStandin(runDocker, (error) =>
  isUsageError(error)
    ? `docker: ${error.message}\n\nRun 'docker --help' for more information\n`
    : `ERROR: ${errorMessage(error)}\n`,
);
