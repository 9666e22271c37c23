// Spawns receiver processes (bench/webhook-worker.ts) for the exactly-once tests and the receiver benchmark.
import { spawn, type ChildProcess } from 'node:child_process';
import type { ReceiverWorkerConfig } from './webhook-worker.ts';

/** One receiver process: its URL, the keys whose onEvent started in it, and how to stop it. */
export interface ReceiverProcess {
  url: string;
  child: ChildProcess;
  /** Keys whose onEvent started here, in order. */
  running: string[];
  /** Resolves when onEvent starts for `key` here. */
  started(key: string): Promise<void>;
  /** SIGKILL: no cleanup, like a crash. */
  kill(): Promise<void>;
  stop(): Promise<void>;
}

/** Starts one receiver: `command` runs the worker (`[node, bundle.cjs]` in tests, `[node, webhook-worker.ts]` in the bench). */
export async function startReceiverProcess(command: string[], config: ReceiverWorkerConfig): Promise<ReceiverProcess> {
  const child = spawn(command[0]!, [...command.slice(1), JSON.stringify(config)], { stdio: ['ignore', 'pipe', 'inherit'] });
  const running: string[] = [];
  const waiters: { key: string; resolve: () => void }[] = [];
  let buffered = '';
  const port = await new Promise<number>((resolve, reject) => {
    child.once('exit', (code) => reject(new Error(`receiver process exited with ${code} before listening`)));
    child.stdout.on('data', (chunk: Buffer) => {
      buffered += chunk.toString();
      const lines = buffered.split('\n');
      buffered = lines.pop()!;
      for (const line of lines) {
        const [word, value] = line.split(' ');
        if (word === 'listening') resolve(Number(value));
        if (word !== 'running') continue;
        running.push(value!);
        for (const waiter of waiters.filter((w) => w.key === value)) waiter.resolve();
      }
    });
  });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const end = async (signal: NodeJS.Signals) => {
    if (child.exitCode === null && child.signalCode === null) child.kill(signal);
    await exited;
  };
  return {
    url: `http://127.0.0.1:${port}/hooks`,
    child,
    running,
    started: (key) => (running.includes(key) ? Promise.resolve() : new Promise((resolve) => waiters.push({ key, resolve }))),
    kill: () => end('SIGKILL'),
    stop: () => end('SIGTERM'),
  };
}
