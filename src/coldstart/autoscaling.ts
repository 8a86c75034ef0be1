/**
 * What decides whether, and how soon, a Knative revision scales to zero: `config-autoscaler`
 * and the revision's `autoscaling.knative.dev/*` annotations. Pure; the values come from the
 * cluster and are untrusted, so anything unreadable falls back to Knative's default.
 *
 * Upstream (knative/serving release-1.22): pkg/autoscaler/config/config.go (defaults: scale to
 * zero enabled, min-scale 0, stable-window 60s, scale-to-zero-grace-period 30s,
 * scale-to-zero-pod-retention-period 0s, class KPA), pkg/apis/autoscaling/register.go (the
 * annotations and their legacy spellings), pkg/apis/autoscaling/v1alpha1/pa_lifecycle.go
 * (ScaleBounds: the revision's min-scale wins over the config map's), pkg/reconciler/
 * autoscaling/kpa/scaler.go (handleScaleToZero: idle for the stable window, then the longer of
 * grace period and last-pod retention, before the last pod goes).
 */
import type { ColdStartNotMeasured } from '../compare/types.js';

const GROUP = 'autoscaling.knative.dev';
export const KPA_CLASS = 'kpa.autoscaling.knative.dev';

export interface ScaleToZeroFacts {
  /** Why the revision never reaches zero pods; undefined when it may. */
  blocker?: ColdStartNotMeasured;
  /** How long after its last request the revision's last pod should go, in ms. */
  idleToZeroMs: number;
}

/** A Go duration (`6s`, `1m30s`, `500ms`, `0`) in ms; undefined when it is not one. */
export function parseGoDuration(text: string | undefined): number | undefined {
  const value = text?.trim();
  if (value === undefined || value === '' || value.length > 40) return undefined;
  if (value === '0') return 0;
  if (!/^(\d+(\.\d+)?(h|m|s|ms))+$/.test(value)) return undefined;
  const unit: Record<string, number> = { h: 3_600_000, m: 60_000, s: 1000, ms: 1 };
  let total = 0;
  for (const [, n, u] of value.matchAll(/(\d+(?:\.\d+)?)(ms|h|m|s)/g))
    total += Number(n) * unit[u!]!;
  return total;
}

function wholeNumber(text: string | undefined): number | undefined {
  return text !== undefined && /^\s*\d{1,9}\s*$/.test(text) ? Number(text) : undefined;
}

function firstOf(
  annotations: Readonly<Record<string, string>>,
  ...names: string[]
): string | undefined {
  for (const name of names) {
    const value = annotations[`${GROUP}/${name}`];
    if (typeof value === 'string') return value;
  }
  return undefined;
}

export function scaleToZeroFacts(
  config: Readonly<Record<string, string>>,
  annotations: Readonly<Record<string, string>>,
): ScaleToZeroFacts {
  const stableWindowMs =
    parseGoDuration(firstOf(annotations, 'window')) ??
    parseGoDuration(config['stable-window']) ??
    60_000;
  const graceMs = parseGoDuration(config['scale-to-zero-grace-period']) ?? 30_000;
  const retentionMs =
    parseGoDuration(
      firstOf(annotations, 'scale-to-zero-pod-retention-period', 'scaleToZeroPodRetentionPeriod'),
    ) ??
    parseGoDuration(config['scale-to-zero-pod-retention-period']) ??
    0;
  const idleToZeroMs = stableWindowMs + Math.max(graceMs, retentionMs);

  const autoscalerClass =
    firstOf(annotations, 'class') ?? config['pod-autoscaler-class']?.trim() ?? KPA_CLASS;
  if (autoscalerClass !== KPA_CLASS) {
    return {
      blocker: { reason: 'autoscaler-class', autoscalerClass: autoscalerClass.slice(0, 80) },
      idleToZeroMs,
    };
  }
  if (config['enable-scale-to-zero']?.trim().toLowerCase() === 'false') {
    return { blocker: { reason: 'scale-to-zero-disabled' }, idleToZeroMs };
  }
  const minScale =
    wholeNumber(firstOf(annotations, 'min-scale', 'minScale')) ??
    wholeNumber(config['min-scale']) ??
    0;
  if (minScale >= 1) return { blocker: { reason: 'min-scale', minScale }, idleToZeroMs };
  return { idleToZeroMs };
}
