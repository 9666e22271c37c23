// Target 4: peak RSS growth while walking 1,000,000 items, measured in a fresh process.
import { fork } from 'node:child_process';
import type { Result } from './support.ts';

function walk(serverUrl: string, items: number, mode: 'sdk' | 'floor'): Promise<{ count: number; growthBytes: number }> {
  const child = fork(new URL('./memory-walk.ts', import.meta.url), [`${serverUrl}/memory/api/v1`, String(items), mode]);
  return new Promise((resolve, reject) => {
    child.once('message', (message) => {
      child.kill();
      resolve(message as { count: number; growthBytes: number });
    });
    child.once('error', reject);
  });
}

export async function memory(serverUrl: string, smoke: boolean): Promise<Result[]> {
  const items = smoke ? 100_000 : 1_000_000;
  const sdk = await walk(serverUrl, items, 'sdk');
  const floor = await walk(serverUrl, items, 'floor');
  const mb = (bytes: number) => bytes / 1024 / 1024;
  return [
    {
      target: `walk ${sdk.count.toLocaleString('en')} items (${sdk.count / 500} pages), concurrency 4`,
      measured: `peak RSS +${mb(sdk.growthBytes).toFixed(1)} MB (plain fetch loop: +${mb(floor.growthBytes).toFixed(1)} MB)`,
      limit: '<= 50 MB',
      ok: sdk.count === items && mb(sdk.growthBytes) <= 50,
    },
  ];
}
