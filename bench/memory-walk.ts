// Child process of target 4: walks 1,000,000 items (2,000 pages of 500) with the SDK, or with a
// plain fetch + JSON.parse loop (the floor), and reports peak RSS growth.
import { CloseClient } from 'sequence-apis/close';

const [base, itemsArg, mode] = process.argv.slice(2);
const limit = Number(itemsArg);

async function* plainFetchItems(): AsyncGenerator<unknown> {
  for (let skip = 0; ;) {
    const response = await fetch(`${base}/sequence_subscription/?sequence_id=seq_1&_skip=${skip}&_limit=500`);
    const page = JSON.parse(await response.text()) as { data: unknown[]; has_more: boolean };
    yield* page.data;
    if (!page.has_more) return;
    skip += page.data.length;
  }
}

const items =
  mode === 'floor'
    ? plainFetchItems()
    : new CloseClient({ baseUrl: base!, apiKey: 'bench_key', logLevel: 'off' }).subscriptions.list(
        { sequence_id: 'seq_1', _limit: 500 },
        { concurrency: 4 },
      );
const baseline = process.memoryUsage().rss;
let peak = baseline;
let count = 0;
const sample = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 20);
for await (const _ of items) {
  if (++count % 50_000 === 0) peak = Math.max(peak, process.memoryUsage().rss);
  if (count >= limit) break;
}
clearInterval(sample);
peak = Math.max(peak, process.memoryUsage().rss);
process.send?.({ count, growthBytes: peak - baseline });
