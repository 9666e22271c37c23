// Target 2: 200 pages of 500 items, 20 ms per page at the server: concurrency 8 against a serial plain-fetch loop.
import { CloseClient } from 'sequence-apis/close';
import type { Result } from './support.ts';

const headers = { authorization: `Basic ${btoa('bench_key:')}`, accept: 'application/json' };

async function serialFloor(base: string): Promise<number> {
  let skip = 0;
  let count = 0;
  for (;;) {
    const response = await fetch(`${base}/sequence_subscription/?sequence_id=seq_1&_skip=${skip}&_limit=500`, { headers });
    const page = JSON.parse(await response.text()) as { data: unknown[]; has_more: boolean };
    count += page.data.length;
    if (!page.has_more) return count;
    skip += page.data.length;
  }
}

export async function bulk(serverUrl: string, smoke: boolean): Promise<Result[]> {
  const base = `${serverUrl}/bulk/api/v1`;
  const close = new CloseClient({ baseUrl: base, apiKey: 'bench_key', logLevel: 'off' });
  const runs = smoke ? 1 : 3;
  const floorTimes: number[] = [];
  const sdkTimes: number[] = [];
  let inOrder = true;
  for (let run = 0; run < runs; run++) {
    let started = performance.now();
    const floorCount = await serialFloor(base);
    floorTimes.push(performance.now() - started);

    started = performance.now();
    let count = 0;
    for await (const sub of close.subscriptions.list({ sequence_id: 'seq_1', _limit: 500 }, { concurrency: 8 })) {
      if (sub.id !== `sub_${String(count).padStart(8, '0')}`) inOrder = false;
      count++;
    }
    sdkTimes.push(performance.now() - started);
    if (count !== floorCount) inOrder = false;
  }
  const floorMs = Math.min(...floorTimes);
  const sdkMs = Math.min(...sdkTimes);
  const speedup = floorMs / sdkMs;
  return [
    {
      target: `bulk pull 200 x 500 items, +20 ms/page, concurrency 8, 'strict'`,
      measured: `${speedup.toFixed(1)}x faster (SDK ${(sdkMs / 1000).toFixed(2)} s vs serial fetch ${(floorMs / 1000).toFixed(2)} s)${inOrder ? ', in order' : ', OUT OF ORDER'}`,
      limit: '>= 6x, in order',
      ok: speedup >= 6 && inOrder,
    },
  ];
}
