/**
 * What Knative's defaulting webhook adds to a revision spec (pkg/apis/serving/v1/revision_defaults.go
 * at knative-v1.22.1, with config-defaults' defaults), the parts later checks and diffs see.
 */
import { deepClone, type Loose } from './types.js';

/** Fills the defaults Knative's defaulting webhook adds to a revision spec. */
export function defaultRevisionSpec(spec: Loose): Loose {
  const out = deepClone(spec ?? {});
  out.containerConcurrency ??= 0;
  out.timeoutSeconds ??= 300;
  out.enableServiceLinks ??= false;
  // applyDefaultContainerNames (revision_defaults.go): user-container, or user-container-N
  // (skipping names the user chose) when there are several.
  const containers: Loose[] = out.containers ?? [];
  const taken = new Set(containers.map((c) => c.name).filter(Boolean));
  let suffix = 0;
  out.containers = containers.map((c: Loose) => {
    let name = c.name;
    if (!name) {
      name = 'user-container';
      if (containers.length > 1 || taken.has(name)) {
        do name = `user-container-${suffix++}`;
        while (taken.has(name));
      }
    }
    return {
      ...c,
      name,
      readinessProbe: c.readinessProbe ?? { successThreshold: 1, tcpSocket: { port: 0 } },
      resources: c.resources ?? {},
    };
  });
  return out;
}
