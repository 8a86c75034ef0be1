// Bundles the action's two entry points and the command line into dist/ as ESM,
// deterministically, so dist/ can be compared byte for byte with a fresh build in CI.
// Everything is bundled: the package needs nothing from node_modules at run time.
import { chmodSync, rmSync } from 'node:fs';
import { build } from 'esbuild';

// Some bundled CommonJS dependencies call require() for Node built-ins; an ESM bundle
// needs a require of its own for that.
const banner =
  "import { createRequire as __createRequire } from 'node:module';\nconst require = __createRequire(import.meta.url);";

// Start empty: chunk names carry content hashes, so old chunks would otherwise pile up.
rmSync('dist', { recursive: true, force: true });

await build({
  // cli.js keeps src/cli/bin.ts's #!/usr/bin/env node line (esbuild puts it before the banner).
  entryPoints: { index: 'src/main.ts', post: 'src/post.ts', cli: 'src/cli/bin.ts' },
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

// The package's bin (npm sets the mode when installing; git keeps it for clones).
chmodSync('dist/cli.js', 0o755);
