/**
 * Where a preview runs, as the pipeline sees it: an ephemeral k3d cluster (k3d-cluster.ts) or
 * a namespace on a cluster that already runs Knative (existing-cluster.ts).
 */
import type { Kubectl } from '../cluster/kubectl.js';
import type { PreviewPlan, ServicePlan } from '../plan/types.js';
import type { PreviewLinks } from '../report/model.js';

/** A cluster ready for the preview's services, however it was obtained. */
export interface PreviewCluster {
  kubectl: Kubectl;
  /** Makes the built images (local tags) pullable by the cluster's nodes. */
  loadImages(tags: readonly string[]): Promise<void>;
  /** How the log and the timings name loadImages: importing into k3d, pushing to a registry. */
  loadImagesStep: { title: string; phase: string };
  /** After deploy: where the probe connects for each service, with the hosts the cluster serves. */
  probeTargets(plan: PreviewPlan): Promise<ProbeTarget[]>;
  /** After the probe: removes what earlier runs left (a long-lived namespace). Failures only warn. */
  tidy?(plan: PreviewPlan): Promise<string | undefined>;
  /** Seconds per bring-up phase. */
  timings: Record<string, number>;
}

export interface ProbeTarget {
  service: ServicePlan;
  /** Where the probe sends requests, with the service's Host header. */
  ingressUrl: string;
  /** URLs a reviewer can open (an existing cluster's). */
  links?: PreviewLinks;
}

/** Obtains the cluster and handles what happens around it (cancellation, failure). */
export interface ClusterProvider {
  /** The log line before bring-up starts. */
  startMessage(buildingImages: boolean): string;
  start(): Promise<PreviewCluster>;
  /** Seconds per bring-up phase of a start that failed. */
  failedStartTimings(error: unknown): Record<string, number>;
  /** The main step got SIGTERM/SIGINT. */
  onCancel(signal: NodeJS.Signals): Promise<void>;
  /** Diagnostics right after a failure, while the cluster is still there. */
  diagnose(): Promise<string | undefined>;
}
