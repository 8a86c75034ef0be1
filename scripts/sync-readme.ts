// Regenerates README.md's inputs/outputs tables from action.yml.
import { readFileSync, writeFileSync } from 'node:fs';
import { withActionTable } from './lib/action-table.js';

const readme = readFileSync('README.md', 'utf8');
const updated = withActionTable(readme, readFileSync('action.yml', 'utf8'));
if (updated !== readme) writeFileSync('README.md', updated);
console.log(
  updated === readme
    ? 'README.md tables are up to date'
    : 'README.md tables updated from action.yml',
);
