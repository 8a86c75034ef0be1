/**
 * Knative's pod autoscaler (KPA) and activator, as far as scale to zero and cold starts go.
 *
 * A Ready revision runs one pod. It goes to zero pods once it has had no request for the stable
 * window and then for the grace period (or the last-pod retention period, if longer), and only
 * when scale to zero is enabled and its min-scale is 0. A request to a revision at zero pods is
 * held (the activator buffers it) while a pod starts, for the revision's SIM_COLD_START_MS,
 * then answered; the revision is back at one pod. Requests arriving meanwhile wait for the same
 * pod. Settings are read from `config-autoscaler` and the revision's annotations on every look,
 * as Knative resyncs every PodAutoscaler when that config map changes.
 *
 * Upstream (knative/serving release-1.22): pkg/reconciler/autoscaling/kpa/scaler.go
 * (handleScaleToZero: active for the stable window, then inactive for max(grace period,
 * last-pod retention) before the Deployment goes to 0), pkg/autoscaler/config/config.go
 * (defaults 60s / 30s / 0s, enable-scale-to-zero, min-scale), pkg/apis/autoscaling/register.go
 * (annotations and their legacy spellings), pkg/apis/autoscaling/v1alpha1/pa_lifecycle.go
 * (ScaleBounds: the annotation wins over the config map), pkg/reconciler/autoscaling/kpa/
 * controller.go (a config-autoscaler change resyncs every KPA).
 */
import type { ClusterContext, Condition } from './context.js';
import type { KObject } from './types.js';

export const AUTOSCALER_CONFIG_MAP = 'config-autoscaler';
const KNATIVE_NAMESPACE = 'knative-serving';
const ANNOTATION_GROUP = 'autoscaling.knative.dev';

export interface AutoscalerSettings {
  enableScaleToZero: boolean;
  minScale: number;
  stableWindowMs: number;
  gracePeriodMs: number;
  podRetentionMs: number;
  /** `hpa.autoscaling.knative.dev` revisions never scale to zero. */
  kpaClass: boolean;
}

/** config.go's defaultConfig(), as far as this model reads it. */
export const AUTOSCALER_DEFAULTS: AutoscalerSettings = {
  enableScaleToZero: true,
  minScale: 0,
  stableWindowMs: 60_000,
  gracePeriodMs: 30_000,
  podRetentionMs: 0,
  kpaClass: true,
};

/** A Go duration as config maps and annotations write it (`6s`, `1m30s`, `500ms`, `0`). */
export function parseGoDuration(text: string | undefined): number | undefined {
  const value = text?.trim();
  if (value === undefined || value === '') return undefined;
  if (value === '0') return 0;
  if (!/^(\d+(\.\d+)?(h|m|s|ms))+$/.test(value)) return undefined;
  const unit: Record<string, number> = { h: 3_600_000, m: 60_000, s: 1000, ms: 1 };
  let total = 0;
  for (const [, n, u] of value.matchAll(/(\d+(?:\.\d+)?)(ms|h|m|s)/g))
    total += Number(n) * unit[u!]!;
  return total;
}

function nonNegativeInteger(text: string | undefined): number | undefined {
  return text !== undefined && /^\d+$/.test(text.trim()) ? Number(text.trim()) : undefined;
}

/** The first of the keys (current spelling, then legacy) that is set. */
function annotation(annotations: Record<string, string>, ...names: string[]): string | undefined {
  for (const name of names) {
    const value = annotations[`${ANNOTATION_GROUP}/${name}`];
    if (value !== undefined) return value;
  }
  return undefined;
}

/**
 * The settings for one revision: `config-autoscaler` over the defaults, the revision's
 * annotations over those. A value the real webhook would refuse (a stable window outside
 * 6s..1h, a grace period that is not positive) is ignored here, as if it had never been written.
 */
export function autoscalerSettings(
  config: Readonly<Record<string, string>>,
  annotations: Readonly<Record<string, string>> = {},
): AutoscalerSettings {
  const settings = { ...AUTOSCALER_DEFAULTS };
  const enable = config['enable-scale-to-zero']?.trim().toLowerCase();
  if (enable === 'true' || enable === 'false') settings.enableScaleToZero = enable === 'true';
  settings.minScale = nonNegativeInteger(config['min-scale']) ?? settings.minScale;
  const window = parseGoDuration(config['stable-window']);
  if (window !== undefined && window >= 6000 && window <= 3_600_000)
    settings.stableWindowMs = window;
  const grace = parseGoDuration(config['scale-to-zero-grace-period']);
  if (grace !== undefined && grace > 0) settings.gracePeriodMs = grace;
  settings.podRetentionMs =
    parseGoDuration(config['scale-to-zero-pod-retention-period']) ?? settings.podRetentionMs;

  const own = { ...annotations } as Record<string, string>;
  settings.minScale =
    nonNegativeInteger(annotation(own, 'min-scale', 'minScale')) ?? settings.minScale;
  const ownWindow = parseGoDuration(annotation(own, 'window'));
  if (ownWindow !== undefined && ownWindow >= 6000 && ownWindow <= 3_600_000)
    settings.stableWindowMs = ownWindow;
  settings.podRetentionMs =
    parseGoDuration(
      annotation(own, 'scale-to-zero-pod-retention-period', 'scaleToZeroPodRetentionPeriod'),
    ) ?? settings.podRetentionMs;
  const autoscalerClass = annotation(own, 'class');
  settings.kpaClass =
    autoscalerClass === undefined || autoscalerClass === 'kpa.autoscaling.knative.dev';
  return settings;
}

export function mayScaleToZero(settings: AutoscalerSettings): boolean {
  return settings.kpaClass && settings.enableScaleToZero && settings.minScale === 0;
}

/** What the autoscaler knows of one revision's traffic. */
export interface RevisionActivity {
  /** When its pod last became ready (deployed, or woken from zero). */
  activeSince: number;
  /** When it last received a request. */
  lastRequestAt?: number;
  atZero: boolean;
  /** While woken from zero: when the new pod answers. */
  readyAt?: number;
}

/**
 * When an idle revision's last pod goes: after the stable window without requests (and at
 * least the stable window after it became active), then the grace period or the last-pod
 * retention, whichever is longer. Undefined when it never scales to zero.
 */
export function scaleToZeroAt(
  activity: RevisionActivity,
  settings: AutoscalerSettings,
): number | undefined {
  if (!mayScaleToZero(settings)) return undefined;
  const quietSince = Math.max(activity.activeSince, activity.lastRequestAt ?? 0);
  return (
    quietSince + settings.stableWindowMs + Math.max(settings.gracePeriodMs, settings.podRetentionMs)
  );
}

/** The pods the autoscaler wants for a Ready revision now, and its `Active` condition. */
export interface RevisionScale {
  /** Pods that exist (a starting pod counts). */
  replicas: 0 | 1;
  /** Pods that are ready (status.actualReplicas). */
  ready: 0 | 1;
  /** A pod is starting after a request found the revision at zero. */
  starting: boolean;
  active: Condition;
}

const ACTIVE: Condition = { type: 'Active', status: 'True' };
/** The PodAutoscaler's words when it has scaled the revision to zero (kpa.go MarkInactive). */
const NO_TRAFFIC: Condition = {
  type: 'Active',
  status: 'False',
  reason: 'NoTraffic',
  message: 'The target is not receiving traffic.',
};
const ACTIVATING: Condition = {
  type: 'Active',
  status: 'Unknown',
  reason: 'Queued',
  message: 'Requests to the target are being buffered as resources are provisioned.',
};

/** Advances one revision's state to `now`: zero once idle long enough, up once a woken pod is ready. */
export function advance(
  activity: RevisionActivity,
  settings: AutoscalerSettings,
  now: number,
): void {
  if (activity.readyAt !== undefined && now >= activity.readyAt) {
    activity.activeSince = activity.readyAt;
    activity.lastRequestAt = Math.max(activity.lastRequestAt ?? 0, activity.readyAt);
    activity.readyAt = undefined;
  }
  if (activity.readyAt !== undefined) return;
  const zeroAt = scaleToZeroAt(activity, settings);
  activity.atZero = zeroAt !== undefined && now >= zeroAt;
}

export function scaleOf(activity: RevisionActivity): RevisionScale {
  if (activity.readyAt !== undefined)
    return { replicas: 1, ready: 0, starting: true, active: ACTIVATING };
  if (activity.atZero) return { replicas: 0, ready: 0, starting: false, active: NO_TRAFFIC };
  return { replicas: 1, ready: 1, starting: false, active: ACTIVE };
}

/**
 * A request arrives at `now`: returns how long the activator holds it before the revision can
 * answer (0 when a pod is up). At zero pods, a pod starts and is ready after `coldStartMs()`.
 */
export function arrive(
  activity: RevisionActivity,
  settings: AutoscalerSettings,
  now: number,
  coldStartMs: () => number,
): number {
  advance(activity, settings, now);
  if (activity.atZero) {
    activity.atZero = false;
    activity.readyAt = now + Math.max(0, coldStartMs());
  }
  activity.lastRequestAt = Math.max(activity.lastRequestAt ?? 0, now);
  return activity.readyAt === undefined ? 0 : activity.readyAt - now;
}

/** One cluster's autoscaler: the activity of every Ready revision it has seen. */
export class SimAutoscaler {
  private readonly activity = new Map<string, RevisionActivity>();

  constructor(private readonly ctx: ClusterContext) {}

  /** The controller's question for a revision; one that is not Ready runs its one pod. */
  scale(revision: KObject, ready: boolean): RevisionScale {
    if (!ready) return scaleOf({ activeSince: 0, atZero: false });
    const activity = this.activityOf(revision);
    advance(activity, this.settingsFor(revision), this.ctx.now());
    return scaleOf(activity);
  }

  /** The ingress's: a request for the revision arrives; how long must it wait for a pod? */
  requestArrives(revision: KObject, coldStartMs: () => number): number {
    return arrive(
      this.activityOf(revision),
      this.settingsFor(revision),
      this.ctx.now(),
      coldStartMs,
    );
  }

  private activityOf(revision: KObject): RevisionActivity {
    const key = String(revision.metadata.uid);
    let activity = this.activity.get(key);
    if (!activity) {
      activity = { activeSince: this.ctx.now(), atZero: false };
      this.activity.set(key, activity);
    }
    return activity;
  }

  private settingsFor(revision: KObject): AutoscalerSettings {
    const configMap = this.ctx.store.get(
      this.ctx.core('configmaps'),
      KNATIVE_NAMESPACE,
      AUTOSCALER_CONFIG_MAP,
    );
    return autoscalerSettings(
      (configMap?.data ?? {}) as Record<string, string>,
      (revision.metadata.annotations ?? {}) as Record<string, string>,
    );
  }
}

const autoscalers = new WeakMap<ClusterContext, SimAutoscaler>();

/** The cluster's autoscaler, shared by the revision controller and the ingress. */
export function autoscalerOf(ctx: ClusterContext): SimAutoscaler {
  let autoscaler = autoscalers.get(ctx);
  if (!autoscaler) {
    autoscaler = new SimAutoscaler(ctx);
    autoscalers.set(ctx, autoscaler);
  }
  return autoscaler;
}
