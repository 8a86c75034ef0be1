import type { Log } from '../../src/util/log.js';

/** A Log that keeps its lines (info, warnings and errors prefixed) for assertions. */
export function memoryLog(lines: string[] = [], prefix = ''): Log & { lines: string[] } {
  const self: Log & { lines: string[] } = {
    lines,
    info: (message) => lines.push(`${prefix}${message}`),
    warning: (message) => lines.push(`${prefix}warning: ${message}`),
    error: (message) => lines.push(`${prefix}error: ${message}`),
    debug: () => undefined,
    group: async (title, work) => {
      lines.push(`${prefix}group: ${title}`);
      return work();
    },
    branch: (name) => memoryLog(lines, `${prefix}[${name}] `),
    secret: () => undefined,
  };
  return self;
}
