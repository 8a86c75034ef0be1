/**
 * Kubernetes' protobuf wire format, decoded for the objects kubectl's generators send that way
 * (`kubectl create namespace|configmap|secret|serviceaccount`): the typed clients send
 * `application/vnd.kubernetes.protobuf` and accept JSON back. Pure.
 *
 * Layout (kubernetes/apimachinery release-1.34): the prefix `k8s\0`
 * (pkg/runtime/serializer/protobuf/protobuf.go), then a runtime.Unknown {typeMeta = 1 {apiVersion
 * = 1, kind = 2}, raw = 2} (pkg/runtime/generated.proto) whose `raw` is the object's message; field
 * numbers of ObjectMeta from pkg/apis/meta/v1/generated.proto, of the kinds from kubernetes/api
 * release-1.34 core/v1/generated.proto.
 */

type FieldType = 'string' | 'int' | 'bool' | 'bytes' | 'stringMap' | 'bytesMap';

interface Field {
  name: string;
  type: FieldType | Schema;
  repeated?: boolean;
}

type Schema = Record<number, Field>;

const OWNER_REFERENCE: Schema = {
  1: { name: 'kind', type: 'string' },
  3: { name: 'name', type: 'string' },
  4: { name: 'uid', type: 'string' },
  5: { name: 'apiVersion', type: 'string' },
  6: { name: 'controller', type: 'bool' },
  7: { name: 'blockOwnerDeletion', type: 'bool' },
};

/** Timestamps (8, 9) and managedFields (17) are the server's to set: skipped. */
const OBJECT_META: Schema = {
  1: { name: 'name', type: 'string' },
  2: { name: 'generateName', type: 'string' },
  3: { name: 'namespace', type: 'string' },
  5: { name: 'uid', type: 'string' },
  6: { name: 'resourceVersion', type: 'string' },
  7: { name: 'generation', type: 'int' },
  11: { name: 'labels', type: 'stringMap' },
  12: { name: 'annotations', type: 'stringMap' },
  13: { name: 'ownerReferences', type: OWNER_REFERENCE, repeated: true },
  14: { name: 'finalizers', type: 'string', repeated: true },
};

const OBJECT_REFERENCE: Schema = {
  1: { name: 'kind', type: 'string' },
  2: { name: 'namespace', type: 'string' },
  3: { name: 'name', type: 'string' },
  4: { name: 'uid', type: 'string' },
  5: { name: 'apiVersion', type: 'string' },
  6: { name: 'resourceVersion', type: 'string' },
  7: { name: 'fieldPath', type: 'string' },
};

/** Status (field 3 of Namespace) is the server's: skipped. */
const KINDS: Record<string, Schema> = {
  Namespace: {
    1: { name: 'metadata', type: OBJECT_META },
    2: { name: 'spec', type: { 1: { name: 'finalizers', type: 'string', repeated: true } } },
  },
  ConfigMap: {
    1: { name: 'metadata', type: OBJECT_META },
    2: { name: 'data', type: 'stringMap' },
    3: { name: 'binaryData', type: 'bytesMap' },
    4: { name: 'immutable', type: 'bool' },
  },
  Secret: {
    1: { name: 'metadata', type: OBJECT_META },
    2: { name: 'data', type: 'bytesMap' },
    3: { name: 'type', type: 'string' },
    4: { name: 'stringData', type: 'stringMap' },
    5: { name: 'immutable', type: 'bool' },
  },
  ServiceAccount: {
    1: { name: 'metadata', type: OBJECT_META },
    2: { name: 'secrets', type: OBJECT_REFERENCE, repeated: true },
    3: { name: 'imagePullSecrets', type: { 1: { name: 'name', type: 'string' } }, repeated: true },
    4: { name: 'automountServiceAccountToken', type: 'bool' },
  },
};

export const PROTOBUF_KINDS = Object.keys(KINDS);

const PREFIX = Buffer.from([0x6b, 0x38, 0x73, 0x00]);

/** The object a protobuf request body holds, as JSON would carry it; throws naming what it cannot read. */
export function decodeKubeProtobuf(body: Buffer): Record<string, unknown> {
  if (body.length < PREFIX.length || !body.subarray(0, PREFIX.length).equals(PREFIX))
    throw new Error('the body does not start with the Kubernetes protobuf prefix');
  const unknown = readMessage(body.subarray(PREFIX.length), {
    1: {
      name: 'typeMeta',
      type: { 1: { name: 'apiVersion', type: 'string' }, 2: { name: 'kind', type: 'string' } },
    },
    2: { name: 'raw', type: 'bytes' },
  });
  const typeMeta = (unknown.typeMeta ?? {}) as { apiVersion?: string; kind?: string };
  const schema = typeMeta.kind ? KINDS[typeMeta.kind] : undefined;
  if (!schema || typeMeta.apiVersion !== 'v1') {
    throw new Error(
      `the simulated API server decodes protobuf only for v1 ${PROTOBUF_KINDS.join(', ')}, not ${typeMeta.apiVersion ?? '?'} ${typeMeta.kind ?? '?'}`,
    );
  }
  const raw = Buffer.from(String(unknown.raw ?? ''), 'base64');
  return { apiVersion: typeMeta.apiVersion, kind: typeMeta.kind, ...readMessage(raw, schema) };
}

class Reader {
  at = 0;
  constructor(private readonly bytes: Buffer) {}

  done(): boolean {
    return this.at >= this.bytes.length;
  }

  varint(): bigint {
    let value = 0n;
    for (let shift = 0n; ; shift += 7n) {
      if (this.at >= this.bytes.length) throw new Error('truncated varint');
      if (shift > 63n) throw new Error('varint too long');
      const byte = this.bytes[this.at++] as number;
      value |= BigInt(byte & 0x7f) << shift;
      if ((byte & 0x80) === 0) return value;
    }
  }

  bytesField(): Buffer {
    const length = Number(this.varint());
    if (this.at + length > this.bytes.length) throw new Error('truncated field');
    const out = this.bytes.subarray(this.at, this.at + length);
    this.at += length;
    return out;
  }

  skip(wireType: number): void {
    if (wireType === 0) this.varint();
    else if (wireType === 1) this.at += 8;
    else if (wireType === 2) this.bytesField();
    else if (wireType === 5) this.at += 4;
    else throw new Error(`unsupported wire type ${wireType}`);
  }
}

const MAP_ENTRY: Schema = {
  1: { name: 'key', type: 'string' },
  2: { name: 'value', type: 'bytes' },
};

function readMessage(bytes: Buffer, schema: Schema): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  const reader = new Reader(bytes);
  while (!reader.done()) {
    const tag = reader.varint();
    const number = Number(tag >> 3n);
    const wireType = Number(tag & 7n);
    const field = schema[number];
    if (!field) {
      reader.skip(wireType);
      continue;
    }
    const value = readValue(reader, field, wireType);
    if (typeof field.type === 'string' && field.type.endsWith('Map')) {
      const [key, entryValue] = value as [string, unknown];
      const map = (out[field.name] ??= {}) as Record<string, unknown>;
      map[key] = entryValue;
    } else if (field.repeated) {
      ((out[field.name] ??= []) as unknown[]).push(value);
    } else {
      out[field.name] = value;
    }
  }
  // As JSON's omitempty: empty strings and zero numbers (gogo writes them anyway) are absent.
  for (const [key, value] of Object.entries(out)) if (value === '' || value === 0) delete out[key];
  return out;
}

function readValue(reader: Reader, field: Field, wireType: number): unknown {
  const expectLength = () => {
    if (wireType !== 2) throw new Error(`field ${field.name}: wire type ${wireType}, expected 2`);
  };
  switch (field.type) {
    case 'int':
    case 'bool': {
      if (wireType !== 0) throw new Error(`field ${field.name}: wire type ${wireType}, expected 0`);
      const n = reader.varint();
      return field.type === 'bool' ? n !== 0n : Number(BigInt.asIntN(64, n));
    }
    case 'string':
      expectLength();
      return reader.bytesField().toString('utf8');
    case 'bytes':
      expectLength();
      return reader.bytesField().toString('base64');
    case 'stringMap':
    case 'bytesMap': {
      expectLength();
      const entry = readMessage(reader.bytesField(), MAP_ENTRY);
      const value = Buffer.from(String(entry.value ?? ''), 'base64');
      return [
        String(entry.key ?? ''),
        field.type === 'stringMap' ? value.toString('utf8') : value.toString('base64'),
      ];
    }
    default:
      expectLength();
      return readMessage(reader.bytesField(), field.type);
  }
}
