import { parse } from 'yaml';

interface ActionYaml {
  inputs: Record<string, { description: string; default?: string }>;
  outputs: Record<string, { description: string }>;
}

export const TABLE_START =
  '<!-- action-table:start (generated from action.yml by `npm run docs`) -->';
export const TABLE_END = '<!-- action-table:end -->';

const cell = (text: string): string => text.replace(/\|/g, '\\|').replace(/\n/g, ' ').trim();

/** The README's inputs and outputs tables, rendered from action.yml. */
export function renderActionTable(actionYml: string): string {
  const action = parse(actionYml) as ActionYaml;
  const lines = ['| Input | Default | Description |', '| --- | --- | --- |'];
  for (const [name, input] of Object.entries(action.inputs)) {
    const fallback =
      input.default === undefined || input.default === '' ? '(empty)' : `\`${input.default}\``;
    lines.push(`| \`${name}\` | ${fallback} | ${cell(input.description)} |`);
  }
  lines.push('', '| Output | Description |', '| --- | --- |');
  for (const [name, output] of Object.entries(action.outputs))
    lines.push(`| \`${name}\` | ${cell(output.description)} |`);
  return lines.join('\n');
}

/** README text with the generated block replaced. */
export function withActionTable(readme: string, actionYml: string): string {
  const start = readme.indexOf(TABLE_START);
  const end = readme.indexOf(TABLE_END);
  if (start < 0 || end < start)
    throw new Error(`README.md lacks the ${TABLE_START} ... ${TABLE_END} block`);
  return `${readme.slice(0, start + TABLE_START.length)}\n\n${renderActionTable(actionYml)}\n\n${readme.slice(end)}`;
}
