/**
 * The terminal log: plain text through a pipe and with NO_COLOR, colour and a spinner on an
 * interactive terminal, phases with their time, branches prefixed, control characters gone.
 */
import { describe, expect, it } from 'vitest';
import { formatDuration, terminalMode } from '../../../src/cli/style.js';
import { createTerminalLog, type TerminalLogOptions } from '../../../src/cli/terminal-log.js';

// eslint-disable-next-line no-control-regex -- looking for escape sequences is the point
const ANSI = /\u001b\[/;
const SPINNER = /[⠋⠙⠹⠸⠼⠴⠦⠧⠇⠏]/;

/** A log writing into a string, with a clock the test moves and a spinner it ticks. */
function terminal(mode: TerminalLogOptions['mode'], extra: Partial<TerminalLogOptions> = {}) {
  const out = { text: '', clock: 1_000, tick: undefined as (() => void) | undefined };
  const log = createTerminalLog({
    write: (text) => {
      out.text += text;
    },
    mode,
    now: () => out.clock,
    columns: () => 60,
    startTicker: (tick) => {
      out.tick = tick;
      return () => {
        out.tick = undefined;
      };
    },
    ...extra,
  });
  return { log, out };
}

/** What a terminal shows: each \r starts the line again, \u001b[2K clears it. */
function screen(text: string): string[] {
  const lines: string[] = [''];
  // eslint-disable-next-line no-control-regex -- splitting on the terminal's own escapes
  for (const part of text.split(/(\n|\r\u001b\[2K)/)) {
    if (part === '\n') lines.push('');
    else if (part === '\r\u001b[2K') lines[lines.length - 1] = '';
    else lines[lines.length - 1] += part;
  }
  // eslint-disable-next-line no-control-regex -- stripping colour to compare text
  return lines.map((line) => line.replace(/\u001b\[[0-9;]*m/g, ''));
}

describe('terminalMode', () => {
  it('is fancy only on a TTY without NO_COLOR and not on a dumb terminal', () => {
    expect(terminalMode({ isTTY: true }, {})).toBe('fancy');
    expect(terminalMode({ isTTY: true }, { NO_COLOR: '1' })).toBe('plain');
    // An empty NO_COLOR does not count (no-color.org).
    expect(terminalMode({ isTTY: true }, { NO_COLOR: '' })).toBe('fancy');
    expect(terminalMode({ isTTY: true }, { TERM: 'dumb' })).toBe('plain');
    expect(terminalMode({ isTTY: false }, {})).toBe('plain');
    expect(terminalMode({}, {})).toBe('plain');
  });
});

describe('plain terminal log (pipe, NO_COLOR)', () => {
  it('writes phases as start and end lines with their time, no escape codes, no spinner', async () => {
    const { log, out } = terminal('plain');
    log.info('Previewing feature');
    await log.group('Plan', async () => {
      out.clock += 1_234;
      log.info('planned');
    });
    const cluster = log.branch('cluster');
    await Promise.all([
      cluster.group('Bring up', async () => {
        cluster.info('creating k3d cluster\nnodes ready');
        out.clock += 65_000;
      }),
      log.branch('images').group('Build images', async () => {
        log.branch('images').warning('slow layer', { file: 'app/Dockerfile', line: 3 });
      }),
    ]);
    await expect(
      log.group('Deploy', async () => {
        out.clock += 500;
        throw new Error('revision failed');
      }),
    ).rejects.toThrow('revision failed');
    log.error('Deploy failed');
    log.close();
    expect(out.text).not.toMatch(ANSI);
    expect(out.text).not.toMatch(SPINNER);
    expect(out.text).not.toContain('\r');
    expect(out.text.split('\n')).toEqual([
      'Previewing feature',
      '▶ Plan',
      'planned',
      '✔ Plan (1.2s)',
      '▶ [cluster] Bring up',
      '[cluster] creating k3d cluster',
      '[cluster] nodes ready',
      '▶ [images] Build images',
      '[images] warning: slow layer (app/Dockerfile:3)',
      '✔ [cluster] Bring up (1m 05s)',
      '✔ [images] Build images (0.0s)',
      '▶ Deploy',
      '✖ Deploy failed after 0.5s',
      'error: Deploy failed',
      '',
    ]);
  });

  it('shows debug lines only when asked', () => {
    const quiet = terminal('plain');
    quiet.log.debug('run: git status');
    expect(quiet.out.text).toBe('');
    const loud = terminal('plain', { debug: true });
    loud.log.debug('run: git status');
    expect(loud.out.text).toBe('debug: run: git status\n');
  });

  it('removes control characters from every line, prefixes and titles included', async () => {
    const { log, out } = terminal('plain');
    log.info('body \u001b]0;owned\u0007 \u001b[2Jcleared\u202e');
    await log.branch('x\u001b[31m').group('svc\u001b[1A', async () => undefined);
    // eslint-disable-next-line no-control-regex -- looking for control characters is the point
    expect(out.text).not.toMatch(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202e]/);
    expect(out.text.split('\n')[0]).toBe('body ]0;owned [2Jcleared');
  });
});

describe('fancy terminal log (interactive)', () => {
  it('keeps one status line with a spinner and the running phases under the log lines', async () => {
    const { log, out } = terminal('fancy');
    let release!: () => void;
    const building = log
      .branch('images')
      .group('Build images', () => new Promise<void>((resolve) => (release = resolve)));
    const bringUp = log.branch('cluster').group('Bring up', async () => {
      out.clock += 2_000;
      out.tick?.();
      log.branch('cluster').info('creating cluster');
      out.clock += 61_000;
      out.tick?.();
    });
    await bringUp;
    let shown = screen(out.text);
    expect(shown.at(-3)).toBe('[cluster] creating cluster');
    expect(shown.at(-2)).toBe('✔ [cluster] Bring up 1m 03s');
    // The images branch still runs: its status line is last, redrawn in place.
    expect(shown.at(-1)).toMatch(/^[⠋⠙⠹⠸⠼⠴⠦⠧⠇⠏] \[images\] Build images 1m 03s$/);
    out.tick?.();
    expect(screen(out.text).at(-1)).toMatch(SPINNER);
    release();
    await building;
    shown = screen(out.text);
    expect(shown.at(-2)).toBe('✔ [images] Build images 1m 03s');
    expect(shown.at(-1)).toBe('');
    // Nothing runs: the spinner stopped.
    expect(out.tick).toBeUndefined();
    expect(out.text).toMatch(ANSI);
    expect(out.text).toContain('\u001b[32m✔\u001b[39m');
  });

  it('shows both running phases, cut to the terminal width', async () => {
    const { log, out } = terminal('fancy', { columns: () => 40 });
    let release!: () => void;
    const gate = new Promise<void>((resolve) => (release = resolve));
    const a = log.branch('cluster').group('Bring up k3d, Knative Serving and Contour', () => gate);
    const b = log.branch('images').group('Build images', () => gate);
    const status = screen(out.text).at(-1) ?? '';
    expect(status).toMatch(/^[⠋⠙⠹⠸⠼⠴⠦⠧⠇⠏] \[cluster\] Bring up k3d, Knative Serv…$/);
    expect(Array.from(status).length).toBeLessThanOrEqual(39);
    release();
    await Promise.all([a, b]);
  });

  it('marks a failed phase in red and clears the status line on close', async () => {
    const { log, out } = terminal('fancy');
    await expect(
      log.group('Probe default/hello', () => Promise.reject(new Error('no'))),
    ).rejects.toThrow();
    expect(screen(out.text).at(-2)).toBe('✖ Probe default/hello failed after 0.0s');
    expect(out.text).toContain('\u001b[31m');
    const pending = log.group('Deploy', () => new Promise(() => undefined));
    void pending;
    log.close();
    expect(screen(out.text).at(-1)).toBe('');
    expect(out.tick).toBeUndefined();
  });
});

describe('formatDuration', () => {
  it('shows tenths under a minute, then minutes and seconds', () => {
    expect(formatDuration(0)).toBe('0.0s');
    expect(formatDuration(12_340)).toBe('12.3s');
    expect(formatDuration(59_940)).toBe('59.9s');
    expect(formatDuration(59_960)).toBe('1m 00s');
    expect(formatDuration(125_000)).toBe('2m 05s');
  });
});
