import type { PreviewPlan } from '../plan/types.js';

/**
 * Output values per DESIGN.md: with one service, `traffic` is its array and
 * `revisions` its {base, pr}; with several, objects keyed by service name.
 */
export function planOutputs(plan: PreviewPlan): {
  traffic: string;
  revisions: string;
  url: string;
} {
  const single = plan.services.length === 1 ? plan.services[0] : undefined;
  const revisionsOf = (service: PreviewPlan['services'][number]) => ({
    base: service.revisions.base ?? null,
    pr: service.revisions.pr,
  });
  return {
    traffic: JSON.stringify(
      single ? single.traffic : Object.fromEntries(plan.services.map((s) => [s.name, s.traffic])),
    ),
    revisions: JSON.stringify(
      single
        ? revisionsOf(single)
        : Object.fromEntries(plan.services.map((s) => [s.name, revisionsOf(s)])),
    ),
    url: plan.services[0]?.url ?? '',
  };
}
