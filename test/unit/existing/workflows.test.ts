/**
 * The template's workflow for previews on an existing cluster, its deployer's RBAC, and this
 * repository's e2e job for the mode: structure, who runs when (job `if:` evaluated with GitHub's
 * own expression library), and least privilege. actionlint and the repository-wide rules run in
 * test/unit/workflows/actionlint.test.ts.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Evaluator, Lexer, Parser, data } from '@actions/expressions';
import { truthy } from '@actions/expressions/result';
import { describe, expect, test } from 'vitest';
import { parseAllDocuments } from 'yaml';
import { MANAGED_BY, MANAGED_BY_LABEL } from '../../../src/existing/ownership.js';
import { repoRoot, workflowFile } from '../workflows/workflow-files.js';

const template = workflowFile('template/.github/workflows/preview-existing.yml').workflow;
const e2e = workflowFile('.github/workflows/e2e.yml').workflow;

function evaluate(condition: string, contexts: Record<string, unknown>): boolean {
  const { tokens } = new Lexer(condition).lex();
  const expression = new Parser(tokens, Object.keys(contexts), []).parse();
  const dictionary = new data.Dictionary(
    ...Object.entries(contexts).map(([key, value]) => ({
      key,
      value: JSON.parse(JSON.stringify(value), data.reviver) as data.ExpressionData,
    })),
  );
  return truthy(new Evaluator(expression, dictionary).evaluate());
}

const REPOSITORY = 'octo/app';
function context(options: {
  event?: string;
  action?: string;
  head?: string | null;
  author?: string;
  variable?: string;
  label?: string;
}) {
  const event = options.event ?? 'pull_request';
  return {
    vars: options.variable === undefined ? {} : { KNATIVE_PREVIEW_CLUSTER: options.variable },
    github: {
      repository: REPOSITORY,
      actor: options.author ?? 'alice',
      event_name: event,
      event:
        event === 'pull_request'
          ? {
              action: options.action ?? 'synchronize',
              ...(options.label ? { label: { name: options.label } } : {}),
              pull_request: {
                number: 7,
                user: { login: options.author ?? 'alice' },
                head: {
                  repo: options.head === null ? null : { full_name: options.head ?? REPOSITORY },
                },
              },
            }
          : { schedule: '17 3 * * *' },
    },
  };
}

describe('template preview-existing.yml', () => {
  const previewIf = template.jobs.preview?.if ?? '';
  const sweepIf = template.jobs.sweep?.if ?? '';

  test('previews PR events, cleans up on closed, sweeps nightly', () => {
    expect(template.on?.pull_request?.types).toEqual([
      'opened',
      'synchronize',
      'reopened',
      'labeled',
      'unlabeled',
      'closed',
    ]);
    expect(Object.keys(template.on ?? {})).toEqual([
      'pull_request',
      'schedule',
      'workflow_dispatch',
    ]);
  });

  test('is off until the repository variable turns it on', () => {
    expect(evaluate(previewIf, context({ variable: undefined }))).toBe(false);
    expect(evaluate(previewIf, context({ variable: 'k3d' }))).toBe(false);
    expect(evaluate(sweepIf, context({ event: 'schedule' }))).toBe(false);
    expect(evaluate(previewIf, context({ variable: 'existing' }))).toBe(true);
    expect(evaluate(sweepIf, context({ event: 'schedule', variable: 'existing' }))).toBe(true);
  });

  test('the same job takes closed (so it edits the preview’s own comment); sweep takes no PR event', () => {
    for (const action of ['opened', 'synchronize', 'reopened', 'closed'])
      expect(evaluate(previewIf, context({ action, variable: 'existing' })), action).toBe(true);
    expect(evaluate(sweepIf, context({ action: 'closed', variable: 'existing' }))).toBe(false);
    expect(evaluate(previewIf, context({ event: 'schedule', variable: 'existing' }))).toBe(false);
  });

  test('fork and Dependabot PRs (no secrets) never reach the cluster', () => {
    for (const head of ['mallory/app', null])
      expect(evaluate(previewIf, context({ head, variable: 'existing' }))).toBe(false);
    expect(evaluate(previewIf, context({ author: 'dependabot[bot]', variable: 'existing' }))).toBe(
      false,
    );
  });

  test('a label change re-runs only for a canary label', () => {
    const labelled = (label: string) =>
      evaluate(previewIf, context({ action: 'labeled', label, variable: 'existing' }));
    expect(labelled('canary-50')).toBe(true);
    expect(labelled('bug')).toBe(false);
  });

  test('deploys with the kubeconfig secret and a lowercase registry; sweeps with mode: sweep', () => {
    const steps = template.jobs.preview?.steps ?? [];
    const action = steps.find((step) => step.uses === 'dwk/knative-action@v1');
    expect(action?.with).toMatchObject({
      cluster: 'existing',
      kubeconfig: '${{ secrets.KUBECONFIG }}',
      registry: '${{ steps.registry.outputs.name }}',
      manifests: 'knative',
      build: 'app=app',
    });
    expect(steps.find((step) => step.id === 'registry')?.run).toContain('${OWNER,,}');
    const sweep = template.jobs.sweep?.steps?.find((step) => step.uses === 'dwk/knative-action@v1');
    expect(sweep?.with).toMatchObject({ cluster: 'existing', mode: 'sweep' });
    // The sweep never checks out or builds PR code.
    expect(template.jobs.sweep?.steps).toHaveLength(1);
  });
});

describe('template cluster/preview-deployer.yaml', () => {
  const docs = parseAllDocuments(
    readFileSync(join(repoRoot, 'template/cluster/preview-deployer.yaml'), 'utf8'),
  ).map((doc) => doc.toJS() as Record<string, any>);
  const byKind = (kind: string) => docs.filter((doc) => doc.kind === kind);
  const role = (name: string) => byKind('ClusterRole').find((r) => r.metadata.name === name);

  test('cluster-wide, only namespaces and reading the Knative release', () => {
    expect(role('knative-preview-namespaces')?.rules).toEqual([
      {
        apiGroups: [''],
        resources: ['namespaces'],
        verbs: ['get', 'list', 'create', 'patch', 'delete'],
      },
      {
        apiGroups: ['apiextensions.k8s.io'],
        resources: ['customresourcedefinitions'],
        resourceNames: ['services.serving.knative.dev'],
        verbs: ['get'],
      },
    ]);
  });

  test('no wildcard anywhere, and nothing about RBAC, nodes or cluster-scoped objects', () => {
    for (const clusterRole of byKind('ClusterRole'))
      for (const rule of clusterRole.rules) {
        expect(rule.verbs).not.toContain('*');
        expect(rule.resources).not.toContain('*');
        expect(rule.apiGroups).not.toContain('rbac.authorization.k8s.io');
        expect(rule.verbs).not.toContain('escalate');
        expect(rule.verbs).not.toContain('impersonate');
      }
  });

  test('the admission policy confines the ServiceAccount the bindings name, to the action’s label', () => {
    const [account] = byKind('ServiceAccount');
    const user = `system:serviceaccount:${account?.metadata.namespace}:${account?.metadata.name}`;
    for (const binding of byKind('ClusterRoleBinding'))
      expect(binding.subjects).toEqual([
        {
          kind: 'ServiceAccount',
          name: account?.metadata.name,
          namespace: account?.metadata.namespace,
        },
      ]);
    const [policy] = byKind('ValidatingAdmissionPolicy');
    expect(policy?.spec.matchConditions[0].expression).toBe(
      `request.userInfo.username == '${user}'`,
    );
    expect(policy?.spec.matchConstraints.resourceRules[0].operations).toEqual([
      'CREATE',
      'UPDATE',
      'DELETE',
    ]);
    const cel = JSON.stringify(policy?.spec);
    expect(cel).toContain(`'${MANAGED_BY_LABEL}'`);
    expect(cel).toContain(`'${MANAGED_BY}'`);
    const [binding] = byKind('ValidatingAdmissionPolicyBinding');
    expect(binding?.spec).toEqual({
      policyName: policy?.metadata.name,
      validationActions: ['Deny'],
    });
    expect(policy?.spec.failurePolicy).toBe('Fail');
  });
});

describe('e2e.yml existing job', () => {
  const job = e2e.jobs.existing;
  const steps = job?.steps ?? [];
  const index = (id: string) => steps.findIndex((step) => step.id === id);

  test('a kept k3d cluster, then a preview and a cleanup on it as an existing cluster', () => {
    expect(job?.if).toBe("github.event_name == 'pull_request'");
    expect(steps[index('cluster')]?.with).toMatchObject({
      'keep-cluster': 'true',
      'cluster-name': 'e2e-existing',
    });
    const kubeconfig = { KUBECONFIG: '${{ steps.cluster.outputs.kubeconfig-path }}' };
    expect(steps[index('preview')]).toMatchObject({
      env: kubeconfig,
      with: { cluster: 'existing', registry: 'localhost:5000', labels: 'canary-50' },
    });
    expect(steps[index('cleanup')]).toMatchObject({
      env: kubeconfig,
      with: { cluster: 'existing', mode: 'cleanup' },
    });
    expect(index('cluster')).toBeLessThan(index('preview'));
    expect(index('preview')).toBeLessThan(index('cleanup'));
    const last = steps.at(-1);
    expect(last?.if).toBe('always()');
    expect(last?.run).toContain('k3d.cluster=e2e-existing');
  });
});
