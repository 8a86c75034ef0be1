import { describe, expect, test } from 'vitest';
import {
  COMMENT_MAX_CHARS,
  renderComment,
  type CommentRenderInput,
} from '../../../src/report/render-comment.js';
import { embedState, extractState, type CommentState } from '../../../src/report/state.js';
import {
  BASE_SHA,
  FIXED_NOW,
  HEAD_SHA,
  MARKER,
  context,
  plan,
  report,
  serviceResult,
} from './fixtures.js';

function render(overrides: Partial<CommentRenderInput> = {}): string {
  return renderComment({
    plan: plan(),
    report: report(),
    phase: 'result',
    context,
    marker: MARKER,
    now: FIXED_NOW,
    ...overrides,
  });
}

/** The visible part: what a reader sees (the state line is checked separately). */
function visible(body: string): string {
  return body.split('\n').slice(2).join('\n');
}

describe('result comment', () => {
  test('consistent', () => {
    const body = render();
    expect(body.split('\n')[0]).toBe(MARKER);
    expect(body).toContain('consistent with the configured one');
    expect(body).toContain(
      'The PR revision gets **50%** of the traffic and the base **50%**, set by the label `canary-50`',
    );
    expect(body).toContain('`canary-0` … `canary-100`');
    expect(body).toContain(`[\`aaaaaaa\`](https://github.com/octo/shop/commit/${BASE_SHA})`);
    expect(body).toContain(`[\`bbbbbbb\`](https://github.com/octo/shop/commit/${HEAD_SHA})`);
    expect(body).toContain(
      '[run log](https://github.com/octo/shop/actions/runs/123456/attempts/2)',
    );
    expect(body).toContain(
      '| `hello-pr-bbbbbbb` | PR | 50% | 204 | 51.0% (46.1–55.9) | 0 | 3.1 ms | 8.7 ms |',
    );
    expect(body).toContain(
      '**Verdict: consistent** (exact binomial test, n = 400, p = 0.69, α = 0.05)',
    );
    expect(body).toContain('✅ 10/10');
    expect(body).toContain('Route host `hello.default.example.com`');
    expect(body).toContain('existed only inside the run');
    expect(body).toContain(
      `npx knative-action --labels canary-50 --base ${BASE_SHA} --head ${HEAD_SHA}`,
    );
    expect(body).toContain('curl -H "Host: hello.default.example.com" http://127.0.0.1:8081');
    expect(body).toContain('| **total** | **134.4 s** |');
    expect(visible(body)).toMatchSnapshot();
  });

  test('deviates', () => {
    const result = serviceResult({
      verdict: 'deviates',
      pValue: 0.00001,
      reason: 'The PR got far less than configured.',
      revisions: serviceResult().revisions.map((r) =>
        r.side === 'pr'
          ? { ...r, responses: 120, observedPercent: 30, interval: { low: 25.7, high: 34.6 } }
          : { ...r, responses: 280, observedPercent: 70, interval: { low: 65.4, high: 74.3 } },
      ),
    });
    const body = render({ report: report({ status: 'deviates', services: [result] }) });
    expect(body).toContain('deviates from the configured one');
    expect(body).toContain('**Verdict: deviates**');
    expect(body).toContain('p < 0.001');
    expect(visible(body)).toMatchSnapshot();
  });

  test('unmeasurable', () => {
    const result = serviceResult({
      verdict: 'unmeasurable',
      test: 'none',
      pValue: undefined,
      reason: 'Every request failed.',
      revisions: serviceResult().revisions.map((r) => ({
        ...r,
        responses: 0,
        observedPercent: 0,
        interval: { low: 0, high: 100 },
      })),
      unattributed: { count: 400, errors: 400, samples: ['connect ECONNREFUSED 127.0.0.1:8081'] },
    });
    const body = render({ report: report({ status: 'unmeasurable', services: [result] }) });
    expect(body).toContain('could not be measured');
    expect(body).toContain('**Verdict: unmeasurable** (n = 0)');
    expect(body).toContain('| _unattributed_ | – | – | 400 | – | 400 | – | – |');
    expect(body).toContain('connect ECONNREFUSED 127.0.0.1:8081');
    expect(visible(body)).toMatchSnapshot();
  });

  test('failed shows the phase, the error and the run log', () => {
    const body = render({
      report: report({
        status: 'failed',
        services: [],
        timings: { 'bring-up': 61.2, knative: 300 },
        failure: {
          phase: 'knative',
          message:
            'timed out waiting for deployment/controller to be Available\nlast seen: 0/1 ready',
        },
      }),
    });
    expect(body).toContain('### ❌ Knative preview failed in phase `knative`');
    expect(body).toContain(
      '**Phase `knative` failed:** The [run log](https://github.com/octo/shop/actions/runs/123456/attempts/2) has the details.',
    );
    expect(body).toContain(
      '```\ntimed out waiting for deployment/controller to be Available\nlast seen: 0/1 ready\n```',
    );
    // Nothing was measured: the plan is shown instead of result tables.
    expect(body).toContain(
      '| `hello` | `default` | canary | `hello-base-aaaaaaa` | `hello-pr-bbbbbbb` |',
    );
    expect(body).not.toContain('Verdict');
    expect(visible(body)).toMatchSnapshot();
  });
});

describe('deploying comment', () => {
  test('says what is being set up, for which commit and label', () => {
    const body = render({
      phase: 'deploying',
      report: { status: 'deploying', services: [], timings: {} },
    });
    expect(body).toContain('### ⏳ Knative preview: deploying…');
    expect(body).toContain(`[\`bbbbbbb\`](https://github.com/octo/shop/commit/${HEAD_SHA})`);
    expect(body).toContain('set by the label `canary-50`');
    expect(body).toContain('k3d cluster with Knative Serving and Contour');
    expect(body).toContain(
      '`hello-base-aaaaaaa (tag base)` 50%<br>`hello-pr-bbbbbbb (tag pr)` 50%',
    );
    expect(extractState(body)?.phase).toBe('deploying');
    expect(visible(body)).toMatchSnapshot();
  });

  test('carries the last result forward so the next result can compare', () => {
    const previousResult = extractState(render())!;
    const deploying = render({
      phase: 'deploying',
      report: { status: 'deploying', services: [], timings: {} },
      previous: previousResult,
    });
    expect(deploying).toContain('_Previous result on `bbbbbbb`: consistent.');
    const carried = extractState(deploying)!;
    expect(carried.lastResult?.services[0]?.revisions[1]?.observedPercent).toBe(51);
  });
});

describe('previous run', () => {
  test('shows the change of the PR share since the previous run', () => {
    const before = serviceResult({
      revisions: serviceResult().revisions.map((r) =>
        r.side === 'pr' ? { ...r, observedPercent: 48.5 } : { ...r, observedPercent: 51.5 },
      ),
    });
    const previous = extractState(render({ report: report({ services: [before] }) }))!;
    const body = render({ previous });
    expect(body).toContain(
      'Since the previous run (on `bbbbbbb`): previous run 48.5% → now 51.0% to PR.',
    );
  });
});

describe('hostile strings', () => {
  const HOSTILE =
    '</details><img src=x onerror=alert(1)> @org/team | pipe `tick` ```fence``` *b* [l](http://x)';

  test('are escaped everywhere they can appear', () => {
    const hostilePlan = plan({
      labels: [HOSTILE],
      split: { prPercent: 50, label: `canary-50`, reason: HOSTILE },
      pullRequest: { number: 7, title: HOSTILE, baseRef: HOSTILE, headRef: '@org/team' },
    });
    const result = serviceResult({
      reason: HOSTILE,
      revisions: serviceResult().revisions.map((r) => ({
        ...r,
        revision: `${r.revision}|${HOSTILE}`,
      })),
      tagChecks: [
        {
          tag: 'pr',
          host: 'pr-hello.default.example.com',
          expectedRevision: 'x',
          requests: 1,
          matched: 0,
          sample: HOSTILE,
        },
      ],
      unattributed: {
        count: 1,
        errors: 1,
        samples: [`${HOSTILE}\n\`\`\`\`\`\`\n</details>\n<!-- knative-action:state e30= -->`],
      },
    });
    const body = render({
      plan: hostilePlan,
      report: report({
        status: 'failed',
        services: [result],
        failure: { phase: HOSTILE, message: HOSTILE },
      }),
    });
    const outsideCode = stripCode(visible(body));
    expect(outsideCode).not.toContain('<img');
    expect(outsideCode).not.toMatch(/<\/details><img/);
    expect(outsideCode).not.toMatch(/@org/); // every mention neutralised or in code
    // Only our own <details> tags are raw HTML, and they stay balanced.
    expect(count(outsideCode, '<details')).toBe(count(outsideCode, '</details>'));
    expect(count(outsideCode, '</details>')).toBe(
      count(stripCode(visible(render())), '</details>') + 1,
    );
    // Table rows keep their 8 columns: no raw pipe from a revision name leaked out of a cell.
    for (const row of body.split('\n').filter((l) => l.startsWith('| `hello-'))) {
      expect(row.replace(/\\\|/g, '').split('|').length).toBe(10);
    }
    // The fake state inside a sample is never read back as state.
    expect(extractState(body)?.services[0]?.name).toBe('hello');
  });
});

describe('size guard', () => {
  test('a huge response sample and many services stay under the limit, and say so', () => {
    const huge = 'A'.repeat(2_000_000);
    const many = Array.from({ length: 300 }, (_, i) =>
      serviceResult({
        service: `svc-${i}`,
        tagChecks: [
          { tag: 'pr', host: 'h', expectedRevision: 'r', requests: 1, matched: 1, sample: huge },
        ],
        unattributed: { count: 3, errors: 0, samples: [huge, huge, huge] },
      }),
    );
    const body = render({ report: report({ services: many }) });
    expect(body.length).toBeLessThan(COMMENT_MAX_CHARS);
    expect(body).toContain('more services not shown here; see the job summary');
    expect(body).not.toContain('A'.repeat(300));
  });

  test('steps down to less detail and says so', () => {
    const wide = Array.from({ length: 25 }, (_, i) =>
      serviceResult({
        service: `svc-${i}`,
        revisions: Array.from({ length: 20 }, (_, j) => ({
          ...serviceResult().revisions[0]!,
          revision: `svc-${i}-rev-${j}-`.padEnd(63, 'x'),
        })),
      }),
    );
    const body = render({ report: report({ services: wide }) });
    expect(body.length).toBeLessThan(COMMENT_MAX_CHARS);
    expect(body).toContain('shortened to fit');
    expect(body).toContain('20 more services not shown here');
    expect(body).toContain('10 more revisions not shown here');
  });

  test('falls back to a minimal body when even the reduced one is too large', () => {
    const body = render({ budgetChars: 3000 });
    expect(body.length).toBeLessThanOrEqual(3000 + 2000);
    expect(body).toContain('too large for a PR comment');
    expect(extractState(body)).toBeDefined();
  });

  test('a single large sample only shrinks to its limit', () => {
    const body = render({
      report: report({
        services: [
          serviceResult({ unattributed: { count: 1, errors: 0, samples: ['B'.repeat(100_000)] } }),
        ],
      }),
    });
    expect(body.length).toBeLessThan(COMMENT_MAX_CHARS);
    expect(body).toContain('B'.repeat(150));
    expect(body).not.toContain('B'.repeat(300));
  });
});

describe('state', () => {
  test('round-trips and is safe inside an HTML comment', () => {
    const state: CommentState = {
      ...extractState(render())!,
      failure: { phase: 'x', message: '--> <!-- -- >' },
    };
    const line = embedState(state);
    expect(line.slice(4, -4)).not.toContain('--');
    expect(line.slice(4, -4)).not.toContain('>');
    expect(extractState(`${MARKER}\n${line}\n`)).toEqual(state);
  });

  test('is only read from the second line', () => {
    const line = embedState(extractState(render())!);
    expect(extractState(`${MARKER}\nsomething\n${line}`)).toBeUndefined();
    expect(extractState(`${MARKER}\n<!-- knative-action:state !!! -->`)).toBeUndefined();
    expect(
      extractState(
        `${MARKER}\n<!-- knative-action:state ${Buffer.from('{"v":2}').toString('base64')} -->`,
      ),
    ).toBeUndefined();
  });
});

/** The text outside code blocks and code spans, per CommonMark's rules for backtick fences. */
function stripCode(text: string): string {
  const out: string[] = [];
  let fence = 0;
  for (const line of text.split('\n')) {
    const opener = /^ {0,3}(`{3,})/.exec(line);
    if (fence > 0) {
      if (opener && opener[1]!.length >= fence && /^ {0,3}`+\s*$/.test(line)) fence = 0;
      continue;
    }
    if (opener && !line.slice(opener[0].length).includes('`')) {
      fence = opener[1]!.length;
      continue;
    }
    out.push(stripSpans(line));
  }
  return out.join('\n');
}

function stripSpans(line: string): string {
  let result = '';
  let i = 0;
  while (i < line.length) {
    if (line[i] !== '`') {
      result += line[i++];
      continue;
    }
    let n = 0;
    while (line[i + n] === '`') n++;
    const close = new RegExp(`(?<!\`)\`{${n}}(?!\`)`, 'g');
    close.lastIndex = i + n;
    const match = close.exec(line);
    if (!match) {
      result += line.slice(i, i + n);
      i += n;
      continue;
    }
    i = match.index + n;
  }
  return result;
}

function count(text: string, needle: string): number {
  return text.split(needle).length - 1;
}
