// The `sequence-apis` command as a real child process (for kill -9 and SIGTERM): src/cli/bin.ts
// bundled once by esbuild beside node_modules, so the child runs today's source, not a stale dist/.
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const root = fileURLToPath(new URL('../..', import.meta.url));
let built: Promise<string> | undefined;

/** Path of the bundled command (built on first use). */
export function cliBundle(): Promise<string> {
  built ??= (async () => {
    const dir = `${root}node_modules/.cache/sequence-apis-test`;
    mkdirSync(dir, { recursive: true });
    const outfile = `${dir}/cli-${process.pid}.mjs`;
    await build({
      entryPoints: [`${root}src/cli/bin.ts`],
      bundle: true,
      platform: 'node',
      format: 'esm',
      outfile,
      packages: 'external',
      logLevel: 'error',
    });
    return outfile;
  })();
  return built;
}

/** A running command: its process, and its exit (code, signal, stdout, stderr). */
export interface Child {
  process: ChildProcess;
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null; stdout: string; stderr: string }>;
}

/** Starts `sequence-apis <args>` with `env` added. */
export async function startCli(args: string[], env: Record<string, string>): Promise<Child> {
  const child = spawn(process.execPath, [await cliBundle(), ...args], {
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null; stdout: string; stderr: string }>((resolve) =>
    child.on('close', (code, signal) => resolve({ code, signal, stdout, stderr })),
  );
  return { process: child, exited };
}
