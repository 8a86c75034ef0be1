// Bundles the action's two entry points into dist/ as ESM, deterministically, so
// dist/ can be compared byte for byte with a fresh build in CI.
import { rmSync } from 'node:fs';
import { build } from 'esbuild';

// Some bundled CommonJS dependencies call require() for Node built-ins; an ESM bundle
// needs a require of its own for that.
const banner =
  "import { createRequire as __createRequire } from 'node:module';\nconst require = __createRequire(import.meta.url);";

// Start empty: chunk names carry content hashes, so old chunks would otherwise pile up.
rmSync('dist', { recursive: true, force: true });

await build({
  entryPoints: { index: 'src/main.ts', post: 'src/post.ts' },
  outdir: 'dist',
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'esm',
  splitting: true,
  chunkNames: 'chunks/[name]-[hash]',
  banner: { js: banner },
  legalComments: 'none',
  logLevel: 'warning',
});
