// Target 4: peak RSS growth while walking 1,000,000 items, measured in a fresh process.
import { fork } from 'node:child_process';
import type { Result } from './support.ts';

export async function memory(serverUrl: string, smoke: boolean): Promise<Result[]> {
  const items = smoke ? 100_000 : 1_000_000;
  const child = fork(new URL('./memory-walk.ts', import.meta.url), [`${serverUrl}/memory/api/v1`, String(items)]);
  const { count, growthBytes } = await new Promise<{ count: number; growthBytes: number }>((resolve, reject) => {
    child.once('message', (message) => resolve(message as { count: number; growthBytes: number }));
    child.once('error', reject);
  });
  child.kill();
  const mb = growthBytes / 1024 / 1024;
  return [{ target: `walk ${count.toLocaleString('en')} items (${count / 500} pages), concurrency 4`, measured: `peak RSS +${mb.toFixed(1)} MB`, limit: '<= 50 MB', ok: count === items && mb <= 50 }];
}
