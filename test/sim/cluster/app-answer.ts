/**
 * What a simulated container answers. The sim runs no image, so each image carries a description
 * of the app inside it, recorded by the docker stand-in from the build context and handed to the
 * cluster by `k3d image import` (`POST /_sim/images`). Pure.
 *
 * - `template`: the project's template app (template/app/server.js): `Hello <TARGET> from
 *   <revision>!` with a `k-revision` header on `/`, `ok` on `/healthz`, 404 elsewhere, 405 for
 *   methods other than GET/HEAD.
 * - `helloworld`: Knative's helloworld-go sample: `Hello <TARGET>!` on every path, no header.
 * - `spec`: an answer spec the test wrote into the build context (ANSWER_SPEC_FILE): status,
 *   headers and body, with placeholders so that an answer may name its revision or vary per request.
 * - `generic`: any other app: one plain answer on every path, no revision header.
 */

/** The answer spec's file name in a build context. */
export const ANSWER_SPEC_FILE = 'sim-answer.json';

export interface AnswerSpec {
  status: number;
  /** Lowercase names. Values and the body may hold placeholders (see PLACEHOLDER). */
  headers: Record<string, string>;
  body: string;
}

export type AppDescription =
  | { kind: 'template' }
  | { kind: 'helloworld' }
  | { kind: 'generic' }
  | { kind: 'spec'; spec: AnswerSpec };

export interface AppAnswer {
  status: number;
  headers: Record<string, string>;
  body: string;
}

export interface AnswerContext {
  method: string;
  path: string;
  /** The container's environment as Knative gives it (K_REVISION, PORT, the spec's env). */
  env: Readonly<Record<string, string>>;
  /** 1 for the revision's first answer, then 2, 3, ... */
  request: number;
  random(): number;
}

/** The answer of an app the sim knows nothing about. */
export const GENERIC_BODY = 'Hello from the app!\n';
/** The body of an answer the error knob turned into a failure. */
export const FAILURE_BODY = 'Internal Server Error\n';
/** Headers by which apps name the revision that answered (the probe reads both). */
const REVISION_HEADERS = ['k-revision', 'x-revision'];

/**
 * `{{revision}}` (K_REVISION), `{{env.NAME}}` (the container's variable; empty when unset),
 * `{{request}}` (the revision's answer count), `{{random}}` (8 hex digits, new per answer).
 */
const PLACEHOLDER = /\{\{\s*([^{}]*?)\s*\}\}/g;
const KNOWN_PLACEHOLDER = /^(revision|request|random|env\.[A-Za-z_][A-Za-z0-9_]*)$/;
const HEADER_NAME = /^[!#$%&'*+.^_`|~0-9a-z-]+$/;
const HEADER_VALUE = /^[\t\x20-\x7e]*$/;
/** Set by the sim (framing) or by Envoy, never by the spec. */
const RESERVED_HEADERS = new Set([
  'content-length',
  'transfer-encoding',
  'connection',
  'keep-alive',
  'upgrade',
  'server',
]);
const MAX_BODY_CHARS = 65_536;
const SPEC_KEYS = new Set(['status', 'headers', 'body']);

const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

function checkPlaceholders(text: string, where: string): void {
  for (const match of text.matchAll(PLACEHOLDER)) {
    const name = match[1] ?? '';
    if (!KNOWN_PLACEHOLDER.test(name)) {
      throw new Error(
        `${where}: unknown placeholder '${match[0]}' (known: {{revision}}, {{request}}, {{random}}, {{env.NAME}})`,
      );
    }
  }
}

/** Validates a parsed answer spec; `where` names its file for messages. Throws on any flaw. */
export function parseAnswerSpec(value: unknown, where: string): AnswerSpec {
  if (!isObject(value))
    throw new Error(`${where}: expected a JSON object {"status", "headers", "body"}`);
  for (const key of Object.keys(value)) {
    if (!SPEC_KEYS.has(key))
      throw new Error(`${where}: unknown key '${key}' (known: status, headers, body)`);
  }
  const status = value.status ?? 200;
  if (typeof status !== 'number' || !Number.isInteger(status) || status < 200 || status > 599) {
    throw new Error(
      `${where}: status must be a whole number from 200 to 599, got ${JSON.stringify(status)}`,
    );
  }
  const rawHeaders = value.headers ?? {};
  if (!isObject(rawHeaders))
    throw new Error(`${where}: headers must be an object of name: value strings`);
  const headers: Record<string, string> = {};
  for (const [rawName, headerValue] of Object.entries(rawHeaders)) {
    const name = rawName.toLowerCase();
    if (!HEADER_NAME.test(name)) throw new Error(`${where}: '${rawName}' is not a header name`);
    if (RESERVED_HEADERS.has(name))
      throw new Error(`${where}: header '${rawName}' is set by the ingress, not by the app`);
    if (name in headers) throw new Error(`${where}: header '${rawName}' is given twice`);
    if (typeof headerValue !== 'string' || !HEADER_VALUE.test(headerValue)) {
      throw new Error(
        `${where}: header '${rawName}' must be a string of printable ASCII characters`,
      );
    }
    checkPlaceholders(headerValue, `${where}: header '${rawName}'`);
    headers[name] = headerValue;
  }
  const body = value.body;
  if (typeof body !== 'string') throw new Error(`${where}: body must be a string`);
  if (body.length > MAX_BODY_CHARS)
    throw new Error(`${where}: body is longer than ${MAX_BODY_CHARS} characters`);
  checkPlaceholders(body, `${where}: body`);
  return { status, headers, body };
}

/** Validates an app description as `POST /_sim/images` carries it. */
export function parseAppDescription(value: unknown, where: string): AppDescription {
  if (!isObject(value)) throw new Error(`${where}: expected an object with a "kind"`);
  switch (value.kind) {
    case 'template':
    case 'helloworld':
    case 'generic':
      return { kind: value.kind };
    case 'spec':
      return { kind: 'spec', spec: parseAnswerSpec(value.spec, `${where}.spec`) };
    default:
      throw new Error(
        `${where}: kind must be template, helloworld, generic or spec, got ${JSON.stringify(value.kind)}`,
      );
  }
}

export interface ImageImport {
  images: string[];
  /** Per image; an image without a description answers like the template app. */
  apps: Map<string, AppDescription>;
}

/** Parses `{"images": ["name:tag", ...], "apps": {"name:tag": description}}` (apps optional). */
export function parseImageImport(body: string): ImageImport {
  let value: unknown;
  try {
    value = JSON.parse(body || '{}');
  } catch {
    throw new Error('expected JSON {"images": ["name:tag", ...], "apps": {...}}');
  }
  const images = isObject(value) ? value.images : undefined;
  if (!Array.isArray(images) || !images.every((i): i is string => typeof i === 'string'))
    throw new Error('expected {"images": ["name:tag", ...]}');
  const rawApps = (value as Record<string, unknown>).apps ?? {};
  if (!isObject(rawApps)) throw new Error('"apps" must map image names to app descriptions');
  const apps = new Map<string, AppDescription>();
  for (const [image, description] of Object.entries(rawApps)) {
    if (!images.includes(image)) throw new Error(`"apps" names ${image}, which is not in "images"`);
    apps.set(image, parseAppDescription(description, `apps["${image}"]`));
  }
  return { images, apps };
}

function render(text: string, ctx: AnswerContext): string {
  return text.replace(PLACEHOLDER, (_all, name: string) => {
    if (name === 'revision') return ctx.env.K_REVISION ?? '';
    if (name === 'request') return String(ctx.request);
    if (name === 'random')
      return Math.floor(ctx.random() * 0x1_0000_0000)
        .toString(16)
        .padStart(8, '0');
    return ctx.env[name.slice('env.'.length)] ?? '';
  });
}

const TEXT = 'text/plain; charset=utf-8';

function templateAnswer(ctx: AnswerContext): AppAnswer {
  if (ctx.path !== '/' && ctx.path !== '/healthz')
    return { status: 404, headers: { 'content-type': TEXT }, body: 'Not found\n' };
  if (ctx.method !== 'GET' && ctx.method !== 'HEAD') {
    return {
      status: 405,
      headers: { allow: 'GET, HEAD', 'content-type': TEXT },
      body: 'Method not allowed\n',
    };
  }
  const revision = ctx.env.K_REVISION || 'local';
  return {
    status: 200,
    headers: { 'content-type': TEXT, 'k-revision': revision, 'cache-control': 'no-store' },
    body: ctx.path === '/' ? `Hello ${ctx.env.TARGET || 'World'} from ${revision}!\n` : 'ok\n',
  };
}

/** The app's answer to one request. */
export function answerOf(app: AppDescription, ctx: AnswerContext): AppAnswer {
  switch (app.kind) {
    case 'template':
      return templateAnswer(ctx);
    case 'helloworld':
      return {
        status: 200,
        headers: { 'content-type': TEXT },
        body: `Hello ${ctx.env.TARGET || 'World'}!\n`,
      };
    case 'generic':
      return { status: 200, headers: { 'content-type': TEXT }, body: GENERIC_BODY };
    case 'spec': {
      const headers: Record<string, string> = {};
      for (const [name, value] of Object.entries(app.spec.headers))
        headers[name] = render(value, ctx).replace(/[^\t\x20-\x7e]/g, '?');
      return { status: app.spec.status, headers, body: render(app.spec.body, ctx) };
    }
  }
}

/**
 * The answer when the error knob makes the app fail: HTTP 500, a plain body, and the app's
 * revision header if it sends one (an app that labels its answers labels its failures too).
 */
export function failureAnswer(answer: AppAnswer): AppAnswer {
  const headers: Record<string, string> = { 'content-type': TEXT };
  for (const name of REVISION_HEADERS) {
    const value = answer.headers[name];
    if (value !== undefined) headers[name] = value;
  }
  return { status: 500, headers, body: FAILURE_BODY };
}
