import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { TABLE_END, TABLE_START, withActionTable } from '../../../scripts/lib/action-table.js';
import { INPUT_DEFAULTS } from '../../../src/config/inputs.js';
import { repoRoot } from '../../helpers/run-action.js';

const actionYml = readFileSync(path.join(repoRoot, 'action.yml'), 'utf8');
const readme = readFileSync(path.join(repoRoot, 'README.md'), 'utf8');

describe('docs match action.yml', () => {
  it("README's inputs/outputs tables equal action.yml (run `npm run docs` to regenerate)", () => {
    // Compared cell by cell: prettier may re-pad the columns.
    const rows = (text: string) =>
      text
        .slice(text.indexOf(TABLE_START), text.indexOf(TABLE_END))
        .split('\n')
        .filter((line) => line.startsWith('|') && !/^\|[\s|:-]+\|$/.test(line))
        .map((line) => line.split(/(?<!\\)\|/).map((cell) => cell.trim()));
    expect(rows(readme)).toEqual(rows(withActionTable(readme, actionYml)));
    expect(rows(readme).length).toBeGreaterThan(20);
  });
  it("the code's defaults equal action.yml's", () => {
    const inputs = (parse(actionYml) as { inputs: Record<string, { default?: string }> }).inputs;
    for (const [name, value] of Object.entries(INPUT_DEFAULTS))
      expect(inputs[name]?.default, name).toBe(value);
  });
  it('declares the fixed inputs and outputs of DESIGN.md, on node24 with a post step', () => {
    const action = parse(actionYml) as {
      inputs: object;
      outputs: object;
      runs: Record<string, string>;
    };
    for (const name of ['github-token', 'manifests', 'label-prefix', 'requests', 'dry-run'])
      expect(Object.keys(action.inputs)).toContain(name);
    for (const name of ['traffic', 'revisions', 'url', 'report'])
      expect(Object.keys(action.outputs)).toContain(name);
    expect(action.runs).toEqual({ using: 'node24', main: 'dist/index.js', post: 'dist/post.js' });
  });
});
