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
  external: ['ky', 'zod', 'msw', 'node:http', 'node:events'],
});
