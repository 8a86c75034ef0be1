import { LineCounter, isMap, isScalar, visit, type Document, type Node } from 'yaml';
import type { KubeObject } from '../kube/object.js';
import type { SourceLocation } from '../plan/types.js';
import { UserError } from '../util/errors.js';
import { MANIFEST_LIMITS, type ManifestLimits } from './limits.js';
import { NestingTooDeep, parseYamlStream } from './yaml-stream.js';

/** One parsed YAML document with a way back to its source lines. */
export interface ManifestDocument {
  object: KubeObject;
  source: SourceLocation;
  /** Line of the node at a path inside the object (e.g. ['spec','traffic',0,'percent']). */
  lineOf(path: readonly (string | number)[]): number;
}

/**
 * Parses one multi-document YAML file; syntax and shape errors name the file and line. Alias
 * expansion and flow nesting are bounded (a "billion laughs" file or a wall of '[' is refused at
 * once), and duplicate keys are found in one pass: the parser's own check compares every key with
 * every other, which a large map turns into seconds. The parsed YAML is not kept: lineOf(), used
 * only to point an error at its line, parses the file again.
 */
export function parseManifestFile(
  text: string,
  file: string,
  limits: Pick<ManifestLimits, 'aliases' | 'flowDepth'> = MANIFEST_LIMITS,
): ManifestDocument[] {
  const parse = () => {
    const lineCounter = new LineCounter();
    const lineAt = (offset: number): number => lineCounter.linePos(offset).line;
    try {
      return { documents: parseYamlStream(text, lineCounter, limits.flowDepth), lineAt };
    } catch (error) {
      if (!(error instanceof NestingTooDeep)) throw error;
      const line = lineAt(error.offset);
      throw new UserError(
        `${file}:${line}: YAML syntax error: flow collections ([...] or {...}) nest deeper than ${limits.flowDepth} levels; no Kubernetes object needs that many.`,
        { file, line },
      );
    }
  };
  let reparsed: ReturnType<typeof parse> | undefined;
  const { documents, lineAt } = parse();
  const result: ManifestDocument[] = [];
  documents.forEach((doc, index) => {
    const error = doc.errors[0];
    if (error) {
      const line = lineAt(error.pos[0]);
      // The parser reports its own stack overflow on deeply nested input as a plain error.
      const what = /call stack/i.test(error.message)
        ? 'the YAML is nested too deeply to read'
        : firstLine(error.message);
      throw new UserError(`${file}:${line}: YAML syntax error: ${what}`, { file, line });
    }
    if (doc.contents === null || (isScalar(doc.contents) && doc.contents.value === null)) return; // an empty document (e.g. a trailing ---)
    const docLine = lineAt(doc.contents.range?.[0] ?? 0);
    checkStructure(doc, file, lineAt);
    const value = toPlain(doc, file, docLine, lineAt, limits.aliases);
    if (!isMap(doc.contents)) {
      throw new UserError(
        `${file}:${docLine}: expected a Kubernetes object (a YAML mapping with apiVersion, kind and metadata), found ${describeType(value)}.`,
        { file, line: docLine },
      );
    }
    const object = value as Record<string, unknown>;
    const lineOf = (path: readonly (string | number)[]): number => {
      reparsed ??= parse();
      const again = reparsed.documents[index];
      return again ? lineOfPath(again, path, reparsed.lineAt, docLine) : docLine;
    };
    checkShape(object, file, lineOf);
    result.push({ object: object as KubeObject, source: { file, line: docLine }, lineOf });
  });
  return result;
}

/**
 * Refuses a map that repeats a key (as the parser's uniqueKeys does, in linear time), and an
 * alias inside the node it names: that makes a recursive object, which no manifest is.
 */
function checkStructure(doc: Document, file: string, lineAt: (offset: number) => number): void {
  visit(doc, {
    Map(_, map) {
      const seen = new Map<unknown, Node>();
      for (const pair of map.items) {
        // Scalar keys compare as the JSON keys they become (1 and "1" are one key to Kubernetes);
        // other keys by identity, as in the parser.
        const key = isScalar(pair.key) ? String(pair.key.value) : pair.key;
        const first = seen.get(key);
        if (first === undefined) {
          seen.set(key, pair.key as Node);
          continue;
        }
        const line = lineAt((pair.key as Node | null)?.range?.[0] ?? 0);
        const firstLine = lineAt(first.range?.[0] ?? 0);
        throw new UserError(
          `${file}:${line}: YAML syntax error: the key ${describeKey(key)} is repeated (first at line ${firstLine}); map keys must be unique.`,
          { file, line },
        );
      }
    },
    Alias(_, alias, path) {
      const target = alias.resolve(doc);
      if (!target || !path.includes(target)) return;
      const line = lineAt(alias.range?.[0] ?? 0);
      throw new UserError(
        `${file}:${line}: the alias *${alias.source.slice(0, 80)} is inside the node it names, which makes the object recursive; write the value out instead.`,
        { file, line },
      );
    },
  });
}

function describeKey(key: unknown): string {
  const text = typeof key === 'string' ? key : (JSON.stringify(key) ?? 'null');
  return `'${JSON.stringify(text.length > 80 ? `${text.slice(0, 80)}…` : text).slice(1, -1)}'`;
}

/** The document as plain data, with alias expansion bounded; errors name the file and line. */
function toPlain(
  doc: Document,
  file: string,
  docLine: number,
  lineAt: (offset: number) => number,
  maxAliases: number,
): unknown {
  try {
    return doc.toJS({ maxAliasCount: maxAliases });
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    if (/excessive alias count/i.test(message)) {
      let line = docLine;
      visit(doc, {
        Alias(_, alias) {
          line = lineAt(alias.range?.[0] ?? 0);
          return visit.BREAK;
        },
      });
      throw new UserError(
        `${file}:${line}: the YAML aliases (*name) in this document expand to more than ${maxAliases} alias uses, counting aliases inside aliases, which is how a "billion laughs" file exhausts memory. ` +
          'Write the repeated values out instead of using anchors (&name) and aliases.',
        { file, line },
      );
    }
    throw new UserError(`${file}:${docLine}: YAML error: ${firstLine(message)}`, {
      file,
      line: docLine,
    });
  }
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
        `every object needs a string '${field}'; this document has ${object[field] === undefined ? 'none' : describeType(object[field])}.`,
      );
  }
  // kubectl expands a List client-side; its items would escape every per-object check here.
  if (/List$/.test(String(object.kind)) && Array.isArray(object.items))
    fail(
      ['kind'],
      `kind ${String(object.kind)} is not supported: write each of its items as a document of its own, separated by ---.`,
    );
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

/** What a value is, never what it says: the text may be anything the file holds. */
function describeType(value: unknown): string {
  if (Array.isArray(value)) return 'a list';
  if (value === null) return 'null';
  if (value === '') return 'an empty string';
  return typeof value === 'object' ? 'a mapping' : `a ${typeof value}`;
}

function firstLine(message: string): string {
  return message.split('\n')[0] ?? message;
}
