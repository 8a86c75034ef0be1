// Checks the knative-action outputs of one e2e matrix run. The workflow passes the outputs and
// the expectation through env (never pasted into a script); exit 1 lists every problem found.
//   EXPECT_PR_PERCENT  percent the labels give the PR revision when a base revision exists
//   DRY_RUN            'true' when the run only planned (nothing measured)
//   REPORT, REVISIONS, TRAFFIC, URL  the action's outputs
import { pathToFileURL } from 'node:url';

const DNS_1035_LABEL = /^[a-z]([-a-z0-9]{0,61}[a-z0-9])?$/;
// Slack on top of the action's own statistical verdict: only a gross mismatch fails here, so this
// job is not a second, flakier test of the same sample.
const TOLERANCE_POINTS = 5;

/** @returns {string[]} problems; empty when the outputs are consistent with the expectation. */
export function checkOutputs(env) {
  const problems = [];
  const parse = (name) => {
    try {
      return JSON.parse(env[name] ?? '');
    } catch {
      problems.push(`output ${name.toLowerCase()} is not JSON: ${JSON.stringify(env[name] ?? '')}`);
      return undefined;
    }
  };
  const dryRun = env.DRY_RUN === 'true';
  const labelPercent = Number(env.EXPECT_PR_PERCENT);
  if (!Number.isInteger(labelPercent) || labelPercent < 0 || labelPercent > 100) {
    return [`EXPECT_PR_PERCENT must be 0..100, got ${JSON.stringify(env.EXPECT_PR_PERCENT)}`];
  }

  const revisions = parse('REVISIONS');
  const traffic = parse('TRAFFIC');
  // A dry run may leave the report empty: it measured nothing.
  const report = dryRun && !env.REPORT ? undefined : parse('REPORT');
  if (problems.length > 0) return problems;

  const pr = revisions?.pr;
  const base = revisions?.base || undefined;
  for (const [side, name] of [
    ['pr', pr],
    ['base', base],
  ]) {
    if (side === 'base' && name === undefined) continue;
    if (typeof name !== 'string' || !DNS_1035_LABEL.test(name)) {
      problems.push(`revisions.${side} is not a DNS-1035 name: ${JSON.stringify(name)}`);
    }
  }
  // Without a base revision (the manifests are new in this PR, or no PR) the PR takes everything.
  const expectedPr = base ? labelPercent : 100;
  const expected = new Map([[pr, expectedPr]]);
  if (base) expected.set(base, 100 - expectedPr);

  if (!Array.isArray(traffic)) {
    problems.push(`traffic is not an array: ${JSON.stringify(traffic)}`);
  } else {
    const sum = traffic.reduce((total, target) => total + (target?.percent ?? 0), 0);
    if (sum !== 100) problems.push(`traffic percents sum to ${sum}, not 100`);
    for (const [revision, percent] of expected) {
      const applied = traffic
        .filter((target) => target?.revisionName === revision)
        .reduce((total, target) => total + (target.percent ?? 0), 0);
      if (applied !== percent) {
        problems.push(`traffic gives ${revision} ${applied}%, expected ${percent}%`);
      }
    }
  }

  if (!/^http:\/\/[a-z0-9.-]+$/.test(env.URL ?? '')) {
    problems.push(`url is not an http://<host> URL: ${JSON.stringify(env.URL)}`);
  }

  if (dryRun) {
    if (report !== undefined && report?.status !== 'planned') {
      problems.push(`dry run status is ${JSON.stringify(report?.status)}, expected planned`);
    }
    return problems;
  }

  if (report?.status !== 'consistent') {
    problems.push(`report status is ${JSON.stringify(report?.status)}, expected consistent`);
  }
  const service = Array.isArray(report?.services) ? report.services[0] : undefined;
  if (!service) return [...problems, 'report has no measured service'];
  if (service.verdict !== 'consistent') {
    problems.push(`verdict is ${service.verdict}: ${service.reason}`);
  }
  for (const [revision, percent] of expected) {
    const measured = (service.revisions ?? []).find((r) => r.revision === revision);
    if (!measured) {
      problems.push(`report has no measurement for ${revision}`);
      continue;
    }
    const { observedPercent: observed, configuredPercent: configured, interval } = measured;
    if (configured !== percent) {
      problems.push(
        `report says ${revision} was configured at ${configured}%, expected ${percent}%`,
      );
    }
    if (!(interval && interval.low <= observed && observed <= interval.high)) {
      problems.push(
        `${revision}: observed ${observed}% lies outside its own interval ${JSON.stringify(interval)}`,
      );
    }
    const exact = percent === 0 || percent === 100;
    const fits = exact
      ? observed === percent
      : interval &&
        interval.low - TOLERANCE_POINTS <= percent &&
        percent <= interval.high + TOLERANCE_POINTS;
    if (!fits) {
      problems.push(
        `${revision}: configured ${percent}% but observed ${observed}% (95% interval ${interval?.low}..${interval?.high})`,
      );
    }
    if (percent > 0 && !(measured.responses > 0)) {
      problems.push(`${revision} has ${percent}% of traffic but no responses`);
    }
  }
  return problems;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const problems = checkOutputs(process.env);
  if (problems.length > 0) {
    // Escaped as workflow commands require, so no output text can start a command of its own.
    const escape = (text) => text.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
    for (const problem of problems) console.log(`::error title=e2e outputs::${escape(problem)}`);
    process.exit(1);
  }
  console.log('outputs are consistent with the labels');
}
