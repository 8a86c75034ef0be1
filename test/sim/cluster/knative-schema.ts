/**
 * Structural validation of Knative objects against the CRD schemas of Knative Serving v1.22.1
 * (test/helpers/knative-crds.ts: from the release or ../shared, prepared once per test run, or
 * the project's own model of them when neither can be had).
 * Unknown fields are reported (fieldValidation=Strict, kubectl's default) or pruned, type errors
 * are refused with 422, as the API server does.
 */
import { Ajv, type ValidateFunction } from 'ajv';
import { knativeCrd, readKnativeCrds } from '../../helpers/knative-crds.js';
import type { Loose } from './types.js';

const KINDS = ['Service', 'Configuration', 'Revision', 'Route'];

interface KindSchema {
  schema: Loose;
  validate: ValidateFunction;
}

const cache = new Map<string, KindSchema | null>();
let ajv: Ajv | undefined;

/** The CRDs of the four validated kinds: the release's, or the project's own model of them. */
export function knativeCrds(): Loose[] {
  return readKnativeCrds().filter((crd) => KINDS.includes(crd.spec?.names?.kind));
}

function schemaFor(kind: string): KindSchema | null {
  if (cache.has(kind)) return cache.get(kind)!;
  let result: KindSchema | null = null;
  const crd = KINDS.includes(kind) ? (knativeCrd(kind) as Loose | undefined) : undefined;
  if (crd) {
    const version = (crd.spec.versions as Loose[]).find((v) => v.storage) ?? crd.spec.versions[0];
    const schema = version.schema.openAPIV3Schema;
    ajv ??= new Ajv({ strict: false, allErrors: true, validateFormats: false });
    result = { schema, validate: ajv.compile(schema) };
  }
  cache.set(kind, result);
  return result;
}

/** Paths of fields the structural schema does not know; removes them when `prune`. */
function unknownFields(
  value: Loose,
  schema: Loose,
  path: string,
  prune: boolean,
  out: string[],
): void {
  if (!schema || value === null || typeof value !== 'object') return;
  if (schema['x-kubernetes-preserve-unknown-fields']) return;
  if (Array.isArray(value)) {
    value.forEach((item, i) => unknownFields(item, schema.items, `${path}[${i}]`, prune, out));
    return;
  }
  if (schema.properties) {
    for (const key of Object.keys(value)) {
      const child = schema.properties[key];
      const at = path ? `${path}.${key}` : key;
      if (child) unknownFields(value[key], child, at, prune, out);
      else if (schema.additionalProperties)
        unknownFields(value[key], schema.additionalProperties, at, prune, out);
      else {
        out.push(at);
        if (prune) delete value[key];
      }
    }
  } else if (schema.additionalProperties && typeof schema.additionalProperties === 'object') {
    for (const key of Object.keys(value))
      unknownFields(
        value[key],
        schema.additionalProperties,
        path ? `${path}.${key}` : key,
        prune,
        out,
      );
  }
}

export interface SchemaProblem {
  code: 400 | 422;
  reason: 'BadRequest' | 'Invalid';
  message: string;
}

/** Validates (and prunes) `object` in place; returns the refusal, if any. */
export function checkKnativeSchema(
  object: Loose,
  fieldValidation: string | null,
): SchemaProblem | undefined {
  const kindSchema = schemaFor(object.kind);
  if (!kindSchema) return undefined;
  const { metadata, ...body } = object;
  const unknown: string[] = [];
  unknownFields(body, kindSchema.schema, '', fieldValidation !== 'Strict', unknown);
  if (unknown.length > 0 && fieldValidation === 'Strict') {
    return {
      code: 400,
      reason: 'BadRequest',
      message: `${object.kind} in version "v1" cannot be handled as a ${object.kind}: strict decoding error: ${unknown.map((u) => `unknown field "${u}"`).join(', ')}`,
    };
  }
  for (const key of Object.keys(object))
    if (key !== 'metadata' && !(key in body)) delete object[key];
  Object.assign(object, body, { metadata });
  if (kindSchema.validate({ ...body, metadata: metadata ?? {} })) return undefined;
  const details = (kindSchema.validate.errors ?? []).slice(0, 5).map((e) => {
    const at = e.instancePath
      .replace(/^\//, '')
      .replace(/\/(\d+)(?=\/|$)/g, '[$1]')
      .replace(/\//g, '.');
    return `${at}: Invalid value: ${JSON.stringify(valueAt(object, e.instancePath))}: ${at} ${e.message ?? 'is invalid'}`;
  });
  return {
    code: 422,
    reason: 'Invalid',
    message: `${object.kind}.serving.knative.dev "${metadata?.name ?? ''}" is invalid: ${details.join(', ')}`,
  };
}

function valueAt(object: Loose, pointer: string): Loose {
  let v = object;
  for (const part of pointer.split('/').filter(Boolean)) v = v?.[part];
  return v;
}
