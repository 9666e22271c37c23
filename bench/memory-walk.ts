// Child process of target 4: walks 1,000,000 items (2,000 pages of 500) and reports peak RSS growth.
import { CloseClient } from 'sequence-sdk/close';

const [base, itemsArg] = process.argv.slice(2);
const close = new CloseClient({ baseUrl: base!, apiKey: 'bench_key', logLevel: 'off' });
const baseline = process.memoryUsage().rss;
let peak = baseline;
let count = 0;
const sample = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 20);
for await (const _ of close.subscriptions.list({ sequence_id: 'seq_1', _limit: 500 }, { concurrency: 4 })) {
  if (++count % 50_000 === 0) peak = Math.max(peak, process.memoryUsage().rss);
  if (count >= Number(itemsArg)) break;
}
clearInterval(sample);
peak = Math.max(peak, process.memoryUsage().rss);
process.send?.({ count, growthBytes: peak - baseline });
