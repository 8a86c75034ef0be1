/**
 * What the API server does with namespaces and every object's metadata on a write, as
 * kubernetes/kubernetes does it:
 * - pkg/registry/core/namespace/strategy.go: on create the phase is Active and `spec.finalizers`
 *   holds `kubernetes`; an update keeps both (only the namespace controller changes them);
 * - pkg/apis/core/validation (ValidateNamespace): the name is a DNS-1123 label, and the
 *   `kubernetes.io/metadata.name` label names the namespace;
 * - k8s.io/apimachinery release-1.34 pkg/apis/meta/v1/validation (ValidateLabels) and
 *   pkg/api/validation/objectmeta.go (ValidateAnnotations): label keys are qualified names, values
 *   at most 63 characters of `[-A-Za-z0-9_.]` starting and ending alphanumeric, annotation keys
 *   qualified names, annotations at most 256 KiB together.
 * Messages follow pkg/util/validation/validation.go. Pure.
 */
import type { AdmissionRequest } from './api-server.js';
import { ApiError, type Loose } from './types.js';

const QUALIFIED_NAME_FMT = '([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]';
const QUALIFIED_NAME = new RegExp(`^${QUALIFIED_NAME_FMT}$`);
const QUALIFIED_NAME_MSG =
  "must consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character";
const LABEL_VALUE_FMT = `(${QUALIFIED_NAME_FMT})?`;
const LABEL_VALUE = new RegExp(`^${LABEL_VALUE_FMT}$`);
const LABEL_VALUE_MSG =
  "a valid label must be an empty string or consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character";
const DNS1123_LABEL_FMT = '[a-z0-9]([-a-z0-9]*[a-z0-9])?';
const DNS1123_LABEL = new RegExp(`^${DNS1123_LABEL_FMT}$`);
const DNS1123_LABEL_MSG =
  "a lowercase RFC 1123 label must consist of lower case alphanumeric characters or '-', and must start and end with an alphanumeric character";
const DNS1123_SUBDOMAIN_FMT = `${DNS1123_LABEL_FMT}(\\.${DNS1123_LABEL_FMT})*`;
const DNS1123_SUBDOMAIN = new RegExp(`^${DNS1123_SUBDOMAIN_FMT}$`);
const DNS1123_SUBDOMAIN_MSG =
  "a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, '-' or '.', and must start and end with an alphanumeric character";
const TOTAL_ANNOTATION_SIZE_LIMIT_B = 256 * 1024;

function regexError(message: string, format: string, ...examples: string[]): string {
  const shown = examples.map((e) => `'${e}', `).join('or ');
  return `${message} (e.g. ${shown}regex used for validation is '${format}')`;
}

const maxLenError = (length: number): string => `must be no more than ${length} characters`;

export function qualifiedNameErrors(value: string): string[] {
  const errors: string[] = [];
  const parts = value.split('/');
  if (parts.length > 2) {
    return [
      `a qualified name ${regexError(QUALIFIED_NAME_MSG, QUALIFIED_NAME_FMT, 'MyName', 'my.name', '123-abc')} with an optional DNS subdomain prefix and '/' (e.g. 'example.com/MyName')`,
    ];
  }
  const name = parts[parts.length - 1] as string;
  if (parts.length === 2) {
    const prefix = parts[0] as string;
    if (prefix === '') errors.push('prefix part must be non-empty');
    else {
      if (prefix.length > 253) errors.push(`prefix part ${maxLenError(253)}`);
      if (!DNS1123_SUBDOMAIN.test(prefix))
        errors.push(
          `prefix part ${regexError(DNS1123_SUBDOMAIN_MSG, DNS1123_SUBDOMAIN_FMT, 'example.com')}`,
        );
    }
  }
  if (name === '') errors.push('name part must be non-empty');
  else if (name.length > 63) errors.push(`name part ${maxLenError(63)}`);
  if (!QUALIFIED_NAME.test(name))
    errors.push(
      `name part ${regexError(QUALIFIED_NAME_MSG, QUALIFIED_NAME_FMT, 'MyName', 'my.name', '123-abc')}`,
    );
  return errors;
}

export function labelValueErrors(value: string): string[] {
  const errors: string[] = [];
  if (value.length > 63) errors.push(maxLenError(63));
  if (!LABEL_VALUE.test(value))
    errors.push(regexError(LABEL_VALUE_MSG, LABEL_VALUE_FMT, 'MyValue', 'my_value', '12345'));
  return errors;
}

export function dns1123LabelErrors(value: string): string[] {
  const errors: string[] = [];
  if (value.length > 63) errors.push(maxLenError(63));
  if (!DNS1123_LABEL.test(value)) {
    errors.push(
      DNS1123_SUBDOMAIN.test(value)
        ? 'must not contain dots'
        : regexError(DNS1123_LABEL_MSG, DNS1123_LABEL_FMT, 'my-name', '123-abc'),
    );
  }
  return errors;
}

/** A field error as the API server reports it in a Status's `details.causes`. */
export interface FieldCause {
  reason: 'FieldValueInvalid' | 'FieldValueTooLong';
  field: string;
  message: string;
}

const invalid = (field: string, value: unknown, message: string): FieldCause => ({
  reason: 'FieldValueInvalid',
  field,
  message: `Invalid value: ${JSON.stringify(value)}: ${message}`,
});

/** Field errors of an object's labels and annotations (and a namespace's name). */
export function metadataErrors(object: Loose, isNamespace: boolean): FieldCause[] {
  const errors: FieldCause[] = [];
  const metadata: Loose = object.metadata ?? {};
  if (isNamespace && typeof metadata.name === 'string') {
    for (const message of dns1123LabelErrors(metadata.name))
      errors.push(invalid('metadata.name', metadata.name, message));
  }
  const labels = (metadata.labels ?? {}) as Record<string, unknown>;
  for (const [key, value] of Object.entries(labels)) {
    for (const message of qualifiedNameErrors(key))
      errors.push(invalid('metadata.labels', key, message));
    if (typeof value !== 'string') continue;
    for (const message of labelValueErrors(value))
      errors.push(invalid('metadata.labels', value, message));
  }
  const annotations = (metadata.annotations ?? {}) as Record<string, unknown>;
  let size = 0;
  for (const [key, value] of Object.entries(annotations)) {
    for (const message of qualifiedNameErrors(key.toLowerCase()))
      errors.push(invalid('metadata.annotations', key, message));
    size += Buffer.byteLength(key) + Buffer.byteLength(String(value ?? ''));
  }
  if (size > TOTAL_ANNOTATION_SIZE_LIMIT_B) {
    errors.push({
      reason: 'FieldValueTooLong',
      field: 'metadata.annotations',
      message: `Too long: may not be more than ${TOTAL_ANNOTATION_SIZE_LIMIT_B} bytes`,
    });
  }
  return errors;
}

/** Admission: namespace defaults and what an update may not change; metadata validation for all. */
export function namespaceAndMetadataAdmission(request: AdmissionRequest): void {
  if (request.operation === 'DELETE' || request.subresource) return;
  const { type, object, oldObject } = request;
  const isNamespace = type.group === '' && type.plural === 'namespaces';
  if (isNamespace) {
    object.metadata.labels = {
      ...(object.metadata.labels ?? {}),
      'kubernetes.io/metadata.name': object.metadata.name,
    };
    if (request.operation === 'CREATE') {
      const finalizers: string[] = object.spec?.finalizers ?? [];
      object.spec = {
        ...(object.spec ?? {}),
        finalizers: finalizers.includes('kubernetes') ? finalizers : [...finalizers, 'kubernetes'],
      };
      object.status = { phase: 'Active' };
    } else if (oldObject) {
      object.spec = { ...(object.spec ?? {}), finalizers: oldObject.spec?.finalizers ?? [] };
      object.status = oldObject.status;
    }
  }
  const causes = metadataErrors(object, isNamespace);
  if (causes.length === 0) return;
  const name: string = object.metadata?.name ?? '';
  const text = causes.map((c) => `${c.field}: ${c.message}`);
  // kubectl prints `The <kind> "<name>" is invalid: ` and the causes (apierrors.NewInvalid).
  throw new ApiError(
    422,
    'Invalid',
    `${type.kind} "${name}" is invalid: ${text.length === 1 ? text[0] : `[${text.join(', ')}]`}`,
    { name, group: type.group, kind: type.kind, causes },
  );
}
