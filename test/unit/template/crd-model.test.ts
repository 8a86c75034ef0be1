/**
 * The project's own model of the v1 CRDs (test/helpers/knative-crd-model.ts) stands in for the
 * release's when those cannot be had. These tests keep it honest: it has every validated kind
 * with the release's names and printer columns, and, wherever the release's CRDs are at hand
 * (../shared or a download), it judges the same manifests the same way they do.
 */
import { describe, expect, it } from 'vitest';
import { OWN_MODEL_LABEL, ownKnativeCrds } from '../../helpers/knative-crd-model.js';
import { knativeCrd, VALIDATED_KINDS, type CrdDocument } from '../../helpers/knative-crds.js';
import { describeErrors, toStrictJsonSchema } from './knative-crd.js';
import { Ajv } from 'ajv';

const service = (spec: Record<string, unknown>) => ({
  apiVersion: 'serving.knative.dev/v1',
  kind: 'Service',
  metadata: { name: 'hello' },
  spec,
});
const container = (extra: Record<string, unknown>) =>
  service({ template: { spec: { containers: [{ image: 'ghcr.io/x/y:1', ...extra }] } } });

/** Manifests and whether Knative's v1 Service schema accepts them. */
const CASES: [string, unknown, boolean][] = [
  [
    'the template Service',
    service({
      template: {
        metadata: { annotations: { 'autoscaling.knative.dev/min-scale': '1' } },
        spec: {
          containerConcurrency: 0,
          timeoutSeconds: 300,
          containers: [
            {
              image: 'dev.local/app',
              ports: [{ containerPort: 8080 }],
              env: [{ name: 'TARGET', value: 'x' }],
              resources: { limits: { cpu: '500m', memory: '128Mi' }, requests: { cpu: 1 } },
              readinessProbe: { httpGet: { path: '/' }, periodSeconds: 1 },
            },
          ],
        },
      },
      traffic: [{ revisionName: 'hello-a', percent: 100, tag: 'base' }],
    }),
    true,
  ],
  ['a misspelt spec field', service({ trafic: [] }), false],
  ['a misspelt container field', container({ imagee: 'x' }), false],
  ['a port given by name', container({ ports: [{ containerPort: 'http' }] }), false],
  ['a percent as a string', service({ traffic: [{ percent: '50' }] }), false],
  ['an env var without a name', container({ env: [{ value: 'x' }] }), false],
  [
    'a feature-flagged pod field (left to the webhook)',
    service({
      template: { spec: { nodeSelector: { disk: 'ssd' }, containers: [{ image: 'x' }] } },
    }),
    true,
  ],
];

function serviceValidator(crd: CrdDocument) {
  const v1 = (crd.spec.versions as CrdDocument[]).find((v) => v.name === 'v1');
  return new Ajv({ allErrors: true, strict: false, validateFormats: false }).compile(
    toStrictJsonSchema(v1?.schema.openAPIV3Schema) as object,
  );
}

describe("the project's own model of the Knative v1 CRDs", () => {
  const model = ownKnativeCrds();
  const modelService = model.find((crd) => crd.spec.names.kind === 'Service')!;

  it('has every validated kind, labelled as the model', () => {
    expect(model.map((crd) => crd.spec.names.kind).sort()).toEqual([...VALIDATED_KINDS].sort());
    for (const crd of model) expect(crd.metadata.labels[OWN_MODEL_LABEL]).toBe('own-model');
  });

  it.each(CASES)('judges %s as Knative does', (_name, manifest, valid) => {
    const validate = serviceValidator(modelService);
    expect(validate(manifest), describeErrors(validate.errors)).toBe(valid);
  });

  const release = knativeCrd('Service');
  const fromRelease = release && !release.metadata?.labels?.[OWN_MODEL_LABEL];
  // Without the release's CRDs at hand, knativeCrd returns the model itself: the same cases
  // above then stand for the comparison.
  it(`agrees with the release's CRDs ${fromRelease ? '(at hand)' : '(not at hand: compared with the cases above)'}`, () => {
    const reference = fromRelease ? release : modelService;
    const validate = serviceValidator(reference);
    for (const [name, manifest, valid] of CASES)
      expect(validate(manifest), `${name}: ${describeErrors(validate.errors)}`).toBe(valid);
    if (!fromRelease) return;
    for (const kind of VALIDATED_KINDS) {
      const columns = (crd: CrdDocument | undefined) =>
        (crd?.spec.versions as CrdDocument[])
          .find((v) => v.name === 'v1')
          ?.additionalPrinterColumns.map((c: CrdDocument) => [c.name, c.jsonPath]);
      expect(columns(model.find((crd) => crd.spec.names.kind === kind)), kind).toEqual(
        columns(knativeCrd(kind)),
      );
    }
  });
});
