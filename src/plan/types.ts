/** The plan: what one run deploys. Pure data, computed without a cluster. */

export type Side = 'base' | 'pr';

import type { KubeObject } from '../kube/object.js';

/** One entry of a Knative Service's spec.traffic, as applied. */
export interface TrafficTarget {
  revisionName?: string;
  latestRevision?: boolean;
  percent: number;
  tag?: string;
}

/** Where a manifest document came from, for error annotations and the comment. */
export interface SourceLocation {
  file: string;
  line: number;
}

/** The split the PR's labels ask for. */
export interface SplitDecision {
  /** Percent of traffic for the PR revision, 0..100. */
  prPercent: number;
  /** The label that set it, when one did. */
  label?: string;
  /** One sentence for the log and the comment. */
  reason: string;
}

export interface ServicePlan {
  name: string;
  namespace: string;
  source: SourceLocation;
  /**
   * canary: base and PR revisions share the traffic;
   * new: the service does not exist at the base, the PR revision takes 100%;
   * single: push / workflow_dispatch preview of the workspace, one revision.
   */
  mode: 'canary' | 'new' | 'single';
  /** Why the mode is not canary, when it is not. */
  note?: string;
  revisions: { base?: string; pr: string };
  /** Rendered Knative Services: the base one is applied first, then the PR one. */
  manifests: { base?: KubeObject; pr: KubeObject };
  /** spec.traffic of the PR manifest (what the run ends with). */
  traffic: TrafficTarget[];
  /** Configured percent per revision name (derived from traffic, kept for the probe). */
  expected: Record<string, number>;
  /** Route host: <svc>.<ns>.<domain>. */
  host: string;
  /** http://<host> */
  url: string;
  /** Tag hosts: <tag>-<svc>.<ns>.<domain>. */
  tagHosts: { base?: string; pr: string };
}

export interface PreviewPlan {
  event: 'pull_request' | 'push' | 'workflow_dispatch' | 'local';
  repository: { owner: string; repo: string };
  pullRequest?: {
    number: number;
    title: string;
    htmlUrl?: string;
    baseRef: string;
    headRef: string;
  };
  baseSha?: string;
  headSha: string;
  labels: string[];
  split: SplitDecision;
  domain: string;
  services: ServicePlan[];
  /** Non-Service objects (Routes, ConfigMaps, ...) from the PR manifests, applied after the services. */
  otherObjects: KubeObject[];
  /**
   * Where each of otherObjects is (same order; the line of its `kind`), for errors about it found
   * on the cluster. Set for previews on an existing cluster.
   */
  otherObjectSources?: SourceLocation[];
}
