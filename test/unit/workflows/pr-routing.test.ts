/**
 * Which preview workflow takes a pull request: the job `if:` of preview.yml (write token, same
 * repository) and of preview-fork.yml (read-only, comment written by preview-comment.yml),
 * evaluated with GitHub's own expression library. Every PR event runs exactly one of them, and
 * code from outside the repository (a fork, or Dependabot's updates) only ever the read-only one.
 *
 * Dependabot: on `pull_request`, runs it starts get a read-only GITHUB_TOKEN by default and no
 * Actions secrets, but a workflow's `permissions:` can raise the token ("Automating Dependabot
 * with GitHub Actions" and "Troubleshooting Dependabot on GitHub Actions", docs.github.com), so
 * preview.yml, which asks for pull-requests: write, must skip Dependabot's PRs itself.
 */
import { Evaluator, Lexer, Parser, data } from '@actions/expressions';
import { truthy } from '@actions/expressions/result';
import { describe, expect, test } from 'vitest';
import { workflowFile } from './workflow-files.js';

const REPOSITORY = 'octo/app';

function jobIf(path: string): string {
  const condition = Object.values(workflowFile(path).workflow.jobs)[0]?.if;
  if (!condition) throw new Error(`${path} has no job if:`);
  return condition;
}

function evaluate(condition: string, github: unknown): boolean {
  const { tokens } = new Lexer(condition).lex();
  const expression = new Parser(tokens, ['github'], []).parse();
  const context = JSON.parse(JSON.stringify(github), data.reviver) as data.ExpressionData;
  return truthy(
    new Evaluator(expression, new data.Dictionary({ key: 'github', value: context })).evaluate(),
  );
}

interface Case {
  head: string | null;
  author: string;
  actor: string;
  action: string;
  label?: string;
}

function githubContext(c: Case) {
  return {
    repository: REPOSITORY,
    actor: c.actor,
    event_name: 'pull_request',
    event: {
      action: c.action,
      ...(c.label ? { label: { name: c.label } } : {}),
      pull_request: {
        number: 7,
        user: { login: c.author },
        head: { repo: c.head === null ? null : { full_name: c.head } },
      },
    },
  };
}

const sameRepo = jobIf('template/.github/workflows/preview.yml');
const readOnly = jobIf('template/.github/workflows/preview-fork.yml');

const heads = [REPOSITORY, 'mallory/app', null]; // null: the fork was deleted
const people = ['alice', 'dependabot[bot]'];
const events: [string, string | undefined][] = [
  ['opened', undefined],
  ['synchronize', undefined],
  ['reopened', undefined],
  ['labeled', 'canary-50'],
  ['unlabeled', 'canary-0'],
  ['labeled', 'bug'],
];
const cases: Case[] = heads.flatMap((head) =>
  people.flatMap((author) =>
    people.flatMap((actor) =>
      events.map(([action, label]) => ({ head, author, actor, action, label })),
    ),
  ),
);

describe('which preview workflow runs for a pull request', () => {
  test.each(cases.map((c) => [JSON.stringify(c), c] as const))('%s', (_, c) => {
    const github = githubContext(c);
    const ran = [evaluate(sameRepo, github), evaluate(readOnly, github)];
    const outside =
      c.head !== REPOSITORY || c.author === 'dependabot[bot]' || c.actor === 'dependabot[bot]';
    if (c.label === 'bug') expect(ran).toEqual([false, false]);
    else expect(ran).toEqual(outside ? [false, true] : [true, false]);
  });

  test("a Dependabot PR on this repository's branch takes the read-only path, whoever triggers it", () => {
    for (const actor of ['dependabot[bot]', 'alice']) {
      const github = githubContext({
        head: REPOSITORY,
        author: 'dependabot[bot]',
        actor,
        action: 'synchronize',
      });
      expect(evaluate(sameRepo, github), actor).toBe(false);
      expect(evaluate(readOnly, github), actor).toBe(true);
    }
  });

  test('the read-only workflow cannot write: it only reads the code', () => {
    expect(
      workflowFile('template/.github/workflows/preview-fork.yml').workflow.permissions,
    ).toEqual({ contents: 'read' });
  });
});
