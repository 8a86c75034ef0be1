/**
 * The comment's "Reproduce locally": the command line from the action's own repository at the
 * ref the workflow used, with this run's label, commits and inputs, then curl per host.
 */
import { describe, expect, it } from 'vitest';
import { parseCliArgs } from '../../../src/cli/args.js';
import {
  cliInvocation,
  reproduceCommand,
  reproduceCommands,
} from '../../../src/report/render-parts.js';
import { BASE_SHA, HEAD_SHA, context, plan } from './fixtures.js';

/** POSIX sh word splitting of what the comment shows (quotes as shellQuote writes them). */
function shellWords(line: string): string[] {
  const words: string[] = [];
  const pattern = /'((?:[^']|'\\'')*)'|"([^"]*)"|(\S+)/g;
  let word = '';
  let last = 0;
  for (let m = pattern.exec(line); m; m = pattern.exec(line)) {
    if (m.index > last && word) {
      words.push(word);
      word = '';
    }
    word += m[1] !== undefined ? m[1].replace(/'\\''/g, "'") : (m[2] ?? m[3] ?? '');
    last = m.index + m[0].length;
    if (line[last] === ' ' || last === line.length) {
      words.push(word);
      word = '';
    }
  }
  return words;
}

describe('cliInvocation', () => {
  it("runs the action's own repository at its ref with npx", () => {
    expect(cliInvocation({ repository: 'dwk/knative-action', ref: 'v1' })).toEqual([
      'npx',
      "'github:dwk/knative-action#v1'",
    ]);
    expect(cliInvocation({ repository: 'acme/knative-action', ref: 'release/1.2' })).toEqual([
      'npx',
      "'github:acme/knative-action#release/1.2'",
    ]);
    expect(cliInvocation({ repository: 'dwk/knative-action' })).toEqual([
      'npx',
      'github:dwk/knative-action',
    ]);
  });

  it('falls back to the package name when the runner names no repository (uses: ./, local runs)', () => {
    expect(cliInvocation(undefined)).toEqual(['npx', 'knative-action']);
    expect(cliInvocation({})).toEqual(['npx', 'knative-action']);
    expect(cliInvocation({ repository: "evil/x';rm -rf ~;'" })).toEqual(['npx', 'knative-action']);
    // A ref that is not a plain ref is left out, not quoted into the command.
    expect(cliInvocation({ repository: 'dwk/knative-action', ref: "v1' && curl x" })).toEqual([
      'npx',
      'github:dwk/knative-action',
    ]);
    expect(cliInvocation({ repository: 'dwk/knative-action', ref: '../../x' })).toEqual([
      'npx',
      'github:dwk/knative-action',
    ]);
  });
});

describe('reproduceCommand', () => {
  const action = { repository: 'dwk/knative-action', ref: 'v1' };

  it("carries the run's label and commits", () => {
    expect(reproduceCommand(plan(), { ...context, action }).join(' ')).toBe(
      `npx 'github:dwk/knative-action#v1' --labels canary-50 --base ${BASE_SHA} --head ${HEAD_SHA}`,
    );
  });

  it('adds the inputs that change what is previewed, quoted for the shell', () => {
    const words = reproduceCommand(plan(), {
      ...context,
      action,
      manifests: "deploy/it's here",
      build: ['api=services/api', 'web=web:docker/web.Dockerfile'],
      requests: 250,
      labelPrefix: 'split ',
    });
    const line = words.join(' ');
    expect(line).toContain(`--manifests 'deploy/it'\\''s here'`);
    expect(line).toContain('--build api=services/api --build web=web:docker/web.Dockerfile');
    expect(line).toContain('--requests 250');
    expect(line).toContain(`--input 'label-prefix=split '`);
    // The label does not start with this prefix, so it is not passed on.
    expect(line).not.toContain('--labels');
    // What a shell makes of it is exactly the options the command line parses.
    const args = parseCliArgs(shellWords(line).slice(2));
    expect(args).toMatchObject({
      manifests: "deploy/it's here",
      build: ['api=services/api', 'web=web:docker/web.Dockerfile'],
      requests: '250',
      input: ['label-prefix=split '],
      base: BASE_SHA,
      head: HEAD_SHA,
    });
  });

  it('matches the split label case-insensitively, as GitHub matches labels', () => {
    const line = reproduceCommand(
      plan({ split: { prPercent: 20, label: 'Canary-20', reason: '' } }),
      context,
    ).join(' ');
    expect(line).toContain('--labels Canary-20');
  });
});

describe('reproduceCommands', () => {
  it('is a collapsed sh block: the command, then curl per route and tag host', () => {
    const block = reproduceCommands(
      plan(),
      { ...context, action: { repository: 'dwk/knative-action', ref: 'v1' } },
      20,
    );
    expect(block).toContain('<summary>Reproduce locally</summary>');
    const code = /```sh\n([\s\S]*?)\n```/.exec(block)?.[1]?.split('\n');
    expect(code).toEqual([
      `npx 'github:dwk/knative-action#v1' --labels canary-50 --base ${BASE_SHA} --head ${HEAD_SHA}`,
      'curl -H "Host: hello.default.example.com" http://127.0.0.1:8081',
      'curl -H "Host: base-hello.default.example.com" http://127.0.0.1:8081',
      'curl -H "Host: pr-hello.default.example.com" http://127.0.0.1:8081',
    ]);
  });
});
