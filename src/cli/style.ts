/**
 * Terminal styling: ANSI colours for an interactive terminal, nothing at all otherwise. Pure.
 */
import { stripUnsafe } from '../report/markdown.js';
import type { TextStyle } from '../report/render-text.js';

export type TerminalMode = 'fancy' | 'plain';

/**
 * Colour and a spinner only on an interactive terminal that asks for them: not through a pipe
 * or into a file, not with NO_COLOR set (https://no-color.org), not on TERM=dumb.
 */
export function terminalMode(
  stream: { isTTY?: boolean },
  env: Readonly<Record<string, string | undefined>>,
): TerminalMode {
  if (!stream.isTTY) return 'plain';
  if (env.NO_COLOR) return 'plain';
  if (env.TERM === 'dumb') return 'plain';
  return 'fancy';
}

const sgr =
  (open: number, close: number) =>
  (text: string): string =>
    `\u001b[${open}m${text}\u001b[${close}m`;

export const ANSI_STYLE: TextStyle = {
  bold: sgr(1, 22),
  dim: sgr(2, 22),
  red: sgr(31, 39),
  green: sgr(32, 39),
  yellow: sgr(33, 39),
  cyan: sgr(36, 39),
};

export function styleFor(mode: TerminalMode): TextStyle {
  return mode === 'fancy' ? ANSI_STYLE : PLAIN;
}

const same = (text: string): string => text;
const PLAIN: TextStyle = {
  bold: same,
  dim: same,
  red: same,
  green: same,
  yellow: same,
  cyan: same,
};

/**
 * Text from tools, the cluster, responses or the PR, made safe for a terminal: no escape
 * sequences or other control characters (they could move the cursor, retitle the window or
 * hide text), tabs kept. The same cleaning the Markdown renderers use.
 */
export const terminalSafe = stripUnsafe;

/** 12.3s under a minute, then 2m 05s. */
export function formatDuration(ms: number): string {
  const seconds = Math.max(0, ms) / 1000;
  if (seconds < 59.95) return `${seconds.toFixed(1)}s`;
  const whole = Math.round(seconds);
  return `${Math.floor(whole / 60)}m ${String(whole % 60).padStart(2, '0')}s`;
}
