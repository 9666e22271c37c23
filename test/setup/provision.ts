// Finds the server binaries a service needs (an environment variable, else PATH), installs the
// Debian package when they are missing and this process may install, or fails with one line that
// says what to run. Pure apart from `deps`, so every path is unit-tested (test/setup/provision.test.ts).
import { spawnSync } from 'node:child_process';
import { accessSync, constants, statSync } from 'node:fs';
import { delimiter, join } from 'node:path';

/** One server binary: its name on PATH and the environment variable that may point at it instead. */
export interface Binary {
  name: string;
  env: string;
}

/** What a service needs installed: its binaries and the Debian package that brings them. */
export interface Requirement {
  /** Who needs it, for the messages: "the Redis tests". */
  neededBy: string;
  binaries: Binary[];
  aptPackage: string;
  /** Directories searched after PATH (Debian keeps PostgreSQL's in /usr/lib/postgresql/<v>/bin). */
  extraDirs?: () => string[];
}

/** The outside world, injectable: which files exist, whether we may install, how to run a command. */
export interface ProvisionDeps {
  env: Record<string, string | undefined>;
  /** Whether `path` is an executable file. */
  isExecutable(path: string): boolean;
  /** `'root'`, `'sudo'` (passwordless), or undefined: may not install. */
  installer(): 'root' | 'sudo' | undefined;
  /** Runs a command to completion; throws with its output's tail on failure. */
  run(command: string, args: string[]): void;
  /** One line of progress on stderr. */
  log(line: string): void;
}

/** Thrown with one line a person can act on: the exact command to run, or the variable to fix. */
export class ProvisionError extends Error {
  override name = 'ProvisionError';
}

/** The binaries' absolute paths by name, installing the package first if it must and may. */
export function provision(requirement: Requirement, deps: ProvisionDeps = systemDeps()): Record<string, string> {
  const found = locate(requirement, deps);
  if (found) return found;
  const missing = requirement.binaries.map((binary) => binary.name).join(', ');
  const how = deps.installer();
  if (!how) throw new ProvisionError(cannotInstall(requirement, deps));
  deps.log(`${missing} not found (${requirement.neededBy}): installing Debian's ${requirement.aptPackage} with apt-get`);
  for (const args of aptSteps(requirement.aptPackage)) {
    if (how === 'root') deps.run('env', args);
    else deps.run('sudo', ['-n', 'env', ...args]);
  }
  const installed = locate(requirement, deps);
  if (!installed)
    throw new ProvisionError(`${missing} still not found after installing ${requirement.aptPackage}: set ${envHint(requirement)}`);
  return installed;
}

/** The commands an install runs, as arguments to `env` (the same with or without sudo). */
export function aptSteps(aptPackage: string): string[][] {
  const env = 'DEBIAN_FRONTEND=noninteractive';
  return [
    [env, 'apt-get', 'update', '-qq'],
    [env, 'apt-get', 'install', '-y', '-qq', '--no-install-recommends', aptPackage],
  ];
}

function locate(requirement: Requirement, deps: ProvisionDeps): Record<string, string> | undefined {
  const paths: Record<string, string> = {};
  for (const binary of requirement.binaries) {
    const path = find(binary, requirement, deps);
    if (!path) return undefined;
    paths[binary.name] = path;
  }
  return paths;
}

function find(binary: Binary, requirement: Requirement, deps: ProvisionDeps): string | undefined {
  const explicit = deps.env[binary.env];
  if (explicit) {
    // Set on purpose: a wrong value is the person's to fix, not a reason to install something else.
    if (deps.isExecutable(explicit)) return explicit;
    throw new ProvisionError(`${binary.env}=${explicit} is not an executable file: point it at ${binary.name}, or unset it`);
  }
  const dirs = [...(deps.env.PATH ?? '').split(delimiter).filter(Boolean), ...(requirement.extraDirs?.() ?? [])];
  return dirs.map((dir) => join(dir, binary.name)).find((path) => deps.isExecutable(path));
}

function cannotInstall(requirement: Requirement, deps: ProvisionDeps): string {
  const missing = requirement.binaries.map((binary) => binary.name).join(', ');
  const install = deps.isExecutable('/usr/bin/apt-get')
    ? `run \`sudo apt-get update && sudo apt-get install -y --no-install-recommends ${requirement.aptPackage}\``
    : `install ${requirement.aptPackage} with your package manager`;
  return `${missing} not found (${requirement.neededBy}): ${install}, or set ${envHint(requirement)}`;
}

function envHint(requirement: Requirement): string {
  return requirement.binaries.map((binary) => `${binary.env}=/path/to/${binary.name}`).join(' ');
}

/** The real machine: files, root or passwordless sudo with apt-get, child processes. */
export function systemDeps(): ProvisionDeps {
  const isExecutable = (path: string) => {
    try {
      accessSync(path, constants.X_OK);
      return statSync(path).isFile();
    } catch {
      return false;
    }
  };
  return {
    env: process.env,
    isExecutable,
    installer() {
      if (!isExecutable('/usr/bin/apt-get')) return undefined;
      if (process.getuid?.() === 0) return 'root';
      return spawnSync('sudo', ['-n', 'true'], { stdio: 'ignore' }).status === 0 ? 'sudo' : undefined;
    },
    run(command, args) {
      const result = spawnSync(command, args, { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
      if (result.status === 0) return;
      const output = `${result.stdout ?? ''}${result.stderr ?? ''}`.trim().split('\n').slice(-5).join(' | ');
      throw new ProvisionError(`\`${command} ${args.join(' ')}\` failed (${result.error?.message ?? `exit ${result.status}`}): ${output}`);
    },
    log: (line) => process.stderr.write(`${line}\n`),
  };
}
