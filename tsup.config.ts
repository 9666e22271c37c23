import { defineConfig } from 'tsup';

export default defineConfig([
  {
    entry: {
      index: 'src/index.ts',
      'close/index': 'src/close/index.ts',
      'whippy/index': 'src/whippy/index.ts',
      'clarion/index': 'src/clarion/index.ts',
      'testing/index': 'src/testing/index.ts',
      'testing/msw': 'src/testing/msw.ts',
      // Node only (node:fs, node:sqlite), but built with the rest so it shares the one core.
      'pull/index': 'src/pull/index.ts',
      'sync/index': 'src/sync/index.ts',
      'redis/index': 'src/redis/index.ts',
      // Neutral (Web handler); its SQLite store imports node:sqlite only when first used.
      'webhooks/index': 'src/webhooks/index.ts',
    },
    format: ['esm', 'cjs'],
    dts: true,
    // One shared copy of the core per format, so `instanceof` holds across entry points.
    splitting: true,
    treeshake: true,
    // No source maps: they pointed at src/, which is not shipped, and were three quarters of the tarball.
    sourcemap: false,
    clean: true,
    target: 'es2022',
    platform: 'neutral',
    // Bundled: ky is ESM-only (bundling keeps the CJS build working on Node 22.0-22.11, which has no
    // require(esm)), and zod/mini loads as some forty files; bundled, only what the models use loads,
    // as one chunk (cold start). zod stays a dependency for the types in the .d.ts files.
    noExternal: ['ky', 'zod'],
    external: ['msw', 'node:http', /^node:/, /^csv-stringify/],
    // Keep `node:`: `node:sqlite` exists only under that name (tsup would turn it into `sqlite`).
    removeNodeProtocol: false,
  },
  {
    // The `sequence-apis` command (Node only).
    entry: { cli: 'src/cli/bin.ts' },
    format: ['esm'],
    target: 'node22',
    platform: 'node',
    sourcemap: false,
    banner: { js: '#!/usr/bin/env node' },
    // Minified: the command is run, not read or imported, and it was two thirds of the tarball.
    minify: true,
    removeNodeProtocol: false,
    noExternal: ['ky', 'zod'],
    // ioredis and redis: optional, loaded only for `--redis`.
    external: ['msw', 'commander', 'csv-stringify', 'cli-progress', 'ioredis', 'redis'],
  },
]);
