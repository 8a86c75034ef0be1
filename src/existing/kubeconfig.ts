/**
 * The existing cluster's credentials, as one kubeconfig file of the run's own (mode 600 under
 * the run's work folder), holding only the current context:
 *   - the `kubeconfig` input (a secret's content), or
 *   - what kubectl itself would use: the files KUBECONFIG lists (merged, as kubectl merges
 *     them), else ~/.kube/config. That is what get-gke-credentials, `aws eks update-kubeconfig`
 *     and aks-set-context leave behind.
 * `kubectl config view --flatten --minify --raw` does the reading, so kubectl's own merge and
 * path rules apply; the result is written once and every later call passes `--kubeconfig`.
 * Nothing read here is ever logged; every secret in it is registered with the runner first.
 */
import { existsSync } from 'node:fs';
import { chmod, mkdir, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { parse } from 'yaml';
import { firstLine, UserError } from '../util/errors.js';
import type { ToolRunner } from '../util/tool-runner.js';

/** Secrets shorter than this are not masked: they would hide common words all over the log. */
const MIN_SECRET_LENGTH = 8;
/** User fields that hold credentials (client-go's AuthInfo). */
const SECRET_FIELDS = ['token', 'password', 'client-key-data', 'client-certificate-data'];

/**
 * Every credential in a kubeconfig's text (YAML or JSON), for the runner to mask. Text that is
 * not a kubeconfig still gets its values masked line by line: whatever it is, it came from a
 * secret. Pure.
 */
export function kubeconfigSecrets(text: string): string[] {
  let config: unknown;
  try {
    config = parse(text, { maxAliasCount: 50 });
  } catch {
    config = undefined;
  }
  const found = new Set<string>();
  const add = (value: unknown): void => {
    if (typeof value === 'string' && value.trim().length >= MIN_SECRET_LENGTH)
      found.add(value.trim());
  };
  const users = (config as { users?: unknown } | undefined)?.users;
  if (Array.isArray(users)) {
    for (const entry of users) {
      const user = (entry as { user?: Record<string, unknown> } | null)?.user;
      if (!user || typeof user !== 'object') continue;
      for (const field of SECRET_FIELDS) add(user[field]);
      const provider = user['auth-provider'] as { config?: Record<string, unknown> } | undefined;
      for (const value of Object.values(provider?.config ?? {})) add(value);
      const exec = user.exec as { env?: { value?: unknown }[] } | undefined;
      if (Array.isArray(exec?.env)) for (const variable of exec.env) add(variable?.value);
    }
  } else {
    // Not a kubeconfig we can read: mask each line's value (after `key:`) and each whole line.
    for (const line of text.split(/\r?\n/)) {
      add(line);
      add(/^[^:]*:\s*(.*)$/.exec(line)?.[1]?.replace(/^["']|["']$/g, ''));
    }
  }
  return [...found];
}

export interface PreparedKubeconfig {
  /** The run's own kubeconfig file (mode 600). */
  path: string;
  /** Its (only) context. */
  context: string;
  /** Where it came from, for the log: never its content. */
  source: string;
}

export interface PrepareKubeconfigOptions {
  /** The `kubeconfig` input; empty: KUBECONFIG or ~/.kube/config. */
  input: string;
  /** Folder of its own under the run's work folder. */
  dir: string;
  /** kubectl (its runner's allow-listed environment includes KUBECONFIG). */
  kubectl: ToolRunner;
  /** Registers a secret with the runner (core.setSecret). */
  registerSecret: (secret: string) => void;
  env?: Readonly<Record<string, string | undefined>>;
}

export async function prepareKubeconfig(
  options: PrepareKubeconfigOptions,
): Promise<PreparedKubeconfig> {
  const env = options.env ?? process.env;
  await mkdir(options.dir, { recursive: true, mode: 0o700 });
  const file = path.join(options.dir, 'kubeconfig');
  const inputFile = path.join(options.dir, 'kubeconfig-input');
  let source: string;
  const args = ['config', 'view', '--flatten', '--minify', '--raw', '-o', 'json'];
  if (options.input) {
    for (const secret of kubeconfigSecrets(options.input)) options.registerSecret(secret);
    await writeFile(inputFile, options.input, { mode: 0o600 });
    args.unshift('--kubeconfig', inputFile);
    source = "the 'kubeconfig' input";
  } else {
    source = defaultSource(env);
  }
  try {
    const result = await options.kubectl.run(args);
    if (result.exitCode !== 0) throw new UserError(unreadable(source, result.stderr));
    const text = result.stdout;
    for (const secret of kubeconfigSecrets(text)) options.registerSecret(secret);
    const context = currentContext(text);
    if (!context) throw new UserError(unreadable(source, 'it names no current context'));
    await writeFile(file, text, { mode: 0o600 });
    await chmod(file, 0o600);
    return { path: file, context, source };
  } finally {
    await rm(inputFile, { force: true });
  }
}

/** Which kubeconfig kubectl reads without --kubeconfig, or a clear error when there is none. */
function defaultSource(env: Readonly<Record<string, string | undefined>>): string {
  const listed = (env.KUBECONFIG ?? '').split(path.delimiter).filter(Boolean);
  if (listed.length > 0) {
    if (!listed.some((file) => existsSync(file)))
      throw new UserError(
        `KUBECONFIG names ${listed.map((f) => `'${f}'`).join(', ')}, but none of them exists. ${HOW_TO_CONNECT}`,
      );
    return `KUBECONFIG (${listed.join(', ')})`;
  }
  const home = env.HOME || os.homedir();
  const fallback = path.join(home, '.kube', 'config');
  if (!existsSync(fallback))
    throw new UserError(
      `No kubeconfig for the existing cluster: the 'kubeconfig' input is empty, KUBECONFIG is not set and ${fallback} does not exist. ${HOW_TO_CONNECT}`,
    );
  return fallback;
}

const HOW_TO_CONNECT =
  "Pass the kubeconfig's content as the 'kubeconfig' input (kubeconfig: ${{ secrets.KUBECONFIG }}), or run a step before this one that logs in to the cluster (google-github-actions/get-gke-credentials, aws eks update-kubeconfig, azure/aks-set-context).";

/** kubectl's complaint, without anything from the file itself (it may hold credentials). */
function unreadable(source: string, stderr: string): string {
  // kubectl's messages about a kubeconfig name fields and files, not their values; cut them short anyway.
  const reason = firstLine(stderr, 300);
  const said = reason ? `: ${reason}` : '';
  return `Cannot use the kubeconfig from ${source}${said}. It must be a valid kubeconfig with a current context (kubectl config use-context NAME).`;
}

function currentContext(json: string): string | undefined {
  try {
    const config = JSON.parse(json) as { 'current-context'?: unknown; contexts?: unknown };
    const name = config['current-context'];
    return typeof name === 'string' && name ? name : undefined;
  } catch {
    return undefined;
  }
}
