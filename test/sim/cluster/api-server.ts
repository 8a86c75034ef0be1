/**
 * The loopback Kubernetes API the real kubectl talks to: discovery, CRUD, the patch formats,
 * status subresources, list selectors, watch streams and Table output, over plain HTTP.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { parse as parseYaml } from 'yaml';
import {
  AGGREGATED_V2,
  aggregatedDiscovery,
  legacyApiVersions,
  legacyGroupList,
  legacyResourceList,
  openApiV3Document,
  openApiV3Root,
  versionInfo,
} from './discovery.js';
import { jsonMergePatch, jsonPatch, strategicMergePatch } from './patch.js';
import { checkForbidden, verbOf, type ForbiddenRule } from './forbidden.js';
import { decodeKubeProtobuf } from './protobuf.js';
import { builtInListType, schemaListType, serverSideApply, type ListTypeAt } from './ssa.js';
import type { ResourceRegistry } from './resources.js';
import { storeKey } from './resources.js';
import { fieldMatcher, labelMatcher, type Matcher } from './selectors.js';
import type { ObjectStore, StoreEvent } from './store.js';
import { toTable } from './table.js';
import {
  ApiError,
  deepClone,
  groupVersion,
  notFound,
  qualifiedResource,
  type KObject,
  type Loose,
  type ResourceType,
} from './types.js';

export type Operation = 'CREATE' | 'UPDATE' | 'DELETE';

export interface AdmissionRequest {
  operation: Operation;
  type: ResourceType;
  /** The object as it will be stored (hooks may change it). For DELETE, the stored object. */
  object: KObject;
  oldObject?: KObject;
  subresource?: string;
  query: URLSearchParams;
}

/** Runs before every write; throws an ApiError to refuse it, may default fields in place. */
export type AdmissionHook = (request: AdmissionRequest) => void;

export interface ApiServerOptions {
  store: ObjectStore;
  registry: ResourceRegistry;
  admission: AdmissionHook[];
  /** Called after an object is deleted (garbage collection of dependents). */
  onDeleted: (type: ResourceType, object: KObject) => void;
  /**
   * Graceful deletion: returns the object marked for deletion when something else finishes it
   * later (namespaces terminate asynchronously), or undefined to delete at once.
   */
  deferDelete: (type: ResourceType, object: KObject) => KObject | undefined;
  kubeletVersion: string;
  /** The first N API requests answer 500 (fault injection). */
  failFirst: number;
  /** Extra routes (the /_sim control endpoints); return true when handled. */
  control: (req: IncomingMessage, res: ServerResponse, body: string) => boolean | Promise<boolean>;
  /** Requests made as another user that are refused as RBAC would (SIM_API_FORBIDDEN; forbidden.ts). */
  forbidden?: readonly ForbiddenRule[];
  podLog: (pod: KObject) => string;
}

interface Target {
  type: ResourceType;
  namespace?: string;
  name?: string;
  subresource?: string;
  version: string;
}

function sendJson(
  res: ServerResponse,
  code: number,
  body: unknown,
  contentType = 'application/json',
): void {
  const text = JSON.stringify(body);
  res.writeHead(code, { 'Content-Type': contentType, 'Content-Length': Buffer.byteLength(text) });
  res.end(text);
}

function statusBody(err: ApiError): Loose {
  return {
    kind: 'Status',
    apiVersion: 'v1',
    metadata: {},
    status: 'Failure',
    message: err.message,
    reason: err.reason,
    ...(err.details ? { details: err.details } : {}),
    code: err.code,
  };
}

async function readBody(req: IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

/**
 * A protobuf body as the JSON text it stands for (kubectl's generators send the kinds
 * protobuf.ts knows that way); other kinds are refused as before, and client-go retries in JSON.
 */
function protobufAsJson(req: IncomingMessage, raw: Buffer): string {
  try {
    const text = JSON.stringify(decodeKubeProtobuf(raw));
    // The rest of the server reads the content type from the request.
    req.headers['content-type'] = 'application/json';
    return text;
  } catch (err) {
    throw new ApiError(
      415,
      'UnsupportedMediaType',
      `the body of the request was in an unknown format - accepted media types include: application/json, application/yaml (${(err as Error).message})`,
    );
  }
}

function parseBody(body: string, contentType: string): Loose {
  if (!body.trim()) return undefined;
  try {
    return contentType.includes('yaml') ? parseYaml(body) : JSON.parse(body);
  } catch (err) {
    throw new ApiError(
      400,
      'BadRequest',
      `the body of the request was in an unknown format: ${(err as Error).message}`,
    );
  }
}

export class ApiServer {
  private server: Server | undefined;
  private requests = 0;
  /** The last configuration each field manager applied to each object (server-side apply). */
  private readonly applied = new Map<string, Loose>();
  private readonly watches = new Set<ServerResponse>();

  constructor(private readonly options: ApiServerOptions) {}

  /** Binds host:port (default: loopback, an ephemeral port); returns the base URL. */
  async listen(host = '127.0.0.1', port = 0): Promise<string> {
    const server = createServer((req, res) => {
      this.handle(req, res).catch((err: unknown) => {
        const apiErr =
          err instanceof ApiError
            ? err
            : new ApiError(
                500,
                'InternalError',
                `Internal error occurred: ${(err as Error).message}`,
              );
        if (!res.headersSent) sendJson(res, apiErr.code, statusBody(apiErr));
        else res.end();
      });
    });
    server.keepAliveTimeout = 30_000;
    this.server = server;
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(port, host, () => resolve());
    });
    const shown = host.includes(':') ? `[${host}]` : host;
    return `http://${shown}:${(server.address() as AddressInfo).port}`;
  }

  async close(): Promise<void> {
    for (const res of this.watches) res.end();
    this.watches.clear();
    const server = this.server;
    if (!server) return;
    await new Promise<void>((resolve) => {
      server.close(() => resolve());
      server.closeAllConnections();
    });
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    const raw = await readBody(req);
    let body = raw.toString('utf8');
    if (url.pathname.startsWith('/_sim/')) {
      if (await this.options.control(req, res, body)) return;
      throw new ApiError(404, 'NotFound', `no sim control endpoint ${url.pathname}`);
    }
    this.requests++;
    if (this.requests <= this.options.failFirst) {
      throw new ApiError(
        500,
        'InternalError',
        'Internal error occurred: injected failure (SIM_API_FAIL_FIRST)',
      );
    }
    const accept = String(req.headers.accept ?? '');
    if (String(req.headers['content-type'] ?? '').includes('protobuf'))
      body = protobufAsJson(req, raw);
    const method = req.method ?? 'GET';
    const path = url.pathname.replace(/\/+$/, '') || '/';
    const { registry } = this.options;

    if (path === '/version') return sendJson(res, 200, versionInfo(this.options.kubeletVersion));
    if (path === '/healthz' || path === '/readyz' || path === '/livez') {
      res.writeHead(200, { 'Content-Type': 'text/plain' });
      res.end('ok');
      return;
    }
    if (path === '/api' || path === '/apis') {
      if (accept.includes('as=APIGroupDiscoveryList') && accept.includes('v=v2')) {
        return sendJson(res, 200, aggregatedDiscovery(registry, path === '/api'), AGGREGATED_V2);
      }
      return sendJson(res, 200, path === '/api' ? legacyApiVersions() : legacyGroupList(registry));
    }
    if (path === '/openapi/v3') return sendJson(res, 200, openApiV3Root(registry));
    if (path.startsWith('/openapi/v3/')) {
      const gv = path.slice('/openapi/v3/'.length).split('/');
      const doc =
        gv[0] === 'api'
          ? openApiV3Document(registry, '', gv[1] ?? '')
          : openApiV3Document(registry, gv[1] ?? '', gv[2] ?? '');
      if (!doc)
        throw new ApiError(404, 'NotFound', 'the server could not find the requested resource');
      return sendJson(res, 200, doc);
    }
    // An OpenAPI v2 document without definitions (an empty protobuf message): kubectl finds no
    // schema in it, so it validates nothing on its side (validation is left to this server, and a
    // kind nobody serves ends in kubectl's "no matches for kind" as on a real cluster) and computes
    // patches from its built-in types (strategic merge) or, for custom resources, as JSON merge
    // patches. Absent (404), kubectl would refuse to apply a kind no CRD defines.
    if (path === '/openapi/v2') {
      res.writeHead(200, {
        'Content-Type': 'application/com.github.proto-openapi.spec.v2.v1.0+protobuf',
        'Content-Length': 0,
      });
      res.end();
      return;
    }

    const parts = path.split('/').filter(Boolean);
    let group: string;
    let version: string;
    let rest: string[];
    if (parts[0] === 'api' && parts.length >= 2) {
      group = '';
      version = parts[1]!;
      rest = parts.slice(2);
    } else if (parts[0] === 'apis' && parts.length >= 3) {
      group = parts[1]!;
      version = parts[2]!;
      rest = parts.slice(3);
    } else if (parts[0] === 'apis' && parts.length === 2) {
      const list = legacyGroupList(registry).groups.find((g: Loose) => g.name === parts[1]);
      if (!list)
        throw new ApiError(404, 'NotFound', 'the server could not find the requested resource');
      return sendJson(res, 200, { kind: 'APIGroup', apiVersion: 'v1', ...list });
    } else {
      throw new ApiError(404, 'NotFound', 'the server could not find the requested resource');
    }
    if (rest.length === 0) {
      const list = legacyResourceList(registry, group, version);
      if (!list)
        throw new ApiError(404, 'NotFound', 'the server could not find the requested resource');
      return sendJson(res, 200, list);
    }
    const target = this.resolveTarget(group, version, rest);
    const user = req.headers['impersonate-user'];
    if (typeof user === 'string')
      checkForbidden(this.options.forbidden ?? [], {
        user,
        verb: verbOf(
          method,
          target.name !== undefined,
          /^(true|1)$/.test(url.searchParams.get('watch') ?? ''),
        ),
        type: target.type,
        ...(target.namespace !== undefined ? { namespace: target.namespace } : {}),
        ...(target.name !== undefined ? { name: target.name } : {}),
      });
    await this.serveResource(req, res, url.searchParams, method, accept, target, body);
  }

  private resolveTarget(group: string, version: string, rest: string[]): Target {
    const { registry } = this.options;
    let namespace: string | undefined;
    let segments = rest;
    // /namespaces/<ns>/<plural>/... is a namespaced request, unless it addresses a namespace's own subresource.
    if (
      rest[0] === 'namespaces' &&
      rest.length >= 3 &&
      !['status', 'finalize'].includes(rest[2]!)
    ) {
      namespace = rest[1];
      segments = rest.slice(2);
    }
    const [plural, name, subresource] = segments as [string, string?, string?];
    const type = registry.find(group, version, plural);
    if (!type) {
      throw new ApiError(404, 'NotFound', 'the server could not find the requested resource');
    }
    if (namespace && !type.namespaced) {
      throw new ApiError(404, 'NotFound', 'the server could not find the requested resource');
    }
    return { type, namespace, name, subresource, version };
  }

  private present(obj: KObject, target: Target): KObject {
    obj.apiVersion = groupVersion(target.type.group, target.version);
    return obj;
  }

  private async serveResource(
    req: IncomingMessage,
    res: ServerResponse,
    query: URLSearchParams,
    method: string,
    accept: string,
    target: Target,
    rawBody: string,
  ): Promise<void> {
    const { store } = this.options;
    const { type, namespace, name, subresource } = target;
    const wantsTable = accept.includes('as=Table');
    const dryRun = query.has('dryRun');

    if (!name) {
      if (method === 'GET' && (query.get('watch') === 'true' || query.get('watch') === '1')) {
        return this.watch(req, res, query, target);
      }
      if (method === 'GET') {
        const items = this.select(type, namespace, query).map((o) => this.present(o, target));
        const resourceVersion = String(store.resourceVersion);
        if (wantsTable) {
          return sendJson(
            res,
            200,
            toTable(type, items, resourceVersion, query.get('includeObject')),
            'application/json;as=Table;v=v1;g=meta.k8s.io',
          );
        }
        return sendJson(res, 200, {
          kind: `${type.kind}List`,
          apiVersion: groupVersion(type.group, target.version),
          metadata: { resourceVersion },
          items,
        });
      }
      if (method === 'POST') {
        const input = parseBody(rawBody, String(req.headers['content-type'] ?? '')) as KObject;
        if (!input || typeof input !== 'object')
          throw new ApiError(400, 'BadRequest', 'empty request body');
        input.metadata ??= {};
        if (type.namespaced) {
          const ns = namespace ?? input.metadata.namespace;
          if (input.metadata.namespace && namespace && input.metadata.namespace !== namespace) {
            throw new ApiError(
              400,
              'BadRequest',
              'the namespace of the provided object does not match the namespace sent on the request',
            );
          }
          input.metadata.namespace = ns;
          this.requireNamespace(ns, { type, name: input.metadata.name });
        }
        const created = this.create(type, input, query, dryRun);
        return sendJson(res, 201, this.present(created, target));
      }
      if (method === 'DELETE') {
        const items = this.select(type, namespace, query);
        for (const item of items) this.remove(type, item, query, dryRun);
        return sendJson(res, 200, {
          kind: `${type.kind}List`,
          apiVersion: groupVersion(type.group, target.version),
          metadata: { resourceVersion: String(store.resourceVersion) },
          items,
        });
      }
      throw new ApiError(
        405,
        'MethodNotAllowed',
        `the server does not allow this method on the requested resource`,
      );
    }

    if (subresource && subresource !== 'status') {
      if (subresource === 'log' && type.plural === 'pods' && method === 'GET') {
        const pod = store.mustGet(type, namespace, name);
        const text = this.options.podLog(pod);
        res.writeHead(200, {
          'Content-Type': 'text/plain',
          'Content-Length': Buffer.byteLength(text),
        });
        res.end(text);
        return;
      }
      throw new ApiError(404, 'NotFound', 'the server could not find the requested resource');
    }
    if (subresource === 'status' && !type.hasStatus) {
      throw new ApiError(404, 'NotFound', 'the server could not find the requested resource');
    }

    if (method === 'GET') {
      const obj = this.present(store.mustGet(type, namespace, name), target);
      if (wantsTable)
        return sendJson(
          res,
          200,
          toTable(type, [obj], obj.metadata.resourceVersion, query.get('includeObject')),
          'application/json;as=Table;v=v1;g=meta.k8s.io',
        );
      return sendJson(res, 200, obj);
    }
    if (method === 'PUT') {
      const input = parseBody(rawBody, String(req.headers['content-type'] ?? '')) as KObject;
      if (!input?.metadata) throw new ApiError(400, 'BadRequest', 'object has no metadata');
      if (input.metadata.name !== name) {
        throw new ApiError(
          400,
          'BadRequest',
          `the name of the object (${input.metadata.name}) does not match the name on the URL (${name})`,
        );
      }
      if (type.namespaced) input.metadata.namespace = namespace;
      const current = store.mustGet(type, namespace, name);
      const updated = this.update(
        type,
        current,
        input,
        subresource,
        query,
        dryRun,
        input.metadata.resourceVersion,
      );
      return sendJson(res, 200, this.present(updated, target));
    }
    if (method === 'PATCH') {
      const contentType = String(req.headers['content-type'] ?? '');
      const custom = this.options.registry.isCustom(type);
      // Custom resources have no Go struct tags to merge by: no strategic merge patch for them.
      const accepted = [
        'application/json-patch+json',
        'application/merge-patch+json',
        ...(custom ? [] : ['application/strategic-merge-patch+json']),
        'application/apply-patch+yaml',
      ];
      const mediaType = contentType.split(';')[0]!.trim();
      if (!accepted.includes(mediaType)) {
        throw new ApiError(
          415,
          'UnsupportedMediaType',
          `the body of the request was in an unknown format - accepted media types include: ${accepted.join(', ')}`,
        );
      }
      const patch = parseBody(rawBody, contentType);
      const apply = mediaType === 'application/apply-patch+yaml';
      const manager = query.get('fieldManager') ?? '';
      let current = store.get(type, namespace, name);
      if (!current) {
        if (!apply) throw notFound(type, name);
        // Server-side apply creates what is missing.
        const input = deepClone(patch) as KObject;
        input.metadata ??= {};
        input.metadata.name = name;
        if (type.namespaced) {
          input.metadata.namespace = namespace;
          this.requireNamespace(namespace, { type, name });
        }
        const created = this.create(type, input, query, dryRun);
        if (!dryRun) this.applied.set(`${created.metadata.uid}|${manager}`, deepClone(patch));
        return sendJson(res, 201, this.present(created, target));
      }
      current = deepClone(current);
      let next: KObject;
      if (apply) {
        const key = `${current.metadata.uid}|${manager}`;
        next = serverSideApply(current, patch, this.applied.get(key), this.listTypes(type));
        if (!dryRun) this.applied.set(key, deepClone(patch));
      } else if (mediaType === 'application/strategic-merge-patch+json')
        next = strategicMergePatch(current, patch);
      else if (mediaType === 'application/json-patch+json') next = jsonPatch(current, patch);
      else next = jsonMergePatch(current, patch);
      next.metadata ??= {};
      next.metadata.name = name;
      if (type.namespaced) next.metadata.namespace = namespace;
      // A resourceVersion in the patch is a precondition, as in an update.
      const patchedRv: string | undefined = next.metadata.resourceVersion;
      const expectRv =
        patchedRv !== undefined && patchedRv !== current.metadata.resourceVersion
          ? String(patchedRv)
          : undefined;
      const updated = this.update(type, current, next, subresource, query, dryRun, expectRv);
      return sendJson(res, 200, this.present(updated, target));
    }
    if (method === 'DELETE') {
      const current = store.mustGet(type, namespace, name);
      const gone = this.remove(type, current, query, dryRun);
      return sendJson(res, 200, this.present(gone, target));
    }
    throw new ApiError(
      405,
      'MethodNotAllowed',
      'the server does not allow this method on the requested resource',
    );
  }

  /** How server-side apply merges the lists of a kind: by the CRD schema, or by merge keys. */
  private listTypes(type: ResourceType): ListTypeAt {
    if (!this.options.registry.isCustom(type)) return (_path, items) => builtInListType(items);
    const crdType = this.options.registry.find(
      'apiextensions.k8s.io',
      'v1',
      'customresourcedefinitions',
    );
    const crd = crdType
      ? this.options.store.get(crdType, undefined, `${type.plural}.${type.group}`)
      : undefined;
    const version = (crd?.spec?.versions ?? []).find((v: Loose) => v.name === type.version);
    const schema = version?.schema?.openAPIV3Schema;
    return (path) => schemaListType(schema, path);
  }

  /**
   * The NamespaceLifecycle admission plugin: content needs its namespace, and a namespace that is
   * being terminated takes no new content (kubernetes/apiserver pkg/admission/plugin/namespace/lifecycle).
   */
  private requireNamespace(
    namespace: string | undefined,
    creating?: { type: ResourceType; name: string | undefined },
  ): void {
    if (!namespace) throw new ApiError(400, 'BadRequest', 'a namespace is required');
    const nsType = this.options.registry.find('', 'v1', 'namespaces')!;
    const ns = this.options.store.get(nsType, undefined, namespace);
    if (!ns) {
      throw new ApiError(404, 'NotFound', `namespaces "${namespace}" not found`, {
        name: namespace,
        kind: 'namespaces',
      });
    }
    if (creating && ns.metadata.deletionTimestamp) {
      const { type, name = '' } = creating;
      throw new ApiError(
        403,
        'Forbidden',
        `${qualifiedResource(type)} "${name}" is forbidden: unable to create new content in namespace ${namespace} because it is being terminated`,
        { name, group: type.group, kind: type.plural },
      );
    }
  }

  private admit(request: AdmissionRequest): void {
    for (const hook of this.options.admission) hook(request);
  }

  private create(
    type: ResourceType,
    input: KObject,
    query: URLSearchParams,
    dryRun: boolean,
  ): KObject {
    const object = deepClone(input);
    object.apiVersion = groupVersion(type.group, type.version);
    object.kind = type.kind;
    // With a status subresource, status is the controllers' to write.
    if (type.hasStatus) delete object.status;
    this.admit({ operation: 'CREATE', type, object, query });
    if (dryRun) return object;
    return this.options.store.create(type, object);
  }

  private update(
    type: ResourceType,
    current: KObject,
    input: KObject,
    subresource: string | undefined,
    query: URLSearchParams,
    dryRun: boolean,
    expectRv?: string,
  ): KObject {
    let object: KObject;
    if (subresource === 'status') {
      object = deepClone(current);
      object.status = deepClone(input.status);
    } else {
      object = deepClone(input);
      if (type.hasStatus) object.status = deepClone(current.status);
      if (object.status === undefined) delete object.status;
    }
    this.admit({ operation: 'UPDATE', type, object, oldObject: current, subresource, query });
    if (dryRun) return object;
    return this.options.store.update(type, object, { expectRv });
  }

  private remove(
    type: ResourceType,
    current: KObject,
    query: URLSearchParams,
    dryRun: boolean,
  ): KObject {
    this.admit({ operation: 'DELETE', type, object: current, query });
    if (dryRun) return current;
    const deferred = this.options.deferDelete(type, current);
    if (deferred) return deferred;
    const gone = this.options.store.remove(type, current.metadata.namespace, current.metadata.name);
    this.options.onDeleted(type, gone);
    return gone;
  }

  private matchers(query: URLSearchParams): Matcher[] {
    return [labelMatcher(query.get('labelSelector')), fieldMatcher(query.get('fieldSelector'))];
  }

  private select(
    type: ResourceType,
    namespace: string | undefined,
    query: URLSearchParams,
  ): KObject[] {
    const matchers = this.matchers(query);
    return this.options.store.list(type, namespace).filter((o) => matchers.every((m) => m(o)));
  }

  private watch(
    req: IncomingMessage,
    res: ServerResponse,
    query: URLSearchParams,
    target: Target,
  ): void {
    const { store } = this.options;
    const { type, namespace } = target;
    const matchers = this.matchers(query);
    const resource = storeKey(type.group, type.plural);
    const matches = (obj: KObject): boolean =>
      (!namespace || obj.metadata.namespace === namespace) && matchers.every((m) => m(obj));
    const rvParam = query.get('resourceVersion');
    const since = rvParam && rvParam !== '0' ? Number(rvParam) : undefined;

    res.writeHead(200, {
      'Content-Type': 'application/json',
      'Cache-Control': 'no-cache, private',
      'Transfer-Encoding': 'chunked',
    });
    // Headers go out now: client-go's watch call returns only once it has them.
    res.flushHeaders();
    this.watches.add(res);
    const send = (kind: string, object: unknown): void => {
      res.write(`${JSON.stringify({ type: kind, object })}\n`);
    };
    if (since !== undefined && since < store.oldestWatchable) {
      send(
        'ERROR',
        statusBody(
          new ApiError(
            410,
            'Expired',
            `too old resource version: ${since} (${store.oldestWatchable})`,
          ),
        ),
      );
      res.end();
      this.watches.delete(res);
      return;
    }
    const deliver = (event: StoreEvent): void => {
      if (event.resource !== resource || !matches(event.object)) return;
      send(event.type, this.present(deepClone(event.object), target));
    };
    if (since === undefined) {
      for (const obj of this.select(type, namespace, query))
        send('ADDED', this.present(obj, target));
    } else {
      for (const event of store.eventsSince(since)) deliver(event);
    }
    const unsubscribe = store.subscribe(deliver);
    const timeoutSeconds = Number(query.get('timeoutSeconds') ?? '1800');
    const timer = setTimeout(() => res.end(), Math.max(1, timeoutSeconds) * 1000);
    const finish = (): void => {
      clearTimeout(timer);
      unsubscribe();
      this.watches.delete(res);
    };
    res.on('close', finish);
    res.on('finish', finish);
    req.on('close', () => {
      if (!res.writableEnded) res.end();
    });
  }
}
