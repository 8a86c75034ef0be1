import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { parseCliArgs } from '../../../src/cli/args.js';
import { cliInputs, inOptionTerms, knownInputNames, readConfig } from '../../../src/cli/inputs.js';
import { UsageError } from '../../../src/cli/usage-error.js';
import { parseInputs, type InputReader } from '../../../src/config/inputs.js';

const repoRoot = path.resolve(import.meta.dirname, '../../..');
const configOf = (...argv: string[]) => readConfig(cliInputs(parseCliArgs(argv)));

function usageError(work: () => unknown): string {
  try {
    work();
  } catch (error) {
    expect(error).toBeInstanceOf(UsageError);
    return (error as Error).message;
  }
  throw new Error('no error');
}

describe('options to inputs', () => {
  it('maps the dedicated options and --input to input names', () => {
    expect(
      cliInputs(
        parseCliArgs([
          '--labels',
          'canary-30,preview',
          '--build',
          'api=api',
          '--build',
          'web=web',
          '--requests',
          '50',
          '--dry-run',
          '--keep-cluster',
          '--manifests',
          'k8s',
          '--input',
          'domain=preview.dev',
          '--input',
          'k3d-args=--verbose',
        ]),
      ),
    ).toEqual({
      labels: 'canary-30,preview',
      build: 'api=api\nweb=web',
      requests: '50',
      'dry-run': 'true',
      'keep-cluster': 'true',
      manifests: 'k8s',
      domain: 'preview.dev',
      'k3d-args': '--verbose',
    });
  });

  it('gives the action config the action would get', () => {
    const config = configOf(
      '--labels',
      'canary-30',
      '--build',
      'app=app',
      '--requests',
      '120',
      '--input',
      'domain=preview.dev',
    );
    expect(config).toMatchObject({
      labelOverride: ['canary-30'],
      build: ['app=app'],
      requests: 120,
      domain: 'preview.dev',
      manifests: 'knative',
      dryRun: false,
      comment: 'always',
    });
  });

  it("names the option in parseInputs' errors", () => {
    expect(usageError(() => configOf('--requests', 'lots'))).toBe(
      "--requests has the value 'lots', which is not allowed: expected a whole number from 1 to 100000.",
    );
    expect(usageError(() => configOf('--input', 'agents=9'))).toBe(
      "--input agents has the value '9', which is not allowed: expected a whole number from 0 to 5.",
    );
    expect(usageError(() => configOf('--build', 'app=app', '--build', 'Bad Name=x'))).toMatch(
      /^--build 'Bad Name=x': 'Bad Name' is not a valid image name/,
    );
    expect(usageError(() => configOf('--build', 'app=../elsewhere'))).toMatch(
      /^--build 'app=\.\.\/elsewhere': the context '\.\.\/elsewhere' must be a path inside the repository/,
    );
  });

  it('refuses unknown, malformed, doubled and meaningless --input names', () => {
    expect(usageError(() => configOf('--input', 'domian=x.dev'))).toMatch(
      /^Unknown input 'domian' in --input\. The inputs are: .*\bdomain\b/,
    );
    expect(usageError(() => configOf('--input', 'domain'))).toBe(
      "--input takes NAME=VALUE (e.g. --input domain=preview.dev), got 'domain'.",
    );
    expect(usageError(() => configOf('--labels', 'a', '--input', 'labels=b'))).toBe(
      "The input 'labels' is given by both --labels and --input; use one.",
    );
    expect(usageError(() => configOf('--input', 'agents=1', '--input', 'agents=2'))).toBe(
      '--input agents is given twice; give it once.',
    );
    expect(usageError(() => configOf('--input', 'github-token=ghp_x'))).toMatch(
      /^--input github-token is not used here: the command line writes no PR comment/,
    );
    expect(usageError(() => configOf('--input', 'comment=off'))).toMatch(
      /^--input comment is not used here/,
    );
  });

  it('refuses a --cluster that is neither k3d nor existing', () => {
    expect(usageError(() => configOf('--cluster', 'kind'))).toBe(
      "--cluster is 'kind'; use k3d (the default) or existing.",
    );
    expect(configOf('--cluster', 'k3d').cluster).toBe('k3d');
    expect(configOf('--cluster', 'existing').cluster).toBe('existing');
  });

  it('passes --cluster on as the cluster input once the action reads one', () => {
    const seen: Record<string, string> = {};
    const withCluster = (read: InputReader) => {
      seen.cluster = read('cluster');
      return parseInputs(read);
    };
    readConfig(cliInputs(parseCliArgs(['--cluster', 'existing'])), withCluster);
    expect(seen.cluster).toBe('existing');
  });

  it("knows every input of action.yml (so --input covers the action's inputs)", () => {
    const action = parse(readFileSync(path.join(repoRoot, 'action.yml'), 'utf8')) as {
      inputs: Record<string, unknown>;
    };
    const known = knownInputNames();
    expect(Object.keys(action.inputs).filter((name) => !known.has(name))).toEqual([]);
  });
});

describe('inOptionTerms', () => {
  it('rewrites only the leading input name', () => {
    expect(inOptionTerms("Input 'labels' has the value 'x'")).toBe("--labels has the value 'x'");
    expect(inOptionTerms("Input 'domain' has the value 'x'")).toBe(
      "--input domain has the value 'x'",
    );
    expect(inOptionTerms("Input 'k3d-args', line 2 ('--x'): bad")).toBe(
      "--input k3d-args, line 2 ('--x'): bad",
    );
    expect(inOptionTerms('Something else about Input')).toBe('Something else about Input');
    expect(inOptionTerms("No manifests: set the 'manifests' input, or the 'domain' input.")).toBe(
      'No manifests: set --manifests, or --input domain.',
    );
    expect(usageError(() => configOf('--manifests', '../outside'))).toMatch(
      /^--manifests '\.\.\/outside' climbs out of the workspace/,
    );
  });
});
