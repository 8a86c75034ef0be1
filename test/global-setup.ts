/**
 * Once per test run, before any test: a fresh dist/ (whole-process tests run the bundle, never a
 * stale one) and the Knative CRD schemas for validation.
 */
import { execFileSync } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { prepareKnativeCrds } from './helpers/knative-crds.js';

const repoRoot = join(dirname(fileURLToPath(import.meta.url)), '..');

export default async function setup(): Promise<void> {
  execFileSync(process.execPath, [join(repoRoot, 'scripts', 'bundle.mjs')], {
    cwd: repoRoot,
    stdio: 'inherit',
  });
  process.stdout.write(`${await prepareKnativeCrds()}\n`);
}
