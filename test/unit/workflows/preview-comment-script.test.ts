/**
 * Runs the github-script of template/.github/workflows/preview-comment.yml against a fake GitHub
 * client: it must treat the fork run's result as untrusted (PR number, text) and keep one comment.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { workflowFile } from './workflow-files.js';

const HEAD = 'a'.repeat(40);
const RUN_ID = 5000;

interface Comment {
  id: number;
  user: { login: string };
  body: string;
  html_url: string;
}

function commentScript(): string {
  const steps = Object.values(
    workflowFile('template/.github/workflows/preview-comment.yml').workflow.jobs,
  ).flatMap((job) => job.steps ?? []);
  const script = steps.find((step) => step.name === 'Post or update the comment')?.with?.script;
  if (typeof script !== 'string') throw new Error('preview-comment.yml has no comment script');
  return script;
}

/** A fake of the parts of github-script's arguments the script uses, recording its writes. */
function fakeGitHub(opts: { prHead?: string; comments?: Comment[] } = {}) {
  const comments = opts.comments ?? [];
  const writes: { op: 'create' | 'update'; issue?: number; id?: number; body: string }[] = [];
  const notices: string[] = [];
  const pullsAsked: number[] = [];
  const listComments = () => Promise.resolve({ data: comments });
  const github = {
    rest: {
      pulls: {
        get: ({ pull_number }: { pull_number: number }) => {
          pullsAsked.push(pull_number);
          return Promise.resolve({
            data: { number: pull_number, head: { sha: opts.prHead ?? HEAD } },
          });
        },
      },
      issues: {
        listComments,
        createComment: ({ issue_number, body }: { issue_number: number; body: string }) => {
          writes.push({ op: 'create', issue: issue_number, body });
          return Promise.resolve({ data: { html_url: 'https://example.invalid/c/1' } });
        },
        updateComment: ({ comment_id, body }: { comment_id: number; body: string }) => {
          writes.push({ op: 'update', id: comment_id, body });
          return Promise.resolve({ data: {} });
        },
      },
    },
    paginate: async (method: unknown) => {
      expect(method).toBe(listComments);
      return comments;
    },
  };
  const core = {
    notice: (message: string) => notices.push(message),
    info: () => undefined,
    setOutput: () => undefined,
  };
  return { github, core, writes, notices, pullsAsked };
}

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'preview-comment-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

async function runScript(
  result: unknown,
  fake: ReturnType<typeof fakeGitHub>,
  pullRequests: { number: number }[] = [],
) {
  const file = join(dir, 'result.json');
  writeFileSync(file, typeof result === 'string' ? result : JSON.stringify(result));
  const context = {
    repo: { owner: 'octo', repo: 'preview' },
    serverUrl: 'https://github.com',
    payload: { workflow_run: { id: RUN_ID, head_sha: HEAD, pull_requests: pullRequests } },
  };
  const AsyncFunction = Object.getPrototypeOf(async () => undefined).constructor as new (
    ...args: string[]
  ) => (...values: unknown[]) => Promise<unknown>;
  const run = new AsyncFunction('github', 'context', 'core', 'require', 'process', commentScript());
  await run(fake.github, context, fake.core, createRequire(import.meta.url), {
    env: { RESULT_FILE: file },
  });
}

const measured = {
  pr: 7,
  headSha: HEAD,
  outcome: 'success',
  report: {
    status: 'consistent',
    services: [
      {
        service: 'hello',
        verdict: 'consistent',
        reason: 'Observed split fits <b>50/50</b> @octocat | `x`',
        revisions: [
          {
            revision: 'hello-base-1111111',
            side: 'base',
            configuredPercent: 50,
            observedPercent: 48.25,
            interval: { low: 43.4, high: 53.1 },
            responses: 193,
            errors: 0,
          },
          {
            revision: 'hello-pr-2222222',
            side: 'pr',
            configuredPercent: 50,
            observedPercent: 51.75,
            interval: { low: 46.9, high: 56.6 },
            responses: 207,
            errors: 0,
          },
        ],
      },
    ],
  },
};

describe('preview-comment.yml comment script', () => {
  test('creates one comment on the PR named by the result, with the measured table', async () => {
    const fake = fakeGitHub();
    await runScript(measured, fake);
    expect(fake.pullsAsked).toEqual([7]);
    expect(fake.writes).toHaveLength(1);
    const [write] = fake.writes;
    expect(write).toMatchObject({ op: 'create', issue: 7 });
    expect(write?.body).toContain('<!-- knative-preview:fork -->');
    expect(write?.body).toContain(`<!-- knative-preview:run ${RUN_ID} -->`);
    expect(write?.body).toContain('| hello-pr-2222222 | pr | 50 | 51.8 | 46.9 to 56.6 | 207 | 0 |');
  });

  test('escapes the text it got from the run: no HTML, no mention, no table break', async () => {
    const fake = fakeGitHub();
    await runScript(measured, fake);
    const body = fake.writes[0]?.body ?? '';
    expect(body).not.toContain('<b>');
    expect(body).not.toContain('@octocat');
    expect(body).not.toMatch(/50\/50.*\| `x`/);
    expect(body).toContain('&#60;b&#62;50/50&#60;/b&#62;');
  });

  test('prefers the PR number from the event over the one in the result', async () => {
    const fake = fakeGitHub();
    await runScript({ ...measured, pr: 999 }, fake, [{ number: 7 }]);
    expect(fake.pullsAsked).toEqual([7]);
    expect(fake.writes[0]?.issue).toBe(7);
  });

  test.each([['7; rm -rf /'], [1.5], [-3], [0], [null], ['7']])(
    'refuses a PR number that is not a positive integer: %j',
    async (pr) => {
      const fake = fakeGitHub();
      await expect(runScript({ ...measured, pr }, fake)).rejects.toThrow(/no valid PR number/);
      expect(fake.pullsAsked).toEqual([]);
      expect(fake.writes).toEqual([]);
    },
  );

  test('refuses a result that is not JSON', async () => {
    const fake = fakeGitHub();
    await expect(runScript('{"pr": 7,', fake)).rejects.toThrow(/not JSON/);
    expect(fake.writes).toEqual([]);
  });

  test('does not comment when the PR has moved on to another commit', async () => {
    const fake = fakeGitHub({ prHead: 'b'.repeat(40) });
    await runScript(measured, fake);
    expect(fake.writes).toEqual([]);
    expect(fake.notices.join()).toContain('not commenting');
  });

  test('updates its own comment, ignoring a copy of the marker written by someone else', async () => {
    const fake = fakeGitHub({
      comments: [
        { id: 1, user: { login: 'mallory' }, body: '<!-- knative-preview:fork -->', html_url: '' },
        {
          id: 2,
          user: { login: 'github-actions[bot]' },
          body: '<!-- knative-preview:fork -->\n<!-- knative-preview:run 4000 -->',
          html_url: '',
        },
      ],
    });
    await runScript(measured, fake);
    expect(fake.writes.map((w) => [w.op, w.id])).toEqual([['update', 2]]);
  });

  test('leaves a comment that already shows a newer run', async () => {
    const fake = fakeGitHub({
      comments: [
        {
          id: 2,
          user: { login: 'github-actions[bot]' },
          body: `<!-- knative-preview:fork -->\n<!-- knative-preview:run ${RUN_ID + 1} -->`,
          html_url: '',
        },
      ],
    });
    await runScript(measured, fake);
    expect(fake.writes).toEqual([]);
  });

  test('reports a failed run with its phase and message', async () => {
    const fake = fakeGitHub();
    await runScript(
      {
        pr: 7,
        outcome: 'failure',
        report: {
          status: 'failed',
          services: [],
          failure: { phase: 'deploy', message: 'revision hello-pr-2222222 not Ready' },
        },
      },
      fake,
    );
    expect(fake.writes[0]?.body).toContain(
      '**Failed in deploy:** revision hello-pr-2222222 not Ready',
    );
  });

  test("reads what preview-fork.yml's save step writes", async () => {
    const fork = workflowFile('template/.github/workflows/preview-fork.yml').workflow;
    const save = Object.values(fork.jobs)
      .flatMap((job) => job.steps ?? [])
      .find((step) => step.name === 'Save the results');
    expect(typeof save?.run).toBe('string');
    execFileSync('bash', ['-e', '-c', save!.run!], {
      env: {
        PATH: process.env.PATH,
        RESULT_DIR: dir,
        PR_NUMBER: '7',
        HEAD_SHA: HEAD,
        PREVIEW_OUTCOME: 'success',
        REPORT: JSON.stringify(measured.report),
        REVISIONS: JSON.stringify({ base: 'hello-base-1111111', pr: 'hello-pr-2222222' }),
        TRAFFIC: 'not json',
        URL: 'http://hello.default.example.com',
      },
    });
    const saved = JSON.parse(readFileSync(join(dir, 'result.json'), 'utf8')) as Record<
      string,
      unknown
    >;
    expect(saved).toMatchObject({ pr: 7, headSha: HEAD, traffic: null, report: measured.report });
    const fake = fakeGitHub();
    await runScript(saved, fake);
    expect(fake.writes[0]?.body).toContain('| hello-base-1111111 | base | 50 | 48.3 |');
  });
});
