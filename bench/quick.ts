import { startBenchServer } from './support.ts';
import { overhead } from './overhead.ts';
import { bulk } from './bulk.ts';
const server = await startBenchServer();
try {
  for (const r of [...(await overhead(server.url, false)), ...(await bulk(server.url, false))]) console.log(r.ok ? 'ok  ' : 'MISS', r.target, '|', r.measured);
} finally {
  server.stop();
}
