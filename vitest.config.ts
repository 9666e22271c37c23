import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

/** Tests that measure the heap: each in a fresh worker, where nothing else has allocated. */
const HEAP_TESTS = ['test/reliability/leaks.e2e.test.ts', 'test/e2e/close.e2e.test.ts'];

const src = (path: string) => fileURLToPath(new URL(`./src/${path}`, import.meta.url));

export default defineConfig({
  resolve: {
    alias: [
      { find: /^sequence-apis\/testing\/msw$/, replacement: src('testing/msw.ts') },
      { find: /^sequence-apis\/(close|whippy|clarion|testing|pull|sync|redis|webhooks)$/, replacement: src('$1/index.ts') },
      { find: /^sequence-apis$/, replacement: src('index.ts') },
    ],
  },
  test: {
    // Provisions and starts the real servers the suite shares (redis-server, PostgreSQL), once per run.
    globalSetup: ['test/setup/services.ts'],
    setupFiles: ['test/setup/canary-console.ts', 'test/setup/fast-backoff.ts'],
    testTimeout: 20_000,
    // One worker per core: vitest's default (cores - 1) runs the files one at a time on a 2-core
    // machine, where most of the slow files spend their time waiting on sockets and child processes.
    maxWorkers: '100%',
    projects: [
      {
        extends: true,
        test: {
          name: 'shared',
          include: ['test/**/*.test.ts'],
          exclude: HEAP_TESTS,
          // Files share their worker instead of each paying a fresh one (spawn, imports, transforms):
          // 83 s -> 49 s on 2 cores. The setup files are written for it (the console is wrapped once
          // per worker), and tests restore what they change (timers, env, the fakes they start).
          isolate: false,
        },
      },
      {
        extends: true,
        // The heap measurements get a worker of their own: another file's leftovers would count.
        test: { name: 'heap', include: HEAP_TESTS, isolate: true },
      },
    ],
  },
});
