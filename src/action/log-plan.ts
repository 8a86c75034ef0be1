import { displayYaml } from '../manifests/redact.js';
import type { PreviewPlan } from '../plan/types.js';
import { log } from '../util/log.js';

/**
 * The plan in the log: a line per fact, a collapsed group per service. Manifests come from the
 * PR, so they go through log(), which keeps any workflow command in them from being obeyed, and
 * through displayYaml(), which hides Secret values.
 */
export async function logPlan(
  plan: PreviewPlan,
  /** On an existing cluster the route URL is the cluster's to say: it is read after deploy. */
  options: { routesFromCluster?: boolean } = {},
): Promise<void> {
  const out = log();
  out.info(`Split: ${plan.split.reason}`);
  for (const service of plan.services) {
    await out.group(`Plan for ${service.namespace}/${service.name} (${service.mode})`, () => {
      if (service.note) out.info(`Note: ${service.note}`);
      out.info(`Revisions: base ${service.revisions.base ?? '(none)'}, PR ${service.revisions.pr}`);
      for (const target of service.traffic)
        out.info(`Traffic: ${target.percent}% -> ${target.revisionName} (tag ${target.tag})`);
      out.info(
        options.routesFromCluster
          ? `Route: in namespace ${service.namespace}, URL as the cluster serves it (read after deploy)`
          : `Route: ${service.url}`,
      );
      if (service.manifests.base)
        out.info(`--- base manifest (applied first)\n${displayYaml(service.manifests.base)}`);
      out.info(`--- PR manifest (applied second)\n${displayYaml(service.manifests.pr)}`);
      return Promise.resolve();
    });
  }
  if (plan.otherObjects.length) {
    out.info(
      `Other objects applied after the services: ${plan.otherObjects.map((o) => `${o.kind}/${o.metadata.name}`).join(', ')}`,
    );
  }
}
