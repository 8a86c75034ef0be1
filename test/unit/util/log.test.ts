import { afterEach, describe, expect, it, vi } from 'vitest';
import { createActionsLog, inertText } from '../../../src/util/log.js';

describe('inertText', () => {
  it('leaves plain text alone', () => {
    expect(inertText('Deploying hello: 50% to the PR')).toBe('Deploying hello: 50% to the PR');
  });

  it('wraps text holding a workflow command in a stop-commands block with a fresh token', () => {
    const text = 'env:\n  - value: "x"\n::save-state name=cluster::{"clusterName":"evil"}';
    const wrapped = inertText(text, () => 'tok123');
    const lines = wrapped.split('\n');
    expect(lines[0]).toBe('::stop-commands::tok123');
    expect(lines.at(-1)).toBe('::tok123::');
    expect(lines.slice(1, -1).join('\n')).toBe(text);
    // The runner's legacy form is obeyed anywhere in a line (actions/runner ActionCommand.TryParse).
    expect(inertText('x ##[set-output name=a]b', () => 't')).toBe(
      '::stop-commands::t\nx ##[set-output name=a]b\n::t::',
    );
    // Two blocks never share a token, so text cannot guess it and end the block early.
    expect(inertText('::x::')).not.toBe(inertText('::x::'));
  });
});

describe('createActionsLog', () => {
  const written: string[] = [];
  afterEach(() => {
    written.length = 0;
    vi.restoreAllMocks();
  });
  const capture = () =>
    vi.spyOn(process.stdout, 'write').mockImplementation((chunk) => {
      written.push(String(chunk));
      return true;
    });

  it('prints untrusted lines so the runner reads no command in them', () => {
    capture();
    createActionsLog().info('::add-mask::oops\n::set-output name=url::http://evil');
    const out = written.join('');
    const token = /^::stop-commands::([0-9a-f]{32})$/m.exec(out)?.[1];
    expect(token).toBeDefined();
    // Every line that starts with :: is inside the block, except the block's own markers.
    const lines = out.split('\n');
    const start = lines.indexOf(`::stop-commands::${token}`);
    const end = lines.indexOf(`::${token}::`);
    expect(start).toBeGreaterThanOrEqual(0);
    expect(end).toBeGreaterThan(start);
    lines.forEach((line, index) => {
      if (line.startsWith('::') && index !== start && index !== end) {
        expect(index).toBeGreaterThan(start);
        expect(index).toBeLessThan(end);
      }
    });
  });

  it('prefixes every line of a concurrent branch, and its groups are headings, not ::group::', async () => {
    capture();
    const branch = createActionsLog().branch('images');
    await branch.group('Build app', async () => branch.info('step 1\nstep 2'));
    const out = written.join('');
    expect(out).toContain('[images] ── Build app');
    expect(out).toContain('[images] step 1\n[images] step 2');
    expect(out).not.toContain('::group::');
  });
});
