// A real PostgreSQL for the sync tests and the benchmark: initdb in a temporary directory (as user
// `postgres` when we are root: initdb refuses root), then `postgres` on a free loopback port with
// its socket in that directory, tied to this process (test/setup/tied-process.ts). Small and
// unsafe on purpose: fsync off, 16 MB of shared buffers; the directory is removed on stop.
import { execFileSync, spawnSync } from 'node:child_process';
import { chownSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { provision, type Requirement } from '../setup/provision.ts';
import { freePort, spawnTied, waitForPort, type TiedProcess } from '../setup/tied-process.ts';

/** What the PostgreSQL tests need: `postgres` and `initdb` from PATH, Debian's folder, or the variables. */
export const POSTGRES: Requirement = {
  neededBy: 'the PostgreSQL sync tests',
  binaries: [
    { name: 'postgres', env: 'POSTGRES_BIN' },
    { name: 'initdb', env: 'INITDB_BIN' },
  ],
  aptPackage: 'postgresql',
  extraDirs: () => {
    try {
      return readdirSync('/usr/lib/postgresql').map((version) => `/usr/lib/postgresql/${version}/bin`);
    } catch {
      return [];
    }
  },
};

/** The superuser's password in every test server (host logins use scram-sha-256). */
export const TEST_PASSWORD = 'test-postgres-password';

/** A running test server. */
export interface TestPostgres {
  port: number;
  /** The superuser's URL: `postgres://postgres:…@127.0.0.1:<port>/postgres`. */
  url: string;
  /** Stops the server (SIGKILL) and removes its directory. */
  stop(): Promise<void>;
}

/** The user initdb and postgres run as: ourselves, or `postgres` (else `nobody`) when we are root. */
function runAs(): { uid: number; gid: number } | undefined {
  if (process.getuid?.() !== 0) return undefined;
  for (const user of ['postgres', 'nobody']) {
    const found = spawnSync('id', ['-u', user], { encoding: 'utf8' });
    if (found.status !== 0) continue;
    const gid = execFileSync('id', ['-g', user], { encoding: 'utf8' });
    return { uid: Number(found.stdout), gid: Number(gid) };
  }
  throw new Error('running as root, and there is no user postgres (nor nobody) for initdb: create one');
}

function initdb(binary: string, data: string, dir: string, user: { uid: number; gid: number } | undefined): void {
  const pwfile = join(dir, 'pwfile');
  writeFileSync(pwfile, `${TEST_PASSWORD}\n`);
  if (user) for (const path of [dir, pwfile]) chownSync(path, user.uid, user.gid);
  const args = ['-D', data, '-U', 'postgres', `--pwfile=${pwfile}`, '--auth-host=scram-sha-256', '--auth-local=trust', '-E', 'UTF8'];
  const result = spawnSync(binary, [...args, '--no-sync', '--no-instructions'], { encoding: 'utf8', ...user, cwd: dir });
  if (result.status !== 0) throw new Error(`initdb failed: ${`${result.stdout}${result.stderr}`.trim().split('\n').slice(-3).join(' | ')}`);
}

/** Waits until the server answers a query (it listens a moment before it accepts logins). */
async function ready(url: string, server: TiedProcess): Promise<void> {
  for (let attempt = 0; attempt < 200; attempt++) {
    if (server.exited) throw new Error(`postgres exited: ${server.stderr().trim()}`);
    const client = new pg.Client({ connectionString: url });
    client.on('error', () => undefined);
    try {
      await client.connect();
      await client.query('SELECT 1');
      return;
    } catch {
      await new Promise((resolve) => setTimeout(resolve, 50));
    } finally {
      await client.end().catch(() => undefined);
    }
  }
  throw new Error('postgres never accepted a login');
}

/** initdb + postgres with the resolved binaries; resolves once it accepts logins. */
export async function launchPostgres(binaries: Record<string, string>): Promise<TestPostgres> {
  const dir = mkdtempSync(join(tmpdir(), 'sequence-apis-pg-'));
  const data = join(dir, 'data');
  const user = runAs();
  const remove = () => rmSync(dir, { recursive: true, force: true });
  try {
    initdb(binaries.initdb!, data, dir, user);
    const port = await freePort();
    const settings = {
      listen_addresses: '127.0.0.1',
      port: String(port),
      unix_socket_directories: dir,
      fsync: 'off',
      synchronous_commit: 'off',
      full_page_writes: 'off',
      shared_buffers: '16MB',
      max_connections: '60',
      max_wal_size: '512MB',
    };
    const args = ['-D', data, ...Object.entries(settings).flatMap(([name, value]) => ['-c', `${name}=${value}`])];
    const server = await spawnTied(binaries.postgres!, args, { ...user, cwd: dir });
    const url = `postgres://postgres:${TEST_PASSWORD}@127.0.0.1:${port}/postgres`;
    try {
      await waitForPort(port, server, 'postgres');
      await ready(url, server);
    } catch (error) {
      await server.kill();
      throw error;
    }
    return { port, url, stop: async () => (await server.kill(), remove()) };
  } catch (error) {
    remove();
    throw error;
  }
}

/** Starts a PostgreSQL of the caller's own (the benchmark; tests share the global setup's). */
export function startPostgres(): Promise<TestPostgres> {
  return launchPostgres(provision(POSTGRES));
}
