// An exactly-once webhook endpoint: one node:http server (receive.node) and the same receiver as a
// Web handler (receive(request)), on a SQLite dedupe store that several processes on this host
// could share. `node examples/webhook-receiver.ts` sends itself a signed test delivery three times
// and shows onEvent ran once; `node examples/webhook-receiver.ts --serve` keeps listening and prints a
// signed curl command you can paste (and paste again: the repeat is answered "duplicate").
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer, type IncomingMessage } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { signCloseWebhook, signWhippyWebhook } from 'sequence-apis/testing';
import { sqliteDedupeStore, webhookReceiver } from 'sequence-apis/webhooks';

// In production: the signature_key close.webhooks.create() returned, and the API key chosen for
// the endpoint in Whippy (its signature format is UNCONFIRMED, see the README).
const CLOSE_SIGNATURE_KEY = process.env.CLOSE_SIGNATURE_KEY ?? 'a1b2c3d4e5f60718293a4b5c6d7e8f90a1b2c3d4e5f60718293a4b5c6d7e8f90';
const WHIPPY_API_KEY = process.env.WHIPPY_WEBHOOK_API_KEY ?? 'whippy-example-key';
const serve = process.argv.includes('--serve');

const dir = mkdtempSync(join(tmpdir(), 'webhook-receiver-example-'));
const dedupe = sqliteDedupeStore({ path: process.env.DEDUPE_DB ?? join(dir, 'dedupe.sqlite') });
const handled: string[] = [];
const receive = webhookReceiver({
  close: { signatureKey: CLOSE_SIGNATURE_KEY },
  whippy: { apiKey: WHIPPY_API_KEY },
  dedupe,
  onEvent: ({ vendor, key, event }) => {
    // Your effect goes here; throw and the vendor delivers the event again.
    if (vendor === 'close') console.log(`onEvent ${key}: Close ${event.event.object_type} ${event.event.action}`);
    else if (vendor === 'whippy') console.log(`onEvent ${key}: Whippy ${event.event}`);
    handled.push(key);
  },
});

// node:http: mount it before any body parser (it reads the raw body itself).
const server = createServer((request, response) => {
  if (request.url === '/web') {
    // The Web handler shape (Hono, Next.js, Bun, Deno, Workers), here behind node:http for the demo.
    void toRequest(request).then(async (webRequest) => {
      const answer = await receive(webRequest);
      response.writeHead(answer.status, Object.fromEntries(answer.headers)).end(await answer.text());
    });
  } else void receive.node(request, response);
});
await new Promise<void>((resolve) => server.listen(Number(process.env.PORT ?? 0), '127.0.0.1', resolve));
const { port } = server.address() as { port: number };

async function toRequest(request: IncomingMessage): Promise<Request> {
  const chunks: Buffer[] = [];
  for await (const chunk of request) chunks.push(chunk as Buffer);
  const headers = new Headers();
  for (const [name, value] of Object.entries(request.headers)) if (typeof value === 'string') headers.set(name, value);
  return new Request(`http://127.0.0.1:${port}${request.url}`, { method: 'POST', headers, body: Buffer.concat(chunks) });
}

const closeBody = JSON.stringify({
  subscription_id: 'whsub_example',
  event: {
    id: 'ev_example_1',
    object_type: 'sequence_subscription',
    object_id: 'sub_example',
    action: 'updated',
    date_updated: new Date().toISOString(),
  },
});
const closeHeaders = await signCloseWebhook(closeBody, CLOSE_SIGNATURE_KEY);

if (serve) {
  const flags = Object.entries(closeHeaders).map(([name, value]) => `-H '${name}: ${value}'`);
  console.log(`Listening on http://127.0.0.1:${port} (node:http) and http://127.0.0.1:${port}/web (Web handler).`);
  console.log('Send a signed test delivery (valid for 5 minutes), then send it again:\n');
  console.log(`curl -i http://127.0.0.1:${port}/ ${flags.join(' ')} --data '${closeBody}'\n`);
} else {
  try {
    for (const path of ['/', '/web', '/']) {
      const response = await fetch(`http://127.0.0.1:${port}${path}`, { method: 'POST', headers: closeHeaders, body: closeBody });
      console.log(`POST ${path} -> ${response.status} ${await response.text()}`);
    }
    const whippyBody = JSON.stringify({
      data: { id: 'run_1', status: 'finished' },
      event: 'sequence_run.updated',
      request_id: 'req_example',
    });
    const whippy = await fetch(`http://127.0.0.1:${port}/`, {
      method: 'POST',
      headers: await signWhippyWebhook(whippyBody, WHIPPY_API_KEY),
      body: whippyBody,
    });
    console.log(`POST / (Whippy) -> ${whippy.status} ${await whippy.text()}`);
    const forged = await fetch(`http://127.0.0.1:${port}/`, {
      method: 'POST',
      headers: closeHeaders,
      body: closeBody.replace('updated', 'deleted'),
    });
    console.log(`POST / (tampered) -> ${forged.status} ${await forged.text()}`);
    if (handled.length !== 2 || forged.status !== 401) throw new Error(`expected 2 events handled once each, got ${handled.join(', ')}`);
  } finally {
    server.close();
    await dedupe.close();
    rmSync(dir, { recursive: true, force: true });
  }
}
