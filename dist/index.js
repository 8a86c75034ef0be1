import { createRequire as __createRequire } from 'node:module';
const require = __createRequire(import.meta.url);
import {
  readEventPayload,
  readRunnerEnv,
  writeJobSummary
} from "./chunks/chunk-UR5KF4V6.js";
import {
  FULL_DETAIL,
  MAX_CHART_SERVICES,
  NOT_SENT_NETWORK_CODES,
  PhaseTimings,
  TRANSIENT_NETWORK_CODES,
  autoscalerNote,
  changeSincePrevious,
  commitsLine,
  displayYaml,
  ensureKubectl,
  envInputReader,
  expiryAfter,
  failureBlock,
  headline,
  isCompared,
  isTimeout,
  lifetimeLine,
  makePlan,
  networkCode,
  parseExpiry,
  parseInputs,
  parseRetryAfter,
  planTable,
  regressionsBlock,
  reproduceCommands,
  require_dist,
  rfc3339,
  runChart,
  runFailureMessage,
  runLogUrl,
  runPreview,
  serviceSection,
  splitSentence,
  timingsTable,
  writePlanFiles
} from "./chunks/chunk-BL2JLOUF.js";
import {
  ExitCode,
  Kubectl,
  StepState,
  ToolError,
  UserError,
  __toESM,
  codeBlock,
  codeSpan,
  commitLink,
  createToolRunner,
  defaultNamespaceName,
  details,
  errorMessage,
  escapeInline,
  isNotFound,
  log,
  repositoryUrl,
  saveDiagnostics,
  setFailed,
  setOutput,
  setSecret,
  shortHash,
  sleep,
  table,
  truncate,
  waitUntil,
  withRetry
} from "./chunks/chunk-L336YKFX.js";

// src/action/run-main.ts
import path2 from "node:path";

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
        `GITHUB_SHA is ${quoted(sha)}, not a 40-character commit SHA; the ${eventName} preview needs it.`
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
  const action = optionalString(payload.action, "action");
  const pr = asRecord(payload.pull_request, "the event's pull_request");
  const number = prNumber(payload, pr);
  if (action === "closed") return { kind: "closed", number };
  if (!PREVIEW_ACTIONS.includes(action)) {
    throw new UserError(
      `The pull_request action ${quoted(action)} does not call for a preview; use the types ${PREVIEW_ACTIONS.join(", ")} (and closed, which does nothing).`
    );
  }
  const base = asRecord(pr.base, "the event's pull_request.base");
  const head = asRecord(pr.head, "the event's pull_request.head");
  return {
    kind: "pull_request",
    action,
    number,
    title: optionalString(pr.title, "pull_request.title"),
    htmlUrl: webUrl(pr.html_url),
    baseSha: commit(base.sha, "pull_request.base.sha"),
    baseRef: optionalString(base.ref, "pull_request.base.ref"),
    headSha: commit(head.sha, "pull_request.head.sha"),
    headRef: optionalString(head.ref, "pull_request.head.ref"),
    labels: labelNames(pr.labels),
    repository: repositoryOf(payload, context)
  };
}
function prNumber(payload, pr) {
  const values = [
    ["number", payload.number],
    ["pull_request.number", pr.number]
  ];
  const given = values.filter(([, value]) => value !== void 0);
  for (const [field, value] of given) {
    if (typeof value !== "number" || !Number.isSafeInteger(value) || value <= 0)
      throw new UserError(
        `The pull_request event's ${field} is ${describeValue(value)}, not a PR number (a positive integer).`
      );
  }
  const [first, second] = given;
  if (!first) throw new UserError("The pull_request event has no PR number.");
  if (second && second[1] !== first[1])
    throw new UserError(
      `The pull_request event names two PRs: number is ${String(first[1])} but pull_request.number is ${String(second[1])}.`
    );
  return first[1];
}
function labelNames(value) {
  if (value === void 0) return [];
  if (!Array.isArray(value))
    throw new UserError(
      `The event's pull_request.labels is ${describeValue(value)}; GitHub sends a list of label objects.`
    );
  return value.map((label, index) => {
    const name = isRecord(label) ? label.name : void 0;
    if (typeof name !== "string" || name === "")
      throw new UserError(
        `The event's pull_request.labels[${index}] is ${isRecord(label) ? `an object whose name is ${describeValue(name)}` : describeValue(label)}; each label must be an object with a non-empty string 'name'.`
      );
    return name;
  });
}
var OWNER = /^[A-Za-z0-9](?:[A-Za-z0-9_.-]{0,99})$/;
var REPO = /^[A-Za-z0-9_.-]{1,100}$/;
function repositoryOf(payload, context) {
  let fullName = "";
  let source = "GITHUB_REPOSITORY";
  if (payload.repository !== void 0) {
    const repository = asRecord(payload.repository, "the event's repository");
    if (repository.full_name !== void 0) {
      fullName = optionalString(repository.full_name, "repository.full_name");
      source = "the event's repository.full_name";
    }
  }
  if (!fullName) {
    fullName = context.repository ?? "";
    source = "GITHUB_REPOSITORY";
  }
  const [owner, repo, ...rest] = fullName.split("/");
  if (!owner || !repo || rest.length || !OWNER.test(owner) || !REPO.test(repo) || /^\.\.?$/.test(repo))
    throw new UserError(
      `Cannot tell the repository: ${source} is ${quoted(fullName)} (expected owner/repo, letters, digits, '-', '_' and '.').`
    );
  return { owner, repo };
}
function commit(value, field) {
  if (typeof value !== "string" || !SHA.test(value))
    throw new UserError(
      `The event's ${field} is ${describeValue(value)}, not a 40-character commit SHA.`
    );
  return value;
}
function optionalString(value, field) {
  if (value === void 0 || value === null) return "";
  if (typeof value !== "string")
    throw new UserError(`The event's ${field} is ${describeValue(value)}, not a string.`);
  return value;
}
function webUrl(value) {
  if (typeof value !== "string") return void 0;
  try {
    const url = new URL(value);
    return url.protocol === "https:" || url.protocol === "http:" ? url.href : void 0;
  } catch {
    return void 0;
  }
}
function asRecord(value, what) {
  if (!isRecord(value))
    throw new UserError(
      `${what.charAt(0).toUpperCase()}${what.slice(1)} is ${describeValue(value)}, not an object.`
    );
  return value;
}
function isRecord(value) {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}
function describeValue(value) {
  if (value === void 0) return "missing";
  if (value === null) return "null";
  if (Array.isArray(value)) return "a list";
  if (typeof value === "string") return `the string ${quoted(value)}`;
  if (typeof value === "number" || typeof value === "boolean")
    return `the ${typeof value} ${String(value)}`;
  return `an ${typeof value}`;
}
function quoted(text2) {
  const cut = text2.length > 60 ? `${text2.slice(0, 60)}\u2026` : text2;
  return `'${JSON.stringify(cut).slice(1, -1)}'`;
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
function httpStatusOf(error) {
  const failure = failureOf(error);
  return failure instanceof GitHubHttpError ? failure.status : void 0;
}
var GitHubNetworkError = class extends Error {
  /** Whether it may pass by itself (a timeout or a transient network error). */
  transient;
  notSent;
  constructor(what, cause, redact) {
    const code = networkCode(cause);
    const timedOut = isTimeout(cause);
    super(redact(`${what}: ${errorMessage(cause)}${code ? ` (${code})` : ""}`), { cause });
    this.name = "GitHubNetworkError";
    this.transient = timedOut || code !== void 0 && TRANSIENT_NETWORK_CODES.has(code);
    this.notSent = !timedOut && code !== void 0 && NOT_SENT_NETWORK_CODES.has(code);
  }
};
function failureOf(error) {
  for (let e = error, depth = 0; e && depth < 5; e = e.cause, depth++) {
    if (e instanceof GitHubHttpError || e instanceof GitHubNetworkError) return e;
  }
  return void 0;
}
function isTransientFailure(error) {
  const failure = failureOf(error);
  if (failure instanceof GitHubNetworkError) return failure.transient;
  if (failure instanceof GitHubHttpError)
    return failure.status >= 500 && failure.status <= 599 || failure.retry.transient;
  return false;
}
function isPermissionDenied(error) {
  const failure = failureOf(error);
  return failure instanceof GitHubHttpError && [401, 403, 404].includes(failure.status) && !failure.retry.rateLimited;
}
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
  const token = options.token;
  const redact = (text2) => token ? text2.split(token).join("***") : text2;
  const headers = {
    accept: "application/vnd.github+json",
    "x-github-api-version": "2022-11-28",
    "user-agent": "knative-action"
  };
  if (token) headers.authorization = `Bearer ${token}`;
  async function once(method, url, label, body, idempotent, deadline) {
    const attemptMs = deadline === void 0 ? timeoutMs : Math.min(timeoutMs, Math.max(1e3, deadline - now()));
    let response;
    let text2;
    try {
      response = await doFetch(url, {
        method,
        headers: body === void 0 ? headers : { ...headers, "content-type": "application/json" },
        body: body === void 0 ? void 0 : JSON.stringify(body),
        signal: AbortSignal.timeout(attemptMs),
        redirect: "error"
      });
    } catch (error) {
      const what = isTimeout(error) ? `GitHub API ${label} got no answer within ${attemptMs} ms` : `GitHub API ${label} could not connect`;
      throw new GitHubNetworkError(what, error, redact);
    }
    try {
      text2 = await response.text();
    } catch (error) {
      const what = isTimeout(error) ? `GitHub API ${label} answered ${response.status} but the answer did not arrive within ${attemptMs} ms` : `GitHub API ${label} answered ${response.status} but the connection dropped`;
      throw new GitHubNetworkError(what, error, redact);
    }
    let data = void 0;
    if (text2) {
      try {
        data = JSON.parse(text2);
      } catch {
        data = text2;
      }
    }
    if (response.ok) return { status: response.status, headers: response.headers, data };
    const apiMessage = typeof data === "object" && data !== null && "message" in data ? String(data.message) : String(text2).slice(0, 200);
    throw new GitHubHttpError(
      method,
      label,
      response.status,
      redact(apiMessage.slice(0, 300)),
      retryPolicy(response, apiMessage, idempotent)
    );
  }
  function retryPolicy(response, apiMessage, idempotent) {
    const { status } = response;
    const wait = rateLimitWaitMs(response, apiMessage);
    if (wait !== void 0) {
      return { transient: wait <= maxWaitMs, afterMs: wait, rateLimited: true };
    }
    if (status >= 500 && status <= 599) return { transient: idempotent };
    return { transient: false };
  }
  function rateLimitWaitMs(response, apiMessage) {
    if (response.status !== 403 && response.status !== 429) return void 0;
    const retryAfter = parseRetryAfter(response.headers.get("retry-after"), now());
    if (retryAfter !== void 0) return retryAfter;
    const reset = response.headers.get("x-ratelimit-reset");
    if (response.headers.get("x-ratelimit-remaining") === "0" && reset && /^\d+$/.test(reset)) {
      return Math.max(0, Number(reset) * 1e3 - now()) + 1e3;
    }
    if (response.status === 429 || /secondary rate limit/i.test(apiMessage)) return 6e4;
    return void 0;
  }
  async function send(method, url, label, body, request = {}, idempotent = method !== "POST") {
    return withRetry(() => once(method, url, label, body, idempotent, request.deadline), {
      what: `GitHub API ${label}`,
      attempts: options.attempts ?? 4,
      initialDelayMs: 1e3,
      maxDelayMs: maxWaitMs,
      deadline: request.deadline,
      isTransient: (error) => {
        if (error instanceof GitHubHttpError) return error.retry.transient;
        if (error instanceof GitHubNetworkError)
          return error.transient && (idempotent || error.notSent);
        return false;
      },
      retryAfterMs: (error) => error instanceof GitHubHttpError ? error.retry.afterMs : void 0,
      onRetry: (error, attempt, delayMs) => options.onRetry?.(
        `${errorMessage(error)}; retry ${attempt} in ${Math.round(delayMs / 1e3)} s`
      ),
      sleep: options.sleep ?? sleep,
      now
    }).catch((error) => {
      if (error instanceof GitHubHttpError && error.retry.rateLimited && !error.retry.transient && error.retry.afterMs !== void 0) {
        throw new Error(
          `${error.message}; GitHub asks to wait ${Math.ceil(error.retry.afterMs / 1e3)} s, longer than the ${Math.round(maxWaitMs / 1e3)} s this action waits for a rate limit`,
          { cause: error }
        );
      }
      throw error;
    });
  }
  function urlFor(path3) {
    if (!path3.startsWith("/"))
      throw new Error(`GitHub API path must start with "/": ${redact(path3)}`);
    return `${apiUrl}${path3}`;
  }
  return {
    apiUrl,
    request: (method, path3, body, request) => send(method, urlFor(path3), `${method} ${redact(path3)}`, body, request),
    async paginate(path3, request) {
      const items = [];
      let url = urlFor(path3);
      for (let page = 1; url; page++) {
        if (page > maxPages)
          throw new Error(
            `GitHub API GET ${redact(path3)}: more than ${maxPages} pages; stopped reading`
          );
        const label = `GET ${redact(url.slice(apiUrl.length))}`;
        const response = await send("GET", url, label, void 0, request);
        if (!Array.isArray(response.data))
          throw new Error(`GitHub API ${label} did not answer with a list`);
        items.push(...response.data);
        url = nextPageUrl(response.headers.get("link"), apiUrl, redact);
      }
      return items;
    },
    async graphql(query, request) {
      const response = await send(
        "POST",
        graphqlUrl,
        "POST graphql",
        { query },
        request,
        true
      );
      if (!response.data.data || response.data.errors?.length) {
        const messages = response.data.errors?.map((e) => String(e.message)).join("; ");
        throw new Error(redact(`GitHub GraphQL query failed: ${messages ?? "no data"}`));
      }
      return response.data.data;
    }
  };
}
function graphqlUrlFor(apiUrl) {
  return /\/api\/v3$/.test(apiUrl) ? apiUrl.replace(/\/v3$/, "/graphql") : `${apiUrl}/graphql`;
}
function nextPageUrl(link, apiUrl, redact = (text2) => text2) {
  if (!link) return void 0;
  for (const part of link.split(",")) {
    const match = /<([^>]+)>\s*;(.*)/.exec(part.trim());
    if (!match?.[1] || !/\brel="?([^"]*\s)?next(\s[^"]*)?"?/.test(match[2] ?? "")) continue;
    const next = match[1];
    if (next !== apiUrl && !next.startsWith(`${apiUrl}/`) && !next.startsWith(`${apiUrl}?`)) {
      throw new Error(
        `GitHub API pagination points outside ${apiUrl}: ${redact(next.slice(0, 200))}`
      );
    }
    return next;
  }
  return void 0;
}

// src/github/identity.ts
var GITHUB_ACTIONS_BOT = "github-actions[bot]";
async function resolveTokenIdentity(client, request) {
  const failures = [];
  let uncertain;
  try {
    const { data } = await client.request(
      "GET",
      "/user",
      void 0,
      request
    );
    if (typeof data.login === "string" && data.login) {
      return { login: data.login, bot: data.type === "Bot", source: "rest-user" };
    }
    failures.push("GET /user: no login");
  } catch (error) {
    if (isTransientFailure(error)) uncertain = error;
    failures.push(errorMessage(error));
  }
  try {
    const data = await client.graphql(
      "query { viewer { login __typename } }",
      request
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
  } catch (error) {
    if (isTransientFailure(error)) uncertain ??= error;
    failures.push(errorMessage(error));
  }
  if (uncertain !== void 0) {
    throw new Error(`Could not tell who the token writes as: ${failures.join("; ")}`, {
      cause: uncertain
    });
  }
  return { login: GITHUB_ACTIONS_BOT, bot: true, source: "assumed", note: failures.join("; ") };
}
function isAuthoredBy(user, identity) {
  if (!user?.login) return false;
  if (user.login.toLowerCase() !== identity.login.toLowerCase()) return false;
  return !identity.bot || user.type === void 0 || user.type === "Bot";
}

// src/github/sticky-comment.ts
var WRITE_BUDGET_MS = 6e4;
var FIRST_PAUSE_MS = 1e3;
var LONGEST_PAUSE_MS = 16e3;
function patienceFor(options = {}) {
  const now = options.now ?? Date.now;
  return {
    deadline: now() + (options.budgetMs ?? WRITE_BUDGET_MS),
    now,
    sleep: options.sleep ?? sleep,
    onRetry: options.onRetry
  };
}
function issuesPath(target) {
  const repo = `${encodeURIComponent(target.owner)}/${encodeURIComponent(target.repo)}`;
  return `/repos/${repo}/issues`;
}
function carriesMarker(body, marker) {
  return body === marker || (body ?? "").startsWith(`${marker}
`);
}
function commentOf(item) {
  if (typeof item !== "object" || item === null) return void 0;
  const { id, html_url: url, body, user } = item;
  if (typeof id !== "number" || !Number.isSafeInteger(id) || id <= 0) return void 0;
  return {
    id,
    url: typeof url === "string" ? url : void 0,
    body: typeof body === "string" ? body : "",
    user
  };
}
function authorOf(user) {
  if (typeof user !== "object" || user === null) return void 0;
  const { login, type } = user;
  return {
    login: typeof login === "string" ? login : void 0,
    type: typeof type === "string" ? type : void 0
  };
}
async function findStickyComment(target, deadline) {
  const items = await target.client.paginate(
    `${issuesPath(target)}/${target.issueNumber}/comments?per_page=100`,
    { deadline }
  );
  for (const item of items) {
    const comment = commentOf(item);
    if (comment && carriesMarker(comment.body, target.marker) && isAuthoredBy(authorOf(comment.user), target.identity)) {
      return { id: comment.id, url: comment.url, body: comment.body };
    }
  }
  return void 0;
}
function retryTransient(what, patience, attempt) {
  return withRetry(attempt, {
    what,
    // The deadline bounds it; the count only guards against a clock that stands still.
    attempts: 12,
    initialDelayMs: FIRST_PAUSE_MS,
    maxDelayMs: LONGEST_PAUSE_MS,
    deadline: patience.deadline,
    isTransient: isTransientFailure,
    onRetry: (error, n, delayMs) => patience.onRetry?.(
      `${errorMessage(error)}; ${what}: try ${n + 1} in ${Math.round(delayMs / 1e3)} s`
    ),
    sleep: patience.sleep,
    now: patience.now
  });
}
var READ_ONLY_HELP = "Pull requests from forks and from Dependabot get a read-only GITHUB_TOKEN, which cannot comment. The results are in this job's summary and outputs, and the run's result is unchanged. To get comments on such pull requests, post them from a second workflow triggered by `workflow_run` (see \"Comments on fork pull requests\" in the README). For same-repository pull requests, give the job `permissions: pull-requests: write`.";
async function writeStickyComment(target, patience = patienceFor()) {
  const base = issuesPath(target);
  const { client, body } = target;
  const request = { deadline: patience.deadline };
  let existingId = target.existingId;
  let mustLook = false;
  async function post() {
    const { data } = await client.request(
      "POST",
      `${base}/${target.issueNumber}/comments`,
      { body },
      request
    );
    const created = commentOf(data);
    return { action: "created", id: created?.id, url: created?.url };
  }
  async function patch(id) {
    const { data } = await client.request(
      "PATCH",
      `${base}/comments/${id}`,
      { body },
      request
    );
    return { action: "updated", id, url: commentOf(data)?.url };
  }
  async function attempt() {
    if (mustLook) {
      existingId = (await findStickyComment(target, patience.deadline))?.id;
      mustLook = false;
    }
    mustLook = true;
    let result;
    if (existingId === void 0) {
      result = await post();
    } else {
      try {
        result = await patch(existingId);
      } catch (error) {
        if (httpStatusOf(error) !== 404) throw error;
        const gone = existingId;
        existingId = (await findStickyComment(target, patience.deadline))?.id;
        if (existingId === gone) throw error;
        result = existingId === void 0 ? await post() : await patch(existingId);
      }
    }
    mustLook = false;
    return result;
  }
  try {
    return await retryTransient("write the preview comment", patience, attempt);
  } catch (error) {
    return { ...degraded(error, target.phase), body };
  }
}
function degraded(error, phase) {
  const readOnly = isPermissionDenied(error);
  const what = `Could not write the preview comment${phase ? ` (${phase})` : ""}: ${errorMessage(error)}.`;
  const after = phase === "deploying" ? "The preview goes on; the comment is tried again with the result, which is also in this job's summary and outputs." : "The results are in this job's summary and outputs; the run's result is unchanged.";
  return {
    action: "degraded",
    reason: readOnly ? "read-only token" : "GitHub API error",
    warning: readOnly ? `${what} ${READ_ONLY_HELP}` : `${what} ${after}`
  };
}
async function upsertStickyComment(options, patience = patienceFor()) {
  let existing;
  try {
    existing = await retryTransient(
      "find the preview comment",
      patience,
      () => findStickyComment(options, patience.deadline)
    );
  } catch (error) {
    return degraded(error);
  }
  const body = options.render(existing);
  if (body === void 0) {
    return {
      action: "skipped",
      id: existing?.id,
      url: existing?.url,
      reason: "unchanged",
      existing
    };
  }
  const result = await writeStickyComment({ ...options, existingId: existing?.id, body }, patience);
  return { ...result, existing, body };
}

// src/report/state-schema.ts
var STATE_LIMITS = {
  services: 50,
  revisionsPerService: 100,
  tagsPerService: 100,
  timings: 50,
  labelChars: 100,
  failurePhaseChars: 100,
  failureMessageChars: 500
};
var PHASES = ["deploying", "result"];
var STATUSES = [
  "consistent",
  "deviates",
  "unmeasurable",
  "failed",
  "planned",
  "deploying"
];
var VERDICTS = ["consistent", "deviates", "unmeasurable"];
var SIDES = ["base", "pr"];
var LATENCY_VERDICTS = ["faster", "slower", "same", "unmeasurable"];
var COMMIT = /^(?:[0-9a-f]{40}|[0-9a-f]{64})$/;
var DNS_LABEL = /^[a-z0-9](?:[-a-z0-9]{0,61}[a-z0-9])?$/;
var TIMING_NAME = /^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$/;
var RUN_ID = /^\d{1,20}$/;
var RUN_ATTEMPT = /^\d{1,6}$/;
var ISO_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(?:\.\d{1,3})?Z$/;
var CONTROL = /[\u0000-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/;
function parseCommentState(value) {
  const fields = record(value);
  if (!fields || own(fields, "v") !== 1) return void 0;
  const dropped = [];
  const snapshot = parseSnapshot(fields, "", dropped);
  if (!snapshot) return void 0;
  const state = { v: 1, ...snapshot };
  const last = own(fields, "lastResult");
  if (last !== void 0) {
    const lastFields = record(last);
    const lastResult = lastFields && parseSnapshot(lastFields, "lastResult.", dropped);
    if (lastResult && lastResult.phase === "result") state.lastResult = lastResult;
    else dropped.push("lastResult");
  }
  return { state, dropped };
}
function parseSnapshot(fields, at, dropped) {
  const phase = oneOf(own(fields, "phase"), PHASES);
  const status = oneOf(own(fields, "status"), STATUSES);
  const headSha = matching(own(fields, "headSha"), COMMIT);
  const prPercent = numberIn(own(fields, "prPercent"), 0, 100);
  const servicesValue = own(fields, "services");
  if (!phase || !status || !headSha || prPercent === void 0 || !Array.isArray(servicesValue))
    return void 0;
  const snapshot = {
    phase,
    status,
    headSha,
    prPercent,
    services: list(
      servicesValue,
      STATE_LIMITS.services,
      `${at}services`,
      dropped,
      (item, path3) => parseService(item, path3, dropped)
    ),
    timings: parseTimings(own(fields, "timings"), `${at}timings`, dropped)
  };
  const optional = (key, parse2) => optionalField(fields, key, parse2, at, dropped);
  const baseSha = optional("baseSha", (v) => matching(v, COMMIT));
  if (baseSha) snapshot.baseSha = baseSha;
  const label = optional("label", (v) => text(v, STATE_LIMITS.labelChars));
  if (label) snapshot.label = label;
  const failure = optional("failure", parseFailure);
  if (failure) snapshot.failure = failure;
  const updatedAt = optional("updatedAt", parseTime);
  if (updatedAt) snapshot.updatedAt = updatedAt;
  const run = optional("run", parseRun);
  if (run) snapshot.run = run;
  const regressed = optional("regressed", (v) => v === true ? v : void 0);
  if (regressed) snapshot.regressed = regressed;
  return snapshot;
}
function parseService(value, at, dropped) {
  const fields = record(value);
  const name = fields && matching(own(fields, "name"), DNS_LABEL);
  if (!fields || !name) return void 0;
  const service = {
    name,
    revisions: list(
      own(fields, "revisions"),
      STATE_LIMITS.revisionsPerService,
      `${at}.revisions`,
      dropped,
      parseRevision
    ),
    tags: list(own(fields, "tags"), STATE_LIMITS.tagsPerService, `${at}.tags`, dropped, parseTag)
  };
  const optional = (key, parse2) => optionalField(fields, key, parse2, `${at}.`, dropped);
  const verdict = optional("verdict", (v) => oneOf(v, VERDICTS));
  if (verdict) service.verdict = verdict;
  const pValue = optional("pValue", (v) => numberIn(v, 0, 1));
  if (pValue !== void 0) service.pValue = pValue;
  const requests = optional("requests", count);
  if (requests !== void 0) service.requests = requests;
  const latencyVerdict = optional("latencyVerdict", (v) => oneOf(v, LATENCY_VERDICTS));
  if (latencyVerdict) service.latencyVerdict = latencyVerdict;
  const errorRegression = optional(
    "errorRegression",
    (v) => typeof v === "boolean" ? v : void 0
  );
  if (errorRegression !== void 0) service.errorRegression = errorRegression;
  return service;
}
function parseRevision(value) {
  const fields = record(value);
  if (!fields) return void 0;
  const revision = matching(own(fields, "revision"), DNS_LABEL);
  const side = oneOf(own(fields, "side"), SIDES);
  const configuredPercent = numberIn(own(fields, "configuredPercent"), 0, 100);
  if (!revision || !side || configuredPercent === void 0) return void 0;
  const row = { revision, side, configuredPercent };
  for (const [key, parse2] of [
    ["responses", count],
    ["observedPercent", (v) => numberIn(v, 0, 100)],
    ["errors", count]
  ]) {
    const raw = own(fields, key);
    if (raw === void 0) continue;
    const parsed = parse2(raw);
    if (parsed === void 0) return void 0;
    row[key] = parsed;
  }
  return row;
}
function parseTag(value) {
  const fields = record(value);
  if (!fields) return void 0;
  const tag = matching(own(fields, "tag"), DNS_LABEL);
  const matched = count(own(fields, "matched"));
  const requests = count(own(fields, "requests"));
  if (!tag || matched === void 0 || requests === void 0 || matched > requests)
    return void 0;
  return { tag, matched, requests };
}
function parseTimings(value, at, dropped) {
  const timings = {};
  if (value === void 0) return timings;
  const fields = record(value);
  if (!fields) {
    dropped.push(at);
    return timings;
  }
  const keys = Object.keys(fields);
  if (keys.length > STATE_LIMITS.timings) dropped.push(`${at} beyond ${STATE_LIMITS.timings}`);
  for (const key of keys.slice(0, STATE_LIMITS.timings)) {
    const seconds = TIMING_NAME.test(key) ? numberIn(fields[key], 0, 1e7) : void 0;
    if (seconds === void 0) dropped.push(`${at}.${key.slice(0, 40)}`);
    else timings[key] = seconds;
  }
  return timings;
}
function parseFailure(value) {
  const fields = record(value);
  if (!fields) return void 0;
  const phase = text(own(fields, "phase"), STATE_LIMITS.failurePhaseChars);
  const message = own(fields, "message");
  if (!phase || typeof message !== "string" || message.length > STATE_LIMITS.failureMessageChars)
    return void 0;
  return { phase, message };
}
function parseTime(value) {
  const time = matching(value, ISO_TIME);
  return time && Number.isFinite(Date.parse(time)) ? time : void 0;
}
function parseRun(value) {
  const fields = record(value);
  if (!fields) return void 0;
  const id = matching(own(fields, "id"), RUN_ID);
  const attempt = matching(own(fields, "attempt"), RUN_ATTEMPT);
  return id && attempt ? { id, attempt } : void 0;
}
function list(value, limit, at, dropped, parse2) {
  if (!Array.isArray(value)) {
    dropped.push(at);
    return [];
  }
  if (value.length > limit) dropped.push(`${at} beyond ${limit}`);
  const items = [];
  value.slice(0, limit).forEach((item, index) => {
    const parsed = parse2(item, `${at}[${index}]`);
    if (parsed === void 0) dropped.push(`${at}[${index}]`);
    else items.push(parsed);
  });
  return items;
}
function optionalField(fields, key, parse2, at, dropped) {
  const value = own(fields, key);
  if (value === void 0) return void 0;
  const parsed = parse2(value);
  if (parsed === void 0) dropped.push(`${at}${key}`);
  return parsed;
}
function record(value) {
  return typeof value === "object" && value !== null && !Array.isArray(value) ? value : void 0;
}
function own(fields, key) {
  return Object.prototype.hasOwnProperty.call(fields, key) ? fields[key] : void 0;
}
function oneOf(value, allowed) {
  return typeof value === "string" && allowed.includes(value) ? value : void 0;
}
function matching(value, pattern) {
  return typeof value === "string" && value.length <= 100 && pattern.test(value) ? value : void 0;
}
function text(value, maxChars) {
  return typeof value === "string" && value.length > 0 && value.length <= maxChars && !CONTROL.test(value) ? value : void 0;
}
function numberIn(value, low, high) {
  return typeof value === "number" && Number.isFinite(value) && value >= low && value <= high ? value : void 0;
}
function count(value) {
  return typeof value === "number" && Number.isSafeInteger(value) && value >= 0 ? value : void 0;
}

// src/report/state.ts
var STATE_PREFIX = "<!-- knative-action:state ";
var STATE_SUFFIX = " -->";
var MAX_STATE_SERVICES = STATE_LIMITS.services;
var MAX_STATE_CHARS = 16e3;
var MAX_ENCODED_CHARS = MAX_STATE_CHARS * 4;
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
      tags: result.tagChecks.map((t) => ({ tag: t.tag, matched: t.matched, requests: t.requests })),
      ...isCompared(result.comparison) ? {
        latencyVerdict: result.comparison.latency.verdict,
        errorRegression: result.comparison.errors.regression
      } : {}
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
    ...report.regressions?.some((r) => r.failsRun) ? { regressed: true } : {},
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
  if (json.length > MAX_STATE_CHARS)
    json = JSON.stringify({ ...state, services: [], lastResult: void 0, failure: void 0 });
  return `${STATE_PREFIX}${Buffer.from(json, "utf8").toString("base64")}${STATE_SUFFIX}`;
}
function extractState(body, options = {}) {
  const line = body?.split("\n", 2)[1]?.trim();
  if (!line?.startsWith(STATE_PREFIX) || !line.endsWith(STATE_SUFFIX)) return void 0;
  const encoded = line.slice(STATE_PREFIX.length, -STATE_SUFFIX.length);
  if (encoded.length > MAX_ENCODED_CHARS || !/^[A-Za-z0-9+/]*={0,2}$/.test(encoded))
    return void 0;
  const json = Buffer.from(encoded, "base64").toString("utf8");
  if (json.length > MAX_STATE_CHARS) return void 0;
  let parsed;
  try {
    parsed = parseCommentState(JSON.parse(json));
  } catch {
    return void 0;
  }
  if (!parsed || options.strict && parsed.dropped.length > 0) return void 0;
  return parsed.state;
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
  failureChars: 2e3,
  chartServices: 3
};
var MINIMAL_DETAIL = {
  maxServices: 1,
  maxRevisionRows: 5,
  maxTagRows: 5,
  maxSamples: 0,
  sampleChars: 0,
  failureChars: 1e3,
  chartServices: 0
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
      report.existing ? `Deploying into the namespace ${codeSpan(report.existing.namespace, { maxLength: 80 })} of the existing cluster:` : "Setting up an ephemeral k3d cluster with Knative Serving and Contour in this run, then deploying:",
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
    const lifetime = lifetimeLine(report);
    if (lifetime) parts.push(lifetime);
    const change = changeSincePrevious(lastResultOf(input.previous), report);
    if (change) parts.push(change);
    const regressions = regressionsBlock(report.regressions, report.services, limits.sampleChars);
    if (regressions) parts.push(regressions);
    const failure = failureBlock(report, context, limits.failureChars);
    if (failure) parts.push(failure);
    const plans = new Map(plan.services.map((s) => [s.name, s]));
    for (const result of report.services.slice(0, limits.maxServices)) {
      parts.push(
        serviceSection(plans.get(result.service), result, limits, context.compareRequests)
      );
    }
    const hidden = report.services.length - limits.maxServices;
    if (hidden > 0) parts.push(`_${hidden} more services not shown here; see the job summary._`);
    const chart = runChart(report.services, limits.chartServices ?? FULL_DETAIL.chartServices ?? 0);
    if (chart) parts.push(chart);
    if (report.autoscaler) parts.push(autoscalerNote(report.autoscaler));
    if (report.services.length === 0 && report.status === "failed") {
      parts.push(planTable(plan, limits.maxServices));
    }
    const timings = timingsTable(report.timings);
    if (timings) parts.push(timings);
    parts.push(reproduceCommands(plan, context, limits.maxServices, report));
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
  const log2 = runLogUrl(context);
  return log2 ? ` of [the run](${log2})` : "";
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
  const warn = options.warn ?? ((m) => log().warning(m));
  const log2 = options.log ?? ((m) => log().info(m));
  if (options.token) setSecret(options.token);
  const client = options.client ?? createGitHubClient({ token: options.token, onRetry: (m) => log2(`comment: ${m}`) });
  const pr = options.plan.pullRequest;
  const target = pr ? {
    client,
    owner: options.plan.repository.owner,
    repo: options.plan.repository.repo,
    issueNumber: pr.number,
    marker: options.marker
  } : void 0;
  let identity;
  let current;
  let mustLook = true;
  let previous;
  let previousRead = false;
  let readOnly = false;
  async function publish(phase, report) {
    if (options.mode === "off") return { action: "skipped", reason: "comment: off" };
    if (!target) return { action: "skipped", reason: "not a pull request" };
    if (!options.token) return { action: "skipped", reason: "no github-token" };
    try {
      return await publishPhase(target, phase, report);
    } catch (error) {
      return fail(phase, error);
    }
  }
  async function publishPhase(sticky, phase, report) {
    const patience = patienceFor({
      budgetMs: options.budgetMs,
      now: options.clockMs,
      sleep: options.sleep,
      onRetry: (m) => log2(`comment: ${m}`)
    });
    if (mustLook && !readOnly) {
      try {
        await retryTransient("find the preview comment", patience, async () => {
          identity ??= await whoAmI(patience.deadline);
          current = await findStickyComment({ ...sticky, identity }, patience.deadline);
        });
      } catch (error) {
        return fail(phase, error);
      }
      mustLook = false;
      if (!previousRead) {
        previous = extractState(current?.body);
        previousRead = true;
      }
    }
    const body = render(phase, report);
    if (readOnly) return { action: "degraded", reason: "read-only token", body };
    if (options.mode === "on-change" && current) {
      const skip = onChangeSkipReason(phase, current.body, body);
      if (skip) return { action: "skipped", id: current.id, url: current.url, reason: skip };
    }
    const result = await writeStickyComment(
      { ...sticky, identity, existingId: current?.id, body, phase },
      patience
    );
    if (result.action === "degraded") {
      mustLook = true;
      return noteFailure(result);
    }
    if (result.id === void 0) mustLook = true;
    else current = { id: result.id, url: result.url ?? current?.url, body };
    return { ...result, url: result.url ?? current?.url };
  }
  async function whoAmI(deadline) {
    const found = await resolveTokenIdentity(client, { deadline });
    log2(
      `comment: writing as ${found.login} (${found.source})${found.note ? `; ${found.note}` : ""}`
    );
    return found;
  }
  function render(phase, report) {
    const input = {
      plan: options.plan,
      report,
      phase,
      context: options.context,
      marker: options.marker,
      now: options.now?.()
    };
    if (previous) {
      try {
        return renderComment({ ...input, previous });
      } catch (error) {
        log2(`comment: the existing comment's state is not usable (${errorMessage(error)})`);
        previous = void 0;
      }
    }
    return renderComment(input);
  }
  function fail(phase, error) {
    return noteFailure(degraded(error, phase));
  }
  function noteFailure(result) {
    if (result.warning) warn(result.warning);
    if (result.reason === "read-only token") readOnly = true;
    return result;
  }
  return { publish, previousResult: () => lastResultOf(previous) };
}
function onChangeSkipReason(phase, existingBody, newBody) {
  if (phase === "deploying") return "on-change: the existing comment stays until the result";
  const before = extractState(existingBody, { strict: true });
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
  const path3 = workflowRef.split("@")[0] ?? "";
  const file = path3.split("/").pop();
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
  const lifetime = lifetimeLine(report);
  if (lifetime) parts.push(lifetime);
  const change = changeSincePrevious(input.previous, report);
  if (change) parts.push(change);
  const regressions = regressionsBlock(
    report.regressions,
    report.services,
    SUMMARY_DETAIL.sampleChars
  );
  if (regressions) parts.push(regressions);
  const failure = failureBlock(report, context, SUMMARY_DETAIL.failureChars);
  if (failure) parts.push(failure);
  const plans = new Map(plan?.services.map((s) => [s.name, s]));
  for (const result of report.services.slice(0, SUMMARY_DETAIL.maxServices)) {
    parts.push(
      serviceSection(plans.get(result.service), result, SUMMARY_DETAIL, context.compareRequests)
    );
  }
  const chart = runChart(report.services, MAX_CHART_SERVICES);
  if (chart) parts.push(chart);
  if (report.autoscaler) parts.push(autoscalerNote(report.autoscaler));
  const timings = timingsTable(report.timings);
  if (timings) parts.push(timings);
  if (plan) parts.push(planSection(plan, context, report));
  if (input.diagnostics) {
    parts.push(
      details(
        "Cluster diagnostics, collected right after the failure",
        codeBlock(input.diagnostics, { maxLength: DIAGNOSTICS_CHARS })
      )
    );
  }
  return fit(parts);
}
function renderPlanSummary(plan, context) {
  return renderSummary({ plan, report: { status: "planned", services: [], timings: {} }, context });
}
function planSection(plan, context, report) {
  const parts = ["#### Plan", planTable(plan, SUMMARY_DETAIL.maxServices)];
  const labels = plan.labels.length ? plan.labels.map((l) => codeSpan(l, { maxLength: 80 })).join(", ") : "_none_";
  parts.push(`PR labels: ${labels}. ${escapeInline(plan.split.reason, 300)}`);
  parts.push(renderManifests(plan));
  parts.push(reproduceCommands(plan, context, SUMMARY_DETAIL.maxServices, report));
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
    const yaml = truncate(displayYaml(doc.object), Math.min(MANIFEST_CHARS, budget));
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

// src/action/log-plan.ts
async function logPlan(plan, options = {}) {
  const out = log();
  out.info(`Split: ${plan.split.reason}`);
  for (const service of plan.services) {
    await out.group(`Plan for ${service.namespace}/${service.name} (${service.mode})`, () => {
      if (service.note) out.info(`Note: ${service.note}`);
      out.info(`Revisions: base ${service.revisions.base ?? "(none)"}, PR ${service.revisions.pr}`);
      for (const target of service.traffic)
        out.info(`Traffic: ${target.percent}% -> ${target.revisionName} (tag ${target.tag})`);
      out.info(
        options.routesFromCluster ? `Route: in namespace ${service.namespace}, URL as the cluster serves it (read after deploy)` : `Route: ${service.url}`
      );
      if (service.manifests.base)
        out.info(`--- base manifest (applied first)
${displayYaml(service.manifests.base)}`);
      out.info(`--- PR manifest (applied second)
${displayYaml(service.manifests.pr)}`);
      return Promise.resolve();
    });
  }
  if (plan.otherObjects.length) {
    out.info(
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

// src/action/report-failure.ts
function reportFailure(error) {
  const message = errorMessage(error);
  if (!(error instanceof UserError) && error instanceof Error && error.stack)
    log().debug(error.stack);
  const location = error instanceof UserError ? error.location : void 0;
  log().error(message, location ? { file: location.file, line: location.line } : void 0);
  process.exitCode = ExitCode.Failure;
}

// src/action/existing-cluster.ts
import { join } from "node:path";

// src/existing/knative-serving.ts
var OLDEST_SERVING = { major: 1, minor: 18 };
var REQUIRED_RESOURCES = ["services", "revisions", "routes", "configurations"];
function judgeServing(facts) {
  const install = "Ask the cluster owner to install Knative Serving (https://knative.dev/docs/install/) with an ingress; this action never installs anything on an existing cluster.";
  if (!facts.served)
    return {
      ok: false,
      problem: `The cluster does not serve the API group serving.knative.dev: Knative Serving is not installed. ${install}`
    };
  if (!facts.versions.includes("v1"))
    return {
      ok: false,
      problem: `The cluster's Knative Serving is too old: it serves serving.knative.dev ${[...facts.versions].sort().join(", ") || "(no versions)"}, not v1. This action needs Knative Serving ${OLDEST_SERVING.major}.${OLDEST_SERVING.minor} or newer.`
    };
  const missing = REQUIRED_RESOURCES.filter((r) => !facts.resources.includes(r));
  if (missing.length)
    return {
      ok: false,
      problem: `The cluster's serving.knative.dev/v1 lacks ${missing.join(", ")}: its Knative Serving is incomplete or too old. This action needs Knative Serving ${OLDEST_SERVING.major}.${OLDEST_SERVING.minor} or newer.`
    };
  if (facts.release === void 0)
    return {
      ok: true,
      notes: [
        `Could not read which Knative Serving release the cluster runs (${facts.releaseUnknown ?? "no version label"}); it serves serving.knative.dev/v1, so going on.`
      ]
    };
  const match = /^v?(\d+)\.(\d+)(?:\.(\d+))?/.exec(facts.release);
  if (!match)
    return {
      ok: true,
      notes: [`Knative Serving reports the release '${facts.release.slice(0, 40)}'; going on.`]
    };
  const [major, minor] = [Number(match[1]), Number(match[2])];
  if (major < OLDEST_SERVING.major || major === OLDEST_SERVING.major && minor < OLDEST_SERVING.minor)
    return {
      ok: false,
      problem: `The cluster runs Knative Serving ${match[0]}, which is too old: this action needs ${OLDEST_SERVING.major}.${OLDEST_SERVING.minor} or newer. Ask the cluster owner to upgrade it.`
    };
  return { ok: true, notes: [`The cluster runs Knative Serving ${match[0]}.`] };
}
async function readServingFacts(kubectl) {
  const group = await getRaw(
    kubectl,
    "/apis/serving.knative.dev"
  );
  if (!group) return { served: false, versions: [], resources: [] };
  const versions = (group.versions ?? []).map((v) => v.version).filter((v) => typeof v === "string");
  let resources = [];
  if (versions.includes("v1")) {
    const list2 = await getRaw(
      kubectl,
      "/apis/serving.knative.dev/v1"
    );
    resources = (list2?.resources ?? []).map((r) => r.name).filter((n) => typeof n === "string" && !n.includes("/"));
  }
  const tried = [];
  for (const [resource, name] of [
    ["customresourcedefinition", "services.serving.knative.dev"],
    ["namespace", "knative-serving"]
  ]) {
    const result = await kubectl.run(["get", resource, name, "-o", "json"]);
    const release = result.exitCode === 0 ? releaseOf(result.stdout) : void 0;
    if (release) return { served: true, versions, resources, release };
    tried.push(
      `${resource} ${name}: ${result.exitCode === 0 ? "no release label" : firstLine(result.stderr) || "not readable"}`
    );
  }
  return { served: true, versions, resources, releaseUnknown: tried.join("; ") };
}
function releaseOf(crdJson) {
  let labels;
  try {
    labels = JSON.parse(crdJson).metadata?.labels;
  } catch {
    return void 0;
  }
  for (const key of ["app.kubernetes.io/version", "serving.knative.dev/release"]) {
    const value = labels?.[key];
    if (typeof value === "string" && /^v?\d+\.\d+\.\d+/.test(value)) return value.slice(0, 40);
  }
  return void 0;
}
async function getRaw(kubectl, apiPath) {
  try {
    const { stdout } = await kubectl.runOk(["get", "--raw", apiPath]);
    return JSON.parse(stdout);
  } catch (error) {
    if (isNotFound(error)) return void 0;
    throw clusterAccessError(error);
  }
}
function clusterAccessError(error) {
  if (!(error instanceof ToolError))
    return error instanceof Error ? error : new Error(String(error));
  const said = firstLine(error.result.stderr || error.result.stdout);
  if (/Unauthorized|provide credentials|x509|certificate/i.test(said))
    return new UserError(
      `The existing cluster refused the kubeconfig's credentials: ${said}. Check the kubeconfig secret (or the login step before this one).`
    );
  if (/Unable to connect|connection refused|no such host|i\/o timeout|dial tcp/i.test(said))
    return new UserError(
      `Cannot reach the existing cluster's API server: ${said}. The runner must be able to reach it (a private cluster needs a self-hosted runner or an authorised network).`
    );
  return new Error(`kubectl failed: ${said}`);
}
function firstLine(text2) {
  return text2.split("\n").map((l) => l.trim()).find(Boolean)?.slice(0, 300) ?? "";
}

// src/existing/discovery-scope.ts
var API_VERSION = /^(?:([a-z0-9]([-a-z0-9.]*[a-z0-9])?)\/)?(v\d+(?:(?:alpha|beta)\d+)?)$/;
function discoveryPath(apiVersion) {
  const match = API_VERSION.exec(apiVersion);
  if (!match || apiVersion.length > 253) return void 0;
  return match[1] ? `/apis/${match[1]}/${match[3]}` : `/api/${match[3]}`;
}
function scopeProblem(placed, served, namespace) {
  const { object, source } = placed;
  const where = source ? `${source.file}:${source.line}: ` : "";
  const what = `${object.kind} '${object.metadata.name}' (${object.apiVersion})`;
  if (!served)
    return `${where}${what}: the cluster does not serve ${object.apiVersion}. Only kinds the cluster already has can be previewed (installing CRDs is the cluster owner's job).`;
  const resource = served.find((r) => r.kind === object.kind && !r.name.includes("/"));
  if (!resource)
    return `${where}${what}: the cluster serves no kind ${object.kind} in ${object.apiVersion}.`;
  if (!resource.namespaced)
    return `${where}${what} is cluster-scoped on this cluster. A preview only creates objects inside its namespace '${namespace}'; remove it from the manifests.`;
  return void 0;
}
function placedObjects(plan) {
  const placed = [];
  for (const service of plan.services) {
    placed.push({ object: service.manifests.pr, source: service.source });
    if (service.manifests.base) placed.push({ object: service.manifests.base });
  }
  plan.otherObjects.forEach(
    (object, index) => placed.push({ object, source: plan.otherObjectSources?.[index] })
  );
  return placed;
}
async function checkServedScope(kubectl, plan, namespace) {
  const byVersion = /* @__PURE__ */ new Map();
  for (const placed of placedObjects(plan)) {
    const { apiVersion } = placed.object;
    const path3 = discoveryPath(apiVersion);
    if (!path3) {
      const where = placed.source ? `${placed.source.file}:${placed.source.line}: ` : "";
      throw new UserError(`${where}'${apiVersion}' is not a Kubernetes apiVersion.`, placed.source);
    }
    if (!byVersion.has(apiVersion)) {
      const list2 = await getRaw(kubectl, path3);
      byVersion.set(apiVersion, list2 ? resourcesOf(list2.resources) : void 0);
    }
    const problem = scopeProblem(placed, byVersion.get(apiVersion), namespace);
    if (problem) throw new UserError(problem, placed.source);
  }
}
function resourcesOf(value) {
  if (!Array.isArray(value)) return [];
  return value.flatMap((entry) => {
    const r = entry;
    return r && typeof r.name === "string" && typeof r.kind === "string" ? [{ name: r.name, kind: r.kind, namespaced: r.namespaced === true }] : [];
  });
}

// src/existing/kubeconfig.ts
var import_yaml = __toESM(require_dist(), 1);
import { existsSync } from "node:fs";
import { chmod, mkdir, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
var MIN_SECRET_LENGTH = 8;
var SECRET_FIELDS = ["token", "password", "client-key-data", "client-certificate-data"];
function kubeconfigSecrets(text2) {
  let config;
  try {
    config = (0, import_yaml.parse)(text2, { maxAliasCount: 50 });
  } catch {
    config = void 0;
  }
  const found = /* @__PURE__ */ new Set();
  const add = (value) => {
    if (typeof value === "string" && value.trim().length >= MIN_SECRET_LENGTH)
      found.add(value.trim());
  };
  const users = config?.users;
  if (Array.isArray(users)) {
    for (const entry of users) {
      const user = entry?.user;
      if (!user || typeof user !== "object") continue;
      for (const field of SECRET_FIELDS) add(user[field]);
      const provider = user["auth-provider"];
      for (const value of Object.values(provider?.config ?? {})) add(value);
      const exec = user.exec;
      if (Array.isArray(exec?.env)) for (const variable of exec.env) add(variable?.value);
    }
  } else {
    for (const line of text2.split(/\r?\n/)) {
      add(line);
      add(/^[^:]*:\s*(.*)$/.exec(line)?.[1]?.replace(/^["']|["']$/g, ""));
    }
  }
  return [...found];
}
async function prepareKubeconfig(options) {
  const env = options.env ?? process.env;
  await mkdir(options.dir, { recursive: true, mode: 448 });
  const file = path.join(options.dir, "kubeconfig");
  const inputFile = path.join(options.dir, "kubeconfig-input");
  let source;
  const args = ["config", "view", "--flatten", "--minify", "--raw", "-o", "json"];
  if (options.input) {
    for (const secret of kubeconfigSecrets(options.input)) options.registerSecret(secret);
    await writeFile(inputFile, options.input, { mode: 384 });
    args.unshift("--kubeconfig", inputFile);
    source = "the 'kubeconfig' input";
  } else {
    source = defaultSource(env);
  }
  try {
    const result = await options.kubectl.run(args);
    if (result.exitCode !== 0) throw new UserError(unreadable(source, result.stderr));
    const text2 = result.stdout;
    for (const secret of kubeconfigSecrets(text2)) options.registerSecret(secret);
    const context = currentContext(text2);
    if (!context) throw new UserError(unreadable(source, "it names no current context"));
    await writeFile(file, text2, { mode: 384 });
    await chmod(file, 384);
    return { path: file, context, source };
  } finally {
    await rm(inputFile, { force: true });
  }
}
function defaultSource(env) {
  const listed = (env.KUBECONFIG ?? "").split(path.delimiter).filter(Boolean);
  if (listed.length > 0) {
    if (!listed.some((file) => existsSync(file)))
      throw new UserError(
        `KUBECONFIG names ${listed.map((f) => `'${f}'`).join(", ")}, but none of them exists. ${HOW_TO_CONNECT}`
      );
    return `KUBECONFIG (${listed.join(", ")})`;
  }
  const home = env.HOME || os.homedir();
  const fallback = path.join(home, ".kube", "config");
  if (!existsSync(fallback))
    throw new UserError(
      `No kubeconfig for the existing cluster: the 'kubeconfig' input is empty, KUBECONFIG is not set and ${fallback} does not exist. ${HOW_TO_CONNECT}`
    );
  return fallback;
}
var HOW_TO_CONNECT = "Pass the kubeconfig's content as the 'kubeconfig' input (kubeconfig: ${{ secrets.KUBECONFIG }}), or run a step before this one that logs in to the cluster (google-github-actions/get-gke-credentials, aws eks update-kubeconfig, azure/aks-set-context).";
function unreadable(source, stderr) {
  const reason = stderr.split("\n").map((line) => line.trim()).find(Boolean);
  const said = reason ? `: ${reason.slice(0, 300)}` : "";
  return `Cannot use the kubeconfig from ${source}${said}. It must be a valid kubeconfig with a current context (kubectl config use-context NAME).`;
}
function currentContext(json) {
  try {
    const config = JSON.parse(json);
    const name = config["current-context"];
    return typeof name === "string" && name ? name : void 0;
  } catch {
    return void 0;
  }
}

// src/existing/namespace-client.ts
function kubectlNamespaceClient(kubectl) {
  return {
    get: (name) => kubectl.tryGetJson("namespace", name),
    async list(selector) {
      const { stdout } = await kubectl.runOk(["get", "namespaces", "-l", selector, "-o", "json"]);
      return JSON.parse(stdout).items ?? [];
    },
    async create(namespace) {
      const result = await kubectl.run(["create", "-f", "-", "-o", "name"], {
        input: JSON.stringify(namespace)
      });
      if (result.exitCode === 0) return "created";
      if (/AlreadyExists|already exists/.test(result.stderr)) return "exists";
      throw new ToolError("kubectl create namespace", result);
    },
    async patch(name, operations) {
      const result = await kubectl.run([
        "patch",
        "namespace",
        name,
        "--type=json",
        "-p",
        JSON.stringify(operations)
      ]);
      if (result.exitCode === 0) return "done";
      if (/\(Conflict\)|\(Invalid\)|rejected our request|test|NotFound|not found/i.test(result.stderr))
        return "changed";
      throw new ToolError(`kubectl patch namespace ${name}`, result);
    },
    async deleteExactly(name, uid, resourceVersion) {
      const options = {
        kind: "DeleteOptions",
        apiVersion: "v1",
        preconditions: { uid, resourceVersion }
      };
      const result = await kubectl.run(
        ["delete", "--raw", `/api/v1/namespaces/${encodeURIComponent(name)}`, "-f", "-"],
        { input: JSON.stringify(options) }
      );
      if (result.exitCode === 0) return "done";
      if (isNotFound(new ToolError("", result))) return "done";
      if (/\(Conflict\)|precondition|Precondition/i.test(result.stderr)) return "changed";
      throw new ToolError(`kubectl delete namespace ${name}`, result);
    }
  };
}

// src/existing/ownership.ts
var MANAGED_BY_LABEL = "app.kubernetes.io/managed-by";
var MANAGED_BY = "knative-action";
var REPOSITORY_LABEL = "knative-action/repository";
var PR_LABEL = "knative-action/pull-request";
var REPOSITORY_ANNOTATION = "knative-action/repository";
var EXPIRES_ANNOTATION = "knative-action/expires-at";
var RUN_ANNOTATION = "knative-action/last-run";
var LABEL_VALUE = /^[a-z0-9]([-a-z0-9_.]{0,61}[a-z0-9])?$/;
function repositoryLabelValue(repository) {
  const readable = repository.toLowerCase().replace("/", ".");
  if (LABEL_VALUE.test(readable) && readable.length <= 63) return readable;
  const hash = shortHash(repository.toLowerCase(), 10);
  const start = readable.replace(/[^a-z0-9._-]+/g, "-").slice(0, 63 - hash.length - 1).replace(/^[^a-z0-9]+|[^a-z0-9]+$/g, "");
  return start ? `${start}-${hash}` : hash;
}
function ownerLabels(owner) {
  return {
    [MANAGED_BY_LABEL]: MANAGED_BY,
    [REPOSITORY_LABEL]: repositoryLabelValue(owner.repository),
    [PR_LABEL]: String(owner.pr)
  };
}
function repositorySelector(repository) {
  return `${MANAGED_BY_LABEL}=${MANAGED_BY},${REPOSITORY_LABEL}=${repositoryLabelValue(repository)}`;
}
function namespaceObject(name, owner, annotations) {
  return {
    apiVersion: "v1",
    kind: "Namespace",
    metadata: {
      name,
      labels: ownerLabels(owner),
      annotations: {
        [REPOSITORY_ANNOTATION]: owner.repository,
        [EXPIRES_ANNOTATION]: annotations.expiresAt,
        ...annotations.runUrl ? { [RUN_ANNOTATION]: annotations.runUrl } : {}
      }
    }
  };
}
function ownershipOf(namespace, owner) {
  const repository = previewRepositoryProblem(namespace, owner.repository);
  if (repository) return { ours: false, why: repository };
  const pr = stringMap(namespace.metadata?.labels)[PR_LABEL];
  if (pr !== String(owner.pr)) {
    return {
      ours: false,
      why: pr === void 0 ? `it has no ${PR_LABEL} label` : `it is the preview of another pull request of this repository (${PR_LABEL}=${shown(pr)})`
    };
  }
  return { ours: true };
}
function previewPullRequest(namespace, repository) {
  if (previewRepositoryProblem(namespace, repository)) return void 0;
  const pr = stringMap(namespace.metadata?.labels)[PR_LABEL] ?? "";
  if (!/^[1-9]\d{0,9}$/.test(pr)) return void 0;
  return Number(pr);
}
function previewRepositoryProblem(namespace, repository) {
  const labels = stringMap(namespace.metadata?.labels);
  const annotations = stringMap(namespace.metadata?.annotations);
  const managedBy = labels[MANAGED_BY_LABEL];
  if (managedBy !== MANAGED_BY) {
    return managedBy === void 0 ? `it has no label ${MANAGED_BY_LABEL}=${MANAGED_BY}, so this action did not make it` : `it is managed by ${shown(managedBy)}, not ${MANAGED_BY}`;
  }
  const label = labels[REPOSITORY_LABEL];
  const annotation = annotations[REPOSITORY_ANNOTATION];
  if (label !== repositoryLabelValue(repository) || annotation?.toLowerCase() !== repository.toLowerCase()) {
    return `it is the preview of another repository (${shown(annotation ?? label ?? "unnamed")})`;
  }
  return "";
}
function refreshPatch(namespace, owner, annotations) {
  const resourceVersion = namespace.metadata?.resourceVersion;
  if (typeof resourceVersion !== "string" || !resourceVersion)
    throw new Error(`namespace ${String(namespace.metadata?.name)} has no resourceVersion`);
  const ops = [
    { op: "test", path: "/metadata/resourceVersion", value: resourceVersion }
  ];
  for (const [key, value] of Object.entries(ownerLabels(owner)))
    ops.push({ op: "test", path: `/metadata/labels/${pointerKey(key)}`, value });
  ops.push({
    op: "add",
    path: `/metadata/annotations/${pointerKey(EXPIRES_ANNOTATION)}`,
    value: annotations.expiresAt
  });
  if (annotations.runUrl)
    ops.push({
      op: "add",
      path: `/metadata/annotations/${pointerKey(RUN_ANNOTATION)}`,
      value: annotations.runUrl
    });
  return ops;
}
function pointerKey(key) {
  return key.replace(/~/g, "~0").replace(/\//g, "~1");
}
function stringMap(value) {
  if (typeof value !== "object" || value === null || Array.isArray(value)) return {};
  return Object.fromEntries(
    Object.entries(value).filter(
      (entry) => typeof entry[1] === "string"
    )
  );
}
function shown(value) {
  const cleaned = value.replace(/[^\w./-]/g, "?");
  return `'${cleaned.length > 80 ? `${cleaned.slice(0, 79)}\u2026` : cleaned}'`;
}

// src/existing/preview-namespace.ts
var MAX_ROUNDS = 5;
var ForeignNamespaceError = class extends UserError {
  constructor(namespace, why) {
    super(
      `The namespace '${namespace}' exists and is not this pull request's preview: ${why}. The action leaves it untouched. Choose another name with the 'namespace' input, or, if it is a leftover of yours, delete it yourself.`
    );
    this.namespace = namespace;
    this.name = "ForeignNamespaceError";
  }
  namespace;
};
async function claimNamespace(client, name, owner, annotations, options) {
  for (let round = 1; round <= MAX_ROUNDS; round++) {
    const current = await client.get(name);
    if (!current) {
      if (await client.create(namespaceObject(name, owner, annotations)) === "created")
        return { created: true };
      options.log?.(`namespace ${name} appeared meanwhile; checking whose it is`);
      continue;
    }
    requireOurs(current, name, owner);
    if (current.metadata?.deletionTimestamp) {
      options.log?.(
        `namespace ${name} is being deleted; waiting until it is gone to create it again`
      );
      await waitUntilGone(client, name, options);
      continue;
    }
    if (await client.patch(name, refreshPatch(current, owner, annotations)) === "done")
      return { created: false };
    options.log?.(`namespace ${name} changed while its expiry was refreshed; reading it again`);
  }
  throw new Error(
    `namespace ${name} kept changing while this run claimed it (${MAX_ROUNDS} attempts); is another run writing to it?`
  );
}
async function deleteNamespace(client, name, owner, options) {
  for (let round = 1; round <= MAX_ROUNDS; round++) {
    const current = await client.get(name);
    if (!current) return { deleted: false };
    requireOurs(current, name, owner);
    const kept = current.metadata?.deletionTimestamp ? void 0 : options.keepReason?.(current);
    if (kept) return { deleted: false, kept };
    if (!current.metadata?.deletionTimestamp) {
      const uid = current.metadata?.uid;
      const version = current.metadata?.resourceVersion;
      if (typeof uid !== "string" || typeof version !== "string")
        throw new Error(`namespace ${name} as read has no uid or resourceVersion`);
      if (await client.deleteExactly(name, uid, version) === "changed") {
        options.log?.(`namespace ${name} changed just before the delete; reading it again`);
        continue;
      }
    }
    await waitUntilGone(client, name, options);
    return { deleted: true };
  }
  throw new Error(
    `namespace ${name} kept changing while this run deleted it (${MAX_ROUNDS} attempts); is another run writing to it?`
  );
}
function requireOurs(current, name, owner) {
  const ownership = ownershipOf(current, owner);
  if (!ownership.ours) throw new ForeignNamespaceError(name, ownership.why);
}
async function waitUntilGone(client, name, options) {
  await waitUntil(
    async () => {
      const current = await client.get(name);
      if (!current) return { done: true, value: void 0 };
      return { done: false, seen: describeTerminating(current) };
    },
    {
      what: `namespace ${name} to be deleted (Kubernetes deletes everything in it first)`,
      timeoutMs: options.timeoutMs,
      intervalMs: options.intervalMs ?? 2e3,
      sleep: options.sleep,
      now: options.now
    }
  );
}
function describeTerminating(namespace) {
  const name = namespace.metadata?.name ?? "?";
  const phase = namespace.status?.phase;
  const blocking = (namespace.status?.conditions ?? []).find(
    (c) => c.status === "True" && c.type !== "NamespaceDeletionDiscoveryFailure"
  );
  const detail = blocking ? ` (${[blocking.type, blocking.message].filter(Boolean).join(": ").slice(0, 200)})` : "";
  const state = typeof phase === "string" ? phase : namespace.metadata?.deletionTimestamp ? "Terminating" : "Active";
  return `namespace ${name}: ${state}${detail}`;
}

// src/existing/served-urls.ts
var SAFE_URL = /^(https?):\/\/([a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*)(:(\d{1,5}))?\/?$/;
function safeHttpUrl(value) {
  if (typeof value !== "string" || value.length > 300) return void 0;
  const match = SAFE_URL.exec(value);
  if (!match) return void 0;
  if (match[7] !== void 0 && (Number(match[7]) < 1 || Number(match[7]) > 65535))
    return void 0;
  return value.replace(/\/$/, "");
}
function servedUrls(ksvc, service) {
  const id = `${service.namespace}/${service.name}`;
  const status = ksvc?.status ?? {};
  const route = safeHttpUrl(status.url);
  if (!route)
    return {
      ok: false,
      problem: `service ${id} has no usable status.url (saw ${JSON.stringify(status.url ?? null).slice(0, 120)})`
    };
  if (/\.svc(\.cluster\.local)?$/.test(new URL(route).hostname))
    return {
      ok: false,
      problem: `service ${id} is only reachable inside the cluster (${route}): the cluster's Knative domain is cluster-local, or the service is labelled networking.knative.dev/visibility=cluster-local. A preview needs an external domain (config-domain).`
    };
  const links = { route };
  const targets = Array.isArray(status.traffic) ? status.traffic : [];
  for (const side of ["base", "pr"]) {
    if (!service.tagHosts[side]) continue;
    const target = targets.find((t) => t?.tag === side);
    const url = safeHttpUrl(target?.url);
    if (!url)
      return {
        ok: false,
        problem: `service ${id} has no usable URL for its '${side}' tag in status.traffic`
      };
    links[side] = url;
  }
  return { ok: true, links };
}
function servedService(service, links) {
  const host = (url) => new URL(url).hostname;
  return {
    ...service,
    host: host(links.route),
    url: links.route,
    tagHosts: {
      ...links.base ? { base: host(links.base) } : {},
      pr: links.pr ? host(links.pr) : service.tagHosts.pr
    }
  };
}
function probeIngressUrl(links, ingressAddress) {
  if (ingressAddress) return { ok: true, url: `http://${ingressAddress}` };
  const route = new URL(links.route);
  if (route.protocol !== "http:")
    return {
      ok: false,
      problem: `the route ${links.route} is HTTPS, and the probe sends plain HTTP: set 'ingress-address' to the host:port where the cluster's ingress answers HTTP (the Host header picks the route).`
    };
  return { ok: true, url: route.origin };
}

// src/existing/tidy.ts
var SERVICE_LABEL = "serving.knative.dev/service";
function leftovers(plan, revisions, services) {
  const planned = new Set(plan.services.map((s) => s.name));
  const serving = new Set(
    plan.services.flatMap((s) => s.traffic.map((t) => t.revisionName).filter(Boolean))
  );
  const goneServices = services.map((s) => s.metadata?.name).filter((name) => typeof name === "string" && !planned.has(name)).sort();
  const staleRevisions = revisions.filter((revision) => {
    const name = revision.metadata?.name;
    const owner = revision.metadata?.labels?.[SERVICE_LABEL];
    return typeof name === "string" && owner !== void 0 && planned.has(owner) && !serving.has(name);
  }).map((revision) => revision.metadata.name).sort();
  return { revisions: staleRevisions, services: goneServices };
}
async function tidyNamespace(kubectl, namespace, plan) {
  const [revisions, services] = await Promise.all([
    kubectl.getJson("revisions.serving.knative.dev", void 0, namespace),
    kubectl.getJson("services.serving.knative.dev", void 0, namespace)
  ]);
  const found = leftovers(plan, revisions.items ?? [], services.items ?? []);
  for (const [resource, names] of [
    ["services.serving.knative.dev", found.services],
    ["revisions.serving.knative.dev", found.revisions]
  ]) {
    if (names.length === 0) continue;
    await kubectl.runOk([
      "delete",
      resource,
      ...names,
      "-n",
      namespace,
      "--ignore-not-found",
      "--wait=false"
    ]);
  }
  return found;
}

// src/images/push.ts
var PERMANENT = /denied|unauthorized|authentication required|forbidden|invalid reference|name unknown|no basic auth credentials|does not exist locally|An image does not exist/i;
async function pushImages(docker, options) {
  for (const [local, remote] of options.images) {
    await docker.runOk(["tag", local, remote]);
    options.log?.(`pushing ${remote}`);
    try {
      await withRetry(() => docker.runOk(["push", remote], { stream: true }), {
        what: `docker push ${remote}`,
        attempts: options.attempts ?? 3,
        initialDelayMs: options.initialDelayMs ?? 2e3,
        isTransient: (error) => !(error instanceof ToolError && PERMANENT.test(`${error.result.stderr}
${error.result.stdout}`)),
        onRetry: (error, attempt, delay) => options.log?.(
          `push of ${remote} failed (try ${attempt}); again in ${Math.round(delay / 1e3)} s`
        ),
        sleep: options.sleep
      });
    } catch (error) {
      const text2 = error instanceof ToolError ? `${error.result.stderr}
${error.result.stdout}` : "";
      if (/denied|unauthorized|authentication required|no basic auth credentials/i.test(text2))
        throw new UserError(
          `The registry refused the push of ${remote}: ${firstLine2(text2)}. Log in before this step (e.g. docker/login-action with the registry and a token that may push there; for ghcr.io, permissions: packages: write).`
        );
      throw error;
    }
  }
}
function firstLine2(text2) {
  return text2.split("\n").map((l) => l.trim()).find(Boolean)?.slice(0, 200) ?? "";
}

// src/action/existing-cluster.ts
function existingWorkDir(runner) {
  return join(runner.workDir, "existing");
}
async function connectExistingCluster(options) {
  const { config, runner, timings } = options;
  const out = log().branch("cluster");
  const deadline = Date.now() + config.timeoutMinutes * 6e4;
  const kubectlPath = await timings.time("install-kubectl", async () => {
    const found = await ensureKubectl(config.kubectlVersion, {
      deadline,
      ...config.releaseMirror ? { mirror: config.releaseMirror } : {},
      log: (m) => out.info(m),
      // The cluster's version is unknown until connected: any runner kubectl will do.
      workDir: runner.workDir
    });
    return found.path;
  });
  const kubectl = await timings.time("connect", async () => {
    const kubeconfig = await prepareKubeconfig({
      input: config.kubeconfig,
      dir: existingWorkDir(runner),
      kubectl: createToolRunner(kubectlPath, { kind: "kubectl", log: out }),
      registerSecret: (secret) => setSecret(secret)
    });
    out.info(
      `Using the context '${kubeconfig.context}' of the kubeconfig from ${kubeconfig.source}`
    );
    const connected = new Kubectl(
      createToolRunner(kubectlPath, { kind: "kubectl", log: out }),
      kubeconfig.path
    );
    const verdict = judgeServing(await readServingFacts(connected));
    if (!verdict.ok) throw new UserError(verdict.problem);
    for (const note of verdict.notes) out.info(note);
    await checkServedScope(connected, options.plan, options.namespace);
    return connected;
  });
  await timings.time("namespace", async () => {
    const { created } = await claimNamespace(
      kubectlNamespaceClient(kubectl),
      options.namespace,
      options.owner,
      options.annotations,
      { timeoutMs: config.timeoutMinutes * 6e4, log: (m) => out.info(m) }
    );
    out.info(
      `${created ? "Created" : "Updating"} the preview namespace ${options.namespace} (expires ${options.annotations.expiresAt})`
    );
  });
  return kubectl;
}
function existingProvider(options) {
  const { config, runner, state, namespace } = options;
  const timings = new PhaseTimings();
  let kubectl;
  return {
    startMessage: (buildingImages) => buildingImages ? `Connecting to the existing cluster (namespace ${namespace}) and building images at the same time; their lines are prefixed [cluster] and [images].` : `Connecting to the existing cluster (namespace ${namespace}).`,
    async start() {
      state.saveExisting({ kubeconfigDir: existingWorkDir(runner) });
      kubectl = await log().branch("cluster").group(
        `Connect to the existing cluster, namespace ${namespace}`,
        () => connectExistingCluster({ ...options, timings })
      );
      state.saveExisting({ namespace, kubeconfigDir: existingWorkDir(runner) });
      const connected = kubectl;
      return {
        kubectl: connected,
        loadImages: async (tags) => {
          const registry = config.registry;
          if (!registry) throw new UserError("Input 'registry' is needed to push built images.");
          const images = new Map(tags.map((tag) => [tag, pushedTag(tag, registry)]));
          await pushImages(createToolRunner("docker", { kind: "docker" }), {
            images,
            log: (m) => log().info(m)
          });
        },
        loadImagesStep: { title: "Push images", phase: "image-push" },
        probeTargets: (plan) => probeTargets(connected, plan, config.ingressAddress),
        tidy: async (plan) => {
          const removed = await tidyNamespace(connected, namespace, plan);
          const parts = [
            removed.revisions.length ? `revisions ${removed.revisions.join(", ")}` : "",
            removed.services.length ? `services ${removed.services.join(", ")}` : ""
          ].filter(Boolean);
          return parts.length ? `Removed what earlier runs left: ${parts.join("; ")}` : void 0;
        },
        timings: { ...timings.seconds }
      };
    },
    failedStartTimings: () => ({ ...timings.seconds }),
    // A cancelled run leaves the namespace as it is: the next run updates it in place, and the
    // expiry bounds how long it stays if none comes.
    onCancel(signal) {
      log().warning(
        `Received ${signal}: leaving the preview namespace ${namespace} for the next run (it expires ${options.annotations.expiresAt}).`
      );
      return Promise.resolve();
    },
    async diagnose() {
      if (!kubectl) return void 0;
      const connected = kubectl;
      return log().group("Collect diagnostics", async () => {
        try {
          const saved = await saveDiagnostics(connected, existingWorkDir(runner), { namespace });
          state.saveDiagnosticsCollected();
          log().info(`Diagnostics of namespace ${namespace} written to ${saved.diagnosticsFile}`);
          return saved.diagnostics;
        } catch (error) {
          log().warning(`Could not collect diagnostics: ${errorMessage(error)}`);
          return void 0;
        }
      });
    }
  };
}
function pushedTag(localTag, registry) {
  if (!localTag.startsWith("dev.local/")) throw new Error(`'${localTag}' is not a dev.local image`);
  return `${registry}/${localTag.slice("dev.local/".length)}`;
}
async function probeTargets(kubectl, plan, ingressAddress) {
  const targets = [];
  for (const service of plan.services) {
    const ksvc = await kubectl.tryGetJson(
      "services.serving.knative.dev",
      service.name,
      service.namespace
    );
    const served = servedUrls(ksvc, service);
    if (!served.ok) throw new Error(served.problem);
    const ingress = probeIngressUrl(served.links, ingressAddress);
    if (!ingress.ok) throw new UserError(ingress.problem);
    targets.push({
      service: servedService(service, served.links),
      ingressUrl: ingress.url,
      links: served.links
    });
  }
  return targets;
}

// src/existing/gone-comment.ts
async function markPreviewGone(options) {
  if (options.mode === "off") return { action: "skipped", reason: "comment: off" };
  if (!options.token) return { action: "skipped", reason: "no github-token" };
  const client = options.client ?? createGitHubClient({ token: options.token, onRetry: (m) => options.log?.(`comment: ${m}`) });
  const patience = options.patience ?? patienceFor({ onRetry: (m) => options.log?.(`comment: ${m}`) });
  try {
    const identity = await retryTransient(
      "find who the token writes as",
      patience,
      () => resolveTokenIdentity(client, { deadline: patience.deadline })
    );
    return await upsertStickyComment(
      {
        client,
        owner: options.repository.owner,
        repo: options.repository.repo,
        issueNumber: options.pr,
        marker: options.marker,
        identity,
        render: (existing) => existing ? options.render(existing) : void 0
      },
      patience
    );
  } catch (error) {
    return degraded(error);
  }
}

// src/existing/pull-request-state.ts
function pullRequestStates(client, repository, options = {}) {
  const now = options.now ?? Date.now;
  let unavailable = client ? void 0 : "no github-token, so closed pull requests are not looked up";
  const path3 = (pr) => `/repos/${encodeURIComponent(repository.owner)}/${encodeURIComponent(repository.repo)}/pulls/${pr}`;
  return {
    async stateOf(pr) {
      if (!client || unavailable) return "unknown";
      try {
        const { data } = await client.request("GET", path3(pr), void 0, {
          deadline: now() + (options.timeoutMs ?? 3e4)
        });
        return data.state === "closed" ? "closed" : data.state === "open" ? "open" : "unknown";
      } catch (error) {
        if (isPermissionDenied(error))
          unavailable = `the token may not read pull requests (${errorMessage(error)}); give the job permissions: pull-requests: read to delete previews of closed PRs before they expire`;
        return "unknown";
      }
    },
    note: () => unavailable
  };
}

// src/existing/sweep-selection.ts
function sweepCandidates(items, repository) {
  const candidates = [];
  for (const item of items) {
    const name = item.metadata?.name;
    const pr = previewPullRequest(item, repository);
    if (typeof name !== "string" || pr === void 0) continue;
    candidates.push({
      namespace: name,
      pr,
      expiresAt: parseExpiry(item.metadata?.annotations?.[EXPIRES_ANNOTATION]),
      terminating: Boolean(item.metadata?.deletionTimestamp)
    });
  }
  return candidates.sort((a, b) => a.namespace.localeCompare(b.namespace));
}
function decideSweep(candidate, now, prState) {
  const { namespace, pr } = candidate;
  const keep = (reason) => ({ namespace, pr, action: "keep", reason });
  const remove = (reason) => ({ namespace, pr, action: "delete", reason });
  if (candidate.terminating) return keep("already being deleted");
  if (prState === "closed") return remove(`PR #${pr} is closed`);
  if (!candidate.expiresAt)
    return keep(`its ${EXPIRES_ANNOTATION} annotation is missing or not an RFC 3339 time`);
  if (candidate.expiresAt.getTime() <= now.getTime())
    return remove(`it expired at ${rfc3339(candidate.expiresAt)}`);
  return keep(`it expires at ${rfc3339(candidate.expiresAt)}`);
}

// src/report/render-gone.ts
function renderGoneComment(input) {
  const state = extractState(input.previousBody);
  const stateLine = state ? input.previousBody.split("\n", 2)[1]?.trim() : void 0;
  const head = stateLine ? `${input.marker}
${stateLine}` : input.marker;
  const when = `${input.at.toISOString().slice(0, 10)} ${input.at.toISOString().slice(11, 16)} UTC`;
  const why = input.reason === "closed" ? "the pull request was closed" : "a run with `mode: cleanup` asked for it";
  const what = input.deleted ? `The preview namespace ${codeSpan(input.namespace, { maxLength: 80 })} was deleted on ${when}: ${why}.` : `The preview namespace ${codeSpan(input.namespace, { maxLength: 80 })} was already gone on ${when} (expired or deleted before); ${why}.`;
  const parts = ["### \u{1F9F9} Knative preview removed", `${what} Its URLs no longer answer.`];
  const last = lastResultOf(state);
  if (last) {
    const commit2 = /^[0-9a-f]{7,64}$/i.test(last.headSha) ? ` on ${commitLink(input.context.serverUrl, input.context.repository, last.headSha)}` : "";
    parts.push(`_Last result${commit2}: ${escapeInline(last.status, 40)}._`);
  }
  const log2 = runLogUrl(input.context);
  if (log2) parts.push(`[Run log](${log2})`);
  parts.push(
    "<sub>Sticky comment by knative-action: one per pull request, updated in place on every run. A new run (reopening the PR) deploys a fresh preview.</sub>"
  );
  return `${head}

${parts.join("\n\n")}
`;
}
function renderCleanupSummary(input) {
  const ns = codeSpan(input.namespace, { maxLength: 80 });
  const why = input.reason === "closed" ? "the pull request was closed" : "`mode: cleanup`";
  if (input.failure)
    return `### \u274C Knative preview cleanup failed

The preview namespace ${ns} of PR #${input.pr} (${why}) was not deleted:

${codeBlockOf(input.failure)}
`;
  return input.deleted ? `### \u{1F9F9} Knative preview removed

Deleted the preview namespace ${ns} of PR #${input.pr} (${why}).
` : `### \u{1F9F9} Knative preview removed

The preview namespace ${ns} of PR #${input.pr} was already gone (${why}).
`;
}
function renderSweepSummary(rows, notes) {
  const deleted = rows.filter((r) => r.action === "deleted").length;
  const failed = rows.filter((r) => r.action === "failed").length;
  const head = failed ? `### \u26A0\uFE0F Knative preview sweep: ${deleted} deleted, ${failed} could not be deleted` : `### \u{1F9F9} Knative preview sweep: ${deleted} of ${rows.length} preview namespaces deleted`;
  const parts = [head];
  if (rows.length === 0) parts.push("_No preview namespaces of this repository on the cluster._");
  else
    parts.push(
      table(
        ["Namespace", "PR", "Action", "Why"],
        rows.map((r) => [
          codeSpan(r.namespace, { inTable: true, maxLength: 80 }),
          `#${r.pr}`,
          r.action,
          escapeInline(r.reason, 300)
        ])
      )
    );
  for (const note of notes) parts.push(`_${escapeInline(note, 500)}_`);
  return `${parts.join("\n\n")}
`;
}
function codeBlockOf(text2) {
  return codeBlock(text2, { maxLength: 4e3 });
}

// src/action/run-lifecycle.ts
var SWEEP_CONCURRENCY = 4;
async function connect(config, runner, state) {
  state.saveExisting({ kubeconfigDir: existingWorkDir(runner) });
  const found = await ensureKubectl(config.kubectlVersion, {
    deadline: Date.now() + config.timeoutMinutes * 6e4,
    ...config.releaseMirror ? { mirror: config.releaseMirror } : {},
    log: (m) => log().info(m),
    // The cluster's version is unknown until connected: any runner kubectl will do.
    workDir: runner.workDir
  });
  const runnerFor = () => createToolRunner(found.path, { kind: "kubectl" });
  const kubeconfig = await prepareKubeconfig({
    input: config.kubeconfig,
    dir: existingWorkDir(runner),
    kubectl: runnerFor(),
    registerSecret: (secret) => setSecret(secret)
  });
  log().info(
    `Using the context '${kubeconfig.context}' of the kubeconfig from ${kubeconfig.source}`
  );
  return kubectlNamespaceClient(new Kubectl(runnerFor(), kubeconfig.path));
}
async function runCleanup(options) {
  const { config, runner, state, repository, pr, reason } = options;
  const namespace = config.namespace || defaultNamespaceName(repository.repo, pr);
  setOutput("namespace", namespace);
  if (config.dryRun) {
    log().info(
      `dry-run: would delete the preview namespace ${namespace} of PR #${pr}; nothing was touched.`
    );
    state.saveOutcome("success");
    return;
  }
  log().info(
    `${reason === "closed" ? `PR #${pr} is closed` : "mode: cleanup"}: deleting its preview namespace ${namespace}.`
  );
  try {
    const client = await connect(config, runner, state);
    const { deleted } = await log().group(
      `Delete namespace ${namespace}`,
      () => deleteNamespace(
        client,
        namespace,
        { repository: `${repository.owner}/${repository.repo}`, pr },
        { timeoutMs: config.timeoutMinutes * 6e4, log: (m) => log().info(m) }
      )
    );
    log().info(
      deleted ? `Deleted the preview namespace ${namespace}.` : `The preview namespace ${namespace} was not there (expired, or deleted before).`
    );
    const at = /* @__PURE__ */ new Date();
    const written = await markPreviewGone({
      token: config.githubToken,
      mode: config.comment,
      repository,
      pr,
      marker: markerFromEnv(),
      log: (m) => log().info(m),
      render: (existing) => renderGoneComment({
        marker: markerFromEnv(),
        previousBody: existing.body,
        namespace,
        reason,
        deleted,
        at,
        context: options.context
      })
    });
    if (written.warning) log().warning(written.warning);
    if (written.id !== void 0) setOutput("comment-id", String(written.id));
    if (written.url) setOutput("comment-url", written.url);
    await writeJobSummary(renderCleanupSummary({ namespace, pr, reason, deleted }));
    state.saveOutcome("success");
  } catch (error) {
    state.saveOutcome("failure");
    reportFailure(clusterAccessError(error));
    await writeJobSummary(
      renderCleanupSummary({
        namespace,
        pr,
        reason,
        deleted: false,
        failure: errorMessage(clusterAccessError(error))
      })
    ).catch(() => void 0);
  }
}
async function runSweep(options) {
  const { config, runner, state, repository } = options;
  const fullName = `${repository.owner}/${repository.repo}`;
  if (config.dryRun) {
    log().info(`dry-run: would sweep the expired previews of ${fullName}; nothing was touched.`);
    state.saveOutcome("success");
    return;
  }
  try {
    const client = await connect(config, runner, state);
    const candidates = sweepCandidates(await client.list(repositorySelector(fullName)), fullName);
    log().info(`Found ${candidates.length} preview namespaces of ${fullName}.`);
    const states = pullRequestStates(
      config.githubToken ? createGitHubClient({ token: config.githubToken }) : void 0,
      repository
    );
    const now = /* @__PURE__ */ new Date();
    const rows = [];
    const toDelete = [];
    for (const candidate of candidates) {
      const expired = candidate.expiresAt !== void 0 && candidate.expiresAt.getTime() <= now.getTime();
      const prState = expired || candidate.terminating ? "unknown" : await states.stateOf(candidate.pr);
      const decision = decideSweep(candidate, now, prState);
      if (decision.action === "delete") toDelete.push({ ...decision, prState });
      else rows.push({ ...decision, action: "kept" });
    }
    const note = states.note();
    if (note) log().info(`Sweep: ${note}.`);
    const failures = [];
    await inPool(toDelete, SWEEP_CONCURRENCY, async ({ namespace, pr, reason, prState }) => {
      try {
        const result = await deleteNamespace(
          client,
          namespace,
          { repository: fullName, pr },
          {
            timeoutMs: config.timeoutMinutes * 6e4,
            log: (m) => log().info(m),
            // A run for the PR may have moved the expiry on since the listing.
            keepReason: (current) => {
              const [again] = sweepCandidates([current], fullName);
              const decision = again && decideSweep(again, /* @__PURE__ */ new Date(), prState);
              return decision?.action === "keep" ? decision.reason : void 0;
            }
          }
        );
        if (result.kept) {
          log().info(`Kept ${namespace}: ${result.kept}.`);
          rows.push({ namespace, pr, action: "kept", reason: result.kept });
          return;
        }
        log().info(`Deleted ${namespace}: ${reason}.`);
        rows.push({ namespace, pr, action: "deleted", reason });
      } catch (error) {
        failures.push(`${namespace}: ${errorMessage(error)}`);
        rows.push({ namespace, pr, action: "failed", reason: `${reason}; ${errorMessage(error)}` });
      }
    });
    rows.sort((a, b) => a.namespace.localeCompare(b.namespace));
    await writeJobSummary(renderSweepSummary(rows, note ? [note] : []));
    if (failures.length) throw new Error(`Sweep could not delete: ${failures.join("; ")}`);
    state.saveOutcome("success");
  } catch (error) {
    state.saveOutcome("failure");
    reportFailure(clusterAccessError(error));
  }
}
async function inPool(items, limit, work) {
  let next = 0;
  const worker = async () => {
    while (next < items.length) await work(items[next++]);
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
}

// src/existing/event-target.ts
var NAME = /^[A-Za-z0-9_.-]{1,100}$/;
function repositoryOfRun(payload, envRepository) {
  const fromPayload = payload?.repository?.full_name;
  const fullName = typeof fromPayload === "string" && fromPayload ? fromPayload : envRepository ?? "";
  const [owner = "", repo = "", ...rest] = fullName.split("/");
  if (!NAME.test(owner) || !NAME.test(repo) || rest.length)
    throw new UserError(
      `Cannot tell the repository: saw '${fullName.slice(0, 200)}' (expected owner/repo in the payload or GITHUB_REPOSITORY).`
    );
  return { owner, repo };
}
function pullRequestNumberOf(eventName, payload) {
  const event = payload;
  const number = Number(event?.number ?? event?.pull_request?.number);
  if (eventName !== "pull_request" || !Number.isSafeInteger(number) || number <= 0)
    throw new UserError(
      `mode: cleanup deletes the preview of the pull request the event is about, but this run was started by '${eventName}'${eventName === "pull_request" ? " with no PR number" : ""}. Run it on pull_request (the template does so on 'closed'); to delete expired previews and those of closed PRs on a schedule, use mode: sweep.`
    );
  return number;
}

// src/action/run-main.ts
async function runMain() {
  const runner = readRunnerEnv();
  const state = new StepState();
  const token = envInputReader("github-token");
  if (token) setSecret(token);
  for (const secret of kubeconfigSecrets(envInputReader("kubeconfig"))) setSecret(secret);
  let config;
  let plan;
  let trigger;
  try {
    config = parseInputs();
    for (const note of config.notes) log().warning(note);
    const existing = config.cluster === "existing";
    if (existing && config.mode === "sweep") {
      const payload2 = runner.eventPath ? await readEventPayload(runner) : void 0;
      await runSweep({
        config,
        runner,
        state,
        repository: repositoryOfRun(payload2, runner.repository)
      });
      return;
    }
    const payload = await readEventPayload(runner);
    if (existing && config.mode === "cleanup") {
      await runCleanup({
        config,
        runner,
        state,
        repository: repositoryOfRun(payload, runner.repository),
        pr: pullRequestNumberOf(runner.eventName, payload),
        reason: "cleanup",
        context: renderContext(config, runner)
      });
      return;
    }
    trigger = readTrigger({
      eventName: runner.eventName,
      payload,
      sha: runner.sha,
      ref: runner.ref,
      repository: runner.repository
    });
    if (trigger.kind === "closed") {
      if (existing) {
        await runCleanup({
          config,
          runner,
          state,
          repository: repositoryOfRun(payload, runner.repository),
          pr: trigger.number,
          reason: "closed",
          context: renderContext(config, runner)
        });
        return;
      }
      log().info(`PR #${trigger.number} is closed: there is nothing to preview.`);
      state.saveOutcome("success");
      return;
    }
    if (existing && trigger.kind !== "pull_request")
      throw new UserError(
        `cluster: existing previews pull requests, one namespace per PR; this run was started by '${trigger.eventName}'. Run it on pull_request, or use cluster: k3d for a preview of a push.`
      );
    const namespace = existing && trigger.kind === "pull_request" ? config.namespace || defaultNamespaceName(trigger.repository.repo, trigger.number) : void 0;
    plan = await makePlan({ config, runner, trigger, namespace });
    await logPlan(plan, { routesFromCluster: namespace !== void 0 });
    for (const [name, value] of Object.entries(planOutputs(plan))) {
      if (!(namespace && name === "url")) setOutput(name, value);
    }
    if (namespace) setOutput("namespace", namespace);
    const planDir = await writePlanFiles(plan, path2.join(runner.workDir, "plan"));
    log().info(`Rendered manifests written to ${planDir}`);
    const context = renderContext(config, runner);
    if (config.dryRun) {
      setOutput(
        "report",
        JSON.stringify({ status: "planned", services: [], timings: {} })
      );
      await writeJobSummary(renderPlanSummary(plan, context));
      log().info("dry-run: planned only; no cluster was created and no comment was written.");
      state.saveOutcome("success");
      return;
    }
    const target = namespace && trigger.kind === "pull_request" ? existingTarget(config, runner, state, plan, namespace, trigger.number) : void 0;
    await preview(config, runner, plan, context, state, target);
  } catch (error) {
    state.saveOutcome("failure");
    reportFailure(error);
    const report = {
      status: "failed",
      services: [],
      timings: {},
      failure: { phase: plan ? "preview" : "plan", message: errorMessage(error) }
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
function existingTarget(config, runner, state, plan, namespace, pr) {
  const expiresAt = expiryAfter(/* @__PURE__ */ new Date(), config.ttl);
  const runUrl = runLogUrl(renderContext(config, runner));
  return {
    existing: { namespace, expiresAt },
    provider: existingProvider({
      config,
      runner,
      state,
      plan,
      namespace,
      owner: { repository: `${plan.repository.owner}/${plan.repository.repo}`, pr },
      annotations: { expiresAt, ...runUrl ? { runUrl } : {} }
    })
  };
}
async function preview(config, runner, plan, context, state, target) {
  const commenter = createPreviewCommenter({
    token: config.githubToken,
    mode: config.comment,
    plan,
    context,
    marker: markerFromEnv()
  });
  const existing = target ? { existing: target.existing } : {};
  await commenter.publish("deploying", {
    status: "deploying",
    services: [],
    timings: {},
    ...existing
  });
  const result = await runPreview(config, runner, plan, state, target?.provider);
  const { failed, diagnostics } = result;
  const report = { ...result.report, ...existing };
  state.saveOutcome(failed ? "failure" : "success");
  if (target) {
    const route = report.services[0]?.links?.route;
    if (route) setOutput("url", route);
  }
  setOutput("report", JSON.stringify(report));
  setOutput("timings", JSON.stringify(report.timings));
  const written = await commenter.publish("result", report);
  if (written.id !== void 0) setOutput("comment-id", String(written.id));
  if (written.url) setOutput("comment-url", written.url);
  await writeJobSummary(
    renderSummary({ plan, report, context, diagnostics, previous: commenter.previousResult() })
  );
  if (report.failure) setFailed(`${report.failure.phase} failed: ${report.failure.message}`);
  else if (failed) setFailed(runFailureMessage(report, config.failOnDeviation));
  else log().info(`Preview finished: ${report.status}.`);
}
var defaultConfig = () => parseInputs(() => "");
function renderContext(config, runner) {
  const settings = config ?? defaultConfig();
  return {
    serverUrl: runner.serverUrl,
    repository: runner.repository ?? "local/preview",
    runId: runner.runId,
    runAttempt: runner.runAttempt,
    labelPrefix: settings.labelPrefix,
    requests: settings.requests,
    compareRequests: settings.compareRequests,
    loadBalancerPort: settings.loadBalancerPort,
    action: { repository: runner.actionRepository, ref: runner.actionRef },
    manifests: settings.manifests,
    build: settings.build
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
    domain: (config ?? defaultConfig()).domain,
    services: [],
    otherObjects: []
  };
}

// src/main.ts
await runMain();
