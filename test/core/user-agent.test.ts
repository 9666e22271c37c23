import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { EdgeRuntime } from 'edge-runtime';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CloseClient } from '../../src/close/index.js';
import { InvalidRequestError } from '../../src/index.js';
import { runtimeTag } from '../../src/core/user-agent.js';
import { SDK_VERSION } from '../../src/core/version.js';
import { startFakeServer, type FakeServer } from '../../src/testing/index.js';
import { WhippyClient } from '../../src/whippy/index.js';
import { ClarionClient } from '../../src/clarion/index.js';

const pkg = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string };
const ours = `sequence-apis/${pkg.version} (node/${process.versions.node})`;

let server: FakeServer;
beforeAll(async () => {
  server = await startFakeServer();
});
afterAll(() => server.stop());

/** The User-Agent the Close fake saw on its latest request (over a real socket). */
function lastUserAgent(): string | undefined {
  return server.close.fake.requests.at(-1)?.headers['user-agent'];
}

const close = (options: ConstructorParameters<typeof CloseClient>[0] = {}) =>
  new CloseClient({ baseUrl: server.close.baseUrl, apiKey: 'test_close_key', logLevel: 'off', ...options });

describe('User-Agent', () => {
  it('names the SDK, its version (package.json, built in) and the runtime on every request', async () => {
    expect(SDK_VERSION).toBe(pkg.version);
    await close().sequences.list().toArray({ limit: 1 });
    expect(lastUserAgent()).toBe(ours);
    await new WhippyClient({ baseUrl: server.whippy.baseUrl, apiKey: 'test_whippy_key', logLevel: 'off' }).sequences
      .list()
      .toArray({ limit: 1 });
    expect(server.whippy.fake.requests.at(-1)?.headers['user-agent']).toBe(ours);
    await new ClarionClient({ baseUrl: server.clarion.baseUrl, apiKey: 'test_clarion_token', logLevel: 'off' }).sequences
      .list()
      .toArray({ limit: 1 });
    expect(server.clarion.fake.requests.at(-1)?.headers['user-agent']).toBe(ours);
  });

  it("appends the caller's appInfo after the SDK's, as stripe-node does", async () => {
    await close({ appInfo: { name: 'MyApp', version: '1.2.3' } })
      .sequences.list()
      .toArray({ limit: 1 });
    expect(lastUserAgent()).toBe(`${ours} MyApp/1.2.3`);
  });

  it("lets the caller's own User-Agent win, in the client's headers or a call's, whatever its case", async () => {
    await close({ headers: { 'User-Agent': 'mine/1' } })
      .sequences.list()
      .toArray({ limit: 1 });
    expect(lastUserAgent()).toBe('mine/1');
    await close({ appInfo: { name: 'MyApp', version: '1' } })
      .sequences.list({}, { headers: { 'USER-AGENT': 'call/2' } })
      .toArray({ limit: 1 });
    expect(lastUserAgent()).toBe('call/2');
  });

  it('refuses an appInfo that would break the header, before any request', () => {
    for (const appInfo of [
      { name: 'My App', version: '1' },
      { name: 'a/b', version: '1' },
      { name: 'ok', version: '' },
      { name: 'x', version: '1\r\nx: y' },
    ]) {
      expect(() => close({ appInfo })).toThrow(InvalidRequestError);
    }
  });

  it('knows Node, Bun and Deno, and sets nothing in browsers, edge runtimes or a runtime it does not know', () => {
    expect(runtimeTag({ process: { versions: { node: '24.1.0' } } })).toBe('node/24.1.0');
    expect(runtimeTag({ Bun: { version: '1.2.0' }, process: { versions: { node: '24.3.0' } } })).toBe('bun/1.2.0');
    expect(runtimeTag({ Deno: { version: { deno: '2.4.0' } }, process: { versions: { node: '24.2.0' } } })).toBe('deno/2.4.0');
    expect(runtimeTag({ EdgeRuntime: 'edge-runtime' })).toBeUndefined();
    expect(runtimeTag({ document: {}, process: { versions: { node: '24.1.0' } } })).toBeUndefined();
    expect(runtimeTag({})).toBeUndefined();
  });

  it("sends no User-Agent of its own inside Vercel's edge-runtime", async () => {
    const entry = fileURLToPath(new URL('../../src/close/index.ts', import.meta.url));
    const { outputFiles } = await build({
      stdin: {
        contents: `import { CloseClient } from ${JSON.stringify(entry)};
          const close = new CloseClient({ baseUrl: globalThis.FAKE, apiKey: 'test_close_key', logLevel: 'off' });
          await close.sequences.list().toArray({ limit: 1 });`,
        resolveDir: process.cwd(),
      },
      bundle: true,
      format: 'esm',
      platform: 'browser',
      target: 'es2022',
      write: false,
      logLevel: 'silent',
    });
    const runtime = new EdgeRuntime({ initialCode: `globalThis.FAKE = ${JSON.stringify(server.close.baseUrl)};` });
    const before = server.close.fake.requestCount;
    await runtime.evaluate(`(async () => {\n${outputFiles[0]!.text}\n})()`);
    expect(server.close.fake.requestCount).toBe(before + 1);
    expect(lastUserAgent() ?? '').not.toMatch(/^sequence-apis\//);
  });
});
