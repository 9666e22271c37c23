import { defineConfig } from 'tsup';

export default defineConfig({
  entry: {
    index: 'src/index.ts',
    'close/index': 'src/close/index.ts',
    'whippy/index': 'src/whippy/index.ts',
    'clarion/index': 'src/clarion/index.ts',
    'testing/index': 'src/testing/index.ts',
  },
  format: ['esm', 'cjs'],
  dts: true,
  // One shared copy of the core per format, so `instanceof` holds across entry points.
  splitting: true,
  treeshake: true,
  sourcemap: true,
  clean: true,
  target: 'es2022',
  platform: 'neutral',
  // ky is ESM-only; bundling it keeps the CJS build working on Node 22.0-22.11 (no require(esm) there).
  noExternal: ['ky'],
  external: ['zod', 'msw', 'node:http'],
});
