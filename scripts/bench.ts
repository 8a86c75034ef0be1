/**
 * Benchmarks, in-process on loopback:
 *   npm run bench -- [--requests N] [--concurrency C]   the probe against a sequential curl loop
 *   npm run bench -- --gate [--trials N] [--seed S]      the split gate's error rates and cost
 *   npm run bench -- --manifests                         reading hostile and extreme manifests
 *   npm run bench -- --compare                           the PR-vs-base comparison's power
 * Each prints a table, then one line of JSON.
 */
const args = process.argv.slice(2);
if (args.includes('--gate')) {
  const { runGateBench } = await import('./bench/gate.js');
  await runGateBench(args.filter((arg) => arg !== '--gate'));
} else if (args.includes('--compare')) {
  const { runCompareBench } = await import('./bench/compare.js');
  await runCompareBench(args.filter((arg) => arg !== '--compare'));
} else if (args.includes('--manifests')) {
  const { runManifestBench } = await import('./bench/manifests.js');
  await runManifestBench(args.filter((arg) => arg !== '--manifests'));
} else {
  const { runProbeBench } = await import('./bench/probe.js');
  await runProbeBench(args);
}
