// Servers the tests start (redis-server today) die with the process that started them, however it
// ends: a normal exit, Ctrl-C, SIGTERM, a crashed worker, even SIGKILL. Node cannot ask Linux to
// signal a child when its parent dies, so a small `sh` sits between them: it holds a pipe from
// Node, and when that pipe closes (Node is gone, or `stop()` closed it) it SIGKILLs the server.
import { spawn, type ChildProcess, type SpawnOptions } from 'node:child_process';
import { createConnection, createServer } from 'node:net';
import { once } from 'node:events';

// $1 is the server's binary, the rest its arguments. Prints the server's pid, then waits on it;
// the server's own output goes to stderr (kept to explain a failed start).
const LIFELINE = `
exec 3<&0
"$@" 0</dev/null 1>&2 &
pid=$!
echo "$pid"
( read _ <&3; kill -9 "$pid" ) 2>/dev/null &
reader=$!
wait "$pid"; code=$?
kill "$reader" 2>/dev/null
exit "$code"
`;

/** A server process tied to this one: it cannot outlive it. */
export interface TiedProcess {
  /** The server's own pid (not the `sh` between). */
  readonly pid: number;
  /** True once the server has exited. */
  readonly exited: boolean;
  /** What the server wrote to stderr (the last 4 kB), to explain a failed start. */
  stderr(): string;
  /** Sends `signal` to the server itself (SIGSTOP/SIGCONT pause it). */
  signal(signal: NodeJS.Signals): void;
  /** SIGKILLs the server (a crash: no goodbye) and resolves when it is gone. */
  kill(): Promise<void>;
}

/** Spawns `binary args…` tied to this process; resolves once its pid is known. */
export async function spawnTied(
  binary: string,
  args: string[],
  options: Pick<SpawnOptions, 'uid' | 'gid' | 'cwd' | 'env'> = {},
): Promise<TiedProcess> {
  const child = spawn('/bin/sh', ['-c', LIFELINE, 'lifeline', binary, ...args], { ...options, stdio: ['pipe', 'pipe', 'pipe'] });
  let stderr = '';
  child.stderr.on('data', (chunk: Buffer) => void (stderr = (stderr + chunk.toString()).slice(-4096)));
  const pid = await readPid(child);
  return tied(child, pid, () => stderr);
}

function readPid(child: ChildProcess): Promise<number> {
  return new Promise((resolve, reject) => {
    let out = '';
    child.stdout!.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      const pid = Number.parseInt(out, 10);
      if (!out.includes('\n')) return;
      if (Number.isInteger(pid)) resolve(pid);
      else reject(new Error(`could not start the server: ${out}`));
    });
    child.once('error', reject);
    child.once('exit', () => reject(new Error(`could not start the server: ${out}`)));
  });
}

function tied(child: ChildProcess, pid: number, stderr: () => string): TiedProcess {
  const exited = () => child.exitCode !== null || child.signalCode !== null;
  const done = exited() ? Promise.resolve() : once(child, 'exit').then(() => undefined);
  return {
    pid,
    get exited() {
      return exited();
    },
    stderr,
    signal(signal) {
      if (!exited()) process.kill(pid, signal);
    },
    async kill() {
      child.stdin!.end(); // the lifeline SIGKILLs the server; then `sh` exits with it
      await done;
    },
  };
}

/** A port free on 127.0.0.1 right now (the OS picks it). */
export async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  await new Promise((resolve) => server.close(resolve));
  return typeof address === 'object' && address ? address.port : 0;
}

/** Resolves once `port` accepts connections; rejects as soon as the server exits, or after ~10 s. */
export async function waitForPort(port: number, server: TiedProcess, name: string): Promise<void> {
  for (let attempt = 0; attempt < 400; attempt++) {
    if (server.exited) throw new Error(`${name} exited before listening on ${port}: ${server.stderr().trim()}`);
    if (await accepts(port)) return;
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
  throw new Error(`${name} did not listen on ${port}`);
}

function accepts(port: number): Promise<boolean> {
  return new Promise<boolean>((resolve) => {
    const socket = createConnection({ port, host: '127.0.0.1' }, () => resolve(true));
    socket.once('error', () => resolve(false));
    socket.once('connect', () => socket.end());
  });
}
