/**
 * The environment each external tool runs with: an allow-list, never the whole process
 * environment. The action's own process holds the GitHub token, every `INPUT_*` value and the
 * runner's internal variables; a tool gets only what it needs to work. Pure.
 */

/** The tools the action runs. */
export type ToolKind = 'git' | 'docker' | 'k3d' | 'kubectl';

/** Every tool: where programs are, the user, temp folders, locale, proxies. */
const COMMON: readonly string[] = [
  'PATH',
  'HOME',
  'USER',
  'LOGNAME',
  'TMPDIR',
  'TEMP',
  'TMP',
  'LANG',
  'LANGUAGE',
  'LC_*',
  'TZ',
  'HTTP_PROXY',
  'HTTPS_PROXY',
  'NO_PROXY',
  'http_proxy',
  'https_proxy',
  'no_proxy',
];

/** What each tool reads beyond that (documented client variables, not secrets of this run). */
const PER_TOOL: Record<ToolKind, readonly string[]> = {
  // Credentials for the remote come from the checkout's own git config, not the environment.
  git: ['GIT_SSH', 'GIT_SSH_COMMAND', 'SSH_AUTH_SOCK'],
  docker: ['DOCKER_*', 'BUILDKIT_*', 'BUILDX_*', 'XDG_RUNTIME_DIR'],
  k3d: ['DOCKER_*', 'K3D_*', 'XDG_RUNTIME_DIR'],
  // Exec credential plugins of managed clusters (gke-gcloud-auth-plugin, aws eks get-token,
  // kubelogin) read their cloud's variables. The action passes --kubeconfig, which wins over
  // KUBECONFIG; only reading the user's own kubeconfig on an existing cluster looks at it.
  kubectl: ['AWS_*', 'GOOGLE_*', 'CLOUDSDK_*', 'AZURE_*', 'KUBECACHEDIR', 'KUBECONFIG'],
};

/** Set for every run of a tool, whatever the environment says. */
const FORCED: Partial<Record<ToolKind, Record<string, string>>> = {
  // A git that wants a password must fail, not wait for a terminal that never answers.
  git: { GIT_TERMINAL_PROMPT: '0' },
};

function allowed(name: string, patterns: readonly string[]): boolean {
  return patterns.some((pattern) =>
    pattern.endsWith('*') ? name.startsWith(pattern.slice(0, -1)) : name === pattern,
  );
}

/** The variables of `env` that `kind` may see, plus the ones forced for it. */
export function toolEnvironment(
  kind: ToolKind,
  env: Readonly<Record<string, string | undefined>>,
): Record<string, string> {
  const patterns = [...COMMON, ...PER_TOOL[kind]];
  const result: Record<string, string> = {};
  for (const [name, value] of Object.entries(env)) {
    if (value !== undefined && allowed(name, patterns)) result[name] = value;
  }
  return { ...result, ...FORCED[kind] };
}
