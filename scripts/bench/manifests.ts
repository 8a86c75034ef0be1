/**
 * Benchmark: reading and parsing hostile and extreme manifests (the PR side), each case in a
 * fresh process so its peak memory is its own. Shows that what the limits refuse is refused
 * quickly, and what they still accept (the most one side may hold) stays bounded.
 * Run: npm run bench -- --manifests
 * The last line is machine-readable: {"<case>": {"seconds": ..., "maxRssMb": ..., "outcome": ...}}
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { parseArgs } from 'node:util';
import { loadManifests } from '../../src/manifests/files.js';
import { MANIFEST_LIMITS } from '../../src/manifests/limits.js';
import { workspaceSource } from '../../src/manifests/workspace-source.js';

const MiB = 1024 * 1024;
/** Each case runs in a fresh process of the bench itself, so its peak memory is its own. */
const BENCH_ENTRY = path.join(import.meta.dirname, '..', 'bench.ts');

/** One ConfigMap per document, about 200 bytes each, up to `bytes`. */
function manyDocuments(bytes: number): string {
  const parts: string[] = [];
  let size = 0;
  for (let i = 0; size < bytes - 300; i++) {
    const doc = `apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: c${i}\ndata:\n  key: "${'x'.repeat(100)}"\n---\n`;
    parts.push(doc);
    size += doc.length;
  }
  return parts.join('');
}

/** One ConfigMap whose data map has as many keys as fit in `bytes`. */
function oneBigMap(bytes: number): string {
  const lines = ['apiVersion: v1', 'kind: ConfigMap', 'metadata:', '  name: big', 'data:'];
  let size = 60;
  for (let i = 0; size < bytes - 100; i++) {
    const line = `  k${i}: "${'y'.repeat(60)}"`;
    lines.push(line);
    size += line.length + 1;
  }
  return `${lines.join('\n')}\n`;
}

function billionLaughs(): string {
  const levels = ['l0: &l0 [lol, lol, lol, lol, lol, lol, lol, lol, lol]'];
  for (let i = 1; i < 10; i++)
    levels.push(
      `l${i}: &l${i} [${Array(9)
        .fill(`*l${i - 1}`)
        .join(', ')}]`,
    );
  return `apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: lol\ndata:\n  ${levels.join('\n  ')}\n`;
}

const CASES: Record<string, { note: string; files: () => Record<string, string> }> = {
  'file-10MB': {
    note: 'one 10 MB file (refused by size before it is read)',
    files: () => ({ 'big.yaml': `data:\n${'  k: v\n'.repeat((10 * 1000 * 1000) / 7)}` }),
  },
  'billion-laughs': {
    note: 'a billion-laughs file (refused at the alias limit)',
    files: () => ({ 'lol.yaml': billionLaughs() }),
  },
  'nested-1MiB': {
    note: '1 MiB of nested flow sequences (refused at the flow nesting limit)',
    files: () => ({ 'deep.yaml': `x: ${'['.repeat(MiB / 2 - 8)}${']'.repeat(MiB / 2 - 8)}\n` }),
  },
  'map-1MiB': {
    note: 'one 1 MiB file: a map of ~14,000 keys (accepted)',
    files: () => ({ 'map.yaml': oneBigMap(MANIFEST_LIMITS.fileBytes) }),
  },
  'json-1MiB': {
    note: 'one 1 MiB file in flow (JSON) style, the slowest style to parse (accepted)',
    files: () => ({
      'list.yaml':
        `{"apiVersion": "v1", "kind": "List", "metadata": {"name": "l"}, "items": [\n${Array(
          Math.floor(MANIFEST_LIMITS.fileBytes / 60),
        )
          .fill('{"kind": "ConfigMap", "data": {"a": [1, 2, {"b": "c"}]}}')
          .join(',\n')}]}\n`.slice(0, MANIFEST_LIMITS.fileBytes),
    }),
  },
  'docs-at-total': {
    note: 'files of 1 MiB up to the total, ~5,000 documents each (accepted: the most one side may hold)',
    files: () =>
      Object.fromEntries(
        Array.from({ length: MANIFEST_LIMITS.totalBytes / MANIFEST_LIMITS.fileBytes }, (_, i) => [
          `f${i}.yaml`,
          manyDocuments(MANIFEST_LIMITS.fileBytes),
        ]),
      ),
  },
  'over-total': {
    note: 'one file of 1 MiB more than the total allows (refused before the last is read)',
    files: () =>
      Object.fromEntries(
        Array.from(
          { length: MANIFEST_LIMITS.totalBytes / MANIFEST_LIMITS.fileBytes + 1 },
          (_, i) => [`f${i}.yaml`, manyDocuments(MANIFEST_LIMITS.fileBytes)],
        ),
      ),
  },
};

interface Measured {
  seconds: number;
  maxRssMb: number;
  outcome: string;
}

/** Runs one case in this process: lays out the files, then reads and parses them. */
async function runCase(name: string): Promise<Measured> {
  const workspace = mkdtempSync(path.join(os.tmpdir(), 'ka-bench-'));
  try {
    const spec = CASES[name];
    if (!spec) throw new Error(`no case ${name}`);
    mkdirSync(path.join(workspace, 'knative'));
    for (const [file, text] of Object.entries(spec.files()))
      writeFileSync(path.join(workspace, 'knative', file), text);
    const started = performance.now();
    let outcome: string;
    try {
      const documents = await loadManifests(workspaceSource(workspace, 'knative'));
      outcome = `accepted: ${documents?.length ?? 0} documents`;
    } catch (error) {
      outcome = `refused: ${(error as Error).message.slice(0, 90)}`;
    }
    const seconds = (performance.now() - started) / 1000;
    return { seconds, maxRssMb: process.resourceUsage().maxRSS / 1024, outcome };
  } finally {
    rmSync(workspace, { recursive: true, force: true });
  }
}

export async function runManifestBench(args: string[]): Promise<void> {
  const { values } = parseArgs({ args, options: { case: { type: 'string' } } });
  if (values.case) {
    console.log(JSON.stringify(await runCase(values.case)));
    return;
  }
  const results: Record<string, Measured> = {};
  console.log(
    `Manifest limits: ${MANIFEST_LIMITS.fileBytes / MiB} MiB a file, ${MANIFEST_LIMITS.totalBytes / MiB} MiB in all, ${MANIFEST_LIMITS.aliases} aliases\n`,
  );
  console.log(`${'case'.padEnd(16)} ${'seconds'.padStart(8)} ${'max RSS'.padStart(9)}  outcome`);
  for (const [name, spec] of Object.entries(CASES)) {
    const output = execFileSync(
      process.execPath,
      ['--import', 'tsx', BENCH_ENTRY, '--manifests', '--case', name],
      { encoding: 'utf8', maxBuffer: 16 * MiB },
    );
    const measured = JSON.parse(output.trim().split('\n').pop() ?? '{}') as Measured;
    results[name] = measured;
    console.log(
      `${name.padEnd(16)} ${measured.seconds.toFixed(2).padStart(8)} ${`${measured.maxRssMb.toFixed(0)} MB`.padStart(9)}  ${spec.note}\n${' '.repeat(37)}${measured.outcome}`,
    );
  }
  console.log(
    JSON.stringify(
      Object.fromEntries(
        Object.entries(results).map(([name, m]) => [
          name,
          {
            seconds: Number(m.seconds.toFixed(2)),
            maxRssMb: Math.round(m.maxRssMb),
            outcome: m.outcome.split(':')[0],
          },
        ]),
      ),
    ),
  );
}
