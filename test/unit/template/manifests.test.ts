import { readFileSync, readdirSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, test } from 'vitest';
import { parseAllDocuments } from 'yaml';
import { crdSource, crdValidator, describeErrors } from './knative-crd.js';

const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '../../..');
const manifestsDir = join(repoRoot, 'template', 'knative');
const DNS_1035_LABEL = /^[a-z]([-a-z0-9]*[a-z0-9])?$/;

interface Doc {
  apiVersion?: string;
  kind?: string;
  metadata?: { name?: string; namespace?: string };
  spec?: {
    template?: {
      spec?: { containers?: { image?: string; ports?: { containerPort?: number }[] }[] };
    };
    traffic?: unknown;
  };
}

function templateDocuments(): { file: string; doc: Doc }[] {
  return readdirSync(manifestsDir)
    .filter((name) => /\.ya?ml$/.test(name))
    .flatMap((file) =>
      parseAllDocuments(readFileSync(join(manifestsDir, file), 'utf8')).map((document) => {
        expect(document.errors, `${file} parses`).toEqual([]);
        return { file, doc: document.toJS() as Doc };
      }),
    );
}

describe('template/knative', () => {
  const docs = templateDocuments();
  const services = docs.filter(({ doc }) => doc.kind === 'Service');

  test('holds exactly one Knative Service and no Route (the action generates revision names)', () => {
    expect(services).toHaveLength(1);
    expect(docs.filter(({ doc }) => doc.kind === 'Route')).toEqual([]);
    expect(services[0]?.doc.apiVersion).toBe('serving.knative.dev/v1');
  });

  test('the service is named as a DNS-1035 label short enough for <name>-base-<sha7>', () => {
    const name = services[0]?.doc.metadata?.name ?? '';
    expect(name).toMatch(DNS_1035_LABEL);
    expect(`${name}-base-0123456`.length).toBeLessThanOrEqual(63);
  });

  test('the container is the image the action builds (dev.local/app, tag added by the action) on 8080', () => {
    const containers = services[0]?.doc.spec?.template?.spec?.containers ?? [];
    expect(containers).toHaveLength(1);
    expect(containers[0]?.image).toBe('dev.local/app');
    expect(containers[0]?.ports?.[0]?.containerPort).toBe(8080);
  });

  test('sets no traffic of its own (the action writes it from the canary label)', () => {
    expect(services[0]?.doc.spec?.traffic).toBeUndefined();
  });

  describe(`against the Knative Serving CRD schemas (${crdSource()})`, () => {
    test('every Service validates strictly (unknown fields are errors)', () => {
      const validate = crdValidator('Service');
      for (const { file, doc } of services) {
        const ok = validate(doc);
        expect(ok, `${file}: ${describeErrors(validate.errors)}`).toBe(true);
      }
    });

    test('the validator rejects a misspelt field and a wrong type, so the check above can fail', () => {
      const validate = crdValidator('Service');
      const good = structuredClone(services[0]?.doc) as Doc & { spec: Record<string, unknown> };
      expect(validate({ ...good, spec: { ...good.spec, trafic: [] } })).toBe(false);
      expect(describeErrors(validate.errors)).toContain("'trafic'");
      const badPort = structuredClone(good);
      badPort.spec.template!.spec!.containers![0]!.ports = [
        { containerPort: 'http' as unknown as number },
      ];
      expect(validate(badPort)).toBe(false);
    });
  });
});
