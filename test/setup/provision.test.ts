import { describe, expect, it } from 'vitest';
import { REDIS } from '../helpers/redis.js';
import { provision, ProvisionError, type ProvisionDeps } from './provision.js';

// A machine as a set of executable files; `run` records each command and may "install" files.
function machine(options: { files?: string[]; env?: Record<string, string>; installer?: 'root' | 'sudo'; installs?: string[] }) {
  const files = new Set(options.files ?? ['/usr/bin/apt-get']);
  const ran: string[] = [];
  const logged: string[] = [];
  const deps: ProvisionDeps = {
    env: { PATH: '/usr/local/bin:/usr/bin', ...options.env },
    isExecutable: (path) => files.has(path),
    installer: () => options.installer,
    run(command, args) {
      ran.push([command, ...args].join(' '));
      if (args.includes('install')) for (const file of options.installs ?? []) files.add(file);
    },
    log: (line) => logged.push(line),
  };
  return { deps, ran, logged };
}

const failure = (run: () => unknown): ProvisionError => {
  try {
    run();
  } catch (error) {
    if (error instanceof ProvisionError) return error;
    throw error;
  }
  throw new Error('provision did not fail');
};

describe('provision (finding or installing a test server binary)', () => {
  it('takes the binary from PATH, in PATH order, and installs nothing', () => {
    const { deps, ran } = machine({ files: ['/usr/bin/redis-server', '/usr/local/bin/redis-server'], installer: 'root' });
    expect(provision(REDIS, deps)).toEqual({ 'redis-server': '/usr/local/bin/redis-server' });
    expect(ran).toEqual([]);
  });

  it('takes REDIS_SERVER over PATH', () => {
    const { deps } = machine({
      files: ['/usr/bin/redis-server', '/opt/redis/bin/redis-server'],
      env: { REDIS_SERVER: '/opt/redis/bin/redis-server' },
    });
    expect(provision(REDIS, deps)).toEqual({ 'redis-server': '/opt/redis/bin/redis-server' });
  });

  it('fails on a REDIS_SERVER that is not an executable, rather than installing another one', () => {
    const { deps, ran } = machine({ env: { REDIS_SERVER: '/nonexistent' }, installer: 'root', installs: ['/usr/bin/redis-server'] });
    expect(failure(() => provision(REDIS, deps)).message).toBe(
      'REDIS_SERVER=/nonexistent is not an executable file: point it at redis-server, or unset it',
    );
    expect(ran).toEqual([]);
  });

  it('as root, installs Debian redis-server non-interactively (update, then install without recommends), then finds it', () => {
    const { deps, ran, logged } = machine({ installer: 'root', installs: ['/usr/bin/redis-server'] });
    expect(provision(REDIS, deps)).toEqual({ 'redis-server': '/usr/bin/redis-server' });
    expect(ran).toEqual([
      'env DEBIAN_FRONTEND=noninteractive apt-get update -qq',
      'env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends redis-server',
    ]);
    expect(logged).toEqual(["redis-server not found (the Redis tests): installing Debian's redis-server with apt-get"]);
  });

  it('with passwordless sudo, installs through `sudo -n`', () => {
    const { deps, ran } = machine({ installer: 'sudo', installs: ['/usr/bin/redis-server'] });
    provision(REDIS, deps);
    expect(ran).toEqual([
      'sudo -n env DEBIAN_FRONTEND=noninteractive apt-get update -qq',
      'sudo -n env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends redis-server',
    ]);
  });

  it('when it may not install, fails at once with one line giving the command to run, and runs nothing', () => {
    const { deps, ran } = machine({});
    const message = failure(() => provision(REDIS, deps)).message;
    expect(message).toBe(
      'redis-server not found (the Redis tests): run `sudo apt-get update && sudo apt-get install -y --no-install-recommends redis-server`, or set REDIS_SERVER=/path/to/redis-server',
    );
    expect(message).not.toContain('\n');
    expect(ran).toEqual([]);
  });

  it('without apt-get, names the package and the variable instead of a Debian command', () => {
    const { deps } = machine({ files: [] });
    expect(failure(() => provision(REDIS, deps)).message).toBe(
      'redis-server not found (the Redis tests): install redis-server with your package manager, or set REDIS_SERVER=/path/to/redis-server',
    );
  });

  it('says so when the install ran but the binary is still missing', () => {
    const { deps } = machine({ installer: 'root' });
    expect(failure(() => provision(REDIS, deps)).message).toBe(
      'redis-server still not found after installing redis-server: set REDIS_SERVER=/path/to/redis-server',
    );
  });

  it('finds every binary of a service, also in its extra directories (PostgreSQL keeps them off PATH)', () => {
    const postgres = {
      neededBy: 'the sync tests',
      aptPackage: 'postgresql',
      binaries: ['postgres', 'initdb', 'pg_ctl'].map((name) => ({ name, env: `PG_${name.toUpperCase()}` })),
      extraDirs: () => ['/usr/lib/postgresql/15/bin'],
    };
    const binaries = ['postgres', 'initdb', 'pg_ctl'].map((name) => `/usr/lib/postgresql/15/bin/${name}`);
    const { deps, ran } = machine({ files: ['/usr/bin/apt-get', ...binaries.slice(0, 2)], installer: 'root', installs: binaries });
    expect(provision(postgres, deps)).toEqual({
      postgres: binaries[0],
      initdb: binaries[1],
      pg_ctl: binaries[2],
    });
    expect(ran).toHaveLength(2);
  });
});
