import { errorMessage } from '../../../src/util/errors.js';
import { isUsageError, runStandin } from './io.js';
import { runK3d } from './k3d-cli.js';

// Entry of the k3d stand-in (test/sim/bin/k3d); the logic lives in k3d-cli.ts.
await runStandin(runK3d, (error) =>
  isUsageError(error)
    ? `Error: ${error.message}\nRun 'k3d --help' for usage.\n`
    : `FATA[0000] ${errorMessage(error)}\n`,
);
