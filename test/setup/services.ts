// vitest globalSetup: provisions and starts, once per run, every real server the suite shares, on
// loopback ports of its choosing; tests read their addresses with `inject(...)`. Stopped at the end;
// on Ctrl-C, SIGTERM or a crash each server dies with this process (test/setup/tied-process.ts).
// A missing binary is installed from Debian when this process may (root or passwordless sudo),
// else the run stops at once with one line saying what to run (test/setup/provision.ts).
import type { TestProject } from 'vitest/node';
import { launchPostgres, POSTGRES } from '../helpers/postgres.js';
import { launchRedis, REDIS } from '../helpers/redis.js';
import { provision, ProvisionError, type Requirement } from './provision.js';
import { freePort } from './tied-process.js';

declare module 'vitest' {
  export interface ProvidedContext {
    /** The shared redis-server: `redis://127.0.0.1:<port>`. */
    redisUrl: string;
    /** The shared PostgreSQL's superuser: `postgres://postgres:…@127.0.0.1:<port>/postgres`. */
    postgresUrl: string;
  }
}

/** A server the suite shares: what it needs installed, and how to start it. */
interface Service {
  requirement: Requirement;
  /** Starts it with the resolved binaries; returns what tests inject and how to stop it. */
  start(binaries: Record<string, string>, project: TestProject): Promise<() => Promise<void>>;
}

// One row per service.
const SERVICES: Service[] = [
  {
    requirement: REDIS,
    async start(binaries, project) {
      const binary = binaries['redis-server']!;
      // Tests that start a server of their own (to kill or pause it) use the same binary.
      process.env.REDIS_SERVER = binary;
      const port = await freePort();
      const server = await launchRedis(binary, port);
      project.provide('redisUrl', `redis://127.0.0.1:${port}`);
      return () => server.kill();
    },
  },
  {
    // The sync tests' database: initdb in a temporary directory (as user postgres when root).
    requirement: POSTGRES,
    async start(binaries, project) {
      const server = await launchPostgres(binaries);
      project.provide('postgresUrl', server.url);
      return () => server.stop();
    },
  },
];

/** Provisions every service first (so a missing one fails before anything starts), then starts them. */
export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const binaries = SERVICES.map((service) => provisionOrExit(service.requirement));
  const stops: (() => Promise<void>)[] = [];
  const stopAll = async () => void (await Promise.all(stops.splice(0).map((stop) => stop())));
  try {
    for (const [index, service] of SERVICES.entries()) stops.push(await service.start(binaries[index]!, project));
  } catch (error) {
    await stopAll();
    throw error;
  }
  return stopAll;
}

function provisionOrExit(requirement: Requirement): Record<string, string> {
  try {
    return provision(requirement);
  } catch (error) {
    if (!(error instanceof ProvisionError)) throw error;
    // One line, not vitest's stack trace: the message is the whole story (the command to run).
    process.stderr.write(`\n${error.message}\n\n`);
    process.exit(1);
  }
}
