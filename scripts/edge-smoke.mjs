// The runtime smoke (scripts/runtime-smoke.mjs) inside Vercel's edge-runtime (the `edge-runtime`
// npm package: the Edge primitives in a V8 context with code generation from strings disabled).
// The smoke and the built package it imports are bundled into one script first, as an edge
// deployment bundles them; the fakes' URLs come in SEQUENCE_SDK_FAKES, as for the other runtimes.
import { build } from 'esbuild';
import { EdgeRuntime } from 'edge-runtime';

const smoke = new URL('./runtime-smoke.mjs', import.meta.url).pathname;
const { outputFiles } = await build({
  entryPoints: [smoke],
  bundle: true,
  format: 'esm',
  platform: 'browser',
  target: 'es2022',
  write: false,
  logLevel: 'silent',
});
const runtime = new EdgeRuntime({
  initialCode: `globalThis.SEQUENCE_SDK_FAKES = ${JSON.stringify(process.env.SEQUENCE_SDK_FAKES ?? '{}')};`,
});
// The bundle has no import or export left, so its top-level awaits run as the body of an async function.
await runtime.evaluate(`(async () => {\n${outputFiles[0].text}\n})()`);
