import * as core from '@actions/core';
import { stringify } from 'yaml';
import type { PreviewPlan } from '../plan/types.js';

/** The plan in the log: a line per fact, a collapsed group per service. */
export async function logPlan(plan: PreviewPlan): Promise<void> {
  core.info(`Split: ${plan.split.reason}`);
  for (const service of plan.services) {
    await core.group(
      `Plan for ${service.namespace}/${service.name} (${service.mode})`,
      async () => {
        if (service.note) core.info(`Note: ${service.note}`);
        core.info(
          `Revisions: base ${service.revisions.base ?? '(none)'}, PR ${service.revisions.pr}`,
        );
        for (const target of service.traffic)
          core.info(`Traffic: ${target.percent}% -> ${target.revisionName} (tag ${target.tag})`);
        core.info(`Route: ${service.url}`);
        if (service.manifests.base)
          core.info(`--- base manifest (applied first)\n${stringify(service.manifests.base)}`);
        core.info(`--- PR manifest (applied second)\n${stringify(service.manifests.pr)}`);
      },
    );
  }
  if (plan.otherObjects.length) {
    core.info(
      `Other objects applied after the services: ${plan.otherObjects.map((o) => `${o.kind}/${o.metadata.name}`).join(', ')}`,
    );
  }
}
