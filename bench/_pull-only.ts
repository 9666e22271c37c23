import { pull } from '/work/wt/pulls/bench/pull.ts';
import { startBenchServer } from '/work/wt/pulls/bench/support.ts';
const server = await startBenchServer();
try { console.log(await pull(server.url, process.argv.includes('--smoke'))); } finally { server.stop(); }
