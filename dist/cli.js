#!/usr/bin/env node
import { createRequire as __createRequire } from 'node:module';
const require = __createRequire(import.meta.url);
import {
  comparisonText,
  curlCommands,
  existingTarget,
  headline,
  isCompared,
  k3dProvider,
  makePlan,
  milliseconds,
  parseBuildLines,
  parseInputs,
  percent,
  runPreview,
  verdictLine,
  writePlanFiles
} from "./chunks/chunk-7FE4UMJP.js";
import {
  StepState,
  UserError,
  cleanup,
  createToolRunner,
  errorMessage,
  firstLine,
  localNamespaceName,
  setLog,
  shellQuote,
  stripUnsafe,
  toolEnvironment,
  truncate
} from "./chunks/chunk-4WJUX77I.js";

// src/cli/main.ts
import { mkdtemp as mkdtemp2 } from "node:fs/promises";
import os from "node:os";
import path3 from "node:path";

// src/report/render-text.ts
var same = (text) => text;
var PLAIN_TEXT = {
  bold: same,
  dim: same,
  red: same,
  green: same,
  yellow: same,
  cyan: same
};
var STATUS_COLOURS = {
  consistent: "green",
  deviates: "yellow",
  unmeasurable: "yellow",
  failed: "red",
  planned: "cyan",
  deploying: "cyan"
};
function renderTextReport(input) {
  const { plan, report } = input;
  const style = input.style ?? PLAIN_TEXT;
  const maxRows = input.maxRows ?? 50;
  const colour = style[STATUS_COLOURS[report.status]];
  const parts = [style.bold(colour(textOf(headline(report).replace(/^#+\s*/, ""))))];
  parts.push(commitsText(plan));
  parts.push(`Split: ${clean(plan.split.reason, 300).replace(/([^.!?])$/, "$1.")}`);
  if (report.failure) {
    parts.push(
      `${style.red(`Phase ${clean(report.failure.phase, 80)} failed:`)}
${indent(clean(report.failure.message, 4e3, true))}`
    );
  }
  for (const regression of report.regressions ?? []) {
    const line = `Regression: ${clean(regression.message, 800)}`;
    parts.push(
      regression.failsRun ? style.red(line) : style.yellow(`${line} (reported only: fail-on-regression is off)`)
    );
  }
  const plans = new Map(plan.services.map((s) => [s.name, s]));
  for (const result of report.services)
    parts.push(serviceText(plans.get(result.service), result, style, maxRows));
  if (report.autoscaler) {
    const settings = Object.entries(report.autoscaler).map(([key, value]) => `${clean(key, 60)} ${clean(value, 40)}`).join(", ");
    parts.push(
      `To measure cold starts in seconds, this run shortened Knative's autoscaler windows in its ephemeral cluster (config-autoscaler ${settings}).`
    );
  }
  if (report.services.length === 0) parts.push(planText(plan, style));
  const timings = timingsText(report.timings, style);
  if (timings) parts.push(timings);
  return `${parts.join("\n\n")}
`;
}
function commitsText(plan) {
  const side = (sha, ref) => `${sha.slice(0, 7)}${ref ? ` (${clean(ref, 80)})` : ""}`;
  const parts = [];
  if (plan.baseSha) parts.push(`Base ${side(plan.baseSha, plan.pullRequest?.baseRef)}`);
  parts.push(`PR ${side(plan.headSha, plan.pullRequest?.headRef)}`);
  return parts.join(" \xB7 ");
}
function planText(plan, style = PLAIN_TEXT) {
  if (plan.services.length === 0) return "No plan: the run failed before it was made.";
  const rows = plan.services.map((s) => [
    clean(s.name, 80),
    clean(s.namespace, 80),
    s.mode,
    s.revisions.base ? clean(s.revisions.base, 80) : "\u2013",
    clean(s.revisions.pr, 80),
    s.traffic.map((t) => {
      const target = t.revisionName ?? (t.latestRevision ? "latest" : "?");
      return `${clean(target, 80)} ${t.percent}%`;
    }).join(", ")
  ]);
  const notes = plan.services.filter((s) => s.note && s.mode !== "canary").map((s) => `${clean(s.name, 80)}: ${clean(s.note ?? "", 300)}`);
  const table = textTable(
    ["Service", "Namespace", "Mode", "Base revision", "PR revision", "Traffic"],
    rows,
    style
  );
  return [style.bold("Plan"), table, ...notes].join("\n");
}
function serviceText(service, result, style, maxRows) {
  const lines = [
    style.bold(`Service ${clean(result.service, 80)} in namespace ${clean(result.namespace, 80)}`)
  ];
  if (service?.note && service.mode !== "canary") lines.push(clean(service.note, 300));
  lines.push(trafficText(result, style, maxRows));
  lines.push(verdictText(result, style));
  if (isCompared(result.comparison)) {
    lines.push("", comparisonText(result.service, result.namespace, result.comparison));
  } else if (result.comparison) {
    lines.push("", `PR vs base: not compared: ${clean(result.comparison.reason, 300)}.`);
  }
  if (result.tagChecks.length) lines.push("", tagChecksText(result.tagChecks, style, maxRows));
  if (result.unattributed.samples.length && result.unattributed.count > 0) {
    const sample = result.unattributed.samples[0] ?? "";
    lines.push(`Unattributed answer, e.g.: ${clean(sample, 200)}`);
  }
  const host = result.host || service?.host;
  const route = result.links?.route ?? (host ? `http://${host}` : void 0);
  if (route) {
    const tags = result.links ? [result.links.base, result.links.pr] : [service?.tagHosts.base, service?.tagHosts.pr].map((h) => h && `http://${h}`);
    const shown = tags.filter((url) => Boolean(url)).map((url) => clean(url, 200));
    lines.push(`Route ${clean(route, 200)}${shown.length ? `; tags ${shown.join(", ")}` : ""}`);
  }
  return lines.join("\n");
}
function trafficText(result, style, maxRows) {
  const rows = result.revisions.slice(0, maxRows).map((r) => [
    clean(r.revision, 80),
    r.side === "pr" ? "PR" : "base",
    `${r.configuredPercent}%`,
    String(r.responses),
    r.responses === 0 ? "\u2013" : `${percent(r.observedPercent)} (${r.interval.low.toFixed(1)}\u2013${r.interval.high.toFixed(1)})`,
    String(r.errors),
    r.responses === 0 ? "\u2013" : milliseconds(r.latencyMs.p50),
    r.responses === 0 ? "\u2013" : milliseconds(r.latencyMs.p95)
  ]);
  if (result.unattributed.count > 0)
    rows.push([
      "unattributed",
      "\u2013",
      "\u2013",
      String(result.unattributed.count),
      "\u2013",
      String(result.unattributed.errors),
      "\u2013",
      "\u2013"
    ]);
  const table = textTable(
    ["Revision", "Side", "Configured", "Responses", "Observed (95% CI)", "Errors", "p50", "p95"],
    rows,
    style,
    ["l", "l", "r", "r", "r", "r", "r", "r"]
  );
  return withHidden(table, result.revisions.length - maxRows, "revisions");
}
function verdictText(result, style) {
  const text = wrap(textOf(verdictLine(result)), PROSE_WIDTH);
  const colour = result.verdict === "consistent" ? style.green : result.verdict === "deviates" ? style.red : style.yellow;
  return text.replace(/Verdict: [a-z]+/, (word) => style.bold(colour(word)));
}
function tagChecksText(checks, style, maxRows) {
  const rows = checks.slice(0, maxRows).map((t) => [
    clean(t.tag, 60),
    `http://${clean(t.host, 120)}`,
    clean(t.expectedRevision, 80),
    `${t.matched === t.requests ? style.green("\u2714") : style.red("\u2716")} ${t.matched}/${t.requests}`,
    clean(t.sample, 60)
  ]);
  const table = textTable(
    ["Tag", "URL", "Expected revision", "Matched", "Sample answer"],
    rows,
    style,
    ["l", "l", "l", "r", "l"]
  );
  return `${style.bold("Tag checks")}
${withHidden(table, checks.length - maxRows, "tag checks")}`;
}
function timingsText(timings, style = PLAIN_TEXT) {
  const entries = Object.entries(timings);
  if (entries.length === 0) return "";
  const total = entries.reduce((sum, [, s]) => sum + s, 0);
  const rows = entries.map(([phase, seconds]) => [clean(phase, 60), `${seconds.toFixed(1)} s`]);
  rows.push(["total", `${total.toFixed(1)} s`]);
  return `${style.bold("Phase timings")}
${textTable(["Phase", "Duration"], rows, style, ["l", "r"])}`;
}
function textTable(header, rows, style = PLAIN_TEXT, align = []) {
  const widths = header.map(
    (h, i) => Math.max(visibleLength(h), ...rows.map((row) => visibleLength(row[i] ?? "")))
  );
  const line = (cells) => cells.map((cell, i) => {
    const pad = " ".repeat(Math.max(0, (widths[i] ?? 0) - visibleLength(cell)));
    return align[i] === "r" ? pad + cell : cell + pad;
  }).join("  ").trimEnd();
  return [
    style.bold(line(header)),
    style.dim(widths.map((w) => "\u2500".repeat(w)).join("  ")),
    ...rows.map(line)
  ].join("\n");
}
function visibleLength(text) {
  return Array.from(text.replace(/\u001b\[[0-9;]*m/g, "")).length;
}
var PROSE_WIDTH = 100;
function wrap(text, width) {
  const lines = [];
  let line = "";
  for (const word of text.split(" ")) {
    if (line && Array.from(line).length + 1 + Array.from(word).length > width) {
      lines.push(line);
      line = word;
    } else line = line ? `${line} ${word}` : word;
  }
  lines.push(line);
  return lines.join("\n");
}
function withHidden(text, hidden, what) {
  return hidden > 0 ? `${text}
${hidden} more ${what} not shown.` : text;
}
function indent(text) {
  return text.split("\n").map((line) => `  ${line}`).join("\n");
}
function clean(text, max, multiline = false) {
  const safe = stripUnsafe(text.length > 4 * max + 64 ? text.slice(0, 4 * max + 64) : text);
  return truncate(multiline ? safe : safe.replace(/\s*\n\s*/g, " "), max);
}
function textOf(markdown) {
  const out = [];
  const span = /(`+)([\s\S]*?[^`])\1(?!`)/g;
  let last = 0;
  for (let match = span.exec(markdown); match; match = span.exec(markdown)) {
    out.push(prose(markdown.slice(last, match.index)));
    let content = match[2];
    if (content.startsWith(" ") && content.endsWith(" ") && content.trim())
      content = content.slice(1, -1);
    out.push(content.replace(/\\\|/g, "|"));
    last = match.index + match[0].length;
  }
  out.push(prose(markdown.slice(last)));
  return stripUnsafe(out.join("")).replace(/\u200d/g, "");
}
function prose(text) {
  return text.replace(/\*\*/g, "").replace(/(^|[\s(])_(\S[^_]*?)_(?=$|[\s).,;:])/g, "$1$2").replace(/<br>/g, ", ").replace(/&#(\d+);/g, (_m, code) => String.fromCodePoint(Number(code)));
}

// src/cli/usage-error.ts
var UsageError = class extends UserError {
  constructor(message) {
    super(message);
    this.name = "UsageError";
  }
};

// src/cli/args.ts
var OPTIONS = [
  {
    name: "labels",
    kind: "string",
    value: "LIST",
    help: "comma-separated PR labels, e.g. canary-30 (PR 30%, base 70%); default: none, so the PR revision gets 100%"
  },
  {
    name: "base",
    kind: "string",
    value: "REF",
    help: "base commit: default the merge base of HEAD with the default branch (origin/HEAD, else main, else master) when that is not HEAD itself, else HEAD~1"
  },
  {
    name: "head",
    kind: "string",
    value: "REF",
    help: "PR commit (default HEAD). The preview is of commits: uncommitted changes under the manifests or a build context are refused (commit or stash them); another ref is checked out in a temporary worktree"
  },
  {
    name: "manifests",
    kind: "string",
    value: "PATH",
    help: "folder or file of the Knative manifests, relative to the repository root (default knative)"
  },
  {
    name: "build",
    kind: "list",
    value: "NAME=DIR[:DOCKERFILE]",
    help: "image to build for both sides, tagged dev.local/NAME:<sha7>; repeat for more images"
  },
  {
    name: "requests",
    kind: "string",
    value: "N",
    help: "requests the probe sends to each route (default 400)"
  },
  {
    name: "cluster",
    kind: "string",
    value: "k3d|existing",
    help: "k3d (default): an ephemeral k3d cluster, deleted at the end; existing: the cluster of the current kubeconfig context"
  },
  {
    name: "dry-run",
    kind: "boolean",
    help: "plan only (revisions, traffic, rendered manifests): no Docker, no cluster"
  },
  {
    name: "keep-cluster",
    kind: "boolean",
    help: "leave the cluster running and print the kubectl/curl commands to poke at it"
  },
  {
    name: "input",
    kind: "list",
    value: "NAME=VALUE",
    help: "any other action input, e.g. --input domain=preview.dev; repeat for more"
  },
  {
    name: "json",
    kind: "boolean",
    help: "print the report as JSON (the action's `report` output) instead of text"
  },
  {
    name: "debug",
    kind: "boolean",
    help: "show debug lines and, on an unexpected error, its stack (also KNATIVE_ACTION_DEBUG=1)"
  },
  { name: "help", kind: "boolean", short: "h", help: "show this help" }
];
var HELP_HINT = "Run knative-action --help for the options.";
function parseCliArgs(argv) {
  const strings = /* @__PURE__ */ new Map();
  const lists = /* @__PURE__ */ new Map();
  const flags = /* @__PURE__ */ new Map();
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === "--") {
      const rest = argv.slice(i + 1);
      if (rest.length) throw unexpected(rest[0]);
      break;
    }
    const spec = optionOf(arg);
    if (!spec) throw unexpected(arg);
    const eq = arg.startsWith("--") ? arg.indexOf("=") : -1;
    const inline = eq >= 0 ? arg.slice(eq + 1) : void 0;
    if (spec.kind === "boolean") {
      flags.set(spec.name, booleanValue(spec, inline));
      continue;
    }
    let value = inline;
    if (value === void 0) {
      const next = argv[i + 1];
      if (next === void 0 || next.startsWith("-") && next !== "-")
        throw new UsageError(
          `--${spec.name} needs a value (${spec.value})${next === void 0 ? "" : `, but the next argument is the option ${next}`}. ${HELP_HINT}`
        );
      value = next;
      i++;
    }
    if (spec.kind === "list") lists.set(spec.name, [...lists.get(spec.name) ?? [], value]);
    else {
      const before = strings.get(spec.name);
      if (before !== void 0 && before !== value)
        throw new UsageError(
          `--${spec.name} is given twice ('${before}' and '${value}'); give it once.`
        );
      strings.set(spec.name, value);
    }
  }
  return {
    labels: strings.get("labels"),
    base: strings.get("base"),
    head: strings.get("head"),
    manifests: strings.get("manifests"),
    requests: strings.get("requests"),
    cluster: strings.get("cluster"),
    build: lists.get("build") ?? [],
    input: lists.get("input") ?? [],
    dryRun: flags.get("dry-run") ?? false,
    keepCluster: flags.get("keep-cluster") ?? false,
    json: flags.get("json") ?? false,
    debug: flags.get("debug") ?? false,
    help: flags.get("help") ?? false
  };
}
function optionOf(arg) {
  if (arg.startsWith("--")) {
    const name = arg.slice(2).split("=")[0];
    return OPTIONS.find((o) => o.name === name);
  }
  if (/^-[A-Za-z]$/.test(arg)) return OPTIONS.find((o) => o.short === arg.slice(1));
  return void 0;
}
function booleanValue(spec, inline) {
  if (inline === void 0 || inline === "true") return true;
  if (inline === "false") return false;
  throw new UsageError(
    `--${spec.name} takes no value (or =true / =false), got '${inline}'. ${HELP_HINT}`
  );
}
function unexpected(arg) {
  if (!arg.startsWith("-")) {
    return new UsageError(
      `Unexpected argument '${arg}': knative-action takes options only. To preview another commit or branch, use --head ${arg}. ${HELP_HINT}`
    );
  }
  const name = arg.replace(/^-+/, "").split("=")[0] ?? "";
  const suggestion = closestOption(name);
  return new UsageError(
    `Unknown option '${arg.split("=")[0]}'.${suggestion ? ` Did you mean --${suggestion}?` : ""} ${HELP_HINT}`
  );
}
function closestOption(name) {
  const lower = name.toLowerCase();
  const starting = OPTIONS.filter((o) => lower.length >= 3 && o.name.startsWith(lower));
  if (starting.length === 1) return starting[0]?.name;
  let best;
  for (const option of OPTIONS) {
    const distance = editDistance(lower, option.name);
    if (distance <= 2 && (!best || distance < best.distance))
      best = { name: option.name, distance };
  }
  return best?.name;
}
function editDistance(a, b) {
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      const substitution = previous[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1);
      current.push(
        Math.min(previous[j] + 1, current[j - 1] + 1, substitution)
      );
    }
    previous = current;
  }
  return previous[b.length];
}

// src/cli/docker-engine.ts
import { execFile } from "node:child_process";
var DOCKER_CHECK_TIMEOUT_MS = 15e3;
function checkDockerEngine(env = process.env, timeoutMs = DOCKER_CHECK_TIMEOUT_MS) {
  return new Promise((resolve) => {
    execFile(
      "docker",
      ["info", "--format", "{{.ServerVersion}}"],
      { env: toolEnvironment("docker", env), timeout: timeoutMs, killSignal: "SIGKILL" },
      (error, stdout, stderr) => {
        const version = String(stdout).trim();
        if (!error && version) return resolve({ running: true, version });
        const code = error?.code;
        const detail = String(stderr).trim().split("\n").filter(Boolean).slice(-1)[0];
        resolve({
          running: false,
          reason: code === "ENOENT" ? "there is no `docker` command on PATH" : error?.killed ? `\`docker info\` did not answer within ${Math.round(timeoutMs / 1e3)} s` : `\`docker info\` failed${detail ? `: ${detail}` : ""}`
        });
      }
    );
  });
}
function dockerNeeded(reason, why) {
  const end = /[.?!]$/.test(reason) ? "" : ".";
  return new UsageError(
    `This run needs a Docker engine (${why}), but ${reason}${end} Check it with \`docker info\` (start Docker Desktop, or the docker service), then run again. --dry-run plans without Docker.`
  );
}

// src/cli/git-refs.ts
var DEFAULT_BRANCH_CANDIDATES = ["main", "master"];
async function resolveRefs(git, cwd, options) {
  const top = await git.run(["rev-parse", "--show-toplevel"], { cwd });
  if (top.exitCode !== 0)
    throw new UsageError(
      `${cwd} is not inside a git repository (git says: ${firstLine(top.stderr) || "nothing"}). Run knative-action from a clone of the repository to preview.`
    );
  const toplevel = top.stdout.trim();
  const run = (args) => git.run(args, { cwd: toplevel });
  const commitOf = async (ref) => {
    if (!ref || ref.startsWith("-")) return void 0;
    const result = await run(["rev-parse", "--verify", "--quiet", `${ref}^{commit}`]);
    return result.exitCode === 0 ? result.stdout.trim() : void 0;
  };
  const requireCommit = async (ref, option) => {
    const sha = await commitOf(ref);
    if (!sha)
      throw new UsageError(
        `${option} '${ref}' is not a commit in this repository. Check the spelling, or fetch it first (e.g. git fetch origin ${ref.startsWith("-") ? "REF" : ref}).`
      );
    return sha;
  };
  const checkedOut = await commitOf("HEAD");
  if (!checkedOut && options.head === void 0)
    throw new UsageError("The repository has no commits yet: commit the service, then run again.");
  const headSha = await requireCommit(options.head ?? "HEAD", "--head");
  const branch = await run(["symbolic-ref", "--quiet", "--short", "HEAD"]);
  const headRef = options.head ?? (branch.exitCode === 0 ? branch.stdout.trim() || "HEAD" : "HEAD");
  const common = { toplevel, headSha, headRef, headIsCheckout: headSha === checkedOut };
  if (options.base !== void 0) {
    const baseSha = await requireCommit(options.base, "--base");
    return { ...common, baseSha, baseRef: options.base, baseReason: "given by --base" };
  }
  const defaultBranch = await findDefaultBranch(run, commitOf);
  if (defaultBranch) {
    const mergeBase = await run(["merge-base", headSha, defaultBranch]);
    const sha = mergeBase.exitCode === 0 ? mergeBase.stdout.trim() : "";
    if (sha && sha !== headSha)
      return {
        ...common,
        baseSha: sha,
        baseRef: defaultBranch,
        baseReason: `the merge base of ${headRef} with the default branch ${defaultBranch}`
      };
  }
  const parent = await commitOf(`${headSha}~1`);
  if (!parent)
    throw new UsageError(
      `${headRef} (${headSha.slice(0, 7)}) has no parent commit, so there is no base to compare it with. Pass --base REF.`
    );
  return {
    ...common,
    baseSha: parent,
    baseRef: `${headRef}~1`,
    baseReason: !defaultBranch ? `the parent of ${headRef} (no origin/HEAD, main or master to take a merge base with)` : headRef === defaultBranch || defaultBranch === `origin/${headRef}` ? `the parent of ${headRef}, the default branch` : `the parent of ${headRef} (it has no commits of its own beyond the default branch ${defaultBranch})`
  };
}
async function findDefaultBranch(run, commitOf) {
  const originHead = await run(["symbolic-ref", "--quiet", "--short", "refs/remotes/origin/HEAD"]);
  const remote = originHead.stdout.trim();
  if (originHead.exitCode === 0 && remote && await commitOf(remote)) return remote;
  for (const name of DEFAULT_BRANCH_CANDIDATES)
    if (await commitOf(`refs/heads/${name}`)) return name;
  return void 0;
}
async function uncommittedChanges(git, toplevel, paths) {
  const result = await git.runOk(
    [
      "--literal-pathspecs",
      "status",
      "--porcelain=v1",
      "-z",
      "--untracked-files=all",
      "--",
      ...paths
    ],
    { cwd: toplevel }
  );
  const changed = [];
  const records = result.stdout.split("\0");
  for (let i = 0; i < records.length; i++) {
    const record = records[i];
    if (record.length < 4) continue;
    changed.push(record.slice(3));
    if (/^[RC]/.test(record)) i++;
  }
  return changed;
}

// src/cli/head-checkout.ts
import { mkdtemp, rm } from "node:fs/promises";
import { rmSync } from "node:fs";
import path from "node:path";
async function checkoutHead(git, toplevel, sha, tempRoot) {
  const dir = await mkdtemp(path.join(tempRoot, "head-"));
  await git.runOk(["worktree", "add", "--detach", dir, sha], { cwd: toplevel });
  const onExit = () => rmSync(dir, { recursive: true, force: true });
  process.once("exit", onExit);
  return {
    dir,
    async remove() {
      process.off("exit", onExit);
      await git.run(["worktree", "remove", "--force", dir], { cwd: toplevel });
      await rm(dir, { recursive: true, force: true });
    }
  };
}

// src/cli/help.ts
var WIDTH = 100;
var COLUMN = 32;
function helpText(inputNames) {
  const options = OPTIONS.map((o) => {
    const name = `  ${o.short ? `-${o.short}, ` : ""}--${o.name}${o.value ? ` ${o.value}` : ""}`;
    const help = wrap2(o.help, WIDTH - COLUMN);
    const first = name.length < COLUMN ? name.padEnd(COLUMN) + help[0] : `${name}
${" ".repeat(COLUMN)}${help[0]}`;
    return [first, ...help.slice(1).map((line) => " ".repeat(COLUMN) + line)].join("\n");
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
${options.join("\n")}

Inputs for --input (the action's inputs, same values and checks):
${wrap2(inputNames.join(", "), WIDTH - 2).map((line) => `  ${line}`).join("\n")}

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
function wrap2(text, width) {
  const lines = [];
  let line = "";
  for (const word of text.split(/\s+/).filter(Boolean)) {
    if (line && line.length + 1 + word.length > width) {
      lines.push(line);
      line = word;
    } else line = line ? `${line} ${word}` : word;
  }
  if (line || lines.length === 0) lines.push(line);
  return lines;
}

// src/cli/inputs.ts
var FLAG_INPUTS = [
  "labels",
  "manifests",
  "build",
  "requests",
  "dry-run",
  "keep-cluster",
  "cluster"
];
var REFUSED_INPUTS = {
  "github-token": "the command line writes no PR comment, so it needs no token (and a token on a command line ends up in shell history)",
  comment: "the command line writes no PR comment; it prints the report instead"
};
function cliInputs(args) {
  const inputs = {};
  const fromFlag = /* @__PURE__ */ new Set();
  const set = (name, value) => {
    if (value === void 0) return;
    inputs[name] = value;
    fromFlag.add(name);
  };
  set("labels", args.labels);
  set("manifests", args.manifests);
  set("requests", args.requests);
  set("build", args.build.length ? args.build.join("\n") : void 0);
  if (args.dryRun) set("dry-run", "true");
  if (args.keepCluster) set("keep-cluster", "true");
  if (args.cluster !== void 0) {
    if (args.cluster !== "k3d" && args.cluster !== "existing")
      throw new UsageError(`--cluster is '${args.cluster}'; use k3d (the default) or existing.`);
    set("cluster", args.cluster);
  }
  for (const pair of args.input) {
    const eq = pair.indexOf("=");
    const name = eq > 0 ? pair.slice(0, eq).trim() : "";
    if (!name)
      throw new UsageError(
        `--input takes NAME=VALUE (e.g. --input domain=preview.dev), got '${pair}'.`
      );
    const reason = REFUSED_INPUTS[name];
    if (reason) throw new UsageError(`--input ${name} is not used here: ${reason}.`);
    if (fromFlag.has(name))
      throw new UsageError(`The input '${name}' is given by both --${name} and --input; use one.`);
    if (name in inputs) throw new UsageError(`--input ${name} is given twice; give it once.`);
    inputs[name] = pair.slice(eq + 1);
  }
  return inputs;
}
function readConfig(inputs, parse = parseInputs) {
  const known = knownInputNames(parse);
  let config;
  let failure;
  try {
    config = parse((name) => {
      known.add(name);
      return (inputs[name] ?? "").trim();
    });
    parseBuildLines(config.build);
  } catch (error) {
    failure = error;
  }
  const unknown = Object.keys(inputs).filter((name) => !known.has(name));
  if (unknown.length) {
    const names = [...known].filter((n) => !(n in REFUSED_INPUTS)).sort();
    throw new UsageError(
      `Unknown input ${unknown.map((n) => `'${n}'`).join(", ")} in --input. The inputs are: ${names.join(", ")}.`
    );
  }
  if (failure instanceof UserError) throw new UsageError(inOptionTerms(errorMessage(failure)));
  if (failure !== void 0 || !config) throw failure;
  return config;
}
function knownInputNames(parse = parseInputs) {
  const names = /* @__PURE__ */ new Set();
  try {
    parse((name) => {
      names.add(name);
      return "";
    });
  } catch {
  }
  return names;
}
function inOptionTerms(message) {
  const option = (name) => FLAG_INPUTS.includes(name) ? `--${name}` : `--input ${name}`;
  return message.replace(
    /^Input '([a-z0-9-]+)'(?:, line (\d+) \('([^']*)'\))?/,
    (_match, name, line, text) => {
      if (line === void 0) return option(name);
      return FLAG_INPUTS.includes(name) ? `--${name} '${text}'` : `--input ${name}, line ${line} ('${text}')`;
    }
  ).replace(/\b[Tt]he '([a-z0-9-]+)' input\b/g, (_match, name) => option(name));
}

// src/cli/keep-cluster.ts
function keptClusterText(cluster, plan, loadBalancerPort, style = PLAIN_TEXT) {
  const name = clean(cluster.clusterName, 64);
  const namespaces = [...new Set(plan.services.map((s) => s.namespace))];
  const where = namespaces.length === 1 ? `-n ${shellQuote(namespaces[0])}` : "-A";
  const commands = [
    `export KUBECONFIG=${shellQuote(cluster.kubeconfigPath)}`,
    `kubectl get ksvc,revisions,routes ${where}`,
    `kubectl get pods ${where}`,
    ...curlCommands(plan, loadBalancerPort, 20)
  ];
  const tools = [
    cluster.kubectlPath ? `kubectl: ${shellQuote(cluster.kubectlPath)}` : "",
    `k3d: ${shellQuote(cluster.k3dPath)}`
  ].filter(Boolean);
  return [
    style.bold(`The k3d cluster ${name} is still running (--keep-cluster). To look around:`),
    ...commands.map((c) => `  ${clean(c, 2e3)}`),
    style.bold("Delete it when you are done:"),
    `  k3d cluster delete ${shellQuote(name)}`,
    `(The binaries this run used, if they are not on your PATH: ${clean(tools.join(", "), 2e3)}.)`
  ].join("\n");
}

// src/cli/local-trigger.ts
import path2 from "node:path";
var LOCAL_PR_NUMBER = 0;
function localTrigger(refs, originUrl) {
  return {
    kind: "pull_request",
    action: "local",
    number: LOCAL_PR_NUMBER,
    title: "local preview",
    baseSha: refs.baseSha,
    baseRef: refs.baseRef,
    headSha: refs.headSha,
    headRef: refs.headRef,
    labels: [],
    repository: repositoryOf(originUrl, refs.toplevel)
  };
}
var NAME = /^[A-Za-z0-9_.-]{1,100}$/;
function repositoryOf(originUrl, toplevel) {
  const match = /[:/]([^/:]+)\/([^/]+?)(?:\.git)?\/?$/.exec(originUrl?.trim() ?? "");
  if (match && NAME.test(match[1]) && NAME.test(match[2]))
    return { owner: match[1], repo: match[2] };
  const folder = path2.basename(toplevel).replace(/[^A-Za-z0-9_.-]+/g, "-") || "repository";
  return { owner: "local", repo: folder.slice(0, 100) };
}

// src/cli/style.ts
function terminalMode(stream, env) {
  if (!stream.isTTY) return "plain";
  if (env.NO_COLOR) return "plain";
  if (env.TERM === "dumb") return "plain";
  return "fancy";
}
var sgr = (open, close) => (text) => `\x1B[${open}m${text}\x1B[${close}m`;
var ANSI_STYLE = {
  bold: sgr(1, 22),
  dim: sgr(2, 22),
  red: sgr(31, 39),
  green: sgr(32, 39),
  yellow: sgr(33, 39),
  cyan: sgr(36, 39)
};
function styleFor(mode) {
  return mode === "fancy" ? ANSI_STYLE : PLAIN;
}
var same2 = (text) => text;
var PLAIN = {
  bold: same2,
  dim: same2,
  red: same2,
  green: same2,
  yellow: same2,
  cyan: same2
};
var terminalSafe = stripUnsafe;
function formatDuration(ms) {
  const seconds = Math.max(0, ms) / 1e3;
  if (seconds < 59.95) return `${seconds.toFixed(1)}s`;
  const whole = Math.round(seconds);
  return `${Math.floor(whole / 60)}m ${String(whole % 60).padStart(2, "0")}s`;
}

// src/cli/terminal-log.ts
var FRAMES = ["\u280B", "\u2819", "\u2839", "\u2838", "\u283C", "\u2834", "\u2826", "\u2827", "\u2807", "\u280F"];
var CLEAR_LINE = "\r\x1B[2K";
var Screen = class {
  constructor(options) {
    this.options = options;
    this.fancy = options.mode === "fancy";
    this.style = styleFor(options.mode);
    this.now = options.now ?? Date.now;
  }
  options;
  active = [];
  statusShown = false;
  frame = 0;
  stopTicker;
  style;
  fancy;
  now;
  line(text) {
    this.clearStatus();
    this.options.write(`${text}
`);
    this.drawStatus();
  }
  async phase(title, work) {
    const phase = { title, started: this.now() };
    if (!this.fancy) this.line(`\u25B6 ${title}`);
    this.active.push(phase);
    this.startSpinner();
    this.drawStatus();
    let ok = false;
    try {
      const result = await work();
      ok = true;
      return result;
    } finally {
      this.end(phase, ok);
    }
  }
  close() {
    this.stopTicker?.();
    this.stopTicker = void 0;
    this.clearStatus();
  }
  end(phase, ok) {
    this.active.splice(this.active.indexOf(phase), 1);
    const took = formatDuration(this.now() - phase.started);
    const { green, red, dim } = this.style;
    this.line(
      ok ? `${green("\u2714")} ${phase.title} ${dim(this.fancy ? took : `(${took})`)}` : `${red("\u2716")} ${phase.title} ${red(`failed after ${took}`)}`
    );
    if (this.active.length === 0) this.close();
  }
  startSpinner() {
    if (!this.fancy || this.stopTicker) return;
    const start = this.options.startTicker ?? ((tick) => {
      const timer = setInterval(tick, 80);
      timer.unref();
      return () => clearInterval(timer);
    });
    this.stopTicker = start(() => {
      this.frame = (this.frame + 1) % FRAMES.length;
      this.drawStatus();
    });
  }
  drawStatus() {
    if (!this.fancy || this.active.length === 0) return;
    const now = this.now();
    const text = this.active.map((p) => `${p.title} ${formatDuration(now - p.started)}`).join(" \xB7 ");
    const width = Math.max(20, (this.options.columns?.() || 80) - 3);
    const chars = Array.from(text);
    const shown = chars.length > width ? `${chars.slice(0, width - 1).join("")}\u2026` : text;
    this.options.write(
      `${CLEAR_LINE}${this.style.cyan(FRAMES[this.frame])} ${this.style.dim(shown)}`
    );
    this.statusShown = true;
  }
  clearStatus() {
    if (!this.statusShown) return;
    this.options.write(CLEAR_LINE);
    this.statusShown = false;
  }
};
function createTerminalLog(options) {
  const screen = new Screen(options);
  return Object.assign(view(screen, "", options.debug ?? false), {
    close: () => screen.close()
  });
}
function view(screen, prefix, debug2) {
  const { dim, yellow, red } = screen.style;
  const lines = (message, first = "") => {
    const label = prefix ? `${dim(prefix)} ` : "";
    terminalSafe(message).split("\n").forEach((text, i) => screen.line(`${label}${i === 0 ? first : ""}${text}`));
  };
  const located = (message, annotation) => annotation?.file ? `${message} (${annotation.file}${annotation.line ? `:${annotation.line}` : ""})` : message;
  return {
    info: (message) => lines(message),
    warning: (message, annotation) => lines(located(message, annotation), yellow("warning: ")),
    error: (message, annotation) => lines(located(message, annotation), red("error: ")),
    debug: (message) => {
      if (debug2) lines(message, dim("debug: "));
    },
    group: (title, work) => screen.phase(`${prefix ? `${prefix} ` : ""}${terminalSafe(title).replace(/\n/g, " ")}`, work),
    branch: (name) => view(screen, `${prefix}[${terminalSafe(name)}]`, debug2),
    secret: () => void 0
  };
}

// src/cli/main.ts
var EXIT = { ok: 0, failed: 1, usage: 2, interrupted: 130 };
async function runCli(cli) {
  let args;
  try {
    args = parseCliArgs(cli.argv);
  } catch (error) {
    cli.stderr.write(`error: ${errorMessage(error)}
`);
    return EXIT.usage;
  }
  if (args.help) {
    cli.stdout.write(helpText(inputNamesForHelp()));
    return EXIT.ok;
  }
  const debug2 = args.debug || cli.env.KNATIVE_ACTION_DEBUG === "1";
  const log = createTerminalLog({
    write: (text) => cli.stderr.write(text),
    mode: terminalMode(cli.stderr, cli.env),
    columns: () => cli.stderr.columns,
    debug: debug2
  });
  const previousLog = setLog(log);
  const session = new Session(cli, args, log);
  const onExit = () => log.close();
  process.once("exit", onExit);
  const onSignal = (signal) => {
    if (session.clusterMayExist) return;
    log.warning(`Received ${signal}: stopping.`);
    process.exit(EXIT.interrupted);
  };
  process.on("SIGINT", onSignal);
  process.on("SIGTERM", onSignal);
  try {
    return await session.run();
  } catch (error) {
    if (error instanceof UserError) {
      log.error(inOptionTerms(errorMessage(error)), error.location);
      return EXIT.usage;
    }
    log.error(`knative-action failed: ${errorMessage(error)}`);
    if (debug2 && error instanceof Error && error.stack) log.debug(error.stack);
    else log.info("Run again with --debug (or KNATIVE_ACTION_DEBUG=1) to see where it failed.");
    return EXIT.failed;
  } finally {
    process.off("SIGINT", onSignal);
    process.off("SIGTERM", onSignal);
    await session.close();
    log.close();
    process.off("exit", onExit);
    setLog(previousLog);
  }
}
function inputNamesForHelp() {
  const dedicated = /* @__PURE__ */ new Set([
    "labels",
    "manifests",
    "build",
    "requests",
    "dry-run",
    "keep-cluster"
  ]);
  return [...knownInputNames()].filter((name) => !dedicated.has(name) && name !== "github-token" && name !== "comment").sort();
}
var Session = class {
  constructor(cli, args, log) {
    this.cli = cli;
    this.args = args;
    this.log = log;
  }
  cli;
  args;
  log;
  clusterMayExist = false;
  head;
  git = createToolRunner("git", { kind: "git" });
  async run() {
    const { log, args } = this;
    const inputs = cliInputs(args);
    const config = readConfig(inputs);
    for (const note of config.notes) log.warning(note);
    const existing = config.cluster === "existing";
    if (existing && config.mode !== "preview")
      throw new UsageError(
        `--input mode=${config.mode} is for workflows (a closed PR, a schedule). From a terminal, delete a preview namespace with kubectl delete namespace NAME.`
      );
    if (existing && !config.registry && parseBuildLines(config.build).length > 0)
      throw new UsageError(
        "--build with --cluster existing pushes the images where the cluster pulls them: add --input registry=HOST/OWNER (e.g. ghcr.io/octo) and docker login to it first."
      );
    const refs = await resolveRefs(this.git, this.cli.cwd, { base: args.base, head: args.head });
    log.info(
      `Previewing ${refs.headRef} (${refs.headSha.slice(0, 7)}) against ${refs.baseRef} (${refs.baseSha.slice(0, 7)}): ${refs.baseReason}.`
    );
    if (refs.headIsCheckout) await this.refuseUncommitted(refs, config.manifests, config.build);
    if (!config.dryRun) {
      const builds = parseBuildLines(config.build).length > 0;
      if (!existing || builds) {
        const engine = await (this.cli.checkDocker ?? (() => checkDockerEngine(this.cli.env)))();
        if (!engine.running)
          throw dockerNeeded(
            engine.reason,
            existing ? "--build runs docker build" : "k3d runs the cluster in Docker containers" + (builds ? ", and --build runs docker build" : "")
          );
        log.debug(`Docker engine ${engine.version}`);
      }
    }
    const runnerTemp = await mkdtemp2(
      path3.join(this.cli.tempRoot ?? os.tmpdir(), "knative-action-")
    );
    if (!refs.headIsCheckout) {
      this.head = await checkoutHead(this.git, refs.toplevel, refs.headSha, runnerTemp);
      log.info(`${refs.headRef} is checked out in ${this.head.dir} for this run.`);
    }
    const runner = localRunner(this.head?.dir ?? refs.toplevel, runnerTemp);
    const origin = await this.git.run(["remote", "get-url", "origin"], { cwd: refs.toplevel });
    const trigger = localTrigger(refs, origin.exitCode === 0 ? origin.stdout : void 0);
    const namespace = existing ? config.namespace || localNamespaceName(trigger.repository.repo) : void 0;
    const plan = await log.group("Plan", () => makePlan({ config, runner, trigger, namespace }));
    const planDir = await writePlanFiles(plan, path3.join(runner.workDir, "plan"));
    if (config.dryRun) {
      this.print(plan, { status: "planned", services: [], timings: {} });
      this.notes([`Rendered manifests: ${planDir}`]);
      return EXIT.ok;
    }
    const state = new StepState(memoryStateStore());
    this.clusterMayExist = true;
    const target = namespace ? existingTarget({ config, runner, state, plan, namespace, pr: LOCAL_PR_NUMBER }) : void 0;
    const result = await runPreview(
      config,
      runner,
      plan,
      target?.provider ?? k3dProvider(config, runner, state)
    );
    const { failed } = result;
    const report = {
      ...result.report,
      ...target ? { existing: target.existing } : {}
    };
    const cluster = state.readCluster();
    let diagnosticsFile;
    if (cluster) {
      const result2 = await log.group(
        config.keepCluster ? "Keep the cluster" : "Delete the cluster",
        () => cleanup(
          {
            ...cluster,
            failed: failed || Boolean(report.failure),
            keepCluster: config.keepCluster
          },
          { workDir: runner.workDir }
        )
      );
      if (result2.deleted) log.info(`Deleted k3d cluster ${cluster.clusterName}.`);
      for (const warning of result2.warnings) log.warning(`Cleanup: ${warning}`);
      diagnosticsFile = result2.diagnosticsFile;
    }
    this.clusterMayExist = false;
    this.print(plan, report);
    const notes = [`Rendered manifests: ${planDir}`];
    if (diagnosticsFile) notes.push(`Cluster diagnostics: ${diagnosticsFile}`);
    if (cluster && config.keepCluster)
      notes.push("", keptClusterText(cluster, plan, config.loadBalancerPort, this.notesStyle()));
    if (target) notes.push(...existingNotes(target.existing, report));
    this.notes(notes);
    return failed ? EXIT.failed : EXIT.ok;
  }
  async close() {
    await this.head?.remove();
    this.head = void 0;
  }
  /** Where files are and what to do next: after the text report, or on stderr beside --json. */
  notes(lines) {
    (this.args.json ? this.cli.stderr : this.cli.stdout).write(`
${lines.join("\n")}
`);
  }
  notesStyle() {
    return styleFor(terminalMode(this.args.json ? this.cli.stderr : this.cli.stdout, this.cli.env));
  }
  print(plan, report) {
    if (this.args.json) {
      this.cli.stdout.write(`${JSON.stringify(report, null, 2)}
`);
      return;
    }
    const style = styleFor(terminalMode(this.cli.stdout, this.cli.env));
    this.cli.stdout.write(`
${renderTextReport({ plan, report, style })}`);
  }
  async refuseUncommitted(refs, manifests, build) {
    const paths = [manifests, ...parseBuildLines(build).map((spec) => spec.context)];
    const changed = await uncommittedChanges(this.git, refs.toplevel, paths);
    if (changed.length === 0) return;
    const shown = changed.slice(0, 5).join(", ") + (changed.length > 5 ? `, and ${changed.length - 5} more` : "");
    throw new UsageError(
      `Uncommitted changes in what the preview reads (${shown}). The preview is of commits, so the PR side (${refs.headRef}, ${refs.headSha.slice(0, 7)}) would not have them: commit or stash them, then run again.`
    );
  }
};
function existingNotes(existing, report) {
  const links = report.services.flatMap(
    (service) => service.links ? [
      `  ${service.service}: ${service.links.route}` + (service.links.pr ? ` (PR ${service.links.pr}` : "") + (service.links.base ? `, base ${service.links.base})` : service.links.pr ? ")" : "")
    ] : []
  );
  return [
    "",
    `The preview stays in namespace ${existing.namespace} until ${existing.expiresAt} (ttl), or until the next run updates it.`,
    ...links.length ? ["Open it at:", ...links] : [],
    `Delete it now: kubectl delete namespace ${existing.namespace}`
  ];
}
function localRunner(workspace, runnerTemp) {
  return {
    workspace,
    eventName: "pull_request",
    serverUrl: "https://github.com",
    apiUrl: "https://api.github.com",
    runnerTemp,
    workDir: path3.join(runnerTemp, "knative-action"),
    // Not in Actions: a base commit missing from the clone is an error, not a fetch.
    inActions: false
  };
}
function memoryStateStore() {
  const values = /* @__PURE__ */ new Map();
  return {
    save: (name, value) => void values.set(name, value),
    read: (name) => values.get(name) ?? ""
  };
}

// src/cli/bin.ts
var debug = process.argv.includes("--debug") || process.env.KNATIVE_ACTION_DEBUG === "1";
var fatal = (error) => {
  const message = error instanceof Error ? error.message : String(error);
  process.stderr.write(`
error: knative-action stopped unexpectedly: ${message}
`);
  if (debug && error instanceof Error && error.stack) process.stderr.write(`${error.stack}
`);
  process.exit(1);
};
process.on("uncaughtException", fatal);
process.on("unhandledRejection", fatal);
process.exitCode = await runCli({
  argv: process.argv.slice(2),
  env: process.env,
  cwd: process.cwd(),
  stdout: process.stdout,
  stderr: process.stderr
});
