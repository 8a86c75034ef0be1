import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, expect, test } from 'vitest';
import { writeJobSummary } from '../../../src/report/write-summary.js';

const saved = process.env.GITHUB_STEP_SUMMARY;
const dir = mkdtempSync(join(tmpdir(), 'summary-'));
afterEach(() => {
  if (saved === undefined) delete process.env.GITHUB_STEP_SUMMARY;
  else process.env.GITHUB_STEP_SUMMARY = saved;
});

test('appends the Markdown to the step summary file', async () => {
  const file = join(dir, 'summary.md');
  writeFileSync(file, 'earlier\n');
  process.env.GITHUB_STEP_SUMMARY = file;
  await writeJobSummary('### hello\n');
  expect(readFileSync(file, 'utf8')).toBe('earlier\n### hello\n\n');
  rmSync(dir, { recursive: true, force: true });
});

test('without GITHUB_STEP_SUMMARY (local run) it does nothing', async () => {
  delete process.env.GITHUB_STEP_SUMMARY;
  await expect(writeJobSummary('x')).resolves.toBeUndefined();
});
