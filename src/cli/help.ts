/** The --help text, from the option table. Pure. */
import { OPTIONS } from './args.js';

const WIDTH = 100;
const COLUMN = 32;

export function helpText(inputNames: readonly string[]): string {
  const options = OPTIONS.map((o) => {
    const name = `  ${o.short ? `-${o.short}, ` : ''}--${o.name}${o.value ? ` ${o.value}` : ''}`;
    const help = wrap(o.help, WIDTH - COLUMN);
    const first =
      name.length < COLUMN
        ? name.padEnd(COLUMN) + help[0]
        : `${name}\n${' '.repeat(COLUMN)}${help[0]}`;
    return [first, ...help.slice(1).map((line) => ' '.repeat(COLUMN) + line)].join('\n');
  });
  return `knative-action: the Knative pull-request preview, from a terminal, in any git repository.

Usage: npx github:dwk/knative-action#v1 [options]
       knative-action [options]            (when installed)

Plans the base and PR revisions of the Knative Services under --manifests, brings up a k3d
cluster with Knative Serving and Contour, builds the --build images, deploys base and PR with
the split from --labels, sends --requests requests through the ingress, judges the observed split
and prints the report. The cluster is deleted at the end unless --keep-cluster is given.

With --cluster existing the preview goes to the cluster of your current kubeconfig context,
which must run Knative Serving, in the namespace <repo>-local (or --input namespace=NAME). It
stays there for the ttl (--input ttl=7d) and is updated by the next run; nothing cluster-wide is
changed. --build then pushes to --input registry=HOST/OWNER (docker login to it first).

Options:
${options.join('\n')}

Inputs for --input (the action's inputs, same values and checks):
${wrap(inputNames.join(', '), WIDTH - 2)
  .map((line) => `  ${line}`)
  .join('\n')}

Commits: the PR side is --head (default HEAD) as committed. Uncommitted changes under the
manifests or a build context are refused (commit or stash them first); changes elsewhere do not
matter. Another --head is checked out in a temporary worktree; your working tree is not touched.

Needs: git. Everything but --dry-run needs a running Docker engine (check it with docker info),
except --cluster existing without --build.
k3d, kubectl (when not on PATH) and the Knative release files are downloaded and sha256-verified.

Examples:
  knative-action --dry-run --labels canary-30
      plan only: revisions, a 30/70 split and the rendered manifests; no Docker needed
  knative-action --labels canary-50 --build app=app
      the full preview, building ./app for the base and the PR
  knative-action --base main --head my-branch --manifests deploy/knative
  knative-action --labels canary-20 --keep-cluster --input domain=preview.dev
  knative-action --labels canary-50 --json > report.json
  knative-action --cluster existing --labels canary-50 --input ingress-address=127.0.0.1:8080
      a preview that stays on your cluster; the probe goes through that ingress address

Exit codes: 0 done; 1 the preview failed, or the split deviates (with fail-on-deviation);
2 refused to start (an unknown option, a bad value, an unknown ref, uncommitted changes, no Docker).
`;
}

function wrap(text: string, width: number): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(/\s+/).filter(Boolean)) {
    if (line && line.length + 1 + word.length > width) {
      lines.push(line);
      line = word;
    } else line = line ? `${line} ${word}` : word;
  }
  if (line || lines.length === 0) lines.push(line);
  return lines;
}
