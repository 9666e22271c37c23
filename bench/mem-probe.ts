import { CloseClient } from 'sequence-sdk/close';
import { startBenchServer } from './support.ts';
const server = await startBenchServer();
const close = new CloseClient({ baseUrl: `${server.url}/memory/api/v1`, apiKey: 'k', logLevel: 'off', validation: (process.argv[2] ?? 'strict') as 'strict' });
let n = 0;
const mb = (b: number) => (b / 1048576).toFixed(0);
for await (const _ of close.subscriptions.list({ sequence_id: 'seq_1', _limit: 500 }, { concurrency: Number(process.argv[3] ?? 4) })) {
  if (++n % 200_000 === 0) { const m = process.memoryUsage(); console.log(n, 'rss', mb(m.rss), 'heapUsed', mb(m.heapUsed), 'heapTotal', mb(m.heapTotal), 'external', mb(m.external), 'arrayBuffers', mb(m.arrayBuffers)); }
}
server.stop();
