/**
 * Validates Knative objects against the CRD schemas of Knative Serving (see
 * test/helpers/knative-crds.ts for where they come from). Stricter
 * than the API server's pruning on purpose: like `kubectl apply --validate=strict`, a field the
 * schema does not know is an error.
 */
import { Ajv, type ErrorObject, type ValidateFunction } from 'ajv';
import { OWN_MODEL_LABEL } from '../../helpers/knative-crd-model.js';
import { knativeCrd } from '../../helpers/knative-crds.js';

/** Where the schemas come from, for the test's title. */
export function crdSource(): string {
  return knativeCrd('Service')?.metadata?.labels?.[OWN_MODEL_LABEL]
    ? "the project's own model: the release's CRDs were not at hand"
    : "the release's CRDs";
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

/** A validator for one kind (Service, Route, Configuration, Revision). */
export function crdValidator(kind: string): ValidateFunction {
  const crd = knativeCrd(kind) as
    { spec: { versions: { name: string; schema: { openAPIV3Schema: unknown } }[] } } | undefined;
  const v1 = crd?.spec.versions.find((version) => version.name === 'v1');
  if (!v1) throw new Error(`no v1 schema for the Knative kind ${kind}`);
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
