import { log } from '../util/log.js';
import { stringify } from 'yaml';
import type { Kubectl } from '../cluster/kubectl.js';
import { retryWhileWebhookStarting } from '../cluster/webhook-retry.js';
import type { KubeObject, ReadObject } from '../kube/object.js';
import type { PreviewPlan, ServicePlan } from '../plan/types.js';
import { waitUntil, type WaitOptions } from '../util/wait.js';
import { revisionState, serviceState } from './revision-readiness.js';

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
    await applyWithRetry(kubectl, plan.otherObjects, 'other objects', options);
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
    await applyWithRetry(kubectl, [service.manifests.base], `${id} (base)`, options);
    await waitForRevision(kubectl, service.revisions.base, service.namespace, options);
  }
  log().info(
    `${id}: applying the PR revision ${service.revisions.pr} with traffic ${service.traffic.map((t) => `${t.tag} ${t.percent}%`).join(', ')}`,
  );
  await applyWithRetry(kubectl, [service.manifests.pr], `${id} (PR)`, options);
  await waitForRevision(kubectl, service.revisions.pr, service.namespace, options);
  await waitUntil(
    async () => {
      const state = serviceState(
        await kubectl.tryGetJson<ReadObject>('ksvc', service.name, service.namespace),
        id,
        service.traffic,
      );
      return state.done ? { done: true, value: undefined } : { done: false, seen: state.seen };
    },
    waitOptions(`service ${id} Ready with the planned traffic`, options),
  );
  log().info(`${id}: Ready, traffic as planned`);
}

async function waitForRevision(
  kubectl: Kubectl,
  name: string,
  namespace: string,
  options: DeployOptions,
): Promise<void> {
  await waitUntil(
    async () => {
      const state = revisionState(
        await kubectl.tryGetJson<ReadObject>('revision', name, namespace),
        name,
      );
      if (state.state === 'failed')
        throw new RevisionFailedError(name, state.reason, state.message);
      return state.state === 'ready'
        ? { done: true, value: undefined }
        : { done: false, seen: state.seen };
    },
    {
      ...waitOptions(`revision ${name} Ready in ${namespace}`, options),
      isFatal: (error) => error instanceof RevisionFailedError,
    },
  );
}

async function applyWithRetry(
  kubectl: Kubectl,
  objects: readonly KubeObject[],
  what: string,
  options: DeployOptions,
): Promise<void> {
  const yamlText = objects.map((object) => stringify(object)).join('---\n');
  await retryWhileWebhookStarting(
    `kubectl apply of ${what}`,
    () => kubectl.applyManifests(yamlText),
    {
      deadline: (options.now ?? Date.now)() + options.timeoutMs,
      log: (message) => log().info(message),
      sleep: options.sleep,
      now: options.now,
    },
  );
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
