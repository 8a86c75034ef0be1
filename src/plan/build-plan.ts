import type { ManifestDocument } from '../manifests/documents.js';
import type { Trigger } from '../event/read-event.js';
import { decideSplit } from './labels.js';
import { revisionName } from './revision-names.js';
import { CLUSTER_DECIDES_FEATURES, DEFAULT_FEATURES, type FeatureFlag } from './feature-fields.js';
import { isKnativeService, knativeServiceViolations } from './knative-rules.js';
import { checkNamespaceScope } from './namespace-scope.js';
import { renderService } from './render.js';
import type { KubeObject } from '../kube/object.js';
import type { PreviewPlan, ServicePlan, Side, SplitDecision, TrafficTarget } from './types.js';
import { UserError } from '../util/errors.js';

export type PreviewTrigger = Exclude<Trigger, { kind: 'closed' }>;

export interface PlanInput {
  trigger: PreviewTrigger;
  /** The labels that decide the split (the PR's, or the `labels` input). */
  labels: readonly string[];
  labelPrefix: string;
  domain: string;
  prDocuments: readonly ManifestDocument[];
  /** Base side documents; undefined when the manifests path does not exist at the base. */
  baseDocuments?: readonly ManifestDocument[];
  /** Rewrites a rendered service for its side (image tags of built images). */
  rewriteImages?: (service: KubeObject, side: Side) => KubeObject;
  /**
   * The preview namespace on an existing cluster: every object goes into it, and an object that
   * names another namespace or is cluster-scoped is refused. Undefined (k3d): each object keeps
   * its manifest's namespace, `default` when it names none.
   */
  namespace?: string;
}

/** Computes everything a run deploys. Pure: no I/O, same input, same plan. */
export function buildPlan(input: PlanInput): PreviewPlan {
  const { trigger } = input;
  const isPr = trigger.kind === 'pull_request';
  const split: SplitDecision = isPr
    ? decideSplit(input.labels, input.labelPrefix)
    : {
        prPercent: 100,
        reason: `${trigger.eventName} preview: one revision of the workspace manifests gets 100%`,
      };
  const headSha = isPr ? trigger.headSha : trigger.sha;
  const baseSha = isPr ? trigger.baseSha : undefined;
  const scope = input.namespace;
  if (scope !== undefined) checkNamespaceScope(input.prDocuments, scope);
  // In a preview namespace the base side's service is found by name alone: wherever the base
  // manifests put it, it is deployed into the preview namespace.
  const keyOf = (object: KubeObject): string =>
    scope !== undefined ? object.metadata.name : defaultKeyOf(object);

  // k3d: the action's own cluster runs Knative's default config-features.
  const features = scope === undefined ? DEFAULT_FEATURES : CLUSTER_DECIDES_FEATURES;
  const prServices = knativeServices(input.prDocuments, keyOf, features);
  if (prServices.length === 0) {
    const files = [...new Set(input.prDocuments.map((d) => d.source.file))];
    throw new UserError(
      `No Knative Service (apiVersion serving.knative.dev/v1, kind Service) in the manifests${files.length ? ` (${files.join(', ')})` : ''}; the preview needs at least one.`,
      input.prDocuments[0] ? { file: input.prDocuments[0].source.file, line: 1 } : undefined,
    );
  }
  const baseByKey = new Map(
    knativeServices(input.baseDocuments ?? [], keyOf, features).map((doc) => [
      keyOf(doc.object),
      doc,
    ]),
  );

  const services = prServices.map((doc): ServicePlan => {
    const name = doc.object.metadata.name;
    const namespace = scope ?? doc.object.metadata.namespace ?? 'default';
    const prRevision = revisionName(name, 'pr', headSha);
    const baseDoc = isPr ? baseByKey.get(keyOf(doc.object)) : undefined;
    const mode: ServicePlan['mode'] = !isPr ? 'single' : baseDoc ? 'canary' : 'new';
    const host = `${name}.${namespace}.${input.domain}`;
    const rewrite = input.rewriteImages ?? ((service: KubeObject) => service);

    if (mode === 'canary' && baseDoc && baseSha) {
      const baseRevision = revisionName(name, 'base', baseSha);
      const traffic: TrafficTarget[] = [
        { revisionName: baseRevision, percent: 100 - split.prPercent, tag: 'base' },
        { revisionName: prRevision, percent: split.prPercent, tag: 'pr' },
      ];
      return {
        name,
        namespace,
        source: doc.source,
        mode,
        revisions: { base: baseRevision, pr: prRevision },
        manifests: {
          base: rewrite(
            renderService(baseDoc.object, {
              namespace,
              revision: baseRevision,
              traffic: [{ revisionName: baseRevision, percent: 100, tag: 'base' }],
            }),
            'base',
          ),
          pr: rewrite(
            renderService(doc.object, { namespace, revision: prRevision, traffic }),
            'pr',
          ),
        },
        traffic,
        expected: expectedOf(traffic),
        host,
        url: `http://${host}`,
        tagHosts: { base: `base-${host}`, pr: `pr-${host}` },
      };
    }
    const traffic: TrafficTarget[] = [{ revisionName: prRevision, percent: 100, tag: 'pr' }];
    return {
      name,
      namespace,
      source: doc.source,
      mode,
      note:
        mode === 'new'
          ? `service ${name} does not exist at the base commit ${baseSha?.slice(0, 7)}, so it is new: the PR revision gets 100% whatever the labels say`
          : split.reason,
      revisions: { pr: prRevision },
      manifests: {
        pr: rewrite(renderService(doc.object, { namespace, revision: prRevision, traffic }), 'pr'),
      },
      traffic,
      expected: expectedOf(traffic),
      host,
      url: `http://${host}`,
      tagHosts: { pr: `pr-${host}` },
    };
  });

  const others = input.prDocuments.filter((doc) => !isKnativeService(doc.object));
  return {
    event: isPr ? 'pull_request' : trigger.eventName,
    repository: trigger.repository,
    pullRequest: isPr
      ? {
          number: trigger.number,
          title: trigger.title,
          htmlUrl: trigger.htmlUrl,
          baseRef: trigger.baseRef,
          headRef: trigger.headRef,
        }
      : undefined,
    baseSha,
    headSha,
    labels: [...input.labels],
    split,
    domain: input.domain,
    services,
    otherObjects: others.map((doc) =>
      scope !== undefined
        ? { ...doc.object, metadata: { ...doc.object.metadata, namespace: scope } }
        : doc.object,
    ),
    ...(scope !== undefined
      ? {
          otherObjectSources: others.map((doc) => ({
            file: doc.source.file,
            line: doc.lineOf(['kind']),
          })),
        }
      : {}),
  };
}

/** Knative Services of a document set, checked as the webhook would, with no duplicates. */
function knativeServices(
  documents: readonly ManifestDocument[],
  keyOf: (object: KubeObject) => string,
  features: Readonly<Record<string, FeatureFlag>>,
): ManifestDocument[] {
  const seen = new Map<string, ManifestDocument>();
  for (const doc of documents) {
    if (!isKnativeService(doc.object)) continue;
    const violation = knativeServiceViolations(doc.object, features)[0];
    if (violation) {
      const line = doc.lineOf(violation.path);
      throw new UserError(`${doc.source.file}:${line}: ${violation.message}`, {
        file: doc.source.file,
        line,
      });
    }
    const key = keyOf(doc.object);
    const earlier = seen.get(key);
    if (earlier) {
      throw new UserError(
        `${doc.source.file}:${doc.source.line}: Knative Service '${key}' is defined twice (also at ${earlier.source.file}:${earlier.source.line}).`,
        { file: doc.source.file, line: doc.source.line },
      );
    }
    seen.set(key, doc);
  }
  return [...seen.values()];
}

function defaultKeyOf(object: KubeObject): string {
  return `${object.metadata.namespace ?? 'default'}/${object.metadata.name}`;
}

function expectedOf(traffic: readonly TrafficTarget[]): Record<string, number> {
  const expected: Record<string, number> = {};
  for (const target of traffic)
    if (target.revisionName) expected[target.revisionName] = target.percent;
  return expected;
}
