import { describe, expect, test } from 'vitest';
import { renderPlanSummary, renderSummary } from '../../../src/report/render-summary.js';
import { context, plan, report, servicePlan } from './fixtures.js';

describe('job summary', () => {
  test('dry run: the plan with revisions, traffic and collapsed manifests', () => {
    const text = renderPlanSummary(plan(), context);
    expect(text).toContain('### 📝 Knative preview: planned (dry run, nothing deployed)');
    expect(text).toContain(
      '| `hello` | `default` | canary | `hello-base-aaaaaaa` | `hello-pr-bbbbbbb` |',
    );
    expect(text).toContain('<details><summary>Rendered manifests (2)</summary>');
    expect(text).toContain('```yaml\napiVersion: serving.knative.dev/v1\nkind: Service\n');
    expect(text).toContain('name: hello-pr-bbbbbbb');
    expect(text).toContain('PR labels: `canary-50`, `enhancement`.');
    expect(text).not.toContain('Verdict');
  });

  test('result: the same tables as the comment, plus the plan and diagnostics', () => {
    const text = renderSummary({
      plan: plan(),
      report: report(),
      context,
      diagnostics: 'kubectl get pods\n```\n</details>',
    });
    expect(text).toContain(
      '| `hello-pr-bbbbbbb` | PR | 50% | 204 | 51.0% (46.1–55.9) | 0 | 3.1 ms | 8.7 ms |',
    );
    expect(text).toContain('**Verdict: consistent**');
    expect(text).toContain('#### Plan');
    expect(text).toContain(
      '<details><summary>Cluster diagnostics, collected right after the failure</summary>\n\n````\nkubectl get pods\n```\n</details>\n````',
    );
    expect(text).not.toContain('knative-action:preview');
  });

  test('failure before a plan existed still renders', () => {
    const text = renderSummary({
      report: {
        status: 'failed',
        services: [],
        timings: {},
        failure: { phase: 'plan', message: 'Two canary labels: canary-10, canary-20' },
      },
      context,
    });
    expect(text).toContain('### ❌ Knative preview failed in phase `plan`');
    expect(text).toContain('Two canary labels: canary-10, canary-20');
  });

  test('huge manifests and diagnostics stay under the 1 MiB summary limit', () => {
    const big = servicePlan();
    big.manifests.pr = { ...big.manifests.pr, data: 'x'.repeat(500_000) };
    const many = Array.from({ length: 20 }, (_, i) => ({ ...big, name: `svc-${i}` }));
    const text = renderSummary({
      plan: plan({ services: many }),
      report: report(),
      context,
      diagnostics: 'd'.repeat(3_000_000),
    });
    expect(text.length).toBeLessThan(1024 * 1024);
    expect(text).toContain('more manifests not shown (size limit)');
  });
});

test('the PR title is shown, escaped', () => {
  const text = renderSummary({
    plan: plan({
      pullRequest: { number: 7, title: '<script>x</script> @team', baseRef: 'main', headRef: 'f' },
    }),
    report: report(),
    context,
  });
  expect(text).toContain(
    'Pull request [#7](https://github.com/octo/shop/pull/7): &#60;script&#62;x&#60;/script&#62; @\u200dteam',
  );
});
