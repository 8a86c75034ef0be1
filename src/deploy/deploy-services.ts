import { stringify } from 'yaml';
import type { Kubectl } from '../cluster/kubectl.js';
import { retryWhileWebhookStarting } from '../cluster/webhook-retry.js';
import type { KubeObject, ReadObject } from '../kube/object.js';
import type { PreviewPlan, ServicePlan } from '../plan/types.js';
import { log } from '../util/log.js';
import { waitUntil, type WaitOptions } from '../util/wait.js';
import { decideApply } from './apply-decision.js';
import { podFailure, type PodFailure } from './pod-failures.js';
import { revisionPods } from './revision-pods.js';
import {
  revisionOrigin,
  revisionState,
  serviceFailure,
  serviceState,
} from './revision-readiness.js';

export interface DeployOptions {
  /** Deadline for each wait (revision Ready, service Ready). */
  timeoutMs: number;
  intervalMs?: number;
  sleep?: (ms: number) => Promise<void>;
  now?: () => number;
}

export class RevisionFailedError extends Error {
  constructor(
    readonly revision: string,
    readonly reason: string,
    readonly detail: string,
  ) {
    super(`revision ${revision} will not become Ready: ${reason}${detail ? `: ${detail}` : ''}`);
    this.name = 'RevisionFailedError';
  }
}

/**
 * Deploys every service of the plan concurrently, then the other objects (Routes
 * and the like may reference the services' revisions).
 */
export async function deployServices(
  kubectl: Kubectl,
  plan: PreviewPlan,
  options: DeployOptions,
): Promise<void> {
  await Promise.all(plan.services.map((service) => deployService(kubectl, service, options)));
  if (plan.otherObjects.length) {
    const yamlText = plan.otherObjects.map((object) => stringify(object)).join('---\n');
    await retryWhileWebhookStarting(
      'kubectl apply of other objects',
      () => kubectl.applyManifests(yamlText),
      retryOptions(options),
    );
  }
}

/**
 * Base first: Knative only creates a revision for a template it has seen, so the
 * base template must be reconciled into a Ready revision before the PR template
 * replaces it. Then the PR manifest with the planned traffic.
 */
export async function deployService(
  kubectl: Kubectl,
  service: ServicePlan,
  options: DeployOptions,
): Promise<void> {
  const id = `${service.namespace}/${service.name}`;
  if (service.manifests.base && service.revisions.base) {
    log().info(`${id}: applying the base revision ${service.revisions.base}`);
    await applyService(kubectl, service, service.manifests.base, 'base', options);
    await waitForRevision(
      kubectl,
      service,
      service.revisions.base,
      service.manifests.base,
      options,
    );
  }
  log().info(
    `${id}: applying the PR revision ${service.revisions.pr} with traffic ${service.traffic.map((t) => `${t.tag} ${t.percent}%`).join(', ')}`,
  );
  await applyService(kubectl, service, service.manifests.pr, 'PR', options);
  await waitForRevision(kubectl, service, service.revisions.pr, service.manifests.pr, options);
  await waitUntil(
    async () => {
      const live = await kubectl.tryGetJson<ReadObject>('ksvc', service.name, service.namespace);
      const failure = serviceFailure(live);
      if (failure)
        throw new RevisionFailedError(service.revisions.pr, failure.reason, failure.message);
      const state = serviceState(live, id, service.traffic);
      return state.done ? { done: true, value: undefined } : { done: false, seen: state.seen };
    },
    {
      ...waitOptions(`service ${id} Ready with the planned traffic`, options),
      isFatal: (error) => error instanceof RevisionFailedError,
    },
  );
  log().info(`${id}: Ready, traffic as planned`);
}

/**
 * Applies one side's manifest, looking at the live service first on every attempt: a named
 * template the cluster already accepted (an earlier attempt that got through, a re-run) is never
 * sent again, since Knative would refuse it; only the traffic is patched when it differs.
 */
async function applyService(
  kubectl: Kubectl,
  service: ServicePlan,
  manifest: KubeObject,
  side: 'base' | 'PR',
  options: DeployOptions,
): Promise<void> {
  const id = `${service.namespace}/${service.name}`;
  await retryWhileWebhookStarting(
    `kubectl apply of ${id} (${side})`,
    async () => {
      const live = await kubectl.tryGetJson<ReadObject>('ksvc', service.name, service.namespace);
      const decision = decideApply(live, manifest);
      switch (decision.kind) {
        case 'apply':
          await kubectl.applyManifests(stringify(manifest));
          return;
        case 'patch-traffic':
          log().info(`${id}: its ${side} template is already applied; patching only the traffic`);
          await kubectl.patchMerge('ksvc', service.name, decision.patch, service.namespace);
          return;
        case 'nothing':
          log().info(`${id}: its ${side} template and traffic are already applied`);
          return;
      }
    },
    retryOptions(options),
  );
}

function podFailureText(failure: PodFailure, knative: string): string {
  return `container ${failure.container} (image ${failure.image}) in pod ${failure.pod} cannot start; kubelet: ${failure.message || failure.reason}; Knative: ${knative}`;
}

/**
 * Waits for the revision to be Ready and to be this apply's. Fails at once when Knative reports
 * it failed, when the service's reconcilers refuse its name, or when its pods show a container
 * that cannot start (Knative itself says so only at the progress deadline, 10 minutes later).
 */
async function waitForRevision(
  kubectl: Kubectl,
  service: ServicePlan,
  name: string,
  manifest: KubeObject,
  options: DeployOptions,
): Promise<void> {
  const { namespace } = service;
  await waitUntil(
    async () => {
      const revision = await kubectl.tryGetJson<ReadObject>('revision', name, namespace);
      const state = revisionState(revision, name);
      if (state.state === 'ready') {
        const origin = revisionOrigin(revision!, service.name, manifest);
        if (!origin.ok) throw new RevisionFailedError(name, 'RevisionNameTaken', origin.why);
        return { done: true, value: undefined };
      }
      const refused = serviceFailure(
        await kubectl.tryGetJson<ReadObject>('ksvc', service.name, namespace),
      );
      if (refused) throw new RevisionFailedError(name, refused.reason, refused.message);
      if (state.state === 'failed')
        throw new RevisionFailedError(name, state.reason, state.message);
      if (revision) {
        const failure = podFailure(await revisionPods(kubectl, namespace, name));
        if (failure)
          throw new RevisionFailedError(name, failure.reason, podFailureText(failure, state.seen));
      }
      return { done: false, seen: state.seen };
    },
    {
      ...waitOptions(`revision ${name} Ready in ${namespace}`, options),
      isFatal: (error) => error instanceof RevisionFailedError,
    },
  );
}

function retryOptions(options: DeployOptions) {
  return {
    deadline: (options.now ?? Date.now)() + options.timeoutMs,
    log: (message: string) => log().info(message),
    ...(options.sleep ? { sleep: options.sleep } : {}),
    ...(options.now ? { now: options.now } : {}),
  };
}

function waitOptions(what: string, options: DeployOptions): WaitOptions {
  return {
    what,
    timeoutMs: options.timeoutMs,
    intervalMs: options.intervalMs ?? 1000,
    sleep: options.sleep,
    now: options.now,
  };
}
