import { describe, expect, it } from 'vitest';
import { ANSI_STYLE } from '../../../src/cli/style.js';
import {
  planText,
  renderTextReport,
  textOf,
  textTable,
  timingsText,
  wrap,
} from '../../../src/report/render-text.js';
import { BASE_SHA, HEAD_SHA, plan, report, serviceResult } from './fixtures.js';

// eslint-disable-next-line no-control-regex -- looking for escape sequences is the point
const CONTROL = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/;

describe('renderTextReport', () => {
  it("shows an existing cluster's URLs as the cluster serves them, not the plan's hosts", () => {
    const base = report();
    const links = {
      route: 'https://hello.preview-pr-7.apps.example.org',
      base: 'https://base-hello.preview-pr-7.apps.example.org',
      pr: 'https://pr-hello.preview-pr-7.apps.example.org',
    };
    const text = renderTextReport({
      plan: plan(),
      report: { ...base, services: base.services.map((s) => ({ ...s, links })) },
    });
    expect(text).toContain(
      'Route https://hello.preview-pr-7.apps.example.org; tags https://base-hello.preview-pr-7.apps.example.org, https://pr-hello.preview-pr-7.apps.example.org',
    );
    expect(text).not.toContain('Route http://hello.default.example.com');
  });

  it("prints the comment's tables as aligned text", () => {
    const text = renderTextReport({ plan: plan(), report: report() });
    expect(text).not.toMatch(CONTROL);
    const lines = text.split('\n');
    expect(lines[0]).toBe(
      '✅ Knative preview: the measured split is consistent with the configured one',
    );
    expect(text).toContain('Base aaaaaaa (main) · PR bbbbbbb (feature/fast)');
    expect(text).toContain('Split: The label canary-50 sends 50% to the PR.\n');
    expect(text).toContain('Service hello in namespace default');
    const header = lines.findIndex((l) => l.startsWith('Revision'));
    expect(lines.slice(header, header + 4)).toEqual([
      'Revision            Side  Configured  Responses  Observed (95% CI)  Errors     p50     p95',
      '──────────────────  ────  ──────────  ─────────  ─────────────────  ──────  ──────  ──────',
      'hello-base-aaaaaaa  base         50%        196  49.0% (44.1–53.9)       0  3.2 ms  9.5 ms',
      'hello-pr-bbbbbbb    PR           50%        204  51.0% (46.1–55.9)       0  3.1 ms  8.7 ms',
    ]);
    // The verdict in the comment's words, without its Markdown.
    expect(text).toContain(
      '✅ Verdict: consistent (exact binomial test, n = 400, p = 0.69, α = 0.05). The observed share is\nwithin what chance allows.',
    );
    expect(text).toContain('Tag checks');
    expect(text).toMatch(
      /base {2}http:\/\/base-hello\.default\.example\.com {2}hello-base-aaaaaaa {2}✔ 10\/10 {2}hello from base/,
    );
    expect(text).toContain(
      'Route http://hello.default.example.com; tags http://base-hello.default.example.com, http://pr-hello.default.example.com',
    );
    expect(text).toContain('Phase timings');
    expect(text).toMatch(/total {6}134\.4 s/);
    expect(text).not.toContain('**');
    expect(text).not.toContain('`');
  });

  it('shows the plan with its split for a dry run', () => {
    const planned = plan({
      split: { prPercent: 30, label: 'canary-30', reason: 'label canary-30: 30% to the PR' },
      services: [
        {
          ...plan().services[0]!,
          traffic: [
            { revisionName: 'hello-base-aaaaaaa', percent: 70, tag: 'base' },
            { revisionName: 'hello-pr-bbbbbbb', percent: 30, tag: 'pr' },
          ],
        },
      ],
    });
    const text = renderTextReport({
      plan: planned,
      report: { status: 'planned', services: [], timings: {} },
    });
    expect(text.split('\n')[0]).toBe('📝 Knative preview: planned (dry run, nothing deployed)');
    expect(text).toContain('Split: label canary-30: 30% to the PR.');
    expect(text).toContain(
      'hello    default    canary  hello-base-aaaaaaa  hello-pr-bbbbbbb  hello-base-aaaaaaa 70%, hello-pr-bbbbbbb 30%',
    );
    expect(text).not.toContain('Phase timings');
  });

  it('shows a failure with its phase and message, and the plan when nothing was measured', () => {
    const text = renderTextReport({
      plan: plan(),
      report: {
        status: 'failed',
        services: [],
        timings: { deploy: 3 },
        failure: {
          phase: 'deploy',
          message: 'revision hello-pr-bbbbbbb failed:\nImagePullBackOff',
        },
      },
    });
    expect(text.split('\n')[0]).toBe('❌ Knative preview failed in phase deploy');
    expect(text).toContain(
      'Phase deploy failed:\n  revision hello-pr-bbbbbbb failed:\n  ImagePullBackOff',
    );
    expect(text).toContain('Plan\nService');
  });

  it('cleans untrusted text: no escape sequences, one line per cell, shortened', () => {
    const hostile = serviceResult({
      reason: 'ok \u001b]0;pwned\u0007 **bold** @octocat #1',
      tagChecks: [
        {
          tag: 'pr',
          host: 'pr-hello.default.example.com',
          expectedRevision: 'hello-pr-bbbbbbb',
          requests: 10,
          matched: 3,
          sample: `<html>\u001b[2J\n${'x'.repeat(500)}`,
        },
      ],
      unattributed: { count: 2, errors: 2, samples: ['\u001b[31mred\nalert'] },
    });
    const text = renderTextReport({ plan: plan(), report: report({ services: [hostile] }) });
    expect(text).not.toMatch(CONTROL);
    // Escaped for Markdown in the comment, literal here; the mention guard is not shown.
    expect(text.replace(/\n/g, ' ')).toContain('ok ]0;pwned **bold** @octocat #1');
    expect(text).not.toContain('\u200d');
    expect(text).toContain('✖ 3/10');
    expect(text).toContain('Unattributed answer, e.g.: [31mred alert');
    const sampleLine = text.split('\n').find((l) => l.includes('<html>')) ?? '';
    expect(sampleLine).toContain('…');
    expect(Array.from(sampleLine).length).toBeLessThan(200);
  });

  it('colours only with a colour style, and keeps the columns aligned then', () => {
    const coloured = renderTextReport({ plan: plan(), report: report(), style: ANSI_STYLE });
    expect(coloured).toContain('\u001b[32m');
    const plain = renderTextReport({ plan: plan(), report: report() });
    // eslint-disable-next-line no-control-regex -- stripping colour to compare
    expect(coloured.replace(/\u001b\[[0-9;]*m/g, '')).toBe(plain);
  });
});

describe('textTable', () => {
  it('pads to the widest cell, right-aligns where asked, ignores colour codes', () => {
    const table = textTable(
      ['Name', 'N'],
      [
        ['a', '1'],
        [ANSI_STYLE.green('longer'), '100'],
      ],
      undefined,
      ['l', 'r'],
    );
    // eslint-disable-next-line no-control-regex -- stripping colour to compare
    expect(table.replace(/\u001b\[[0-9;]*m/g, '').split('\n')).toEqual([
      'Name      N',
      '──────  ───',
      'a         1',
      'longer  100',
    ]);
  });
});

describe('wrap', () => {
  it('breaks at spaces within the width; a longer word keeps its own line', () => {
    expect(wrap('aa bb cc dd', 5)).toBe('aa bb\ncc dd');
    expect(wrap('a verylongword b', 5)).toBe('a\nverylongword\nb');
    expect(wrap('', 5)).toBe('');
  });
});

describe('timingsText and planText', () => {
  it('totals the phases', () => {
    expect(timingsText({ a: 1.25, b: 2 })).toBe(
      'Phase timings\nPhase  Duration\n─────  ────────\na         1.3 s\nb         2.0 s\ntotal     3.3 s',
    );
    expect(timingsText({})).toBe('');
  });

  it('says when there is no plan', () => {
    expect(planText(plan({ services: [] }))).toBe('No plan: the run failed before it was made.');
  });
});

describe('textOf', () => {
  it('unwraps code spans, drops bold and emphasis, decodes references', () => {
    expect(textOf('**Verdict** `a|b` and `` x`y `` _note_ &#35;1 &#42;&#42;')).toBe(
      'Verdict a|b and x`y note #1 **',
    );
    expect(textOf('`a\\|b`')).toBe('a|b');
    expect(textOf(`Base [\`aaaaaaa\`](https://x/commit/${BASE_SHA}) ${HEAD_SHA}`)).toContain(
      'aaaaaaa',
    );
  });
});
