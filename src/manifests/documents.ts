import { LineCounter, parseAllDocuments, isMap, isScalar, type Document } from 'yaml';
import type { KubeObject } from '../kube/object.js';
import type { SourceLocation } from '../plan/types.js';
import { UserError } from '../util/errors.js';

/** One parsed YAML document with a way back to its source lines. */
export interface ManifestDocument {
  object: KubeObject;
  source: SourceLocation;
  /** Line of the node at a path inside the object (e.g. ['spec','traffic',0,'percent']). */
  lineOf(path: readonly (string | number)[]): number;
}

/** Parses one multi-document YAML file; syntax and shape errors name the file and line. */
export function parseManifestFile(text: string, file: string): ManifestDocument[] {
  const lineCounter = new LineCounter();
  const documents = parseAllDocuments(text, { lineCounter, prettyErrors: false, uniqueKeys: true });
  if (!Array.isArray(documents)) {
    // parseAllDocuments returns an EmptyStream for text with no documents.
    return [];
  }
  const lineAt = (offset: number): number => lineCounter.linePos(offset).line;
  const result: ManifestDocument[] = [];
  for (const doc of documents) {
    const error = doc.errors[0];
    if (error) {
      const line = lineAt(error.pos[0]);
      throw new UserError(`${file}:${line}: YAML syntax error: ${firstLine(error.message)}`, {
        file,
        line,
      });
    }
    if (doc.contents === null || (isScalar(doc.contents) && doc.contents.value === null)) continue; // an empty document (e.g. a trailing ---)
    const docLine = lineAt(doc.contents.range?.[0] ?? 0);
    if (!isMap(doc.contents)) {
      throw new UserError(
        `${file}:${docLine}: expected a Kubernetes object (a YAML mapping with apiVersion, kind and metadata), found a ${describe(doc.toJS())}.`,
        { file, line: docLine },
      );
    }
    const object = doc.toJS({ maxAliasCount: 50 }) as Record<string, unknown>;
    const lineOf = (path: readonly (string | number)[]): number =>
      lineOfPath(doc, path, lineAt, docLine);
    checkShape(object, file, lineOf);
    result.push({ object: object as KubeObject, source: { file, line: docLine }, lineOf });
  }
  return result;
}

function lineOfPath(
  doc: Document,
  path: readonly (string | number)[],
  lineAt: (offset: number) => number,
  fallback: number,
): number {
  // Walk up the path until a node exists, so a missing field points at its parent.
  for (let depth = path.length; depth >= 0; depth--) {
    const node = doc.getIn(path.slice(0, depth), true) as
      { range?: [number, number, number] } | undefined;
    if (node && typeof node === 'object' && node.range) return lineAt(node.range[0]);
  }
  return fallback;
}

function checkShape(
  object: Record<string, unknown>,
  file: string,
  lineOf: (path: readonly (string | number)[]) => number,
): void {
  const fail = (path: (string | number)[], what: string): never => {
    const line = lineOf(path);
    throw new UserError(`${file}:${line}: ${what}`, { file, line });
  };
  for (const field of ['apiVersion', 'kind'] as const) {
    if (typeof object[field] !== 'string' || !object[field])
      fail(
        [field],
        `every object needs a string '${field}'; this document has ${JSON.stringify(object[field] ?? null)}.`,
      );
  }
  const metadata = object.metadata;
  if (typeof metadata !== 'object' || metadata === null || Array.isArray(metadata))
    fail(['metadata'], `${String(object.kind)} needs 'metadata' with a 'name'.`);
  const meta = metadata as Record<string, unknown>;
  if (typeof meta.name !== 'string' || !meta.name)
    fail(
      ['metadata', 'name'],
      `${String(object.kind)} needs a string metadata.name (generateName is not supported: revision names are derived from it).`,
    );
  if (meta.namespace !== undefined && typeof meta.namespace !== 'string')
    fail(['metadata', 'namespace'], 'metadata.namespace must be a string.');
}

function describe(value: unknown): string {
  if (Array.isArray(value)) return 'list';
  if (value === null) return 'null';
  return `${typeof value} (${JSON.stringify(value).slice(0, 40)})`;
}

function firstLine(message: string): string {
  return message.split('\n')[0] ?? message;
}
