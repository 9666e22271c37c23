// Child process of the README check (bundled by esbuild): runs each README block, one after the
// other, against fresh fakes, with the clients pointed at them by the environment variables they
// read. Usage: node readme-runner.js <results.json> <block.js>...
import { writeFileSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import { startFakeServer } from '../../src/testing/index.js';

/** Longest a block may take; the blocks make a handful of local calls each. */
const BLOCK_TIMEOUT_MS = 5_000;

const [resultsFile, ...files] = process.argv.slice(2);
const results: Record<string, string | null> = {};

async function runBlock(file: string): Promise<void> {
  // A fresh server per block: no block sees what another created, deleted or switched on.
  await using server = await startFakeServer();
  Object.assign(process.env, {
    CLOSE_BASE_URL: server.close.baseUrl,
    WHIPPY_BASE_URL: server.whippy.baseUrl,
    CLARION_BASE_URL: server.clarion.baseUrl,
    CLOSE_API_KEY: 'test_close_key',
    WHIPPY_API_KEY: 'test_whippy_key',
    CLARION_API_KEY: 'test_clarion_token',
  });
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`did not finish within ${BLOCK_TIMEOUT_MS} ms`)), BLOCK_TIMEOUT_MS);
  });
  try {
    await Promise.race([import(pathToFileURL(file).href), timeout]);
  } finally {
    clearTimeout(timer);
  }
}

for (const file of files) {
  try {
    await runBlock(file);
    results[file] = null;
  } catch (error) {
    results[file] = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
  }
}
writeFileSync(resultsFile!, JSON.stringify(results));
// A block may leave a handle open (an msw server it did not close): the results are written.
process.exit(0);
