import { describe, expect, it } from 'vitest';
import { renderComment } from '../../../src/report/render-comment.js';
import {
  renderCleanupSummary,
  renderGoneComment,
  renderSweepSummary,
} from '../../../src/report/render-gone.js';
import { hostsLine, lifetimeLine, linksLine } from '../../../src/report/render-parts.js';
import { renderSummary } from '../../../src/report/render-summary.js';
import { extractState } from '../../../src/report/state.js';
import {
  FIXED_NOW,
  HEAD_SHA,
  MARKER,
  context,
  plan,
  report,
  serviceResult,
} from '../report/fixtures.js';

const existing = { namespace: 'shop-pr-7', expiresAt: '2026-01-09T03:04:05Z' };
const links = {
  route: 'http://hello.shop-pr-7.apps.example.com',
  base: 'http://base-hello.shop-pr-7.apps.example.com',
  pr: 'http://pr-hello.shop-pr-7.apps.example.com',
};

describe('links and lifetime', () => {
  it('links the route and both tags', () => {
    expect(linksLine(links)).toBe(
      '🔗 Open the preview: [route](http://hello.shop-pr-7.apps.example.com) · [base](http://base-hello.shop-pr-7.apps.example.com) · [pr](http://pr-hello.shop-pr-7.apps.example.com)',
    );
    expect(hostsLine(undefined, serviceResult({}))).toMatch(
      /existed only inside the run's ephemeral cluster/,
    );
    expect(hostsLine(undefined, { ...serviceResult(), links })).toBe(linksLine(links));
  });

  it('never makes a link of a URL that fails the check, however it got there', () => {
    const line = linksLine({
      route: 'javascript:alert(1)',
      pr: 'http://x.example.com)](http://evil',
    });
    expect(line).not.toMatch(/\]\(javascript|\]\(http:\/\/x\.example\.com\)\]/);
    expect(line).toContain('`javascript:alert(1)`');
  });

  it('says where the preview lives, until when, and how to delete it early', () => {
    expect(lifetimeLine(report({ existing }))).toBe(
      '🕒 The preview lives in namespace `shop-pr-7` until **2026-01-09 03:04 UTC** (each run moves this on). ' +
        'Closing the pull request deletes it; to delete it earlier, run this workflow with `mode: cleanup`.',
    );
    expect(lifetimeLine(report())).toBe('');
  });
});

describe('the comment of a preview on an existing cluster', () => {
  it('shows the links and the lifetime, and keeps everything else', () => {
    const body = renderComment({
      plan: plan(),
      report: report({ existing, services: [{ ...serviceResult(), links }] }),
      phase: 'result',
      context,
      marker: MARKER,
      now: FIXED_NOW,
    });
    expect(body).toContain(linksLine(links));
    expect(body).toContain(lifetimeLine(report({ existing })));
    expect(body).not.toContain('ephemeral cluster');
    expect(body).toContain('consistent with the configured one');
    expect(body).toContain('Reproduce locally');
    expect(body).toContain(`curl ${links.route}`);
    expect(body).not.toContain('127.0.0.1');
  });

  it('says it deploys into the namespace while it does', () => {
    const body = renderComment({
      plan: plan(),
      report: { status: 'deploying', services: [], timings: {}, existing },
      phase: 'deploying',
      context,
      marker: MARKER,
      now: FIXED_NOW,
    });
    expect(body).toContain('Deploying into the namespace `shop-pr-7` of the existing cluster:');
    expect(body).not.toContain('k3d');
  });

  it('the job summary carries the links and the lifetime too', () => {
    const summary = renderSummary({
      plan: plan(),
      report: report({ existing, services: [{ ...serviceResult(), links }] }),
      context,
    });
    expect(summary).toContain(linksLine(links));
    expect(summary).toContain('until **2026-01-09 03:04 UTC**');
  });
});

describe('the comment once the preview is gone', () => {
  const previous = renderComment({
    plan: plan(),
    report: report({ existing }),
    phase: 'result',
    context,
    marker: MARKER,
    now: FIXED_NOW,
  });

  it('says the namespace was deleted and why, and keeps the state of the last result', () => {
    const body = renderGoneComment({
      marker: MARKER,
      previousBody: previous,
      namespace: 'shop-pr-7',
      reason: 'closed',
      deleted: true,
      at: new Date('2026-01-03T10:20:30Z'),
      context,
    });
    expect(body.split('\n')[0]).toBe(MARKER);
    expect(extractState(body)).toEqual(extractState(previous));
    expect(body).toContain('### 🧹 Knative preview removed');
    expect(body).toContain(
      'The preview namespace `shop-pr-7` was deleted on 2026-01-03 10:20 UTC: the pull request was closed. Its URLs no longer answer.',
    );
    expect(body).toContain(
      `_Last result on [\`bbbbbbb\`](https://github.com/octo/shop/commit/${HEAD_SHA}): consistent._`,
    );
  });

  it('says so when it was gone already, and survives a comment with no state', () => {
    const body = renderGoneComment({
      marker: MARKER,
      previousBody: `${MARKER}\nedited by hand`,
      namespace: 'shop-pr-7',
      reason: 'cleanup',
      deleted: false,
      at: new Date('2026-01-03T10:20:30Z'),
      context,
    });
    expect(body).toContain(
      'was already gone on 2026-01-03 10:20 UTC (expired or deleted before); a run with `mode: cleanup` asked for it.',
    );
    expect(body).not.toContain('Last result');
    expect(body.split('\n')[1]).toBe('');
  });
});

describe('cleanup and sweep summaries', () => {
  it('cleanup says what happened', () => {
    expect(
      renderCleanupSummary({ namespace: 'shop-pr-7', pr: 7, reason: 'closed', deleted: true }),
    ).toContain(
      'Deleted the preview namespace `shop-pr-7` of PR #7 (the pull request was closed).',
    );
    expect(
      renderCleanupSummary({
        namespace: 'shop-pr-7',
        pr: 7,
        reason: 'cleanup',
        deleted: false,
        failure: 'boom ```',
      }),
    ).toMatch(/### ❌ Knative preview cleanup failed[\s\S]*````\nboom ```\n````/);
  });

  it('sweep lists every preview with what it did and why (cluster text escaped)', () => {
    const text = renderSweepSummary(
      [
        {
          namespace: 'shop-pr-1',
          pr: 1,
          action: 'deleted',
          reason: 'it expired at 2026-01-01T00:00:00Z',
        },
        {
          namespace: 'shop-pr-2',
          pr: 2,
          action: 'kept',
          reason: 'it expires at 2026-02-01T00:00:00Z',
        },
        {
          namespace: 'shop-pr-3',
          pr: 3,
          action: 'failed',
          reason: 'PR #3 is closed; <b>x</b> | y',
        },
      ],
      ['the token may not read pull requests'],
    );
    expect(text).toContain('### ⚠️ Knative preview sweep: 1 deleted, 1 could not be deleted');
    expect(text).toContain('| `shop-pr-1` | #1 | deleted |');
    expect(text).not.toContain('<b>');
    expect(
      text
        .split('\n')
        .filter((l) => l.startsWith('| `shop-pr-3`'))[0]
        ?.split(' | '),
    ).toHaveLength(4);
    expect(renderSweepSummary([], [])).toContain(
      '_No preview namespaces of this repository on the cluster._',
    );
  });
});
