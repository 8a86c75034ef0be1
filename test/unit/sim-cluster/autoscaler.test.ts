/**
 * The sim's autoscaler model, pure: settings from config-autoscaler and annotations, when an
 * idle revision's last pod goes, and what a request at zero pods waits. Upstream references
 * (knative/serving release-1.22):
 *   - pkg/autoscaler/config/config.go: defaults stable-window 60s, scale-to-zero-grace-period
 *     30s, scale-to-zero-pod-retention-period 0s, enable-scale-to-zero true, min-scale 0;
 *     validate() refuses a stable window outside [6s, 1h] (autoscaling.WindowMin/WindowMax in
 *     pkg/apis/autoscaling/register.go) and a grace period that is not positive.
 *   - pkg/reconciler/autoscaling/kpa/scaler.go handleScaleToZero: a PA active for the stable
 *     window is marked inactive; inactive for max(grace, last-pod retention), it goes to 0;
 *     enable-scale-to-zero false keeps 1.
 *   - pkg/apis/autoscaling/v1alpha1/pa_lifecycle.go ScaleBounds: the min-scale annotation
 *     (or its legacy `minScale` spelling, register.go MinScaleAnnotation) wins over the config.
 *   - pkg/activator/handler: the activator holds a request until a pod can take it.
 */
import { describe, expect, it } from 'vitest';
import {
  AUTOSCALER_DEFAULTS,
  advance,
  arrive,
  autoscalerSettings,
  mayScaleToZero,
  parseGoDuration,
  scaleOf,
  scaleToZeroAt,
  type RevisionActivity,
} from '../../sim/cluster/autoscaler.js';
import {
  COLD_START_SPREAD,
  ditheredDelay,
  jitteredColdStart,
  readTrafficKnobs,
} from '../../sim/cluster/traffic-knobs.js';

describe('autoscaler settings', () => {
  it('defaults as config.go, then config-autoscaler, then the revision annotations', () => {
    expect(autoscalerSettings({})).toEqual(AUTOSCALER_DEFAULTS);
    expect(AUTOSCALER_DEFAULTS).toMatchObject({
      stableWindowMs: 60_000,
      gracePeriodMs: 30_000,
      podRetentionMs: 0,
      enableScaleToZero: true,
      minScale: 0,
    });
    const shortened = autoscalerSettings({
      'stable-window': '6s',
      'scale-to-zero-grace-period': '2s',
    });
    expect([shortened.stableWindowMs, shortened.gracePeriodMs]).toEqual([6000, 2000]);
    const annotated = autoscalerSettings(
      { 'stable-window': '6s', 'min-scale': '0' },
      {
        'autoscaling.knative.dev/window': '1m30s',
        'autoscaling.knative.dev/minScale': '2',
        'autoscaling.knative.dev/scale-to-zero-pod-retention-period': '45s',
      },
    );
    expect(annotated).toMatchObject({
      stableWindowMs: 90_000,
      minScale: 2,
      podRetentionMs: 45_000,
    });
  });

  it('ignores values the webhook would refuse: a window outside 6s..1h, a grace period of 0', () => {
    const refused = autoscalerSettings({
      'stable-window': '5s',
      'scale-to-zero-grace-period': '0s',
    });
    expect([refused.stableWindowMs, refused.gracePeriodMs]).toEqual([60_000, 30_000]);
    expect(autoscalerSettings({ 'stable-window': '2h' }).stableWindowMs).toBe(60_000);
  });

  it('never scales to zero with min-scale >= 1, scale to zero disabled, or the HPA class', () => {
    expect(mayScaleToZero(autoscalerSettings({}))).toBe(true);
    expect(mayScaleToZero(autoscalerSettings({ 'min-scale': '1' }))).toBe(false);
    expect(
      mayScaleToZero(autoscalerSettings({}, { 'autoscaling.knative.dev/min-scale': '1' })),
    ).toBe(false);
    expect(mayScaleToZero(autoscalerSettings({ 'enable-scale-to-zero': 'false' }))).toBe(false);
    expect(
      mayScaleToZero(
        autoscalerSettings({}, { 'autoscaling.knative.dev/class': 'hpa.autoscaling.knative.dev' }),
      ),
    ).toBe(false);
  });

  it('reads Go durations', () => {
    expect(parseGoDuration('6s')).toBe(6000);
    expect(parseGoDuration('1m30s')).toBe(90_000);
    expect(parseGoDuration('500ms')).toBe(500);
    expect(parseGoDuration('1h')).toBe(3_600_000);
    expect(parseGoDuration('0')).toBe(0);
    expect(parseGoDuration('6')).toBeUndefined();
    expect(parseGoDuration('soon')).toBeUndefined();
    expect(parseGoDuration(undefined)).toBeUndefined();
  });
});

describe('scale to zero and cold starts', () => {
  const settings = autoscalerSettings({
    'stable-window': '6s',
    'scale-to-zero-grace-period': '2s',
  });

  it('goes to zero after the stable window without requests plus the grace period', () => {
    const activity: RevisionActivity = { activeSince: 1000, atZero: false };
    expect(scaleToZeroAt(activity, settings)).toBe(1000 + 6000 + 2000);
    activity.lastRequestAt = 5000;
    expect(scaleToZeroAt(activity, settings)).toBe(5000 + 8000);
    advance(activity, settings, 12_999);
    expect(scaleOf(activity)).toMatchObject({ replicas: 1, ready: 1, active: { status: 'True' } });
    advance(activity, settings, 13_000);
    expect(scaleOf(activity)).toMatchObject({
      replicas: 0,
      ready: 0,
      active: { status: 'False', reason: 'NoTraffic' },
    });
    // The longer of grace period and last-pod retention counts.
    const retained = { ...settings, podRetentionMs: 20_000 };
    expect(scaleToZeroAt({ activeSince: 0, atZero: false }, retained)).toBe(26_000);
    expect(
      scaleToZeroAt({ activeSince: 0, atZero: false }, { ...settings, minScale: 1 }),
    ).toBeUndefined();
  });

  it('holds the first request at zero pods for the cold start; later ones wait for the same pod', () => {
    const activity: RevisionActivity = { activeSince: 0, atZero: false };
    advance(activity, settings, 10_000);
    expect(activity.atZero).toBe(true);
    expect(arrive(activity, settings, 10_000, () => 800)).toBe(800);
    expect(scaleOf(activity)).toMatchObject({ replicas: 1, ready: 0, starting: true });
    // A second request during the start waits for the rest of it, not a start of its own.
    expect(arrive(activity, settings, 10_300, () => 800)).toBe(500);
    advance(activity, settings, 10_800);
    expect(scaleOf(activity)).toMatchObject({ replicas: 1, ready: 1, starting: false });
    expect(arrive(activity, settings, 10_900, () => 800)).toBe(0);
    // Idle again: zero once more, a stable window and a grace period after the last request.
    advance(activity, settings, 10_900 + 7999);
    expect(activity.atZero).toBe(false);
    advance(activity, settings, 10_900 + 8000);
    expect(activity.atZero).toBe(true);
  });

  it('SIM_COLD_START_MS is read like the other knobs; a start takes MS to MS + 10%', () => {
    expect(readTrafficKnobs({ SIM_COLD_START_MS: '*-pr-*=800' }).coldStart).toEqual([
      { glob: '*-pr-*', value: 800 },
    ]);
    expect(() => readTrafficKnobs({ SIM_COLD_START_MS: '*=slow' })).toThrow(
      "SIM_COLD_START_MS='*=slow': 'slow' (for *) is not a number of milliseconds",
    );
    expect(jitteredColdStart(800, () => 0)).toBe(800);
    expect(jitteredColdStart(800, () => 0.999)).toBeCloseTo(800 * (1 + COLD_START_SPREAD * 0.999));
    expect(jitteredColdStart(0, () => 0.5)).toBe(0);
  });

  it('dithers timer delays so that their mean is the delay itself', () => {
    expect(ditheredDelay(4.8, () => 0.1)).toBe(4);
    expect(ditheredDelay(4.8, () => 0.3)).toBe(5);
    expect(ditheredDelay(0, () => 0.9)).toBe(0);
    // Mean over a fine grid of U: exactly the delay (to the grid's resolution).
    const grid = Array.from({ length: 1000 }, (_, i) => (i + 0.5) / 1000);
    const mean = grid.reduce((sum, u) => sum + ditheredDelay(4.37, () => u), 0) / grid.length;
    expect(mean).toBeCloseTo(4.37, 2);
  });
});
