import { provision, type Requirement } from '../setup/provision.ts';
import { freePort, spawnTied, waitForPort, type TiedProcess } from '../setup/tied-process.ts';

/** What the Redis tests need: Debian's redis-server, or the one `REDIS_SERVER` points at. */
export const REDIS: Requirement = {
  neededBy: 'the Redis tests',
  binaries: [{ name: 'redis-server', env: 'REDIS_SERVER' }],
  aptPackage: 'redis-server',
};

/** A real redis-server of the test's own, on a free loopback port. */
export interface TestRedis {
  port: number;
  url: string;
  /** Stops the server (SIGKILL: no goodbye to clients, like a crash). */
  kill(): Promise<void>;
  /** Starts it again on the same port (empty: no persistence). */
  restart(): Promise<void>;
  /** SIGSTOP: the server keeps its connections but answers nothing. */
  pause(): void;
  /** SIGCONT. */
  resume(): void;
  stop(): Promise<void>;
}

/** Starts redis-server on `port` (no persistence), tied to this process; resolves once it listens. */
export async function launchRedis(binary: string, port: number): Promise<TiedProcess> {
  const args = ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no', '--daemonize', 'no'];
  const server = await spawnTied(binary, args);
  await waitForPort(port, server, 'redis-server').catch(async (error: unknown) => {
    await server.kill();
    throw error;
  });
  return server;
}

/**
 * Starts a redis-server of the test's own on a free loopback port, for tests that kill, pause or
 * restart it. The binary is the one the global setup resolved (it sets `REDIS_SERVER`); outside
 * vitest (the benchmarks) it is found, or installed, the same way.
 */
export async function startRedis(): Promise<TestRedis> {
  const binary = provision(REDIS)['redis-server']!;
  const port = await freePort();
  let server = await launchRedis(binary, port);
  return {
    port,
    url: `redis://127.0.0.1:${port}`,
    kill: () => server.kill(),
    async restart() {
      await server.kill();
      server = await launchRedis(binary, port);
    },
    pause: () => server.signal('SIGSTOP'),
    resume: () => server.signal('SIGCONT'),
    stop: () => server.kill(),
  };
}
