/**
 * Validates Knative objects against the CRD schemas in ../shared/knative (absent in a fresh
 * clone: callers skip then). Stricter than the API server's pruning on purpose: like
 * `kubectl apply --validate=strict`, a field the schema does not know is an error.
 */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Ajv, type ErrorObject, type ValidateFunction } from 'ajv';
import { parse } from 'yaml';

const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '../../..');
export const KNATIVE_VERSION = 'v1.22.1';
export const crdDir = join(repoRoot, '..', 'shared', 'knative', KNATIVE_VERSION);

/** Why the CRD tests cannot run here, or undefined when they can. */
export function crdSkipReason(): string | undefined {
  return existsSync(join(crdDir, 'service.yaml'))
    ? undefined
    : `Knative CRD schemas not found at ${crdDir} (../shared is only present in the project's workplace and CI)`;
}

type Schema = Record<string, unknown>;

/** Rewrites a Kubernetes structural schema into plain JSON Schema that ajv accepts. */
export function toStrictJsonSchema(node: unknown): unknown {
  if (Array.isArray(node)) return node.map(toStrictJsonSchema);
  if (node === null || typeof node !== 'object') return node;
  const source = node as Schema;
  const out: Schema = {};
  for (const [key, value] of Object.entries(source)) {
    if (key.startsWith('x-kubernetes-') || key === 'description') continue;
    if (key === 'properties') {
      out.properties = Object.fromEntries(
        Object.entries(value as Schema).map(([name, child]) => [name, toStrictJsonSchema(child)]),
      );
    } else {
      out[key] = toStrictJsonSchema(value);
    }
  }
  const preserveUnknown = source['x-kubernetes-preserve-unknown-fields'] === true;
  if (source.properties && !preserveUnknown && source.additionalProperties === undefined) {
    out.additionalProperties = false;
  }
  if (source['x-kubernetes-int-or-string'] === true && !source.anyOf && !source.type) {
    out.anyOf = [{ type: 'integer' }, { type: 'string' }];
  }
  return out;
}

/** A validator for one kind (file name without .yaml: service, route, configuration, revision). */
export function crdValidator(kind: string): ValidateFunction {
  const crd = parse(readFileSync(join(crdDir, `${kind}.yaml`), 'utf8')) as {
    spec: { versions: { name: string; schema: { openAPIV3Schema: unknown } }[] };
  };
  const v1 = crd.spec.versions.find((version) => version.name === 'v1');
  if (!v1) throw new Error(`${kind}.yaml has no v1 version`);
  const ajv = new Ajv({ allErrors: true, strict: false, validateFormats: false });
  return ajv.compile(toStrictJsonSchema(v1.schema.openAPIV3Schema) as Schema);
}

export function describeErrors(errors: ErrorObject[] | null | undefined): string {
  return (errors ?? [])
    .map((e) => {
      const extra =
        e.keyword === 'additionalProperties' ? ` '${String(e.params.additionalProperty)}'` : '';
      return `${e.instancePath || '/'} ${e.message ?? e.keyword}${extra}`;
    })
    .join('; ');
}
