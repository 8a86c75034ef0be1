import { describe, expect, it } from 'vitest';
import { closestOption, parseCliArgs } from '../../../src/cli/args.js';
import { UsageError } from '../../../src/cli/usage-error.js';

function usageError(argv: string[]): string {
  try {
    parseCliArgs(argv);
  } catch (error) {
    expect(error).toBeInstanceOf(UsageError);
    return (error as Error).message;
  }
  throw new Error(`no error for ${argv.join(' ')}`);
}

describe('parseCliArgs', () => {
  it('reads every option, with a space or = before the value', () => {
    const args = parseCliArgs([
      '--labels',
      'canary-30',
      '--base=main',
      '--head',
      'feature/x',
      '--manifests',
      'deploy/knative',
      '--build',
      'api=services/api',
      '--build=web=web:docker/web.Dockerfile',
      '--requests',
      '200',
      '--cluster',
      'k3d',
      '--dry-run',
      '--keep-cluster',
      '--input',
      'domain=preview.dev',
      '--input=agents=1',
      '--json',
      '--debug',
    ]);
    expect(args).toEqual({
      labels: 'canary-30',
      base: 'main',
      head: 'feature/x',
      manifests: 'deploy/knative',
      requests: '200',
      cluster: 'k3d',
      build: ['api=services/api', 'web=web:docker/web.Dockerfile'],
      input: ['domain=preview.dev', 'agents=1'],
      dryRun: true,
      keepCluster: true,
      json: true,
      debug: true,
      help: false,
    });
  });

  it('defaults to nothing set', () => {
    expect(parseCliArgs([])).toEqual({
      build: [],
      input: [],
      dryRun: false,
      keepCluster: false,
      json: false,
      debug: false,
      help: false,
    });
  });

  it('takes -h and --help, and booleans as =true / =false', () => {
    expect(parseCliArgs(['-h']).help).toBe(true);
    expect(parseCliArgs(['--help']).help).toBe(true);
    expect(parseCliArgs(['--dry-run=false']).dryRun).toBe(false);
    expect(parseCliArgs(['--dry-run=true']).dryRun).toBe(true);
  });

  it('keeps an empty value given with =', () => {
    expect(parseCliArgs(['--labels=']).labels).toBe('');
  });

  it('names an unknown option and the one it probably meant', () => {
    expect(usageError(['--lables', 'canary-5'])).toBe(
      "Unknown option '--lables'. Did you mean --labels? Run knative-action --help for the options.",
    );
    expect(usageError(['--dryrun'])).toContain('Did you mean --dry-run?');
    expect(usageError(['--keep'])).toContain('Did you mean --keep-cluster?');
    expect(usageError(['--frobnicate=1'])).toBe(
      "Unknown option '--frobnicate'. Run knative-action --help for the options.",
    );
    expect(usageError(['-x'])).toContain("Unknown option '-x'.");
  });

  it('says that a value is missing, also when the next word is another option', () => {
    expect(usageError(['--base'])).toBe(
      '--base needs a value (REF). Run knative-action --help for the options.',
    );
    expect(usageError(['--labels', '--dry-run'])).toBe(
      '--labels needs a value (LIST), but the next argument is the option --dry-run. Run knative-action --help for the options.',
    );
  });

  it('refuses a value for a flag, positional arguments and a string option given twice', () => {
    expect(usageError(['--dry-run=yes'])).toContain(
      "--dry-run takes no value (or =true / =false), got 'yes'",
    );
    expect(usageError(['feature'])).toContain(
      "Unexpected argument 'feature': knative-action takes options only. To preview another commit or branch, use --head feature.",
    );
    expect(usageError(['--', 'x'])).toContain("Unexpected argument 'x'");
    expect(usageError(['--base', 'a', '--base', 'b'])).toBe(
      "--base is given twice ('a' and 'b'); give it once.",
    );
    // The same value twice is harmless.
    expect(parseCliArgs(['--base', 'a', '--base', 'a']).base).toBe('a');
  });
});

describe('closestOption', () => {
  it('suggests within two edits, or the one option a prefix starts', () => {
    expect(closestOption('lable')).toBe('labels');
    expect(closestOption('manifest')).toBe('manifests');
    expect(closestOption('kee')).toBe('keep-cluster');
    expect(closestOption('zzzzzz')).toBeUndefined();
  });
});
