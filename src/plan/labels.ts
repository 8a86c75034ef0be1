import type { SplitDecision } from './types.js';
import { UserError } from '../util/errors.js';

/**
 * Reads the split from the PR's labels: `<prefix>N` (N = 0..100, up to three
 * digits) sends N% to the PR revision. Labels without the prefix are ignored.
 * The prefix matches case-insensitively, because GitHub treats label names that
 * differ only in case as the same label.
 */
export function decideSplit(labels: readonly string[], prefix: string): SplitDecision {
  const canary: { label: string; percent: number }[] = [];
  const invalid: string[] = [];
  const lowerPrefix = prefix.toLowerCase();
  for (const label of new Set(labels)) {
    if (!label.toLowerCase().startsWith(lowerPrefix)) continue;
    const rest = label.slice(prefix.length);
    const percent = /^\d{1,3}$/.test(rest) ? Number(rest) : Number.NaN;
    if (percent >= 0 && percent <= 100) canary.push({ label, percent });
    else invalid.push(label);
  }
  const accepted = `${prefix}0 to ${prefix}100`;
  if (invalid.length) {
    const many = invalid.length > 1;
    throw new UserError(
      `Label${many ? 's' : ''} ${quoteList(invalid)} ${many ? 'are' : 'is'} not a valid split: use ${accepted} (the percent of traffic for the PR revision).`,
    );
  }
  if (canary.length > 1) {
    throw new UserError(
      `The PR has ${canary.length} split labels (${quoteList(canary.map((c) => c.label))}); keep exactly one of ${accepted}.`,
    );
  }
  const chosen = canary[0];
  if (!chosen)
    return {
      prPercent: 100,
      reason: `no ${prefix}N label, so the PR revision gets 100% of traffic`,
    };
  return {
    prPercent: chosen.percent,
    label: chosen.label,
    reason: `label ${chosen.label}: ${chosen.percent}% to the PR revision, ${100 - chosen.percent}% to the base revision`,
  };
}

function quoteList(items: readonly string[]): string {
  return items.map((item) => `'${item}'`).join(', ');
}
