import { createRequire as __createRequire } from 'node:module';
const require = __createRequire(import.meta.url);
import {
  readEventPayload,
  readRunnerEnv,
  writeJobSummary
} from "./chunks/chunk-UELHAILX.js";
import {
  EXPIRES_ANNOTATION,
  FULL_DETAIL,
  MAX_CHART_SERVICES,
  NOT_SENT_NETWORK_CODES,
  TRANSIENT_NETWORK_CODES,
  autoscalerNote,
  changeSincePrevious,
  clusterAccessError,
  commitsLine,
  deleteNamespace,
  displayYaml,
  envInputReader,
  existingClusterKubectl,
  existingTarget,
  existingWorkDir,
  failureBlock,
  headline,
  isCompared,
  isTimeout,
  k3dProvider,
  kubeconfigSecrets,
  kubectlNamespaceClient,
  lifetimeLine,
  makePlan,
  networkCode,
  openExistingCluster,
  parseExpiry,
  parseInputs,
  parseRetryAfter,
  planTable,
  previewPullRequest,
  regressionsBlock,
  repositorySelector,
  reproduceCommands,
  rfc3339,
  runChart,
  runFailureMessage,
  runLogUrl,
  runPreview,
  serviceSection,
  splitSentence,
  timingsTable,
  writePlanFiles
} from "./chunks/chunk-7FE4UMJP.js";
import {
  ExitCode,
  StepState,
  UserError,
  codeBlock,
  codeSpan,
  commitLink,
  defaultNamespaceName,
  details,
  errorMessage,
  escapeInline,
  log,
  repositoryUrl,
  setOutput,
  setSecret,
  sleep,
  table,
  truncate,
  withRetry
} from "./chunks/chunk-4WJUX77I.js";

// src/action/run-main.ts
import path from "node:path";

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
  function urlFor(path2) {
    if (!path2.startsWith("/"))
      throw new Error(`GitHub API path must start with "/": ${redact(path2)}`);
    return `${apiUrl}${path2}`;
  }
  return {
    apiUrl,
    request: (method, path2, body, request) => send(method, urlFor(path2), `${method} ${redact(path2)}`, body, request),
    async paginate(path2, request) {
      const items = [];
      let url = urlFor(path2);
      for (let page = 1; url; page++) {
        if (page > maxPages)
          throw new Error(
            `GitHub API GET ${redact(path2)}: more than ${maxPages} pages; stopped reading`
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
      (item, path2) => parseService(item, path2, dropped)
    ),
    timings: parseTimings(own(fields, "timings"), `${at}timings`, dropped)
  };
  const optional = (key, parse) => optionalField(fields, key, parse, at, dropped);
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
  const optional = (key, parse) => optionalField(fields, key, parse, `${at}.`, dropped);
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
  for (const [key, parse] of [
    ["responses", count],
    ["observedPercent", (v) => numberIn(v, 0, 100)],
    ["errors", count]
  ]) {
    const raw = own(fields, key);
    if (raw === void 0) continue;
    const parsed = parse(raw);
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
function list(value, limit, at, dropped, parse) {
  if (!Array.isArray(value)) {
    dropped.push(at);
    return [];
  }
  if (value.length > limit) dropped.push(`${at} beyond ${limit}`);
  const items = [];
  value.slice(0, limit).forEach((item, index) => {
    const parsed = parse(item, `${at}[${index}]`);
    if (parsed === void 0) dropped.push(`${at}[${index}]`);
    else items.push(parsed);
  });
  return items;
}
function optionalField(fields, key, parse, at, dropped) {
  const value = own(fields, key);
  if (value === void 0) return void 0;
  const parsed = parse(value);
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
  if (options.token) log().secret(options.token);
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
  const path2 = workflowRef.split("@")[0] ?? "";
  const file = path2.split("/").pop();
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
  failStep(message, location ? { file: location.file, line: location.line } : void 0);
}
function failStep(message, annotation) {
  log().error(message, annotation);
  process.exitCode = ExitCode.Failure;
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
  const path2 = (pr) => `/repos/${encodeURIComponent(repository.owner)}/${encodeURIComponent(repository.repo)}/pulls/${pr}`;
  return {
    async stateOf(pr) {
      if (!client || unavailable) return "unknown";
      try {
        const { data } = await client.request("GET", path2(pr), void 0, {
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
  const kubectlPath = await existingClusterKubectl(config, runner, log());
  return kubectlNamespaceClient(await openExistingCluster(config, runner, kubectlPath, log()));
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
    const planDir = await writePlanFiles(plan, path.join(runner.workDir, "plan"));
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
    const target = namespace && trigger.kind === "pull_request" ? existingTarget({
      config,
      runner,
      state,
      plan,
      namespace,
      pr: trigger.number,
      runUrl: runLogUrl(context)
    }) : void 0;
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
  const provider = target?.provider ?? k3dProvider(
    config,
    runner,
    state,
    (kubeconfigPath) => setOutput("kubeconfig-path", kubeconfigPath)
  );
  const result = await runPreview(config, runner, plan, provider);
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
  if (report.failure) failStep(`${report.failure.phase} failed: ${report.failure.message}`);
  else if (failed) failStep(runFailureMessage(report, config.failOnDeviation));
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
