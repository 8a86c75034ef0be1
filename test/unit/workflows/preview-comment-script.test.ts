/**
 * Runs the github-script steps of template/.github/workflows/preview-comment.yml against a fake
 * GitHub client. The fork run's artifact and result are untrusted: the zip may hold links or
 * escaping paths, the text may carry mentions, links or bidi controls, the PR number may lie.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { escapeInline } from '../../../src/report/markdown.js';
import { workflowFile } from './workflow-files.js';
import {
  INFO_ZIP_RESULT,
  INFO_ZIP_RESULT_TEXT,
  INFO_ZIP_SYMLINK,
  makeZip,
  type ZipEntry,
} from './zip-fixture.js';

const HEAD = 'a'.repeat(40);
const RUN_ID = 5000;
const HEAD_REPO = 'mallory/preview';
const MARKER = '<!-- knative-preview:fork -->';
const ARTIFACT_ID = 42;

interface Comment {
  id: number;
  user: { login: string };
  body: string;
  html_url: string;
}

interface Artifact {
  id: number;
  name: string;
  expired: boolean;
  size_in_bytes: unknown;
}

function stepScript(name: string): string {
  const steps = Object.values(
    workflowFile('template/.github/workflows/preview-comment.yml').workflow.jobs,
  ).flatMap((job) => job.steps ?? []);
  const script = steps.find((step) => step.name === name)?.with?.script;
  if (typeof script !== 'string') throw new Error(`preview-comment.yml has no step "${name}"`);
  return script;
}

/** A fake of the parts of github-script's arguments the scripts use, recording their calls. */
function fakeGitHub(
  opts: {
    prHead?: string;
    prHeadRepo?: string | null;
    comments?: Comment[];
    artifacts?: Artifact[];
    zip?: Buffer;
  } = {},
) {
  const comments = opts.comments ?? [];
  const writes: { op: 'create' | 'update'; issue?: number; id?: number; body: string }[] = [];
  const notices: string[] = [];
  const outputs: Record<string, string> = {};
  const pullsAsked: number[] = [];
  const downloads: Record<string, unknown>[] = [];
  const listComments = () => Promise.resolve({ data: comments });
  const listWorkflowRunArtifacts = () => Promise.resolve({ data: {} });
  const github = {
    rest: {
      actions: {
        listWorkflowRunArtifacts,
        downloadArtifact: (params: Record<string, unknown>) => {
          downloads.push(params);
          // Octokit's fetch-based request gives a zip body as an ArrayBuffer.
          const zip = opts.zip ?? Buffer.alloc(0);
          return Promise.resolve({
            data: zip.buffer.slice(zip.byteOffset, zip.byteOffset + zip.length),
          });
        },
      },
      pulls: {
        get: ({ pull_number }: { pull_number: number }) => {
          pullsAsked.push(pull_number);
          const repo = opts.prHeadRepo === undefined ? HEAD_REPO : opts.prHeadRepo;
          return Promise.resolve({
            data: {
              number: pull_number,
              head: { sha: opts.prHead ?? HEAD, repo: repo === null ? null : { full_name: repo } },
            },
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
    paginate: (method: unknown) => {
      if (method === listComments) return Promise.resolve(comments);
      if (method === listWorkflowRunArtifacts) return Promise.resolve(opts.artifacts ?? []);
      throw new Error('paginate called with an unexpected method');
    },
  };
  const core = {
    notice: (message: string) => notices.push(message),
    info: () => undefined,
    setOutput: (name: string, value: string) => (outputs[name] = value),
  };
  return { github, core, writes, notices, outputs, pullsAsked, downloads };
}

let dir: string;
let resultFile: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'preview-comment-'));
  resultFile = join(dir, 'preview-result', 'result.json');
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

async function runStep(
  name: string,
  fake: ReturnType<typeof fakeGitHub>,
  pullRequests: { number: number }[] = [],
) {
  const context = {
    repo: { owner: 'octo', repo: 'preview' },
    serverUrl: 'https://github.com',
    payload: {
      workflow_run: {
        id: RUN_ID,
        head_sha: HEAD,
        head_repository: { full_name: HEAD_REPO },
        pull_requests: pullRequests,
      },
    },
  };
  const AsyncFunction = Object.getPrototypeOf(async () => undefined).constructor as new (
    ...args: string[]
  ) => (...values: unknown[]) => Promise<unknown>;
  const run = new AsyncFunction(
    'github',
    'context',
    'core',
    'require',
    'process',
    stepScript(name),
  );
  await run(fake.github, context, fake.core, createRequire(import.meta.url), {
    env: { RESULT_FILE: resultFile },
  });
}

/** The posting step, on a result.json written as the reading step would. */
async function postComment(
  result: unknown,
  fake: ReturnType<typeof fakeGitHub>,
  pullRequests: { number: number }[] = [],
) {
  execFileSync('mkdir', ['-p', join(dir, 'preview-result')]);
  writeFileSync(resultFile, typeof result === 'string' ? result : JSON.stringify(result));
  await runStep('Post or update the comment', fake, pullRequests);
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

describe('preview-comment.yml: posting the comment', () => {
  test('creates one comment on the PR named by the result, with the measured table', async () => {
    const fake = fakeGitHub();
    await postComment(measured, fake);
    expect(fake.pullsAsked).toEqual([7]);
    expect(fake.writes).toHaveLength(1);
    const [write] = fake.writes;
    expect(write).toMatchObject({ op: 'create', issue: 7 });
    const lines = write?.body.split('\n') ?? [];
    expect(lines[0]).toBe(MARKER);
    expect(lines[1]).toBe(`<!-- knative-preview:run ${RUN_ID} -->`);
    expect(write?.body).toContain('| hello-pr-2222222 | pr | 50 | 51.8 | 46.9 to 56.6 | 207 | 0 |');
  });

  test('escapes the text it got from the run: no HTML, no mention, no table break', async () => {
    const fake = fakeGitHub();
    await postComment(measured, fake);
    const body = fake.writes[0]?.body ?? '';
    expect(body).not.toContain('<b>');
    expect(body).not.toContain('@octocat');
    expect(body).not.toMatch(/50\/50.*\| `x`/);
    expect(body).toContain('&#60;b&#62;50/50&#60;/b&#62;');
  });

  test('prefers the PR number from the event over the one in the result', async () => {
    const fake = fakeGitHub();
    await postComment({ ...measured, pr: 999 }, fake, [{ number: 7 }]);
    expect(fake.pullsAsked).toEqual([7]);
    expect(fake.writes[0]?.issue).toBe(7);
  });

  test.each([['7; rm -rf /'], [1.5], [-3], [0], [null], ['7']])(
    'refuses a PR number that is not a positive integer: %j',
    async (pr) => {
      const fake = fakeGitHub();
      await expect(postComment({ ...measured, pr }, fake)).rejects.toThrow(/no valid PR number/);
      expect(fake.pullsAsked).toEqual([]);
      expect(fake.writes).toEqual([]);
    },
  );

  test('refuses a result that is not JSON', async () => {
    const fake = fakeGitHub();
    await expect(postComment('{"pr": 7,', fake)).rejects.toThrow(/not JSON/);
    expect(fake.writes).toEqual([]);
  });

  test('does not comment when the PR has moved on to another commit', async () => {
    const fake = fakeGitHub({ prHead: 'b'.repeat(40) });
    await postComment(measured, fake);
    expect(fake.writes).toEqual([]);
    expect(fake.notices.join()).toContain('not commenting');
  });

  test.each([['octo/preview'], [null]])(
    'does not comment on a PR whose head is another repository (%s) than the tested one',
    async (prHeadRepo) => {
      const fake = fakeGitHub({ prHeadRepo });
      await postComment(measured, fake);
      expect(fake.writes).toEqual([]);
      expect(fake.notices.join()).toContain('another repository');
    },
  );

  test('survives a result whose parts have the wrong types', async () => {
    const fake = fakeGitHub();
    await postComment(
      {
        pr: 7,
        report: {
          status: { toString: 1 },
          failure: 'boom',
          services: [null, 5, 'x', { service: ['a'], revisions: [null, { interval: 'x' }] }],
        },
      },
      fake,
    );
    const body = fake.writes[0]?.body ?? '';
    expect(body).toContain('**Status:**  for');
    expect(body).not.toContain('Failed in');
    expect(body).toContain('| ? to ? |');
  });

  test('updates its own comment, ignoring a copy of the marker written by someone else', async () => {
    const fake = fakeGitHub({
      comments: [
        { id: 1, user: { login: 'mallory' }, body: MARKER, html_url: '' },
        {
          id: 2,
          user: { login: 'github-actions[bot]' },
          body: `${MARKER}\n<!-- knative-preview:run 4000 -->`,
          html_url: '',
        },
      ],
    });
    await postComment(measured, fake);
    expect(fake.writes.map((w) => [w.op, w.id])).toEqual([['update', 2]]);
  });

  test('finds its own comment after the body was edited on the web (CRLF lines)', async () => {
    const fake = fakeGitHub({
      comments: [
        {
          id: 3,
          user: { login: 'github-actions[bot]' },
          body: `${MARKER}\r\n<!-- knative-preview:run 4000 -->\r\ntext`,
          html_url: '',
        },
      ],
    });
    await postComment(measured, fake);
    expect(fake.writes.map((w) => [w.op, w.id])).toEqual([['update', 3]]);
  });

  test('accepts the marker only on the first line', async () => {
    const fake = fakeGitHub({
      comments: [
        {
          id: 4,
          user: { login: 'github-actions[bot]' },
          body: `Another bot comment quoting\n${MARKER}\n<!-- knative-preview:run 4000 -->`,
          html_url: '',
        },
      ],
    });
    await postComment(measured, fake);
    expect(fake.writes.map((w) => w.op)).toEqual(['create']);
  });

  test('reads the run number only from the second line', async () => {
    const fake = fakeGitHub({
      comments: [
        {
          id: 5,
          user: { login: 'github-actions[bot]' },
          body: `${MARKER}\n### Knative preview\n<!-- knative-preview:run ${RUN_ID + 1} -->`,
          html_url: '',
        },
      ],
    });
    await postComment(measured, fake);
    expect(fake.writes.map((w) => [w.op, w.id])).toEqual([['update', 5]]);
  });

  test('leaves a comment that already shows a newer run', async () => {
    const fake = fakeGitHub({
      comments: [
        {
          id: 2,
          user: { login: 'github-actions[bot]' },
          body: `${MARKER}\n<!-- knative-preview:run ${RUN_ID + 1} -->`,
          html_url: '',
        },
      ],
    });
    await postComment(measured, fake);
    expect(fake.writes).toEqual([]);
  });

  test('reports a failed run with its phase and message', async () => {
    const fake = fakeGitHub();
    await postComment(
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
    await postComment(saved, fake);
    expect(fake.writes[0]?.body).toContain('| hello-base-1111111 | base | 50 | 48.3 |');
  });
});

/** Text a PR author controls, aimed at everything GitHub renders or links in a comment. */
const HOSTILE = [
  'ping @octocat and @org/team-a, cc @everyone',
  'fixes #123, see octo/preview#45 and GH-12',
  'visit https://evil.example/login?next=x or http://1.2.3.4 or www.evil.example',
  'mail admin@evil.example or <https://evil.example>',
  'safe\u202Eexe.txt and \u2066isolate\u2069 and \u200Fmark',
  'bell\u0007 escape\u001b[31m red\u009b nul\u0000 del\u007f',
  'one\r\ntwo\rthree\n\n  four\tfive',
  '<b>x</b> <img src=x onerror=alert(1)> <!-- knative-preview:run 99999999 --> </details>',
  '**bold** _it_ ~~gone~~ `code` ``` [link](javascript:alert(1)) ![img](x) | cell | \\ {a} $x$ ^y =z +w',
  '&amp; &#64; &lt; entities',
  ':tada: ::error::boom ::set-output name=x::y',
  '#',
  '@',
  '',
  '😀'.repeat(300),
  `${'x'.repeat(59)}😀tail`,
  'a'.repeat(5000),
  `${'\u202e'.repeat(3000)}hidden`,
];

function hostileResult(text: string) {
  return {
    pr: 7,
    report: {
      status: text,
      failure: { phase: text, message: text },
      services: [
        {
          service: text,
          verdict: text,
          reason: text,
          revisions: [{ revision: text, side: text, configuredPercent: 50 }],
        },
      ],
    },
  };
}

describe('preview-comment.yml: escaping matches the action', () => {
  test.each(HOSTILE.map((text) => [JSON.stringify(text).slice(0, 60), text] as const))(
    'escapes %s exactly as escapeInline in src/report/markdown.ts does',
    async (_, text) => {
      const fake = fakeGitHub();
      await postComment(hostileResult(text), fake);
      const lines = (fake.writes[0]?.body ?? '').split('\n');
      const action = (value: string, max: number) => escapeInline(value, max);
      expect(lines).toContain(`**Status:** ${action(text, 40)} for ${HEAD}`);
      expect(lines).toContain(`**Failed in ${action(text, 60)}:** ${action(text, 1000)}`);
      expect(lines).toContain(`#### ${action(text, 63)}: ${action(text, 20)}`);
      expect(lines).toContain(
        `| ${action(text, 63)} | ${action(text, 4)} | 50 | ? | ? to ? | ? | ? |`,
      );
      expect(lines).toContain(action(text, 500));
    },
  );

  test('nothing from the run renders as a mention, reference, link, tag or bidi override', async () => {
    const fake = fakeGitHub();
    await postComment(hostileResult(HOSTILE.join(' ')), fake);
    const body = fake.writes[0]?.body ?? '';
    const [, , ...rendered] = body.split('\n');
    const text = rendered.join('\n').replace(/\[the preview run\]\([^)]*\)/, '');
    expect(text).not.toMatch(/@[\p{L}\p{N}_-]/u);
    expect(text).not.toMatch(/(^|[^&])#[\p{L}\p{N}]/mu);
    expect(text).not.toMatch(/https?:\/\/|www\./i);
    expect(text).not.toMatch(/[<>]/);
    // eslint-disable-next-line no-control-regex -- matching control characters is the point
    expect(text).not.toMatch(/[\u202a-\u202e\u2066-\u2069\u0000-\u0008\u000b-\u001f\u007f-\u009f]/);
  });
});

function artifact(size: unknown, overrides: Partial<Artifact> = {}): Artifact {
  return {
    id: ARTIFACT_ID,
    name: 'preview-result',
    expired: false,
    size_in_bytes: size,
    ...overrides,
  };
}

async function readArtifact(zip: Buffer, artifacts: Artifact[] = [artifact(zip.length)]) {
  const fake = fakeGitHub({ zip, artifacts });
  await runStep('Read the result', fake);
  return fake;
}

const RESULT_TEXT = JSON.stringify(measured);

describe('preview-comment.yml: reading the artifact', () => {
  test('reads result.json from an Info-ZIP archive, downloading the artifact by id', async () => {
    const fake = await readArtifact(INFO_ZIP_RESULT);
    expect(fake.downloads).toEqual([
      { owner: 'octo', repo: 'preview', artifact_id: ARTIFACT_ID, archive_format: 'zip' },
    ]);
    expect(fake.outputs).toEqual({ found: 'true' });
    expect(readFileSync(resultFile, 'utf8')).toBe(INFO_ZIP_RESULT_TEXT);
  });

  test.each([
    ['deflated', { name: 'result.json', data: RESULT_TEXT }],
    ['stored', { name: 'result.json', data: RESULT_TEXT, method: 0 }],
    ['streamed (sizes after the data)', { name: 'result.json', data: RESULT_TEXT, flags: 0x8 }],
  ] as [string, ZipEntry][])('reads a %s entry', async (_, entry) => {
    await readArtifact(makeZip([entry]));
    expect(readFileSync(resultFile, 'utf8')).toBe(RESULT_TEXT);
  });

  test('posts what it read', async () => {
    await readArtifact(makeZip([{ name: 'result.json', data: RESULT_TEXT }]));
    const fake = fakeGitHub();
    await runStep('Post or update the comment', fake);
    expect(fake.writes[0]?.body).toContain('| hello-pr-2222222 | pr | 50 | 51.8 |');
  });

  test('reports no artifact as nothing to post, and downloads nothing', async () => {
    const fake = await readArtifact(Buffer.alloc(0), [artifact(10, { expired: true })]);
    expect(fake.outputs).toEqual({ found: 'false' });
    expect(fake.downloads).toEqual([]);
  });

  test.each([[2_000_000], [-1], [null], ['10']])(
    'checks the listed size (%j) before downloading',
    async (size) => {
      const zip = makeZip([{ name: 'result.json', data: RESULT_TEXT }]);
      const fake = fakeGitHub({ zip, artifacts: [artifact(size)] });
      await expect(runStep('Read the result', fake)).rejects.toThrow(/at most 1048576/);
      expect(fake.downloads).toEqual([]);
    },
  );

  test('refuses a download larger than the listing said', async () => {
    const zip = makeZip([{ name: 'result.json', data: 'x'.repeat(1_100_000), method: 0 }]);
    await expect(readArtifact(zip, [artifact(100)])).rejects.toThrow(/downloaded as \d+ bytes/);
    expect(existsSync(resultFile)).toBe(false);
  });

  test('refuses two artifacts of the same name', async () => {
    const zip = makeZip([{ name: 'result.json', data: RESULT_TEXT }]);
    await expect(
      readArtifact(zip, [artifact(zip.length), artifact(zip.length, { id: 43 })]),
    ).rejects.toThrow(/2 artifacts/);
  });

  test('refuses a symbolic link made by Info-ZIP (zip -y)', async () => {
    await expect(readArtifact(INFO_ZIP_SYMLINK)).rejects.toThrow(
      /refusing "result.json": a symbolic link/,
    );
    expect(existsSync(resultFile)).toBe(false);
  });

  test.each([
    ['a symbolic link', [{ name: 'result.json', data: '/etc/passwd', unixMode: 0o120777 }]],
    ['a path with ..', [{ name: '../result.json', data: RESULT_TEXT }]],
    ['a path with ..', [{ name: 'a/../../result.json', data: RESULT_TEXT }]],
    ['a path with ..', [{ name: '..\\result.json', data: RESULT_TEXT }]],
    ['an absolute path', [{ name: '/tmp/result.json', data: RESULT_TEXT }]],
    ['an absolute path', [{ name: 'C:/result.json', data: RESULT_TEXT }]],
    ['not a regular file', [{ name: 'result.json/', data: '', unixMode: 0o40755 }]],
    ['not a regular file', [{ name: 'result.json', data: '', dosAttributes: 0x10 }]],
    ['not a regular file', [{ name: 'result.json', data: '', unixMode: 0o10644 }]],
    [
      'expected only result.json',
      [
        { name: 'result.json', data: RESULT_TEXT },
        { name: 'extra.txt', data: 'x' },
      ],
    ],
    [
      'twice',
      [
        { name: 'result.json', data: RESULT_TEXT },
        { name: 'result.json', data: '{}' },
      ],
    ],
    ['encrypted', [{ name: 'result.json', data: RESULT_TEXT, flags: 0x1 }]],
    ['compression method 12', [{ name: 'result.json', data: RESULT_TEXT, method: 12 }]],
    ['at most 1000000 are read', [{ name: 'result.json', data: '{}', declaredSize: 5_000_000 }]],
    [
      'does not inflate to at most 1000000 bytes',
      [{ name: 'result.json', data: ' '.repeat(3_000_000), declaredSize: 10 }],
    ],
    ['its header says 10', [{ name: 'result.json', data: RESULT_TEXT, declaredSize: 10 }]],
    ['not UTF-8', [{ name: 'result.json', data: Buffer.from([0x7b, 0xff, 0xfe, 0x7d]) }]],
    ['holds no result.json', []],
  ] as [string, ZipEntry[]][])(
    'refuses an archive whose entries are wrong: %s',
    async (reason, entries) => {
      const zip = makeZip(entries);
      await expect(readArtifact(zip)).rejects.toThrow(reason);
      expect(existsSync(resultFile)).toBe(false);
    },
  );

  test.each([
    ['not a zip archive', Buffer.from('{"pr": 7}')],
    ['damaged', makeZip([{ name: 'result.json', data: RESULT_TEXT }]).subarray(40)],
  ])('refuses a download that is %s', async (reason, zip) => {
    await expect(readArtifact(zip)).rejects.toThrow(reason);
    expect(existsSync(resultFile)).toBe(false);
  });

  test('the test archives are valid zips to an independent reader (Info-ZIP unzip)', () => {
    const file = join(dir, 'check.zip');
    writeFileSync(
      file,
      makeZip([
        { name: 'result.json', data: RESULT_TEXT },
        { name: 'stored.json', data: RESULT_TEXT, method: 0 },
        { name: 'streamed.json', data: RESULT_TEXT, flags: 0x8 },
      ]),
    );
    let unzip: string;
    try {
      unzip = execFileSync('unzip', ['-t', file], { encoding: 'utf8' });
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return; // no unzip on this machine
      throw error;
    }
    expect(unzip).toContain('No errors detected');
  });
});
