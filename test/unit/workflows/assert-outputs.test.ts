/** The e2e workflow's output check (.github/e2e/assert-outputs.mjs), on made-up outputs. */
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { checkOutputs } from '../../../.github/e2e/assert-outputs.mjs';
import { repoRoot } from './workflow-files.js';

const BASE = 'hello-base-1111111';
const PR = 'hello-pr-2222222';

function revision(
  name: string,
  side: string,
  configured: number,
  observed: number,
  low: number,
  high: number,
) {
  return {
    revision: name,
    side,
    configuredPercent: configured,
    observedPercent: observed,
    interval: { low, high },
    responses: Math.round(observed * 4),
    errors: 0,
  };
}

function outputs(
  prPercent: number,
  measured: ReturnType<typeof revision>[],
  overrides: Record<string, string> = {},
) {
  return {
    EXPECT_PR_PERCENT: String(prPercent),
    DRY_RUN: 'false',
    REVISIONS: JSON.stringify({ base: BASE, pr: PR }),
    TRAFFIC: JSON.stringify([
      { revisionName: BASE, percent: 100 - prPercent, tag: 'base' },
      { revisionName: PR, percent: prPercent, tag: 'pr' },
    ]),
    URL: 'http://hello.default.example.com',
    REPORT: JSON.stringify({
      status: 'consistent',
      services: [{ service: 'hello', verdict: 'consistent', reason: 'fits', revisions: measured }],
    }),
    ...overrides,
  };
}

const fiftyFifty = [
  revision(BASE, 'base', 50, 48, 43.1, 52.9),
  revision(PR, 'pr', 50, 52, 47.1, 56.9),
];

describe('assert-outputs', () => {
  test('accepts a measured 50/50 split', () => {
    expect(checkOutputs(outputs(50, fiftyFifty))).toEqual([]);
  });

  test('accepts canary-0: the base gets everything, exactly', () => {
    const measured = [revision(BASE, 'base', 100, 100, 99, 100), revision(PR, 'pr', 0, 0, 0, 1)];
    expect(checkOutputs(outputs(0, measured))).toEqual([]);
  });

  test('expects 100% for the PR when there is no base revision, whatever the label', () => {
    const env = outputs(50, [revision(PR, 'pr', 100, 100, 99, 100)], {
      REVISIONS: JSON.stringify({ pr: PR }),
      TRAFFIC: JSON.stringify([{ revisionName: PR, percent: 100 }]),
    });
    expect(checkOutputs(env)).toEqual([]);
  });

  test('rejects traffic that does not follow the label', () => {
    const problems = checkOutputs(
      outputs(50, fiftyFifty, {
        TRAFFIC: JSON.stringify([
          { revisionName: BASE, percent: 20 },
          { revisionName: PR, percent: 80 },
        ]),
      }),
    );
    expect(problems).toContain(`traffic gives ${PR} 80%, expected 50%`);
  });

  test('rejects a deviating verdict and a split far from the configured one', () => {
    const skewed = [
      revision(BASE, 'base', 50, 20, 16.4, 24.2),
      revision(PR, 'pr', 50, 80, 75.8, 83.6),
    ];
    const env = outputs(50, skewed, {
      REPORT: JSON.stringify({
        status: 'deviates',
        services: [{ service: 'hello', verdict: 'deviates', reason: 'too far', revisions: skewed }],
      }),
    });
    const problems = checkOutputs(env).join('\n');
    expect(problems).toContain('report status is "deviates"');
    expect(problems).toContain('verdict is deviates: too far');
    expect(problems).toContain(`${PR}: configured 50% but observed 80%`);
  });

  test('rejects any response from a 0% revision', () => {
    const leaky = [
      revision(BASE, 'base', 100, 99.5, 98.2, 99.9),
      revision(PR, 'pr', 0, 0.5, 0.1, 1.8),
    ];
    expect(checkOutputs(outputs(0, leaky)).join('\n')).toContain(
      `${PR}: configured 0% but observed 0.5%`,
    );
  });

  test('rejects outputs that are missing or not JSON', () => {
    expect(checkOutputs(outputs(50, fiftyFifty, { REPORT: '' }))).toEqual([
      'output report is not JSON: ""',
    ]);
    expect(
      checkOutputs(outputs(50, fiftyFifty, { REVISIONS: JSON.stringify({ pr: 'Bad_Name' }) })),
    ).toContain('revisions.pr is not a DNS-1035 name: "Bad_Name"');
  });

  test('a dry run needs only the plan; a report, when present, must say planned', () => {
    const plan = { ...outputs(50, []), DRY_RUN: 'true', REPORT: '' };
    expect(checkOutputs(plan)).toEqual([]);
    expect(checkOutputs({ ...plan, REPORT: JSON.stringify({ status: 'consistent' }) })).toEqual([
      'dry run status is "consistent", expected planned',
    ]);
  });

  test('as a script: exits 1 with escaped ::error lines, 0 when consistent', () => {
    const script = join(repoRoot, '.github/e2e/assert-outputs.mjs');
    const ok = execFileSync(process.execPath, [script], {
      env: { PATH: process.env.PATH, ...outputs(50, fiftyFifty) },
      encoding: 'utf8',
    });
    expect(ok).toContain('consistent with the labels');
    let failure: { status?: number; stdout?: string } = {};
    try {
      execFileSync(process.execPath, [script], {
        env: {
          PATH: process.env.PATH,
          ...outputs(50, fiftyFifty, { URL: 'x\n::warning::injected' }),
        },
        encoding: 'utf8',
      });
    } catch (error) {
      failure = error as typeof failure;
    }
    expect(failure.status).toBe(1);
    expect(failure.stdout).toContain('::error title=e2e outputs::url is not an http://<host> URL');
    expect(failure.stdout).not.toMatch(/^::warning::/m);
  });
});
