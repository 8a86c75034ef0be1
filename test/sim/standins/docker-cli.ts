import { existsSync, readFileSync, statSync } from 'node:fs';
import { isAbsolute, join, resolve } from 'node:path';
import type { AppDescription } from '../cluster/app-answer.js';
import { describeBuildContext } from './built-app.js';
import { type FlagSpec, UsageError, flagList, flagString, parseArgs } from './flags.js';
import {
  findImage,
  isValidImageRef,
  listImages,
  normalizeImageRef,
  pushImage,
  saveImage,
  tagImage,
  type StoredImage,
} from './image-store.js';
import { hostPlatform, imageStoreFromEnv, storageInfo, writeArchive } from './image-archive.js';
import type { StandinIo } from './io.js';
import { withKnobs } from './knobs.js';
import { canonicalImageRef, repositoryOf } from '../cluster/pushed-images.js';
import { stateDirFromEnv } from './state.js';

/** Versions the docker stand-in reports (a recent engine; the action only checks it answers). */
const CLIENT_VERSION = '28.3.2';
const SERVER_VERSION = '28.3.2';

const help: FlagSpec = { name: 'help', kind: 'bool' };
const format: FlagSpec = { name: 'format', short: 'f', kind: 'string' };

/** The docker stand-in: `docker <args>`; returns the exit code. */
export async function runDocker(args: string[], io: StandinIo): Promise<number> {
  const [command, ...rest] = args;
  switch (command) {
    case 'version':
      return version(rest, io);
    case 'info':
      return info(rest, io);
    case 'build':
      return build(rest, io);
    case 'buildx':
      if (rest[0] === 'build') return build(rest.slice(1), io);
      break;
    case 'tag':
      return tag(rest, io);
    case 'push':
      return push(rest, io);
    case 'save':
      return save(rest, io);
    case 'images':
      return images(rest, io);
    case 'image': {
      const [sub, ...more] = rest;
      if (sub === 'inspect') return inspect(more, io);
      if (sub === 'ls' || sub === 'list') return images(more, io);
      if (sub === 'tag') return tag(more, io);
      if (sub === 'build') return build(more, io);
      if (sub === 'push') return push(more, io);
      if (sub === 'save') return save(more, io);
      throw new UsageError(
        `docker image ${sub ?? ''}: not supported by the simulated docker stand-in ` +
          '(supported: image inspect, image ls, image tag, image build, image push, image save)',
      );
    }
    case 'inspect':
      return inspect(rest, io);
    case undefined:
      throw new UsageError('docker: no command given');
  }
  throw new UsageError(
    `docker ${command}: not supported by the simulated docker stand-in ` +
      '(supported: version, info, build, tag, push, save, images, image inspect)',
  );
}

function version(args: string[], io: StandinIo): number {
  const parsed = parseArgs(args, [format, help]);
  const data = {
    Client: { Version: CLIENT_VERSION, ApiVersion: '1.51', Os: 'linux', Arch: 'amd64' },
    Server: { Version: SERVER_VERSION, ApiVersion: '1.51', Os: 'linux', Arch: 'amd64' },
  };
  const template = flagString(parsed, 'format');
  if (template !== undefined) {
    io.stdout(`${renderTemplate(template, data)}\n`);
    return 0;
  }
  io.stdout(
    `Client:\n Version:           ${CLIENT_VERSION}\n API version:       1.51\n OS/Arch:           linux/amd64\n\n` +
      `Server: Simulated Docker Engine (knative-action test sim)\n Engine:\n  Version:          ${SERVER_VERSION}\n` +
      `  API version:      1.51 (minimum version 1.24)\n  OS/Arch:          linux/amd64\n`,
  );
  return 0;
}

function info(args: string[], io: StandinIo): number {
  const parsed = parseArgs(args, [format, help]);
  const stateDir = stateDirFromEnv(io.env);
  const storage = storageInfo(imageStoreFromEnv(withKnobs(io.env)));
  const data = {
    ServerVersion: SERVER_VERSION,
    Images: listImages(stateDir).length,
    OperatingSystem: 'Simulated Docker Engine',
    OSType: 'linux',
    Architecture: 'x86_64',
    ...storage,
  };
  const template = flagString(parsed, 'format');
  if (template !== undefined) {
    io.stdout(`${renderTemplate(template, data)}\n`);
    return 0;
  }
  const driverLines = storage.DriverStatus.map(([key, value]) => `  ${key}: ${value}\n`).join('');
  io.stdout(
    `Client:\n Version:    ${CLIENT_VERSION}\n Context:    default\n\nServer:\n Images: ${data.Images}\n` +
      ` Server Version: ${SERVER_VERSION}\n Storage Driver: ${storage.Driver}\n${driverLines}` +
      ` Operating System: ${data.OperatingSystem}\n`,
  );
  return 0;
}

const buildFlags: FlagSpec[] = [
  { name: 'tag', short: 't', kind: 'stringArray' },
  { name: 'file', short: 'f', kind: 'string' },
  { name: 'build-arg', kind: 'stringArray' },
  { name: 'label', kind: 'stringArray' },
  { name: 'quiet', short: 'q', kind: 'bool' },
  { name: 'pull', kind: 'bool' },
  { name: 'no-cache', kind: 'bool' },
  { name: 'progress', kind: 'string' },
  { name: 'platform', kind: 'string' },
  { name: 'target', kind: 'string' },
  { name: 'load', kind: 'bool' },
  { name: 'network', kind: 'string' },
  { name: 'push', kind: 'bool', unsupported: 'nothing is pushed to a registry in the sim' },
  { name: 'output', short: 'o', kind: 'string', unsupported: 'only the local image store exists' },
  help,
];

function build(args: string[], io: StandinIo): number {
  const parsed = parseArgs(args, buildFlags);
  if (parsed.positionals.length !== 1) {
    throw new UsageError(
      `"docker buildx build" requires exactly 1 argument (the build context), got ${parsed.positionals.length}`,
    );
  }
  const stateDir = stateDirFromEnv(io.env);
  const contextArg = parsed.positionals[0] as string;
  if (contextArg === '-' || /^[a-z]+:\/\//.test(contextArg)) {
    throw new UsageError(
      `build context ${contextArg}: only a local folder is supported by the sim`,
    );
  }
  const context = resolve(io.cwd, contextArg);
  if (!existsSync(context) || !statSync(context).isDirectory()) {
    io.stderr(`ERROR: unable to prepare context: path "${contextArg}" not found\n`);
    return 1;
  }
  const fileArg = flagString(parsed, 'file');
  if (fileArg === '-')
    throw new UsageError('a Dockerfile from stdin (-f -) is not supported by the sim');
  const dockerfile = fileArg === undefined ? join(context, 'Dockerfile') : resolve(io.cwd, fileArg);
  if (!existsSync(dockerfile)) {
    io.stderr(
      `ERROR: failed to build: failed to solve: failed to read dockerfile: open ${fileArg ?? 'Dockerfile'}: no such file or directory\n`,
    );
    return 1;
  }
  const text = readFileSync(dockerfile, 'utf8');
  if (!/^\s*FROM\s+\S+/im.test(text)) {
    io.stderr(
      `ERROR: failed to build: failed to solve: dockerfile parse error: ${dockerfile} has no FROM instruction\n`,
    );
    return 1;
  }
  const tags = flagList(parsed, 'tag');
  for (const tagRef of tags) {
    if (!isValidImageRef(normalizeImageRef(tagRef))) {
      io.stderr(`ERROR: failed to build: invalid tag "${tagRef}": invalid reference format\n`);
      return 1;
    }
  }
  const buildArgs = keyValues(flagList(parsed, 'build-arg'));
  const labels = keyValues(flagList(parsed, 'label'));
  let app: AppDescription;
  try {
    app = describeBuildContext(context);
  } catch (err) {
    io.stderr(`ERROR: failed to build: simulated app answer: ${(err as Error).message}\n`);
    return 1;
  }
  const saved = saveImage(stateDir, {
    tags,
    context,
    dockerfile: isAbsolute(dockerfile) ? dockerfile : resolve(dockerfile),
    buildArgs,
    labels,
    app,
  });
  if (parsed.flags.get('quiet') === true) {
    io.stdout(`${saved.id}\n`);
    return 0;
  }
  const steps = text.split('\n').filter((line) => /^\s*[A-Z]+\s/.test(line));
  const lines = [
    '#0 building with "default" instance using docker driver (simulated)',
    '',
    `#1 [internal] load build definition from ${fileArg ?? 'Dockerfile'}`,
    '#1 DONE 0.0s',
    ...steps.map(
      (step, index) =>
        `#${index + 2} [${index + 1}/${steps.length}] ${step.trim()}\n#${index + 2} DONE 0.0s`,
    ),
    `#${steps.length + 2} exporting to image`,
    `#${steps.length + 2} writing image ${saved.id} done`,
    ...saved.tags.map((t) => `#${steps.length + 2} naming to ${qualifiedName(t)} done`),
    `#${steps.length + 2} DONE 0.0s`,
  ];
  io.stderr(`${lines.join('\n')}\n`);
  return 0;
}

/** Docker prints names with their registry; a first component without '.' or ':' means docker.io. */
function qualifiedName(tagName: string): string {
  const first = tagName.split('/')[0] as string;
  const hasRegistry = tagName.includes('/') && (/[.:]/.test(first) || first === 'localhost');
  if (hasRegistry) return tagName;
  return tagName.includes('/') ? `docker.io/${tagName}` : `docker.io/library/${tagName}`;
}

function keyValues(items: string[]): Record<string, string> {
  const result: Record<string, string> = {};
  for (const item of items) {
    const eq = item.indexOf('=');
    result[eq === -1 ? item : item.slice(0, eq)] = eq === -1 ? '' : item.slice(eq + 1);
  }
  return result;
}

function tag(args: string[], io: StandinIo): number {
  const parsed = parseArgs(args, [help]);
  if (parsed.positionals.length !== 2) {
    throw new UsageError(`"docker tag" requires exactly 2 arguments (SOURCE_IMAGE TARGET_IMAGE)`);
  }
  const [source, target] = parsed.positionals as [string, string];
  if (!isValidImageRef(normalizeImageRef(target))) {
    io.stderr(
      `Error parsing reference: "${target}" is not a valid repository/tag: invalid reference format\n`,
    );
    return 1;
  }
  if (!tagImage(stateDirFromEnv(io.env), source, target)) {
    io.stderr(`Error response from daemon: No such image: ${source}\n`);
    return 1;
  }
  return 0;
}

/** Names by convention never served by a registry (Knative skips resolving them; ko and kind load them). */
const NO_REGISTRY_HOSTS = new Set(['dev.local', 'ko.local', 'kind.local']);

/** `SIM_PUSH_DENIED=GLOB[,GLOB]`: canonical repositories (`ghcr.io/octo/*`) whose pushes are refused. */
function pushDenied(repository: string, env: NodeJS.ProcessEnv): boolean {
  return (withKnobs(env).SIM_PUSH_DENIED ?? '')
    .split(',')
    .map((glob) => glob.trim())
    .filter(Boolean)
    .some((glob) =>
      new RegExp(
        `^${glob
          .split('*')
          .map((part) => part.replace(/[.+?^${}()|[\]\\]/g, '\\$&'))
          .join('.*')}$`,
      ).test(repository),
    );
}

/**
 * `docker push [-a] [-q] NAME[:TAG]`: records the local image in the sim's registry, from which
 * every simulated cluster of this state dir can pull it (pushed-images.ts). No login is modelled:
 * a push succeeds unless the repository matches SIM_PUSH_DENIED, or its host is a name no registry
 * serves (`dev.local`, `ko.local`, `kind.local`).
 */
function push(args: string[], io: StandinIo): number {
  const parsed = parseArgs(args, [
    { name: 'all-tags', short: 'a', kind: 'bool' },
    { name: 'quiet', short: 'q', kind: 'bool' },
    { name: 'disable-content-trust', kind: 'bool' },
    { name: 'platform', kind: 'string' },
    help,
  ]);
  if (parsed.positionals.length !== 1) {
    throw new UsageError(`"docker push" requires exactly 1 argument (NAME[:TAG])`);
  }
  const name = parsed.positionals[0] as string;
  if (!isValidImageRef(normalizeImageRef(name))) {
    io.stderr(`invalid reference format\n`);
    return 1;
  }
  const stateDir = stateDirFromEnv(io.env);
  const repository = repositoryOf(canonicalImageRef(name));
  const allTags = parsed.flags.get('all-tags') === true;
  const tagged = name.slice(name.lastIndexOf('/') + 1).includes(':') || name.includes('@');
  if (allTags && tagged) throw new UsageError(`tag can't be used with --all-tags/-a`);
  const local = allTags
    ? listImages(stateDir).flatMap((image) =>
        image.tags
          .filter((t) => repositoryOf(canonicalImageRef(t)) === repository)
          .map((t) => ({ image, ref: t })),
      )
    : [{ image: findImage(stateDir, name), ref: normalizeImageRef(name) }];
  const found = local.filter(
    (entry): entry is { image: StoredImage; ref: string } => entry.image !== undefined,
  );
  const shortName = repository.replace(/^docker\.io\/(library\/)?/, '');
  if (found.length === 0) {
    io.stderr(`An image does not exist locally with the tag: ${shortName}\n`);
    return 1;
  }
  const host = repository.slice(0, repository.indexOf('/'));
  if (parsed.flags.get('quiet') !== true)
    io.stdout(`The push refers to repository [${repository}]\n`);
  if (NO_REGISTRY_HOSTS.has(host)) {
    io.stderr(`Get "https://${host}/v2/": dial tcp: lookup ${host}: no such host\n`);
    return 1;
  }
  if (pushDenied(repository, io.env)) {
    io.stderr(`denied: requested access to the resource is denied\n`);
    return 1;
  }
  for (const { image, ref } of found) {
    const pushed = pushImage(stateDir, image, ref);
    if (parsed.flags.get('quiet') === true) {
      io.stdout(`${ref}\n`);
      continue;
    }
    const tagName = pushed.ref.slice(pushed.ref.lastIndexOf(':') + 1);
    io.stdout(
      `${image.id.slice(7, 19)}: Pushed\n${tagName}: digest: ${pushed.digest} size: 1574\n`,
    );
  }
  return 0;
}

function inspectView(image: StoredImage): Record<string, unknown> {
  return {
    Id: image.id,
    RepoTags: image.tags,
    Created: image.created,
    Os: 'linux',
    Architecture: 'amd64',
    Config: { Labels: image.labels ?? {} },
  };
}

function inspect(args: string[], io: StandinIo): number {
  const parsed = parseArgs(args, [format, { name: 'type', kind: 'string' }, help]);
  if (parsed.positionals.length === 0)
    throw new UsageError('"docker image inspect" requires at least 1 argument');
  const stateDir = stateDirFromEnv(io.env);
  const template = flagString(parsed, 'format');
  const found: Record<string, unknown>[] = [];
  let code = 0;
  for (const ref of parsed.positionals) {
    const image = findImage(stateDir, ref);
    if (!image) {
      io.stderr(`Error response from daemon: No such image: ${ref}\n`);
      code = 1;
      continue;
    }
    found.push(inspectView(image));
  }
  if (template !== undefined) {
    for (const view of found) io.stdout(`${renderTemplate(template, view)}\n`);
  } else {
    io.stdout(`${JSON.stringify(found, null, 4)}\n`);
  }
  return code;
}

/**
 * `docker image save [-o FILE] [--platform P[,P]] IMAGE...` (--platform: API 1.48+). Writes the
 * sim's archive record (image-archive.ts); streaming to stdout is not modelled.
 */
function save(args: string[], io: StandinIo): number {
  const parsed = parseArgs(args, [
    { name: 'output', short: 'o', kind: 'string' },
    { name: 'platform', kind: 'stringArray' },
    help,
  ]);
  if (parsed.positionals.length === 0)
    throw new UsageError('"docker image save" requires at least 1 argument');
  const output = flagString(parsed, 'output');
  if (output === undefined)
    throw new UsageError('docker image save to stdout is not supported by the sim: use --output');
  const stateDir = stateDirFromEnv(io.env);
  const platforms = flagList(parsed, 'platform')
    .flatMap((p) => p.split(','))
    .filter(Boolean);
  const images: string[] = [];
  for (const ref of parsed.positionals) {
    if (!findImage(stateDir, ref)) {
      io.stderr(`Error response from daemon: No such image: ${ref}\n`);
      return 1;
    }
    for (const platform of platforms) {
      if (platform !== hostPlatform()) {
        io.stderr(
          `Error response from daemon: no suitable export target found: image with reference ${ref} ` +
            `was found but does not provide the specified platform (${platform})\n`,
        );
        return 1;
      }
    }
    images.push(normalizeImageRef(ref));
  }
  writeArchive(resolve(io.cwd, output), {
    images,
    store: imageStoreFromEnv(withKnobs(io.env)),
    ...(platforms.length > 0 ? { platforms } : {}),
  });
  return 0;
}

function images(args: string[], io: StandinIo): number {
  const parsed = parseArgs(args, [
    format,
    { name: 'quiet', short: 'q', kind: 'bool' },
    { name: 'all', short: 'a', kind: 'bool' },
    { name: 'no-trunc', kind: 'bool' },
    help,
  ]);
  const filter = parsed.positionals[0];
  const rows = listImages(stateDirFromEnv(io.env)).flatMap((image) =>
    image.tags.map((fullTag) => {
      const colon = fullTag.lastIndexOf(':');
      return {
        Repository: fullTag.slice(0, colon),
        Tag: fullTag.slice(colon + 1),
        ID: image.id.slice(7, 19),
        CreatedAt: image.created,
        Size: '0B',
      };
    }),
  );
  const selected = rows.filter(
    (row) =>
      filter === undefined ||
      row.Repository === filter ||
      `${row.Repository}:${row.Tag}` === normalizeImageRef(filter),
  );
  const template = flagString(parsed, 'format');
  if (parsed.flags.get('quiet') === true) {
    for (const row of selected) io.stdout(`${row.ID}\n`);
  } else if (template !== undefined) {
    for (const row of selected) io.stdout(`${renderTemplate(template, row)}\n`);
  } else {
    io.stdout('REPOSITORY\tTAG\tIMAGE ID\tCREATED\tSIZE\n');
    for (const row of selected) {
      io.stdout(`${row.Repository}\t${row.Tag}\t${row.ID}\t${row.CreatedAt}\t${row.Size}\n`);
    }
  }
  return 0;
}

/** The part of Go templates docker's --format is used with: `{{.A.B}}`, `{{json .A}}`, `{{json .}}`. */
export function renderTemplate(template: string, data: unknown): string {
  if (template === 'json') return JSON.stringify(data);
  return template.replace(
    /\{\{\s*(json\s+)?\.([\w.]*)\s*\}\}/g,
    (_all, json: string | undefined, path: string) => {
      let value: unknown = data;
      for (const key of path.split('.').filter(Boolean)) {
        value =
          value !== null && typeof value === 'object'
            ? (value as Record<string, unknown>)[key]
            : undefined;
      }
      if (json) return JSON.stringify(value ?? null);
      if (value === undefined || value === null) return '<no value>';
      return typeof value === 'object' ? JSON.stringify(value) : String(value);
    },
  );
}
