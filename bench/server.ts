// The loopback server the benchmarks talk to, run as its own process so it does not share the
// client's event loop. Bodies are serialised once up front: the server's own work stays constant.
import { createServer } from 'node:http';
import { readFileSync } from 'node:fs';

const examples = JSON.parse(readFileSync(new URL('../test/fixtures/close.json', import.meta.url), 'utf8'));
const sequence = examples['GET /sequence/{id}/'].response_200;
const subscription = examples['GET /sequence_subscription/'].response_200.data[0];

function subscriptions(offset: number, count: number) {
  return Array.from({ length: count }, (_, i) => ({ ...subscription, id: `sub_${String(offset + i).padStart(8, '0')}` }));
}

const oneSequence = JSON.stringify(sequence);
const pageOf100 = JSON.stringify({ data: Array.from({ length: 100 }, (_, i) => ({ ...sequence, id: `seq_${i}` })), has_more: true });
const pageCache = new Map<string, string>();

/** `/bulk/` pages: `total` items, 500 a page, `delayMs` added per page. */
function bulkPage(url: URL, total: number, delayMs: number): [string, number] {
  const skip = Number(url.searchParams.get('_skip') ?? 0);
  const limit = Number(url.searchParams.get('_limit') ?? 100);
  const key = `${total}:${skip}:${limit}`;
  let body = pageCache.get(key);
  if (body === undefined) {
    body = JSON.stringify({ data: subscriptions(skip, Math.max(0, Math.min(limit, total - skip))), has_more: skip + limit < total });
    if (pageCache.size < 4_096) pageCache.set(key, body);
  }
  return [body, delayMs];
}

const server = createServer((request, response) => {
  const url = new URL(request.url ?? '/', 'http://127.0.0.1');
  let body = '{"error":"Not found"}';
  let status = 200;
  let delayMs = 0;
  if (url.pathname === '/api/v1/sequence/seq_1/') body = oneSequence;
  else if (url.pathname === '/api/v1/sequence/') body = pageOf100;
  else if (url.pathname === '/bulk/api/v1/sequence_subscription/') [body, delayMs] = bulkPage(url, 200 * 500, 20);
  else if (url.pathname === '/memory/api/v1/sequence_subscription/') [body, delayMs] = bulkPage(url, 2_000 * 500, 0);
  else status = 404;
  const send = () =>
    response.writeHead(status, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) }).end(body);
  if (delayMs > 0) setTimeout(send, delayMs);
  else send();
});

server.listen(0, '127.0.0.1', () => {
  const address = server.address();
  process.send?.({ port: typeof address === 'object' && address ? address.port : 0 });
});
process.on('disconnect', () => server.close(() => process.exit(0)));
