import { createRequire as __createRequire } from 'node:module';
const require = __createRequire(import.meta.url);
import {
  ExitCode,
  STATE_OUTCOME,
  ToolError,
  UserError,
  __toESM,
  codeBlock,
  codeSpan,
  commitLink,
  createToolRunner,
  debug,
  details,
  error,
  errorMessage,
  escapeInline,
  group,
  info,
  localImageTag,
  parseBuildLines,
  repositoryUrl,
  require_dist,
  runPreview,
  saveState,
  setFailed,
  setOutput,
  setSecret,
  shellQuote,
  sleep,
  table,
  truncate,
  warning,
  withRetry,
  writeJobSummary
} from "./chunks/chunk-EL53ZNEW.js";

// src/action/run-main.ts
import path6 from "node:path";

// src/config/inputs.ts
var envInputReader = (name) => (process.env[`INPUT_${name.replace(/ /g, "_").toUpperCase()}`] ?? "").trim();
var DOMAIN = /^(?=.{1,253}$)[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)+$/;
var LABEL_PREFIX = /^[A-Za-z0-9][-A-Za-z0-9_.:/ ]{0,48}$/;
var VERSION = /^v?\d+\.\d+\.\d+$/;
var INPUT_DEFAULTS = {
  manifests: "knative",
  "label-prefix": "canary-",
  requests: "400",
  "dry-run": "false",
  "k3d-version": "v5.9.0",
  "k3s-image": "rancher/k3s:v1.34.8-k3s1",
  "knative-version": "1.22.1",
  "net-contour-version": "1.22.1",
  "kubectl-version": "v1.34.2",
  agents: "2",
  "keep-cluster": "false",
  domain: "example.com",
  "load-balancer-port": "8081",
  "agent-port": "8082",
  "timeout-minutes": "15",
  comment: "always",
  "fail-on-deviation": "true"
};
function parseInputs(read = envInputReader) {
  const get = (name) => read(name) || INPUT_DEFAULTS[name] || "";
  const labels = get("labels");
  const mirror = get("release-mirror");
  return {
    githubToken: read("github-token"),
    manifests: nonEmpty(
      "manifests",
      get("manifests"),
      "a path relative to the workspace, e.g. knative"
    ),
    labelPrefix: matching(
      "label-prefix",
      get("label-prefix"),
      LABEL_PREFIX,
      "letters, digits and - _ . : / (e.g. canary-)"
    ),
    labelOverride: labels ? labels.split(",").map((l) => l.trim()).filter(Boolean) : void 0,
    requests: integer("requests", get("requests"), 1, 1e5),
    dryRun: boolean("dry-run", get("dry-run")),
    k3dVersion: matching(
      "k3d-version",
      get("k3d-version"),
      /^v\d+\.\d+\.\d+$/,
      "a k3d release tag like v5.9.0"
    ),
    k3sImage: matching(
      "k3s-image",
      get("k3s-image"),
      /^[\w./-]+:v\d+\.\d+\.\d+[-+\w.]*$/,
      "an image like rancher/k3s:v1.34.8-k3s1"
    ),
    knativeVersion: matching(
      "knative-version",
      get("knative-version"),
      VERSION,
      "a release like 1.22.1"
    ).replace(/^v/, ""),
    netContourVersion: matching(
      "net-contour-version",
      get("net-contour-version"),
      VERSION,
      "a release like 1.22.1"
    ).replace(/^v/, ""),
    kubectlVersion: matching(
      "kubectl-version",
      get("kubectl-version"),
      /^v\d+\.\d+\.\d+$/,
      "a release like v1.34.2"
    ),
    agents: integer("agents", get("agents"), 0, 5),
    clusterName: read("cluster-name") ? matching(
      "cluster-name",
      read("cluster-name"),
      /^[a-z][-a-z0-9]{0,30}[a-z0-9]$/,
      "lowercase letters, digits and dashes, 2..32 characters, starting with a letter"
    ) : "",
    keepCluster: boolean("keep-cluster", get("keep-cluster")),
    domain: matching(
      "domain",
      get("domain").toLowerCase(),
      DOMAIN,
      "a DNS domain with at least two labels, e.g. example.com (not svc.cluster.local)",
      (d) => !d.endsWith("cluster.local")
    ),
    loadBalancerPort: integer("load-balancer-port", get("load-balancer-port"), 1, 65535),
    agentPort: integer("agent-port", get("agent-port"), 1, 65535),
    k3dArgs: lines(get("k3d-args")),
    build: lines(get("build")),
    releaseMirror: mirror ? url("release-mirror", mirror) : void 0,
    timeoutMinutes: integer("timeout-minutes", get("timeout-minutes"), 1, 120),
    comment: oneOf("comment", get("comment"), ["always", "on-change", "off"]),
    failOnDeviation: boolean("fail-on-deviation", get("fail-on-deviation"))
  };
}
function bad(name, value, allowed) {
  return new UserError(
    `Input '${name}' has the value '${value}', which is not allowed: expected ${allowed}.`
  );
}
function nonEmpty(name, value, allowed) {
  if (!value) throw bad(name, value, allowed);
  return value;
}
function matching(name, value, pattern, allowed, extra) {
  if (!pattern.test(value) || extra && !extra(value)) throw bad(name, value, allowed);
  return value;
}
function integer(name, value, min, max) {
  const n = /^\d+$/.test(value) ? Number(value) : Number.NaN;
  if (!Number.isSafeInteger(n) || n < min || n > max)
    throw bad(name, value, `a whole number from ${min} to ${max}`);
  return n;
}
function boolean(name, value) {
  if (["true", "True", "TRUE"].includes(value)) return true;
  if (["false", "False", "FALSE"].includes(value)) return false;
  throw bad(name, value, "true or false");
}
function oneOf(name, value, allowed) {
  if (!allowed.includes(value))
    throw bad(name, value, `one of ${allowed.join(", ")}`);
  return value;
}
function url(name, value) {
  try {
    const parsed = new URL(value);
    if (parsed.protocol === "http:" || parsed.protocol === "https:")
      return value.replace(/\/+$/, "");
  } catch {
  }
  throw bad(name, value, "an http(s) URL such as https://mirror.example.com/releases");
}
function lines(value) {
  return value.split(/\r?\n/).map((line) => line.trim()).filter((line) => line && !line.startsWith("#"));
}

// src/event/read-event.ts
var PREVIEW_ACTIONS = ["opened", "reopened", "synchronize", "labeled", "unlabeled"];
var SHA = /^[0-9a-f]{40}$/;
function readTrigger(context) {
  const { eventName } = context;
  const payload = asRecord(context.payload, "the event payload");
  if (eventName === "pull_request") return readPullRequest(payload, context);
  if (eventName === "push" || eventName === "workflow_dispatch") {
    const sha = context.sha ?? "";
    if (!SHA.test(sha))
      throw new UserError(
        `GITHUB_SHA is '${sha}', not a 40-character commit SHA; the ${eventName} preview needs it.`
      );
    return {
      kind: "single",
      eventName,
      sha,
      ref: context.ref ?? "",
      repository: repositoryOf(payload, context)
    };
  }
  throw new UserError(
    `This action previews pull requests; it was started by the '${eventName}' event. Run it on 'pull_request' (types opened, synchronize, reopened, labeled, unlabeled), or on 'push' / 'workflow_dispatch' for a single-revision preview.` + (eventName === "pull_request_target" ? " 'pull_request_target' is refused on purpose: it would build untrusted PR code with a write token; see the README's fork-PR section." : "")
  );
}
function readPullRequest(payload, context) {
  const action = String(payload.action ?? "");
  const pr = asRecord(payload.pull_request, "the event's pull_request");
  const number = Number(payload.number ?? pr.number);
  if (!Number.isSafeInteger(number) || number <= 0)
    throw new UserError(
      `The pull_request event has no valid PR number (saw '${String(payload.number)}').`
    );
  if (action === "closed") return { kind: "closed", number };
  if (!PREVIEW_ACTIONS.includes(action)) {
    throw new UserError(
      `The pull_request action '${action}' does not call for a preview; use the types ${PREVIEW_ACTIONS.join(", ")} (and closed, which does nothing).`
    );
  }
  const base = asRecord(pr.base, "pull_request.base");
  const head = asRecord(pr.head, "pull_request.head");
  const baseSha = commit(base.sha, "pull_request.base.sha");
  const headSha = commit(head.sha, "pull_request.head.sha");
  const labels = Array.isArray(pr.labels) ? pr.labels.map(
    (label) => typeof label === "string" ? label : String(asRecord(label, "a label").name ?? "")
  ) : [];
  return {
    kind: "pull_request",
    action,
    number,
    title: String(pr.title ?? ""),
    htmlUrl: typeof pr.html_url === "string" ? pr.html_url : void 0,
    baseSha,
    baseRef: String(base.ref ?? ""),
    headSha,
    headRef: String(head.ref ?? ""),
    labels: labels.filter(Boolean),
    repository: repositoryOf(payload, context)
  };
}
function repositoryOf(payload, context) {
  const fullName = (typeof payload.repository === "object" && payload.repository !== null ? String(payload.repository.full_name ?? "") : "") || context.repository || "";
  const [owner, repo, ...rest] = fullName.split("/");
  if (!owner || !repo || rest.length)
    throw new UserError(
      `Cannot tell the repository: saw '${fullName}' (expected owner/repo in the payload or GITHUB_REPOSITORY).`
    );
  return { owner, repo };
}
function commit(value, field) {
  const sha = String(value ?? "");
  if (!SHA.test(sha))
    throw new UserError(`The event's ${field} is '${sha}', not a 40-character commit SHA.`);
  return sha;
}
function asRecord(value, what) {
  if (typeof value !== "object" || value === null || Array.isArray(value))
    throw new UserError(`${what} is missing or not an object.`);
  return value;
}

// src/github/client.ts
var DEFAULT_API_URL = "https://api.github.com";
var GitHubHttpError = class extends Error {
  constructor(method, request, status, apiMessage, retry) {
    super(`GitHub API ${request} answered ${status}${apiMessage ? `: ${apiMessage}` : ""}`);
    this.method = method;
    this.request = request;
    this.status = status;
    this.apiMessage = apiMessage;
    this.retry = retry;
    this.name = "GitHubHttpError";
  }
  method;
  request;
  status;
  apiMessage;
  retry;
};
function httpStatusOf(error2) {
  for (let e = error2, depth = 0; e && depth < 5; e = e.cause, depth++) {
    if (e instanceof GitHubHttpError) return e.status;
  }
  return void 0;
}
var NOT_SENT_CODES = /* @__PURE__ */ new Set([
  "ECONNREFUSED",
  "ENOTFOUND",
  "EAI_AGAIN",
  "EHOSTUNREACH",
  "ENETUNREACH"
]);
function networkCode(error2) {
  const cause = error2?.cause;
  return typeof cause?.code === "string" ? cause.code : void 0;
}
var NetworkError = class extends Error {
  constructor(what, notSent, cause) {
    const code = networkCode(cause);
    super(`${what}: ${errorMessage(cause)}${code ? ` (${code})` : ""}`, { cause });
    this.what = what;
    this.notSent = notSent;
    this.name = "NetworkError";
  }
  what;
  notSent;
};
function createGitHubClient(options) {
  const apiUrl = (options.apiUrl || process.env.GITHUB_API_URL || DEFAULT_API_URL).replace(
    /\/+$/,
    ""
  );
  const graphqlUrl = options.graphqlUrl || process.env.GITHUB_GRAPHQL_URL || graphqlUrlFor(apiUrl);
  const doFetch = options.fetch ?? globalThis.fetch;
  const now = options.now ?? Date.now;
  const timeoutMs = options.requestTimeoutMs ?? 15e3;
  const maxWaitMs = options.maxRateLimitWaitMs ?? 6e4;
  const maxPages = options.maxPages ?? 100;
  const headers = {
    accept: "application/vnd.github+json",
    "x-github-api-version": "2022-11-28",
    "user-agent": "knative-action"
  };
  if (options.token) headers.authorization = `Bearer ${options.token}`;
  async function once(method, url2, label, body, idempotent) {
    let response;
    try {
      response = await doFetch(url2, {
        method,
        headers: body === void 0 ? headers : { ...headers, "content-type": "application/json" },
        body: body === void 0 ? void 0 : JSON.stringify(body),
        signal: AbortSignal.timeout(timeoutMs),
        redirect: "error"
      });
    } catch (error2) {
      const timedOut = error2.name === "TimeoutError";
      const what = timedOut ? `GitHub API ${label} got no answer within ${timeoutMs} ms` : `GitHub API ${label} could not connect`;
      throw new NetworkError(
        what,
        !timedOut && NOT_SENT_CODES.has(networkCode(error2) ?? ""),
        error2
      );
    }
    const text = await response.text();
    let data = void 0;
    if (text) {
      try {
        data = JSON.parse(text);
      } catch {
        data = text;
      }
    }
    if (response.ok) return { status: response.status, headers: response.headers, data };
    const apiMessage = typeof data === "object" && data !== null && "message" in data ? String(data.message) : String(text).slice(0, 200);
    throw new GitHubHttpError(
      method,
      label,
      response.status,
      apiMessage.slice(0, 300),
      retryPolicy(response, apiMessage, idempotent)
    );
  }
  function retryPolicy(response, apiMessage, idempotent) {
    const { status } = response;
    const wait = rateLimitWaitMs(response, apiMessage);
    if (wait !== void 0) {
      if (wait > maxWaitMs) return { transient: false, afterMs: wait };
      return { transient: true, afterMs: wait };
    }
    if (status >= 500 && status <= 599) return { transient: idempotent };
    return { transient: false };
  }
  function rateLimitWaitMs(response, apiMessage) {
    if (response.status !== 403 && response.status !== 429) return void 0;
    const retryAfter = response.headers.get("retry-after");
    if (retryAfter !== null && /^\d+$/.test(retryAfter.trim()))
      return Number(retryAfter.trim()) * 1e3;
    const reset = response.headers.get("x-ratelimit-reset");
    if (response.headers.get("x-ratelimit-remaining") === "0" && reset && /^\d+$/.test(reset)) {
      return Math.max(0, Number(reset) * 1e3 - now()) + 1e3;
    }
    if (response.status === 429 || /secondary rate limit/i.test(apiMessage)) return 6e4;
    return void 0;
  }
  async function send(method, url2, label, body, idempotent = method !== "POST") {
    return withRetry(() => once(method, url2, label, body, idempotent), {
      what: `GitHub API ${label}`,
      attempts: options.attempts ?? 4,
      initialDelayMs: 1e3,
      maxDelayMs: maxWaitMs,
      isTransient: (error2) => {
        if (error2 instanceof GitHubHttpError) return error2.retry.transient;
        if (error2 instanceof NetworkError) return idempotent || error2.notSent;
        return false;
      },
      retryAfterMs: (error2) => error2 instanceof GitHubHttpError ? error2.retry.afterMs : void 0,
      onRetry: (error2, attempt, delayMs) => options.onRetry?.(
        `${errorMessage(error2)}; retry ${attempt} in ${Math.round(delayMs / 1e3)} s`
      ),
      sleep: options.sleep ?? sleep,
      now
    }).catch((error2) => {
      if (error2 instanceof GitHubHttpError && !error2.retry.transient && error2.retry.afterMs !== void 0) {
        throw new Error(
          `${error2.message}; GitHub asks to wait ${Math.ceil(error2.retry.afterMs / 1e3)} s, longer than the ${Math.round(maxWaitMs / 1e3)} s this action waits for a rate limit`,
          { cause: error2 }
        );
      }
      throw error2;
    });
  }
  function urlFor(path7) {
    if (!path7.startsWith("/")) throw new Error(`GitHub API path must start with "/": ${path7}`);
    return `${apiUrl}${path7}`;
  }
  return {
    apiUrl,
    request: (method, path7, body) => send(method, urlFor(path7), `${method} ${path7}`, body),
    async paginate(path7) {
      const items = [];
      let url2 = urlFor(path7);
      for (let page = 1; url2; page++) {
        if (page > maxPages)
          throw new Error(`GitHub API GET ${path7}: more than ${maxPages} pages; stopped reading`);
        const label = `GET ${url2.slice(apiUrl.length)}`;
        const response = await send("GET", url2, label, void 0);
        if (!Array.isArray(response.data))
          throw new Error(`GitHub API ${label} did not answer with a list`);
        items.push(...response.data);
        url2 = nextPageUrl(response.headers.get("link"), apiUrl);
      }
      return items;
    },
    async graphql(query) {
      const response = await send(
        "POST",
        graphqlUrl,
        "POST graphql",
        { query },
        true
      );
      if (!response.data.data || response.data.errors?.length) {
        throw new Error(
          `GitHub GraphQL query failed: ${response.data.errors?.map((e) => e.message).join("; ") ?? "no data"}`
        );
      }
      return response.data.data;
    }
  };
}
function graphqlUrlFor(apiUrl) {
  return /\/api\/v3$/.test(apiUrl) ? apiUrl.replace(/\/v3$/, "/graphql") : `${apiUrl}/graphql`;
}
function nextPageUrl(link, apiUrl) {
  if (!link) return void 0;
  for (const part of link.split(",")) {
    const match = /<([^>]+)>\s*;(.*)/.exec(part.trim());
    if (!match?.[1] || !/\brel="?([^"]*\s)?next(\s[^"]*)?"?/.test(match[2] ?? "")) continue;
    const next = match[1];
    if (next !== apiUrl && !next.startsWith(`${apiUrl}/`) && !next.startsWith(`${apiUrl}?`)) {
      throw new Error(`GitHub API pagination points outside ${apiUrl}: ${next.slice(0, 200)}`);
    }
    return next;
  }
  return void 0;
}

// src/github/identity.ts
var GITHUB_ACTIONS_BOT = "github-actions[bot]";
async function resolveTokenIdentity(client) {
  const failures = [];
  try {
    const { data } = await client.request("GET", "/user");
    if (typeof data.login === "string" && data.login) {
      return { login: data.login, bot: data.type === "Bot", source: "rest-user" };
    }
    failures.push("GET /user: no login");
  } catch (error2) {
    failures.push(errorMessage(error2));
  }
  try {
    const data = await client.graphql(
      "query { viewer { login __typename } }"
    );
    const login = data.viewer?.login;
    if (typeof login === "string" && login) {
      const bot = data.viewer?.__typename === "Bot" || login.endsWith("[bot]");
      return {
        login: bot && !login.endsWith("[bot]") ? `${login}[bot]` : login,
        bot,
        source: "graphql-viewer"
      };
    }
    failures.push("GraphQL viewer: no login");
  } catch (error2) {
    failures.push(errorMessage(error2));
  }
  return { login: GITHUB_ACTIONS_BOT, bot: true, source: "assumed", note: failures.join("; ") };
}
function isAuthoredBy(user, identity) {
  if (!user?.login) return false;
  if (user.login.toLowerCase() !== identity.login.toLowerCase()) return false;
  return !identity.bot || user.type === void 0 || user.type === "Bot";
}

// src/github/sticky-comment.ts
function commentsPath(target) {
  const repo = `${encodeURIComponent(target.owner)}/${encodeURIComponent(target.repo)}`;
  return `/repos/${repo}/issues`;
}
function carriesMarker(body, marker) {
  return body === marker || (body ?? "").startsWith(`${marker}
`);
}
async function findStickyComment(target) {
  const comments = await target.client.paginate(
    `${commentsPath(target)}/${target.issueNumber}/comments?per_page=100`
  );
  const ours = comments.find(
    (c) => carriesMarker(c.body, target.marker) && isAuthoredBy(c.user, target.identity)
  );
  return ours ? { id: ours.id, url: ours.html_url, body: ours.body ?? "" } : void 0;
}
var READ_ONLY_HELP = "Pull requests from forks and from Dependabot get a read-only GITHUB_TOKEN, which cannot comment. The results are in this job's summary and outputs, and the run's result is unchanged. To get comments on such pull requests, post them from a second workflow triggered by `workflow_run` (see \"Comments on fork pull requests\" in the README). For same-repository pull requests, give the job `permissions: pull-requests: write`.";
async function writeStickyComment(target) {
  const base = commentsPath(target);
  try {
    if (target.existingId !== void 0) {
      try {
        const { data: data2 } = await target.client.request(
          "PATCH",
          `${base}/comments/${target.existingId}`,
          { body: target.body }
        );
        return { action: "updated", id: data2.id, url: data2.html_url };
      } catch (error2) {
        if (httpStatusOf(error2) !== 404) throw error2;
      }
    }
    const { data } = await target.client.request(
      "POST",
      `${base}/${target.issueNumber}/comments`,
      { body: target.body }
    );
    return { action: "created", id: data.id, url: data.html_url };
  } catch (error2) {
    return degraded(error2);
  }
}
function degraded(error2) {
  const status = httpStatusOf(error2);
  const readOnly = status === 403 || status === 404;
  const warning2 = readOnly ? `Could not write the preview comment: ${errorMessage(error2)}. ${READ_ONLY_HELP}` : `Could not write the preview comment: ${errorMessage(error2)}. The results are in this job's summary and outputs; the run's result is unchanged.`;
  return { action: "degraded", reason: readOnly ? "read-only token" : "GitHub API error", warning: warning2 };
}

// src/report/render-parts.ts
var FULL_DETAIL = {
  maxServices: 20,
  maxRevisionRows: 20,
  maxTagRows: 20,
  maxSamples: 3,
  sampleChars: 200,
  failureChars: 4e3
};
var STATUS_HEADLINES = {
  consistent: "\u2705 Knative preview: the measured split is consistent with the configured one",
  deviates: "\u26A0\uFE0F Knative preview: the measured split deviates from the configured one",
  unmeasurable: "\u2754 Knative preview: the split could not be measured",
  failed: "\u274C Knative preview failed",
  planned: "\u{1F4DD} Knative preview: planned (dry run, nothing deployed)",
  deploying: "\u23F3 Knative preview: deploying\u2026"
};
function headline(report) {
  if (report.status === "failed" && report.failure) {
    return `### \u274C Knative preview failed in phase ${codeSpan(report.failure.phase, { maxLength: 80 })}`;
  }
  return `### ${STATUS_HEADLINES[report.status]}`;
}
function runLogUrl(context) {
  if (!context.runId || !/^\d+$/.test(context.runId)) return void 0;
  const base = `${repositoryUrl(context.serverUrl, context.repository)}/actions/runs/${context.runId}`;
  return context.runAttempt && /^\d+$/.test(context.runAttempt) ? `${base}/attempts/${context.runAttempt}` : base;
}
function commitsLine(plan, context) {
  const parts = [];
  if (plan.baseSha)
    parts.push(`Base ${commitLink(context.serverUrl, context.repository, plan.baseSha)}`);
  parts.push(`PR ${commitLink(context.serverUrl, context.repository, plan.headSha)}`);
  if (plan.pullRequest) {
    parts.push(
      `${escapeInline(plan.pullRequest.headRef, 120)} \u2192 ${escapeInline(plan.pullRequest.baseRef, 120)}`
    );
  }
  const log = runLogUrl(context);
  if (log) parts.push(`[run log](${log})`);
  return parts.join(" \xB7 ");
}
function splitSentence(plan, context) {
  const { prPercent, label } = plan.split;
  const prefix = context.labelPrefix;
  const how = `To change it, set one label ${codeSpan(`${prefix}0`)} \u2026 ${codeSpan(`${prefix}100`)} (percent of traffic for the PR); without one the PR gets 100%.`;
  if (plan.services.length === 0)
    return `The split was not decided: the run failed while planning. ${how}`;
  if (plan.services.every((s) => s.mode === "single")) {
    return `Single revision of the workspace (no base to compare); it gets 100% of the traffic.`;
  }
  const source = label ? `set by the label ${codeSpan(label, { maxLength: 80 })}` : `no ${codeSpan(`${prefix}N`)} label, so the PR gets all of it`;
  return `The PR revision gets **${prPercent}%** of the traffic and the base **${100 - prPercent}%**, ${source}. ${how}`;
}
function percent(value) {
  return `${value.toFixed(1)}%`;
}
function milliseconds(value) {
  return value >= 100 ? `${Math.round(value)} ms` : `${value.toFixed(1)} ms`;
}
function pValueText(p) {
  if (p === void 0 || !Number.isFinite(p)) return "p n/a";
  if (p < 1e-3) return "p < 0.001";
  return `p = ${p.toPrecision(2)}`;
}
var TEST_NAMES = {
  binomial: "exact binomial test",
  "chi-square": "chi-square goodness-of-fit test",
  "exact-split": "exact check (a 0/100 split allows no stray responses)",
  none: "no test"
};
var VERDICT_ICONS = { consistent: "\u2705", deviates: "\u26A0\uFE0F", unmeasurable: "\u2754" };
function omitted(count, what) {
  return `_${count} more ${what} not shown here; see the job summary._`;
}
function trafficTable(result, limits) {
  const rows = result.revisions.slice(0, limits.maxRevisionRows).map((r) => [
    codeSpan(r.revision, { inTable: true, maxLength: 80 }),
    r.side === "pr" ? "PR" : "base",
    `${r.configuredPercent}%`,
    String(r.responses),
    r.responses === 0 ? "\u2013" : `${percent(r.observedPercent)} (${r.interval.low.toFixed(1)}\u2013${r.interval.high.toFixed(1)})`,
    String(r.errors),
    r.responses === 0 ? "\u2013" : milliseconds(r.latencyMs.p50),
    r.responses === 0 ? "\u2013" : milliseconds(r.latencyMs.p95)
  ]);
  if (result.unattributed.count > 0) {
    rows.push([
      "_unattributed_",
      "\u2013",
      "\u2013",
      String(result.unattributed.count),
      "\u2013",
      String(result.unattributed.errors),
      "\u2013",
      "\u2013"
    ]);
  }
  const header = [
    "Revision",
    "Side",
    "Configured",
    "Responses",
    "Observed (95% CI)",
    "Errors",
    "p50",
    "p95"
  ];
  const text = table(header, rows, ["l", "l", "r", "r", "r", "r", "r", "r"]);
  const hidden = result.revisions.length - limits.maxRevisionRows;
  return hidden > 0 ? `${text}

${omitted(hidden, "revisions")}` : text;
}
function verdictLine(result) {
  const n = result.revisions.reduce((sum, r) => sum + r.responses, 0);
  const stats = result.test === "none" ? `n = ${n}` : `${TEST_NAMES[result.test]}, n = ${n}, ${pValueText(result.pValue)}, \u03B1 = ${result.alpha}`;
  return `${VERDICT_ICONS[result.verdict]} **Verdict: ${result.verdict}** (${stats}). ${escapeInline(result.reason, 300)}`;
}
function tagChecksTable(checks, limits) {
  if (checks.length === 0) return "";
  const rows = checks.slice(0, limits.maxTagRows).map((t) => [
    codeSpan(t.tag, { inTable: true, maxLength: 60 }),
    codeSpan(`http://${t.host}`, { inTable: true, maxLength: 120 }),
    codeSpan(t.expectedRevision, { inTable: true, maxLength: 80 }),
    `${t.matched === t.requests ? "\u2705" : "\u274C"} ${t.matched}/${t.requests}`,
    limits.sampleChars > 0 && t.sample ? codeSpan(t.sample, { inTable: true, maxLength: limits.sampleChars }) : ""
  ]);
  const text = table(["Tag", "URL", "Expected revision", "Matched", "Sample answer"], rows, [
    "l",
    "l",
    "l",
    "r",
    "l"
  ]);
  const hidden = checks.length - limits.maxTagRows;
  return `**Tag checks**

${text}${hidden > 0 ? `

${omitted(hidden, "tag checks")}` : ""}`;
}
function unattributedSamples(result, limits) {
  const samples = result.unattributed.samples.slice(0, limits.maxSamples);
  if (samples.length === 0 || limits.sampleChars === 0) return "";
  const blocks = samples.map((s) => codeBlock(s, { maxLength: limits.sampleChars })).join("\n\n");
  return details(
    `Unattributed responses (${samples.length} of ${result.unattributed.samples.length} samples)`,
    blocks
  );
}
function hostsLine(service, result) {
  const host = result?.host ?? service?.host;
  if (!host) return "";
  const tags = service ? [service.tagHosts.base, service.tagHosts.pr].filter((h) => Boolean(h)) : [];
  const tagText = tags.length ? `; tag URLs ${tags.map((h) => codeSpan(`http://${h}`, { maxLength: 120 })).join(", ")}` : "";
  return `Route host ${codeSpan(host, { maxLength: 200 })}${tagText}. _These existed only inside the run's ephemeral cluster; use the commands below to reproduce._`;
}
function serviceHeading(name, namespace) {
  return `#### Service ${codeSpan(name, { maxLength: 80 })} in namespace ${codeSpan(namespace, { maxLength: 80 })}`;
}
function serviceSection(service, result, limits) {
  const parts = [serviceHeading(result.service, result.namespace)];
  if (service?.note) parts.push(`_${escapeInline(service.note, 300)}_`);
  parts.push(trafficTable(result, limits), verdictLine(result));
  const tags = tagChecksTable(result.tagChecks, limits);
  if (tags) parts.push(tags);
  const samples = unattributedSamples(result, limits);
  if (samples) parts.push(samples);
  const hosts = hostsLine(service, result);
  if (hosts) parts.push(hosts);
  return parts.join("\n\n");
}
function timingsTable(timings) {
  const entries = Object.entries(timings);
  if (entries.length === 0) return "";
  const total = entries.reduce((sum, [, s]) => sum + s, 0);
  const rows = entries.map(([phase, seconds]) => [
    escapeInline(phase, 60),
    `${seconds.toFixed(1)} s`
  ]);
  rows.push(["**total**", `**${total.toFixed(1)} s**`]);
  return details("Phase timings", table(["Phase", "Duration"], rows, ["l", "r"]));
}
function reproduceCommands(plan, context, maxServices) {
  const args = ["npm", "start", "--"];
  const label = plan.split.label;
  if (label && label.startsWith(context.labelPrefix) && /^\d{1,3}$/.test(label.slice(context.labelPrefix.length))) {
    args.push("--labels", shellQuote(label));
  }
  if (plan.baseSha && /^[0-9a-f]{7,64}$/i.test(plan.baseSha)) args.push("--base", plan.baseSha);
  if (/^[0-9a-f]{7,64}$/i.test(plan.headSha)) args.push("--head", plan.headSha);
  const port = context.loadBalancerPort ?? 8081;
  const lines2 = [args.join(" ")];
  for (const service of plan.services.slice(0, maxServices)) {
    for (const host of [service.host, service.tagHosts.base, service.tagHosts.pr]) {
      if (host) lines2.push(`curl -H ${hostHeader(host)} http://127.0.0.1:${port}`);
    }
  }
  return details(
    "Reproduce locally",
    codeBlock(lines2.join("\n"), { language: "sh", maxLength: 2e4 })
  );
}
function hostHeader(host) {
  return /^[A-Za-z0-9.-]+$/.test(host) ? `"Host: ${host}"` : shellQuote(`Host: ${host}`);
}
function changeSincePrevious(previous, report) {
  if (!previous) return "";
  const parts = [];
  for (const result of report.services) {
    const before = previous.services.find((s) => s.name === result.service);
    const prNow = result.revisions.find((r) => r.side === "pr");
    const prBefore = before?.revisions.find((r) => r.side === "pr");
    if (prNow && prBefore?.observedPercent !== void 0) {
      const name = report.services.length > 1 ? `${codeSpan(result.service, { maxLength: 60 })}: ` : "";
      parts.push(
        `${name}previous run ${percent(prBefore.observedPercent)} \u2192 now ${percent(prNow.observedPercent)} to PR`
      );
    }
  }
  const statusChange = previous.status !== report.status ? `status was ${escapeInline(previous.status, 40)}` : "";
  const commit2 = /^[0-9a-f]{7,64}$/i.test(previous.headSha) ? ` (on \`${previous.headSha.slice(0, 7)}\`)` : "";
  const all = [...parts, statusChange].filter(Boolean);
  return all.length ? `\u2194\uFE0F Since the previous run${commit2}: ${all.join("; ")}.` : "";
}
function planTable(plan, maxServices) {
  if (plan.services.length === 0) return "_No plan: the run failed before it was made._";
  const rows = plan.services.slice(0, maxServices).map((s) => [
    codeSpan(s.name, { inTable: true, maxLength: 80 }),
    codeSpan(s.namespace, { inTable: true, maxLength: 80 }),
    escapeInline(s.mode, 20),
    s.revisions.base ? codeSpan(s.revisions.base, { inTable: true, maxLength: 80 }) : "\u2013",
    codeSpan(s.revisions.pr, { inTable: true, maxLength: 80 }),
    s.traffic.map((t) => {
      const target = t.revisionName ?? (t.latestRevision ? "latest" : "?");
      const tag = t.tag ? ` (tag ${t.tag})` : "";
      return codeSpan(`${target}${tag}`, { inTable: true, maxLength: 120 }) + ` ${t.percent}%`;
    }).join("<br>")
  ]);
  const text = table(
    ["Service", "Namespace", "Mode", "Base revision", "PR revision", "Traffic"],
    rows
  );
  const hidden = plan.services.length - maxServices;
  return hidden > 0 ? `${text}

${omitted(hidden, "services")}` : text;
}
function failureBlock(report, context, maxChars) {
  if (!report.failure) return "";
  const log = runLogUrl(context);
  const where = log ? ` The [run log](${log}) has the details.` : "";
  return `**Phase ${codeSpan(report.failure.phase, { maxLength: 80 })} failed:**${where}

` + codeBlock(report.failure.message, { maxLength: maxChars });
}

// src/report/state.ts
var STATE_PREFIX = "<!-- knative-action:state ";
var STATE_SUFFIX = " -->";
var MAX_STATE_SERVICES = 50;
var MAX_STATE_CHARS = 16e3;
function snapshotOf({ plan, report, phase, run, now }) {
  const results = new Map(report.services.map((s) => [s.service, s]));
  const services = plan.services.slice(0, MAX_STATE_SERVICES).map((service) => {
    const result = phase === "result" ? results.get(service.name) : void 0;
    if (!result) {
      const revisions = [];
      if (service.revisions.base) {
        const name = service.revisions.base;
        revisions.push({
          revision: name,
          side: "base",
          configuredPercent: service.expected[name] ?? 0
        });
      }
      const pr = service.revisions.pr;
      revisions.push({ revision: pr, side: "pr", configuredPercent: service.expected[pr] ?? 0 });
      return { name: service.name, revisions, tags: [] };
    }
    return {
      name: service.name,
      verdict: result.verdict,
      pValue: result.pValue,
      requests: result.requests,
      revisions: result.revisions.map((r) => ({
        revision: r.revision,
        side: r.side,
        configuredPercent: r.configuredPercent,
        responses: r.responses,
        observedPercent: r.observedPercent,
        errors: r.errors
      })),
      tags: result.tagChecks.map((t) => ({ tag: t.tag, matched: t.matched, requests: t.requests }))
    };
  });
  return {
    phase,
    status: report.status,
    headSha: plan.headSha,
    baseSha: plan.baseSha,
    label: plan.split.label,
    prPercent: plan.split.prPercent,
    services,
    failure: report.failure ? { phase: report.failure.phase, message: report.failure.message.slice(0, 500) } : void 0,
    timings: report.timings,
    updatedAt: now.toISOString(),
    run
  };
}
function nextState(snapshot, previous) {
  const lastResult = snapshot.phase === "result" ? void 0 : lastResultOf(previous);
  return { v: 1, ...snapshot, ...lastResult ? { lastResult } : {} };
}
function lastResultOf(state) {
  if (!state) return void 0;
  if (state.phase === "result") {
    const { v: _v, lastResult: _last, ...snapshot } = state;
    return snapshot;
  }
  return state.lastResult;
}
function embedState(state) {
  let json = JSON.stringify(state);
  if (json.length > MAX_STATE_CHARS)
    json = JSON.stringify({ ...state, services: [], lastResult: void 0 });
  return `${STATE_PREFIX}${Buffer.from(json, "utf8").toString("base64")}${STATE_SUFFIX}`;
}
function extractState(body) {
  const line = body?.split("\n", 2)[1]?.trim();
  if (!line?.startsWith(STATE_PREFIX) || !line.endsWith(STATE_SUFFIX)) return void 0;
  const encoded = line.slice(STATE_PREFIX.length, -STATE_SUFFIX.length);
  if (!/^[A-Za-z0-9+/]*={0,2}$/.test(encoded)) return void 0;
  try {
    const parsed = JSON.parse(Buffer.from(encoded, "base64").toString("utf8"));
    return isCommentState(parsed) ? parsed : void 0;
  } catch {
    return void 0;
  }
}
function isCommentState(value) {
  if (typeof value !== "object" || value === null) return false;
  const v = value;
  return v.v === 1 && (v.phase === "deploying" || v.phase === "result") && typeof v.status === "string" && typeof v.headSha === "string" && typeof v.prPercent === "number" && Array.isArray(v.services);
}
function significantlyEqual(a, b) {
  return canonical(significant(a)) === canonical(significant(b));
}
function significant(state) {
  const { timings: _t, updatedAt: _u, run: _r, lastResult: _l, v: _v, ...rest } = state;
  return rest;
}
function canonical(value) {
  return JSON.stringify(value, (_key, v) => {
    if (v && typeof v === "object" && !Array.isArray(v)) {
      return Object.fromEntries(
        Object.entries(v).filter(([, inner]) => inner !== void 0).sort(([x], [y]) => x < y ? -1 : x > y ? 1 : 0)
      );
    }
    return v;
  });
}

// src/report/render-comment.ts
var COMMENT_MAX_CHARS = 65536;
var COMMENT_BUDGET_CHARS = 6e4;
var REDUCED_DETAIL = {
  maxServices: 5,
  maxRevisionRows: 10,
  maxTagRows: 10,
  maxSamples: 1,
  sampleChars: 80,
  failureChars: 2e3
};
var MINIMAL_DETAIL = {
  maxServices: 1,
  maxRevisionRows: 5,
  maxTagRows: 5,
  maxSamples: 0,
  sampleChars: 0,
  failureChars: 1e3
};
function renderComment(input) {
  const budget = input.budgetChars ?? COMMENT_BUDGET_CHARS;
  const state = nextState(
    snapshotOf({
      plan: input.plan,
      report: input.report,
      phase: input.phase,
      run: input.context.runId ? { id: input.context.runId, attempt: input.context.runAttempt ?? "1" } : void 0,
      now: input.now ?? /* @__PURE__ */ new Date()
    }),
    input.previous
  );
  const head = `${input.marker}
${embedState(state)}

`;
  const levels = [
    [FULL_DETAIL, false],
    [REDUCED_DETAIL, true],
    [MINIMAL_DETAIL, true]
  ];
  for (const [limits, reduced] of levels) {
    const body = head + renderBody(input, limits, reduced);
    if (body.length <= budget) return body;
  }
  return head + renderFallback(input);
}
function renderBody(input, limits, reduced) {
  const { plan, report, context } = input;
  const parts = [];
  if (input.phase === "deploying") {
    parts.push(
      "### \u23F3 Knative preview: deploying\u2026",
      commitsLine(plan, context),
      splitSentence(plan, context),
      "Setting up an ephemeral k3d cluster with Knative Serving and Contour in this run, then deploying:",
      planTable(plan, limits.maxServices)
    );
    const last = lastResultOf(input.previous);
    if (last) {
      const commit2 = /^[0-9a-f]{7,64}$/i.test(last.headSha) ? ` on \`${last.headSha.slice(0, 7)}\`` : "";
      parts.push(
        `_Previous result${commit2}: ${last.status.replace(/[^a-z]/g, "")}. This comment is updated when the run finishes._`
      );
    }
  } else {
    parts.push(headline(report), commitsLine(plan, context), splitSentence(plan, context));
    const change = changeSincePrevious(lastResultOf(input.previous), report);
    if (change) parts.push(change);
    const failure = failureBlock(report, context, limits.failureChars);
    if (failure) parts.push(failure);
    const plans = new Map(plan.services.map((s) => [s.name, s]));
    for (const result of report.services.slice(0, limits.maxServices)) {
      parts.push(serviceSection(plans.get(result.service), result, limits));
    }
    const hidden = report.services.length - limits.maxServices;
    if (hidden > 0) parts.push(`_${hidden} more services not shown here; see the job summary._`);
    if (report.services.length === 0 && report.status === "failed") {
      parts.push(planTable(plan, limits.maxServices));
    }
    const timings = timingsTable(report.timings);
    if (timings) parts.push(timings);
    parts.push(reproduceCommands(plan, context, limits.maxServices));
  }
  if (reduced) {
    parts.push(
      `> [!NOTE]
> This comment is shortened to fit GitHub's ${COMMENT_MAX_CHARS}-character limit; the job summary${jobSummaryLink(context)} has the full tables and samples.`
    );
  }
  parts.push(
    "<sub>Sticky comment by knative-action: one per pull request, updated in place on every run.</sub>"
  );
  return parts.join("\n\n") + "\n";
}
function jobSummaryLink(context) {
  const log = runLogUrl(context);
  return log ? ` of [the run](${log})` : "";
}
function renderFallback(input) {
  const { plan, report, context } = input;
  const title = input.phase === "deploying" ? "### \u23F3 Knative preview: deploying\u2026" : headline(report);
  return [
    title,
    commitsLine(plan, context),
    `The report is too large for a PR comment; the job summary${jobSummaryLink(context)} has all of it.`
  ].join("\n\n") + "\n";
}

// src/report/commenter.ts
function createPreviewCommenter(options) {
  const warn = options.warn ?? ((m) => warning(m));
  const log = options.log ?? ((m) => info(m));
  if (options.token) setSecret(options.token);
  const client = options.client ?? createGitHubClient({ token: options.token, onRetry: (m) => log(`comment: ${m}`) });
  const pr = options.plan.pullRequest;
  const target = pr ? {
    client,
    owner: options.plan.repository.owner,
    repo: options.plan.repository.repo,
    issueNumber: pr.number
  } : void 0;
  let identity;
  let current;
  let lookedUp = false;
  let previous;
  let gaveUp;
  async function publish(phase, report) {
    if (options.mode === "off") return { action: "skipped", reason: "comment: off" };
    if (!target) return { action: "skipped", reason: "not a pull request" };
    if (!options.token) return { action: "skipped", reason: "no github-token" };
    if (gaveUp)
      return { action: "skipped", reason: `not retried: ${gaveUp.reason ?? "failed before"}` };
    try {
      identity ??= resolveTokenIdentity(client).then((found) => {
        log(
          `comment: writing as ${found.login} (${found.source})${found.note ? `; ${found.note}` : ""}`
        );
        return found;
      });
      if (!lookedUp) {
        current = await findStickyComment({
          ...target,
          marker: options.marker,
          identity: await identity
        });
        previous = extractState(current?.body);
        lookedUp = true;
      }
    } catch (error2) {
      return giveUp(degraded(error2));
    }
    const body = renderComment({
      plan: options.plan,
      report,
      phase,
      context: options.context,
      marker: options.marker,
      previous,
      now: options.now?.()
    });
    if (options.mode === "on-change" && current) {
      const skip = onChangeSkipReason(phase, current.body, body);
      if (skip) return { action: "skipped", id: current.id, url: current.url, reason: skip };
    }
    const result = await writeStickyComment({ ...target, existingId: current?.id, body });
    if (result.action === "degraded") return giveUp({ ...result, body });
    if (result.id !== void 0 && result.url !== void 0)
      current = { id: result.id, url: result.url, body };
    return result;
  }
  function giveUp(result) {
    gaveUp = result;
    if (result.warning) warn(result.warning);
    return result;
  }
  return { publish, previousResult: () => lastResultOf(previous) };
}
function onChangeSkipReason(phase, existingBody, newBody) {
  if (phase === "deploying") return "on-change: the existing comment stays until the result";
  const before = extractState(existingBody);
  const after = extractState(newBody);
  if (before && after && significantlyEqual(before, after))
    return "on-change: nothing but timings changed";
  return void 0;
}

// src/report/marker.ts
var MARKER_PREFIX = "<!-- knative-action:preview";
function slug(value) {
  return value.replace(/[^A-Za-z0-9._/-]+/g, "_").replace(/-{2,}/g, "-").slice(0, 100);
}
function commentMarker(input = {}) {
  const parts = [
    input.workflow ? `workflow=${slug(input.workflow)}` : "",
    input.job ? `job=${slug(input.job)}` : "",
    input.key ? `key=${slug(input.key)}` : ""
  ].filter(Boolean);
  return `${MARKER_PREFIX}${parts.length ? " " + parts.join(" ") : ""} -->`;
}
function workflowFileOf(workflowRef) {
  if (!workflowRef) return void 0;
  const path7 = workflowRef.split("@")[0] ?? "";
  const file = path7.split("/").pop();
  return file || void 0;
}
function markerFromEnv(env = process.env, key) {
  return commentMarker({
    workflow: workflowFileOf(env.GITHUB_WORKFLOW_REF) ?? env.GITHUB_WORKFLOW,
    job: env.GITHUB_JOB,
    key
  });
}

// src/report/render-summary.ts
var import_yaml = __toESM(require_dist(), 1);
var SUMMARY_BUDGET_CHARS = 9e5;
var MANIFEST_CHARS = 5e4;
var MANIFESTS_TOTAL_CHARS = 3e5;
var DIAGNOSTICS_CHARS = 2e5;
var SUMMARY_DETAIL = {
  maxServices: 200,
  maxRevisionRows: 100,
  maxTagRows: 100,
  maxSamples: 10,
  sampleChars: 1e3,
  failureChars: 2e4
};
function renderSummary(input) {
  const { plan, report, context } = input;
  const parts = [headline(report)];
  if (plan?.pullRequest) {
    const { number, title } = plan.pullRequest;
    const link = `${repositoryUrl(context.serverUrl, context.repository)}/pull/${number}`;
    parts.push(`Pull request [#${number}](${link}): ${escapeInline(title, 200)}`);
  }
  if (plan) parts.push(commitsLine(plan, context), splitSentence(plan, context));
  const change = changeSincePrevious(input.previous, report);
  if (change) parts.push(change);
  const failure = failureBlock(report, context, SUMMARY_DETAIL.failureChars);
  if (failure) parts.push(failure);
  const plans = new Map(plan?.services.map((s) => [s.name, s]));
  for (const result of report.services.slice(0, SUMMARY_DETAIL.maxServices)) {
    parts.push(serviceSection(plans.get(result.service), result, SUMMARY_DETAIL));
  }
  const timings = timingsTable(report.timings);
  if (timings) parts.push(timings);
  if (plan) parts.push(planSection(plan, context));
  if (input.diagnostics) {
    parts.push(
      details("Diagnostics", codeBlock(input.diagnostics, { maxLength: DIAGNOSTICS_CHARS }))
    );
  }
  return fit(parts);
}
function renderPlanSummary(plan, context) {
  return renderSummary({ plan, report: { status: "planned", services: [], timings: {} }, context });
}
function planSection(plan, context) {
  const parts = ["#### Plan", planTable(plan, SUMMARY_DETAIL.maxServices)];
  const labels = plan.labels.length ? plan.labels.map((l) => codeSpan(l, { maxLength: 80 })).join(", ") : "_none_";
  parts.push(`PR labels: ${labels}. ${escapeInline(plan.split.reason, 300)}`);
  parts.push(renderManifests(plan));
  parts.push(reproduceCommands(plan, context, SUMMARY_DETAIL.maxServices));
  return parts.join("\n\n");
}
function renderManifests(plan) {
  const documents = [];
  for (const service of plan.services) {
    if (service.manifests.base)
      documents.push({ title: `${service.name} (base)`, object: service.manifests.base });
    documents.push({ title: `${service.name} (PR)`, object: service.manifests.pr });
  }
  for (const other of plan.otherObjects)
    documents.push({ title: `${other.kind} ${other.metadata.name}`, object: other });
  let budget = MANIFESTS_TOTAL_CHARS;
  const blocks = [];
  for (const doc of documents) {
    if (budget <= 0) {
      blocks.push(`_${documents.length - blocks.length} more manifests not shown (size limit)._`);
      break;
    }
    const yaml = truncate((0, import_yaml.stringify)(doc.object), Math.min(MANIFEST_CHARS, budget));
    budget -= yaml.length;
    blocks.push(
      `${escapeInline(doc.title, 200)}

${codeBlock(yaml, { language: "yaml", maxLength: MANIFEST_CHARS })}`
    );
  }
  if (blocks.length === 0) return "";
  return details(`Rendered manifests (${documents.length})`, blocks.join("\n\n"));
}
function fit(parts) {
  const kept = [];
  let length = 0;
  let dropped = 0;
  for (const part of parts) {
    if (length + part.length + 2 > SUMMARY_BUDGET_CHARS - 200) {
      dropped++;
      continue;
    }
    kept.push(part);
    length += part.length + 2;
  }
  if (dropped > 0) kept.push(`_${dropped} sections left out: the summary is limited to 1 MiB._`);
  return kept.join("\n\n") + "\n";
}

// src/git/git-client.ts
import path from "node:path";
var GitClient = class _GitClient {
  constructor(git, toplevel) {
    this.git = git;
    this.toplevel = toplevel;
  }
  git;
  toplevel;
  /** Opens the repository that contains `directory`; undefined when it is not in one. */
  static async open(directory, runner = createToolRunner("git")) {
    const result = await runner.run(["rev-parse", "--show-toplevel"], { cwd: directory }).catch(() => void 0);
    if (!result || result.exitCode !== 0) return void 0;
    return new _GitClient(withCwd(runner, result.stdout.trim()), result.stdout.trim());
  }
  async hasCommit(sha) {
    const result = await this.git.run(["cat-file", "-e", `${sha}^{commit}`]);
    return result.exitCode === 0;
  }
  /** Fetches one commit shallowly (actions/checkout's default depth-1 clone lacks the base). */
  async fetchCommit(sha, remote = "origin") {
    await withRetry(
      () => this.git.runOk([
        // Give up on a stalled transfer instead of hanging the job.
        "-c",
        "http.lowSpeedLimit=1000",
        "-c",
        "http.lowSpeedTime=30",
        "fetch",
        "--no-tags",
        "--no-recurse-submodules",
        "--depth=1",
        remote,
        sha
      ]),
      {
        what: `git fetch ${remote} ${sha}`,
        attempts: 3,
        initialDelayMs: 2e3,
        isTransient: (error2) => !(error2 instanceof ToolError && /not our ref|couldn't find remote ref|does not appear to be a git repository|No such remote/i.test(
          error2.message
        ))
      }
    );
  }
  /** Paths of the files under `repoPath` (relative to the top level) at `sha`. */
  async listFiles(sha, repoPath) {
    const result = await this.git.runOk([
      "ls-tree",
      "-r",
      "-z",
      "--name-only",
      sha,
      "--",
      repoPath === "" ? "." : repoPath
    ]);
    return result.stdout.split("\0").filter(Boolean);
  }
  async readFile(sha, repoPath) {
    return (await this.git.runOk(["show", `${sha}:${repoPath}`])).stdout;
  }
  /** A workspace path as git names it (relative to the top level, forward slashes). */
  repoPath(absolute) {
    return path.relative(this.toplevel, absolute).split(path.sep).join("/");
  }
};
function withCwd(runner, cwd) {
  return {
    tool: runner.tool,
    run: (args, options) => runner.run(args, { cwd, ...options }),
    runOk: (args, options) => runner.runOk(args, { cwd, ...options })
  };
}

// src/manifests/commit-source.ts
import path2 from "node:path";

// src/manifests/documents.ts
var import_yaml2 = __toESM(require_dist(), 1);
function parseManifestFile(text, file) {
  const lineCounter = new import_yaml2.LineCounter();
  const documents = (0, import_yaml2.parseAllDocuments)(text, { lineCounter, prettyErrors: false, uniqueKeys: true });
  if (!Array.isArray(documents)) {
    return [];
  }
  const lineAt = (offset) => lineCounter.linePos(offset).line;
  const result = [];
  for (const doc of documents) {
    const error2 = doc.errors[0];
    if (error2) {
      const line = lineAt(error2.pos[0]);
      throw new UserError(`${file}:${line}: YAML syntax error: ${firstLine(error2.message)}`, {
        file,
        line
      });
    }
    if (doc.contents === null || (0, import_yaml2.isScalar)(doc.contents) && doc.contents.value === null) continue;
    const docLine = lineAt(doc.contents.range?.[0] ?? 0);
    if (!(0, import_yaml2.isMap)(doc.contents)) {
      throw new UserError(
        `${file}:${docLine}: expected a Kubernetes object (a YAML mapping with apiVersion, kind and metadata), found a ${describe(doc.toJS())}.`,
        { file, line: docLine }
      );
    }
    const object = doc.toJS({ maxAliasCount: 50 });
    const lineOf = (path7) => lineOfPath(doc, path7, lineAt, docLine);
    checkShape(object, file, lineOf);
    result.push({ object, source: { file, line: docLine }, lineOf });
  }
  return result;
}
function lineOfPath(doc, path7, lineAt, fallback) {
  for (let depth = path7.length; depth >= 0; depth--) {
    const node = doc.getIn(path7.slice(0, depth), true);
    if (node && typeof node === "object" && node.range) return lineAt(node.range[0]);
  }
  return fallback;
}
function checkShape(object, file, lineOf) {
  const fail = (path7, what) => {
    const line = lineOf(path7);
    throw new UserError(`${file}:${line}: ${what}`, { file, line });
  };
  for (const field of ["apiVersion", "kind"]) {
    if (typeof object[field] !== "string" || !object[field])
      fail(
        [field],
        `every object needs a string '${field}'; this document has ${JSON.stringify(object[field] ?? null)}.`
      );
  }
  const metadata = object.metadata;
  if (typeof metadata !== "object" || metadata === null || Array.isArray(metadata))
    fail(["metadata"], `${String(object.kind)} needs 'metadata' with a 'name'.`);
  const meta = metadata;
  if (typeof meta.name !== "string" || !meta.name)
    fail(
      ["metadata", "name"],
      `${String(object.kind)} needs a string metadata.name (generateName is not supported: revision names are derived from it).`
    );
  if (meta.namespace !== void 0 && typeof meta.namespace !== "string")
    fail(["metadata", "namespace"], "metadata.namespace must be a string.");
}
function describe(value) {
  if (Array.isArray(value)) return "list";
  if (value === null) return "null";
  return `${typeof value} (${JSON.stringify(value).slice(0, 40)})`;
}
function firstLine(message) {
  return message.split("\n")[0] ?? message;
}

// src/manifests/files.ts
var isManifestFile = (name) => /\.ya?ml$/i.test(name);
async function loadManifests(source) {
  const files = await source.readFiles();
  if (!files) return void 0;
  return files.flatMap((file) => parseManifestFile(file.text, file.path));
}

// src/manifests/commit-source.ts
function commitSource(git, options) {
  const short = options.sha.slice(0, 7);
  return {
    description: `base commit ${short}`,
    async readFiles() {
      if (!git) {
        throw new UserError(
          `The workspace '${options.workspace}' is not a git checkout, so the base side (commit ${short}) cannot be read. Check out the repository with actions/checkout (fetch-depth: 0) before this action.`
        );
      }
      if (!await git.hasCommit(options.sha)) {
        if (options.canFetch) await git.fetchCommit(options.sha).catch(() => void 0);
        if (!await git.hasCommit(options.sha)) {
          throw new UserError(
            `The base commit ${options.sha} is not in the checkout and could not be fetched. Use actions/checkout with 'fetch-depth: 0' (or fetch the base branch) so the base side's manifests can be read.`
          );
        }
      }
      const root = git.repoPath(path2.resolve(options.workspace, options.manifestsPath));
      const listed = await git.listFiles(options.sha, root);
      if (listed.length === 0) return void 0;
      const single = listed.length === 1 && listed[0] === root;
      const insideRoot = (file) => root === "" ? file : file.slice(root.length + 1);
      const files = single ? listed : listed.filter(
        (file) => isManifestFile(file) && !insideRoot(file).split("/").some((part) => part.startsWith("."))
      );
      const result = [];
      for (const file of files.sort()) {
        const shown = path2.relative(options.workspace, path2.join(git.toplevel, file)) || file;
        result.push({ path: `${shown}@${short}`, text: await git.readFile(options.sha, file) });
      }
      return result;
    }
  };
}

// src/manifests/workspace-source.ts
import { readdir, readFile, stat } from "node:fs/promises";
import path3 from "node:path";
function workspaceSource(workspace, manifestsPath) {
  return {
    description: "workspace",
    async readFiles() {
      const root = path3.resolve(workspace, manifestsPath);
      const info2 = await stat(root).catch(() => void 0);
      if (!info2) return void 0;
      const absolute = info2.isDirectory() ? await listYaml(root) : [root];
      const files = [];
      for (const file of absolute) {
        files.push({
          path: path3.relative(workspace, file) || path3.basename(file),
          text: await readFile(file, "utf8")
        });
      }
      return files;
    }
  };
}
async function listYaml(dir) {
  const entries = await readdir(dir, { withFileTypes: true });
  const found = [];
  for (const entry of entries.sort((a, b) => a.name.localeCompare(b.name))) {
    if (entry.name.startsWith(".")) continue;
    const full = path3.join(dir, entry.name);
    if (entry.isDirectory()) found.push(...await listYaml(full));
    else if (entry.isFile() && isManifestFile(entry.name)) found.push(full);
  }
  return found;
}
async function requireFiles(source, manifestsPath) {
  const files = await source.readFiles();
  if (!files || files.length === 0) {
    throw new UserError(
      `No Knative manifests at '${manifestsPath}' in the ${source.description}: set the 'manifests' input to a folder or file of .yaml/.yml manifests (relative to the workspace).`
    );
  }
  return files;
}

// src/plan/labels.ts
function decideSplit(labels, prefix) {
  const canary = [];
  const invalid = [];
  const lowerPrefix = prefix.toLowerCase();
  for (const label of new Set(labels)) {
    if (!label.toLowerCase().startsWith(lowerPrefix)) continue;
    const rest = label.slice(prefix.length);
    const percent2 = /^\d{1,3}$/.test(rest) ? Number(rest) : Number.NaN;
    if (percent2 >= 0 && percent2 <= 100) canary.push({ label, percent: percent2 });
    else invalid.push(label);
  }
  const accepted = `${prefix}0 to ${prefix}100`;
  if (invalid.length) {
    const many = invalid.length > 1;
    throw new UserError(
      `Label${many ? "s" : ""} ${quoteList(invalid)} ${many ? "are" : "is"} not a valid split: use ${accepted} (the percent of traffic for the PR revision).`
    );
  }
  if (canary.length > 1) {
    throw new UserError(
      `The PR has ${canary.length} split labels (${quoteList(canary.map((c) => c.label))}); keep exactly one of ${accepted}.`
    );
  }
  const chosen = canary[0];
  if (!chosen)
    return {
      prPercent: 100,
      reason: `no ${prefix}N label, so the PR revision gets 100% of traffic`
    };
  return {
    prPercent: chosen.percent,
    label: chosen.label,
    reason: `label ${chosen.label}: ${chosen.percent}% to the PR revision, ${100 - chosen.percent}% to the base revision`
  };
}
function quoteList(items) {
  return items.map((item) => `'${item}'`).join(", ");
}

// src/plan/revision-names.ts
var MAX_NAME = 63;
function revisionName(service, side, sha) {
  const commit2 = sha.toLowerCase().replace(/[^0-9a-f]/g, "");
  if (commit2.length < 7) throw new Error(`revision name needs a commit SHA, got '${sha}'`);
  const full = `${service}-${side}-${commit2.slice(0, 7)}`;
  if (full.length <= MAX_NAME) return full;
  const room = MAX_NAME - service.length - 3;
  if (room < 4) {
    throw new UserError(
      `Service name '${service}' is ${service.length} characters; revision names (<service>-<side>-<commit>) must fit in 63, so keep service names to 56 characters or fewer.`
    );
  }
  return `${service}-${side[0]}-${commit2.slice(0, Math.min(room, 7))}`;
}

// src/plan/knative-rules.ts
var DNS_1035 = /^[a-z]([-a-z0-9]*[a-z0-9])?$/;
var isKnativeService = (object) => object.kind === "Service" && object.apiVersion === "serving.knative.dev/v1";
var isDns1035Label = (value) => value.length <= 63 && DNS_1035.test(value);
function knativeServiceViolations(service) {
  const violations = [];
  const name = service.metadata.name;
  if (!isDns1035Label(name)) {
    violations.push({
      path: ["metadata", "name"],
      message: `Service name '${name}' must be a DNS-1035 label: lowercase letters, digits and '-', starting with a letter, at most 63 characters.`
    });
  }
  const spec = record(service.spec);
  const template = record(spec?.template);
  const templateName = record(template?.metadata)?.name;
  if (templateName !== void 0) {
    if (typeof templateName !== "string" || !templateName.startsWith(`${name}-`)) {
      violations.push({
        path: ["spec", "template", "metadata", "name"],
        message: `Revision name '${String(templateName)}' must start with the service name followed by a dash ('${name}-').`
      });
    } else if (!isDns1035Label(templateName)) {
      violations.push({
        path: ["spec", "template", "metadata", "name"],
        message: `Revision name '${templateName}' must be a DNS-1035 label of at most 63 characters.`
      });
    }
  }
  const containers = record(template?.spec)?.containers;
  if (!Array.isArray(containers) || containers.length === 0) {
    violations.push({
      path: ["spec", "template", "spec", "containers"],
      message: "spec.template.spec.containers needs at least one container with an image."
    });
  } else {
    containers.forEach((container, index) => {
      if (typeof record(container)?.image !== "string" || !record(container)?.image) {
        violations.push({
          path: ["spec", "template", "spec", "containers", index, "image"],
          message: `containers[${index}] needs an image.`
        });
      }
    });
  }
  if (spec?.traffic !== void 0) violations.push(...trafficViolations(spec.traffic));
  return violations;
}
function trafficViolations(traffic) {
  if (!Array.isArray(traffic))
    return [
      { path: ["spec", "traffic"], message: "spec.traffic must be a list of traffic targets." }
    ];
  const violations = [];
  const tags = /* @__PURE__ */ new Set();
  let sum = 0;
  traffic.forEach((entry, index) => {
    const target = record(entry) ?? {};
    const at = (field) => ["spec", "traffic", index, field];
    const percent2 = target.percent ?? 0;
    if (!Number.isInteger(percent2) || percent2 < 0 || percent2 > 100) {
      violations.push({
        path: at("percent"),
        message: `traffic[${index}].percent is ${JSON.stringify(target.percent)}; it must be a whole number from 0 to 100.`
      });
    } else sum += percent2;
    if (target.latestRevision === true && target.revisionName) {
      violations.push({
        path: at("revisionName"),
        message: `traffic[${index}] sets both latestRevision: true and revisionName '${String(target.revisionName)}'; use one of them.`
      });
    }
    if (target.latestRevision !== true && !target.revisionName && target.latestRevision !== void 0) {
      violations.push({
        path: at("latestRevision"),
        message: `traffic[${index}] has latestRevision: false but no revisionName.`
      });
    }
    if (target.tag !== void 0) {
      const tag = String(target.tag);
      if (!isDns1035Label(tag))
        violations.push({
          path: at("tag"),
          message: `traffic[${index}].tag '${tag}' must be a DNS-1035 label.`
        });
      else if (tags.has(tag))
        violations.push({
          path: at("tag"),
          message: `traffic tag '${tag}' is used twice; tags must be unique.`
        });
      tags.add(tag);
    }
  });
  if (traffic.length > 0 && sum !== 100) {
    violations.push({
      path: ["spec", "traffic"],
      message: `traffic percents add up to ${sum}; they must add up to 100.`
    });
  }
  return violations;
}
function record(value) {
  return typeof value === "object" && value !== null && !Array.isArray(value) ? value : void 0;
}

// src/plan/render.ts
function renderService(service, options) {
  const copy = structuredClone(service);
  delete copy.status;
  const metadata = { ...copy.metadata, namespace: options.namespace };
  for (const field of [
    "resourceVersion",
    "uid",
    "generation",
    "creationTimestamp",
    "managedFields",
    "selfLink"
  ])
    delete metadata[field];
  const spec = { ...copy.spec ?? {} };
  const template = { ...spec.template ?? {} };
  template.metadata = {
    ...template.metadata ?? {},
    name: options.revision
  };
  spec.template = template;
  spec.traffic = options.traffic.map((target) => ({ ...target }));
  return { ...copy, metadata, spec };
}

// src/plan/build-plan.ts
function buildPlan(input) {
  const { trigger } = input;
  const isPr = trigger.kind === "pull_request";
  const split = isPr ? decideSplit(input.labels, input.labelPrefix) : {
    prPercent: 100,
    reason: `${trigger.eventName} preview: one revision of the workspace manifests gets 100%`
  };
  const headSha = isPr ? trigger.headSha : trigger.sha;
  const baseSha = isPr ? trigger.baseSha : void 0;
  const prServices = knativeServices(input.prDocuments);
  if (prServices.length === 0) {
    const files = [...new Set(input.prDocuments.map((d) => d.source.file))];
    throw new UserError(
      `No Knative Service (apiVersion serving.knative.dev/v1, kind Service) in the manifests${files.length ? ` (${files.join(", ")})` : ""}; the preview needs at least one.`,
      input.prDocuments[0] ? { file: input.prDocuments[0].source.file, line: 1 } : void 0
    );
  }
  const baseByKey = new Map(
    knativeServices(input.baseDocuments ?? []).map((doc) => [keyOf(doc.object), doc])
  );
  const services = prServices.map((doc) => {
    const name = doc.object.metadata.name;
    const namespace = doc.object.metadata.namespace ?? "default";
    const prRevision = revisionName(name, "pr", headSha);
    const baseDoc = isPr ? baseByKey.get(keyOf(doc.object)) : void 0;
    const mode = !isPr ? "single" : baseDoc ? "canary" : "new";
    const host = `${name}.${namespace}.${input.domain}`;
    const rewrite = input.rewriteImages ?? ((service) => service);
    if (mode === "canary" && baseDoc && baseSha) {
      const baseRevision = revisionName(name, "base", baseSha);
      const traffic2 = [
        { revisionName: baseRevision, percent: 100 - split.prPercent, tag: "base" },
        { revisionName: prRevision, percent: split.prPercent, tag: "pr" }
      ];
      return {
        name,
        namespace,
        source: doc.source,
        mode,
        revisions: { base: baseRevision, pr: prRevision },
        manifests: {
          base: rewrite(
            renderService(baseDoc.object, {
              namespace,
              revision: baseRevision,
              traffic: [{ revisionName: baseRevision, percent: 100, tag: "base" }]
            }),
            "base"
          ),
          pr: rewrite(
            renderService(doc.object, { namespace, revision: prRevision, traffic: traffic2 }),
            "pr"
          )
        },
        traffic: traffic2,
        expected: expectedOf(traffic2),
        host,
        url: `http://${host}`,
        tagHosts: { base: `base-${host}`, pr: `pr-${host}` }
      };
    }
    const traffic = [{ revisionName: prRevision, percent: 100, tag: "pr" }];
    return {
      name,
      namespace,
      source: doc.source,
      mode,
      note: mode === "new" ? `service ${name} does not exist at the base commit ${baseSha?.slice(0, 7)}, so it is new: the PR revision gets 100% whatever the labels say` : split.reason,
      revisions: { pr: prRevision },
      manifests: {
        pr: rewrite(renderService(doc.object, { namespace, revision: prRevision, traffic }), "pr")
      },
      traffic,
      expected: expectedOf(traffic),
      host,
      url: `http://${host}`,
      tagHosts: { pr: `pr-${host}` }
    };
  });
  return {
    event: isPr ? "pull_request" : trigger.eventName,
    repository: trigger.repository,
    pullRequest: isPr ? {
      number: trigger.number,
      title: trigger.title,
      htmlUrl: trigger.htmlUrl,
      baseRef: trigger.baseRef,
      headRef: trigger.headRef
    } : void 0,
    baseSha,
    headSha,
    labels: [...input.labels],
    split,
    domain: input.domain,
    services,
    otherObjects: input.prDocuments.filter((doc) => !isKnativeService(doc.object)).map((doc) => doc.object)
  };
}
function knativeServices(documents) {
  const seen = /* @__PURE__ */ new Map();
  for (const doc of documents) {
    if (!isKnativeService(doc.object)) continue;
    const violation = knativeServiceViolations(doc.object)[0];
    if (violation) {
      const line = doc.lineOf(violation.path);
      throw new UserError(`${doc.source.file}:${line}: ${violation.message}`, {
        file: doc.source.file,
        line
      });
    }
    const key = keyOf(doc.object);
    const earlier = seen.get(key);
    if (earlier) {
      throw new UserError(
        `${doc.source.file}:${doc.source.line}: Knative Service '${key}' is defined twice (also at ${earlier.source.file}:${earlier.source.line}).`,
        { file: doc.source.file, line: doc.source.line }
      );
    }
    seen.set(key, doc);
  }
  return [...seen.values()];
}
function keyOf(object) {
  return `${object.metadata.namespace ?? "default"}/${object.metadata.name}`;
}
function expectedOf(traffic) {
  const expected = {};
  for (const target of traffic)
    if (target.revisionName) expected[target.revisionName] = target.percent;
  return expected;
}

// src/images/rewrite.ts
var DEV_LOCAL = /^dev\.local\/([^:@]+)(?::[^@]+)?(?:@.+)?$/;
function rewriteLocalImages(service, tags) {
  const manifest = structuredClone(service);
  const replaced = [];
  const unknown = [];
  const podSpec = manifest.spec?.template?.spec;
  for (const field of ["initContainers", "containers"]) {
    const containers = podSpec?.[field];
    if (!Array.isArray(containers)) continue;
    for (const container of containers) {
      if (typeof container.image !== "string") continue;
      const match = DEV_LOCAL.exec(container.image.trim());
      if (!match) continue;
      const tag = tags[match[1]];
      if (!tag) {
        unknown.push(container.image);
        continue;
      }
      if (container.image !== tag)
        replaced.push({ container: container.name ?? field, from: container.image, to: tag });
      container.image = tag;
    }
  }
  return { manifest, replaced, unknown };
}

// src/plan/image-tags.ts
function imageRewriter(specs, shas) {
  return (service, side) => {
    const sha = side === "base" ? shas.base : shas.pr;
    const tags = Object.fromEntries(
      specs.map((spec) => [spec.name, sha ? localImageTag(spec.name, sha) : ""])
    );
    const { manifest, unknown } = rewriteLocalImages(service, tags);
    if (unknown.length) {
      throw new UserError(
        `Service ${service.metadata.name} (${side} side) uses ${unknown.join(", ")}, which no 'build' line produces. dev.local images exist only when the action builds them: add a line like ${unknown.map(
          (image) => `${image.replace(/^dev\.local\//, "").replace(/[:@].*$/, "")}=<context folder>`
        ).join(", ")} to the 'build' input.`
      );
    }
    return manifest;
  };
}

// src/action/make-plan.ts
async function makePlan(options) {
  const { config, runner, trigger } = options;
  const prFiles = await requireFiles(
    workspaceSource(runner.workspace, config.manifests),
    config.manifests
  );
  const prDocuments = prFiles.flatMap((file) => parseManifestFile(file.text, file.path));
  let baseDocuments;
  if (trigger.kind === "pull_request") {
    const git = await GitClient.open(runner.workspace);
    const source = commitSource(git, {
      workspace: runner.workspace,
      manifestsPath: config.manifests,
      sha: trigger.baseSha,
      canFetch: runner.inActions
    });
    baseDocuments = await loadManifests(source);
    if (!baseDocuments)
      info(
        `'${config.manifests}' does not exist at the base commit ${trigger.baseSha.slice(0, 7)}: every service is new.`
      );
  }
  const labels = config.labelOverride ?? (trigger.kind === "pull_request" ? trigger.labels : []);
  if (config.labelOverride)
    info(
      `Using the 'labels' input instead of the PR's labels: ${labels.join(", ") || "(none)"}`
    );
  return buildPlan({
    trigger,
    labels,
    labelPrefix: config.labelPrefix,
    domain: config.domain,
    prDocuments,
    baseDocuments,
    rewriteImages: imageRewriter(parseBuildLines(config.build), {
      base: trigger.kind === "pull_request" ? trigger.baseSha : void 0,
      pr: trigger.kind === "pull_request" ? trigger.headSha : trigger.sha
    })
  });
}

// src/action/log-plan.ts
var import_yaml3 = __toESM(require_dist(), 1);
async function logPlan(plan) {
  info(`Split: ${plan.split.reason}`);
  for (const service of plan.services) {
    await group(
      `Plan for ${service.namespace}/${service.name} (${service.mode})`,
      async () => {
        if (service.note) info(`Note: ${service.note}`);
        info(
          `Revisions: base ${service.revisions.base ?? "(none)"}, PR ${service.revisions.pr}`
        );
        for (const target of service.traffic)
          info(`Traffic: ${target.percent}% -> ${target.revisionName} (tag ${target.tag})`);
        info(`Route: ${service.url}`);
        if (service.manifests.base)
          info(`--- base manifest (applied first)
${(0, import_yaml3.stringify)(service.manifests.base)}`);
        info(`--- PR manifest (applied second)
${(0, import_yaml3.stringify)(service.manifests.pr)}`);
      }
    );
  }
  if (plan.otherObjects.length) {
    info(
      `Other objects applied after the services: ${plan.otherObjects.map((o) => `${o.kind}/${o.metadata.name}`).join(", ")}`
    );
  }
}

// src/action/outputs.ts
function planOutputs(plan) {
  const single = plan.services.length === 1 ? plan.services[0] : void 0;
  const revisionsOf = (service) => ({
    base: service.revisions.base ?? null,
    pr: service.revisions.pr
  });
  return {
    traffic: JSON.stringify(
      single ? single.traffic : Object.fromEntries(plan.services.map((s) => [s.name, s.traffic]))
    ),
    revisions: JSON.stringify(
      single ? revisionsOf(single) : Object.fromEntries(plan.services.map((s) => [s.name, revisionsOf(s)]))
    ),
    url: plan.services[0]?.url ?? ""
  };
}

// src/action/runner-env.ts
import { readFile as readFile2 } from "node:fs/promises";
import os from "node:os";
import path4 from "node:path";
function readRunnerEnv(env = process.env) {
  return {
    workspace: env.GITHUB_WORKSPACE || process.cwd(),
    eventName: env.GITHUB_EVENT_NAME ?? "",
    eventPath: env.GITHUB_EVENT_PATH || void 0,
    sha: env.GITHUB_SHA || void 0,
    ref: env.GITHUB_REF || void 0,
    repository: env.GITHUB_REPOSITORY || void 0,
    serverUrl: (env.GITHUB_SERVER_URL || "https://github.com").replace(/\/+$/, ""),
    apiUrl: (env.GITHUB_API_URL || "https://api.github.com").replace(/\/+$/, ""),
    runId: env.GITHUB_RUN_ID || void 0,
    runAttempt: env.GITHUB_RUN_ATTEMPT || void 0,
    runnerTemp: env.RUNNER_TEMP || path4.join(os.tmpdir(), "knative-action"),
    inActions: env.GITHUB_ACTIONS === "true"
  };
}
async function readEventPayload(runner) {
  if (!runner.eventName)
    throw new UserError(
      "GITHUB_EVENT_NAME is not set: run this as a GitHub Action step, or locally with `npm start`."
    );
  if (!runner.eventPath)
    throw new UserError("GITHUB_EVENT_PATH is not set, so the event payload cannot be read.");
  const text = await readFile2(runner.eventPath, "utf8").catch((error2) => {
    throw new UserError(`Cannot read the event payload at ${runner.eventPath}: ${String(error2)}`);
  });
  try {
    return JSON.parse(text);
  } catch (error2) {
    throw new UserError(
      `The event payload at ${runner.eventPath} is not valid JSON: ${String(error2)}`,
      { file: runner.eventPath }
    );
  }
}

// src/action/report-failure.ts
function reportFailure(error2) {
  const message = errorMessage(error2);
  if (!(error2 instanceof UserError) && error2 instanceof Error && error2.stack)
    debug(error2.stack);
  const location = error2 instanceof UserError ? error2.location : void 0;
  error(
    message,
    location ? { file: location.file, startLine: location.line, title: "knative-action" } : { title: "knative-action" }
  );
  process.exitCode = ExitCode.Failure;
}

// src/action/write-plan-files.ts
var import_yaml4 = __toESM(require_dist(), 1);
import { mkdir, writeFile } from "node:fs/promises";
import path5 from "node:path";
function renderedManifestFiles(plan) {
  const files = [];
  for (const service of plan.services) {
    const prefix = `${service.namespace}-${service.name}`;
    if (service.manifests.base)
      files.push({ name: `${prefix}.1-base.yaml`, text: (0, import_yaml4.stringify)(service.manifests.base) });
    files.push({ name: `${prefix}.2-pr.yaml`, text: (0, import_yaml4.stringify)(service.manifests.pr) });
  }
  if (plan.otherObjects.length) {
    files.push({
      name: "zz-other-objects.yaml",
      text: plan.otherObjects.map((object) => (0, import_yaml4.stringify)(object)).join("---\n")
    });
  }
  return files;
}
async function writePlanFiles(plan, dir) {
  await mkdir(dir, { recursive: true });
  for (const file of renderedManifestFiles(plan))
    await writeFile(path5.join(dir, file.name), file.text);
  await writeFile(path5.join(dir, "plan.json"), `${JSON.stringify(plan, null, 2)}
`);
  return dir;
}

// src/action/run-main.ts
async function runMain() {
  const runner = readRunnerEnv();
  let config;
  let plan;
  let trigger;
  try {
    config = parseInputs();
    const payload = await readEventPayload(runner);
    trigger = readTrigger({
      eventName: runner.eventName,
      payload,
      sha: runner.sha,
      ref: runner.ref,
      repository: runner.repository
    });
    if (trigger.kind === "closed") {
      info(`PR #${trigger.number} is closed: there is nothing to preview.`);
      saveState(STATE_OUTCOME, "success");
      return;
    }
    plan = await makePlan({ config, runner, trigger });
    await logPlan(plan);
    for (const [name, value] of Object.entries(planOutputs(plan))) setOutput(name, value);
    const planDir = await writePlanFiles(
      plan,
      path6.join(runner.runnerTemp, "knative-action", "plan")
    );
    info(`Rendered manifests written to ${planDir}`);
    const context = renderContext(config, runner);
    if (config.dryRun) {
      setOutput(
        "report",
        JSON.stringify({ status: "planned", services: [], timings: {} })
      );
      await writeJobSummary(renderPlanSummary(plan, context));
      info("dry-run: planned only; no cluster was created and no comment was written.");
      saveState(STATE_OUTCOME, "success");
      return;
    }
    await preview(config, runner, plan, context);
  } catch (error2) {
    saveState(STATE_OUTCOME, "failure");
    reportFailure(error2);
    const report = {
      status: "failed",
      services: [],
      timings: {},
      failure: { phase: plan ? "preview" : "plan", message: errorMessage(error2) }
    };
    setOutput("report", JSON.stringify(report));
    const context = renderContext(config, runner);
    const commentPlan = plan ?? (trigger?.kind === "pull_request" ? unplannedPullRequest(trigger, config) : void 0);
    if (commentPlan && config?.githubToken && !config.dryRun) {
      const commenter = createPreviewCommenter({
        token: config.githubToken,
        mode: config.comment,
        plan: commentPlan,
        context,
        marker: markerFromEnv()
      });
      await commenter.publish("result", report);
    }
    await writeJobSummary(renderSummary({ plan, report, context })).catch(() => void 0);
  }
}
async function preview(config, runner, plan, context) {
  const commenter = createPreviewCommenter({
    token: config.githubToken,
    mode: config.comment,
    plan,
    context,
    marker: markerFromEnv()
  });
  await commenter.publish("deploying", { status: "deploying", services: [], timings: {} });
  const { report, failed } = await runPreview(config, runner, plan);
  saveState(STATE_OUTCOME, failed ? "failure" : "success");
  setOutput("report", JSON.stringify(report));
  setOutput("timings", JSON.stringify(report.timings));
  const written = await commenter.publish("result", report);
  if (written.id !== void 0) setOutput("comment-id", String(written.id));
  if (written.url) setOutput("comment-url", written.url);
  await writeJobSummary(
    renderSummary({ plan, report, context, previous: commenter.previousResult() })
  );
  if (report.failure) setFailed(`${report.failure.phase} failed: ${report.failure.message}`);
  else if (failed) {
    const reasons = report.services.filter((s) => s.verdict === "deviates").map((s) => `${s.service}: ${s.reason}`);
    setFailed(
      `The observed traffic split deviates from the configured one (fail-on-deviation is on). ${reasons.join("; ")}`
    );
  } else info(`Preview finished: ${report.status}.`);
}
function renderContext(config, runner) {
  return {
    serverUrl: runner.serverUrl,
    repository: runner.repository ?? "local/preview",
    runId: runner.runId,
    runAttempt: runner.runAttempt,
    labelPrefix: config?.labelPrefix ?? "canary-",
    requests: config?.requests ?? 400,
    loadBalancerPort: config?.loadBalancerPort ?? 8081
  };
}
function unplannedPullRequest(trigger, config) {
  return {
    event: "pull_request",
    repository: trigger.repository,
    pullRequest: {
      number: trigger.number,
      title: trigger.title,
      htmlUrl: trigger.htmlUrl,
      baseRef: trigger.baseRef,
      headRef: trigger.headRef
    },
    baseSha: trigger.baseSha,
    headSha: trigger.headSha,
    labels: config?.labelOverride ?? trigger.labels,
    split: { prPercent: 100, reason: "not decided: the run failed while planning" },
    domain: config?.domain ?? "example.com",
    services: [],
    otherObjects: []
  };
}

// src/main.ts
await runMain();
