/**
 * `npm start -- [options]`: the command line (src/cli, the package's `knative-action` bin) on
 * this repository's template/: --manifests template/knative and --build app=template/app unless
 * given. With a Docker engine it uses real k3d; without one (or with --sim) it runs against the
 * simulated cluster in test/sim and says so: those results come from the simulation, not from a
 * real cluster. The sim is test code; it is started here, never bundled.
 */
import path from 'node:path';
import { checkDockerEngine } from '../src/cli/docker-engine.js';
import { runCli } from '../src/cli/main.js';

const repoRoot = path.resolve(import.meta.dirname, '..');

const LOCAL_HELP = `
npm start -- [options] runs the command line above on this repository's template/
(--manifests template/knative --build app=template/app unless given). One more option here:
  --sim                         use the simulated cluster (test/sim) even when Docker runs;
                                without a Docker engine it is used anyway. Simulated results
                                are not real-cluster results.
`;

async function main(): Promise<number> {
  const argv = process.argv.slice(2);
  const forceSim = argv.includes('--sim');
  const args = argv.filter((arg) => arg !== '--sim');
  if (args.includes('--help') || args.includes('-h')) {
    const code = await runCli(cliEnvironment(args));
    process.stdout.write(LOCAL_HELP);
    return code;
  }
  if (!args.some((arg) => arg === '--manifests' || arg.startsWith('--manifests=')))
    args.push('--manifests', 'template/knative');
  if (!args.some((arg) => arg === '--build' || arg.startsWith('--build=')))
    args.push('--build', 'app=template/app');

  const dryRun = args.includes('--dry-run');
  const useSim = !dryRun && (forceSim || !(await checkDockerEngine()).running);
  if (!useSim) return runCli(cliEnvironment(args));

  process.stderr.write(
    `${forceSim ? '--sim' : 'No Docker engine here'}: running against the SIMULATED cluster (test/sim). ` +
      'Results below come from the simulation, not from a real cluster.\n',
  );
  const { startSim } = await import('../test/sim/harness.js');
  const sim = await startSim();
  // The sim's PATH (k3d and docker stand-ins), temp folder and private KUBECONFIG. Its tool
  // cache is left out: a run outside Actions downloads to its temp folder. Its release mirror
  // reaches the run as the documented input.
  const { RUNNER_TOOL_CACHE: _cache, 'INPUT_RELEASE-MIRROR': mirror, ...env } = sim.env;
  Object.assign(process.env, env);
  try {
    return await runCli(
      cliEnvironment([...args, '--input', `release-mirror=${mirror ?? sim.mirrorUrl}`]),
    );
  } finally {
    await sim.stop();
  }
}

function cliEnvironment(argv: string[]) {
  return {
    argv,
    env: process.env,
    cwd: repoRoot,
    stdout: process.stdout,
    stderr: process.stderr,
  };
}

process.exitCode = await main();
