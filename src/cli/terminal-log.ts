/**
 * The pipeline's log on a terminal. Each phase (a log group) is a line: on an interactive
 * terminal a spinner with the running phases and their time, redrawn in place below the log
 * lines, then a ✔/✖ line with the duration; elsewhere plain start and end lines. Concurrent
 * branches' lines carry their [name]. Every line is cleaned of control characters.
 */
import type { Annotation, Log } from '../util/log.js';
import type { TextStyle } from '../report/render-text.js';
import { formatDuration, styleFor, terminalSafe, type TerminalMode } from './style.js';

export interface TerminalLogOptions {
  write(text: string): void;
  mode: TerminalMode;
  /** Terminal width, for the status line (it must not wrap to be redrawn in place). */
  columns?: () => number | undefined;
  debug?: boolean;
  now?: () => number;
  /** Calls `tick` now and then until the returned stop is called (default: every 80 ms). */
  startTicker?: (tick: () => void) => () => void;
}

export interface TerminalLog extends Log {
  /** Stops the spinner and clears its line. */
  close(): void;
}

const FRAMES = ['⠋', '⠙', '⠹', '⠸', '⠼', '⠴', '⠦', '⠧', '⠇', '⠏'];
const CLEAR_LINE = '\r\u001b[2K';

interface Phase {
  title: string;
  started: number;
}

/** What every view of the log (the root and each branch) shares: the screen. */
class Screen {
  private readonly active: Phase[] = [];
  private statusShown = false;
  private frame = 0;
  private stopTicker: (() => void) | undefined;
  readonly style: TextStyle;
  readonly fancy: boolean;
  private readonly now: () => number;

  constructor(private readonly options: TerminalLogOptions) {
    this.fancy = options.mode === 'fancy';
    this.style = styleFor(options.mode);
    this.now = options.now ?? Date.now;
  }

  line(text: string): void {
    this.clearStatus();
    this.options.write(`${text}\n`);
    this.drawStatus();
  }

  async phase<T>(title: string, work: () => Promise<T>): Promise<T> {
    const phase: Phase = { title, started: this.now() };
    if (!this.fancy) this.line(`▶ ${title}`);
    this.active.push(phase);
    this.startSpinner();
    this.drawStatus();
    let ok = false;
    try {
      const result = await work();
      ok = true;
      return result;
    } finally {
      this.end(phase, ok);
    }
  }

  close(): void {
    this.stopTicker?.();
    this.stopTicker = undefined;
    this.clearStatus();
  }

  private end(phase: Phase, ok: boolean): void {
    this.active.splice(this.active.indexOf(phase), 1);
    const took = formatDuration(this.now() - phase.started);
    const { green, red, dim } = this.style;
    this.line(
      ok
        ? `${green('✔')} ${phase.title} ${dim(this.fancy ? took : `(${took})`)}`
        : `${red('✖')} ${phase.title} ${red(`failed after ${took}`)}`,
    );
    if (this.active.length === 0) this.close();
  }

  private startSpinner(): void {
    if (!this.fancy || this.stopTicker) return;
    const start =
      this.options.startTicker ??
      ((tick: () => void) => {
        const timer = setInterval(tick, 80);
        timer.unref();
        return () => clearInterval(timer);
      });
    this.stopTicker = start(() => {
      this.frame = (this.frame + 1) % FRAMES.length;
      this.drawStatus();
    });
  }

  private drawStatus(): void {
    if (!this.fancy || this.active.length === 0) return;
    const now = this.now();
    const text = this.active
      .map((p) => `${p.title} ${formatDuration(now - p.started)}`)
      .join(' · ');
    const width = Math.max(20, (this.options.columns?.() || 80) - 3);
    const chars = Array.from(text);
    const shown = chars.length > width ? `${chars.slice(0, width - 1).join('')}…` : text;
    this.options.write(
      `${CLEAR_LINE}${this.style.cyan(FRAMES[this.frame] as string)} ${this.style.dim(shown)}`,
    );
    this.statusShown = true;
  }

  private clearStatus(): void {
    if (!this.statusShown) return;
    this.options.write(CLEAR_LINE);
    this.statusShown = false;
  }
}

export function createTerminalLog(options: TerminalLogOptions): TerminalLog {
  const screen = new Screen(options);
  return Object.assign(view(screen, '', options.debug ?? false), {
    close: () => screen.close(),
  });
}

function view(screen: Screen, prefix: string, debug: boolean): Log {
  const { dim, yellow, red } = screen.style;
  const lines = (message: string, first = ''): void => {
    const label = prefix ? `${dim(prefix)} ` : '';
    terminalSafe(message)
      .split('\n')
      .forEach((text, i) => screen.line(`${label}${i === 0 ? first : ''}${text}`));
  };
  const located = (message: string, annotation?: Annotation): string =>
    annotation?.file
      ? `${message} (${annotation.file}${annotation.line ? `:${annotation.line}` : ''})`
      : message;
  return {
    info: (message) => lines(message),
    warning: (message, annotation) => lines(located(message, annotation), yellow('warning: ')),
    error: (message, annotation) => lines(located(message, annotation), red('error: ')),
    debug: (message) => {
      if (debug) lines(message, dim('debug: '));
    },
    group: (title, work) =>
      screen.phase(`${prefix ? `${prefix} ` : ''}${terminalSafe(title).replace(/\n/g, ' ')}`, work),
    branch: (name) => view(screen, `${prefix}[${terminalSafe(name)}]`, debug),
    secret: () => undefined,
  };
}
