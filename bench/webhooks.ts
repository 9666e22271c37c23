// Webhook verifications per second per vendor, beside the bare crypto.subtle.verify call each one
// wraps (key already imported, same bytes). Target: the SDK's rate is >= 0.9x of the bare call's.
import { unwrapClarionWebhook } from 'sequence-apis/clarion';
import { unwrapCloseWebhook } from 'sequence-apis/close';
import { createClarionTestKeys, signClarionWebhook, signCloseWebhook, signWhippyWebhook } from 'sequence-apis/testing';
import { unwrapWhippyWebhook } from 'sequence-apis/whippy';
import { interleave, median, type Result } from './support.ts';

const encoder = new TextEncoder();
const fromHex = (hex: string) => Uint8Array.from(hex.match(/../g)!, (pair) => parseInt(pair, 16));

interface Contender {
  vendor: string;
  bare: () => Promise<unknown>;
  sdk: () => Promise<unknown>;
}

/** Ops per second of each contender, from the median of `rounds` interleaved batches of `batch` calls. */
async function rates(rounds: number, batch: number, a: () => Promise<unknown>, b: () => Promise<unknown>) {
  const times = await interleave(rounds, 1, repeat(batch, a), repeat(batch, b));
  return { a: (batch * 1000) / median(times.a), b: (batch * 1000) / median(times.b) };
}

/** One call that makes `count` calls of `fn` in turn. */
function repeat(count: number, fn: () => Promise<unknown>): () => Promise<void> {
  return async () => {
    for (let i = 0; i < count; i++) await fn();
  };
}

async function contenders(): Promise<Contender[]> {
  const event = { id: 'ev_1', object_type: 'sequence_subscription', object_id: 'sub_1', action: 'updated', changed_fields: ['status'] };
  const closeBody = JSON.stringify({
    subscription_id: 'whsub_1',
    event: { ...event, data: { id: 'sub_1', status: 'finished', note: 'x'.repeat(600) } },
  });
  const signatureKey = 'a1b2c3d4e5f60718293a4b5c6d7e8f90a1b2c3d4e5f60718293a4b5c6d7e8f90';
  const closeHeaders = await signCloseWebhook(closeBody, signatureKey);
  const closeKey = await crypto.subtle.importKey('raw', fromHex(signatureKey), { name: 'HMAC', hash: 'SHA-256' }, false, ['verify']);
  const closeSig = fromHex(closeHeaders['close-sig-hash']!);
  const closeMessage = encoder.encode(closeHeaders['close-sig-timestamp']! + closeBody);

  const keys = await createClarionTestKeys();
  const report = JSON.stringify({ id: 7, status: 'ended', last_updated: '2026-01-01T00:00:00Z', outreach: [], note: 'x'.repeat(600) });
  const clarionHeaders = await signClarionWebhook(report, keys.privateKey, { encoding: 'raw' });
  const clarionSig = fromHex(clarionHeaders['x-clarion-signature']!);
  const clarionMessage = encoder.encode(`${clarionHeaders['x-clarion-timestamp']}.${report}`);
  const ecdsa = { name: 'ECDSA', hash: 'SHA-256' };

  const whippyBody = JSON.stringify({
    data: { id: 'run_1', status: 'finished', note: 'x'.repeat(600) },
    event: 'sequence_run.updated',
    request_id: 'r',
  });
  const whippyHeaders = await signWhippyWebhook(whippyBody, 'secret');
  const whippyKey = await crypto.subtle.importKey('raw', encoder.encode('secret'), { name: 'HMAC', hash: 'SHA-256' }, false, ['verify']);
  const [whippyStamp, whippyBase64] = whippyHeaders['x-whippy-signature']!.split(',').map((pair) => pair.slice(pair.indexOf('=') + 1));
  const whippySig = Uint8Array.from(atob(whippyBase64!), (c) => c.charCodeAt(0));
  const whippyMessage = encoder.encode(`${whippyStamp}.${whippyBody}`);
  const tolerance = { toleranceSeconds: 3600 }; // the signed timestamps must stay fresh for the whole run

  return [
    {
      vendor: 'Close (HMAC-SHA256)',
      bare: () => crypto.subtle.verify('HMAC', closeKey, closeSig, closeMessage),
      sdk: () => unwrapCloseWebhook(closeBody, closeHeaders, { signatureKey, ...tolerance }),
    },
    {
      vendor: 'Clarion (ECDSA P-256)',
      bare: () => crypto.subtle.verify(ecdsa, keys.publicKey as CryptoKey, clarionSig, clarionMessage),
      sdk: () => unwrapClarionWebhook(report, clarionHeaders, { publicKey: keys.publicKey, ...tolerance }),
    },
    {
      vendor: 'Whippy (HMAC-SHA256, unconfirmed)',
      bare: () => crypto.subtle.verify('HMAC', whippyKey, whippySig, whippyMessage),
      sdk: () => unwrapWhippyWebhook(whippyBody, whippyHeaders, { apiKey: 'secret', ...tolerance }),
    },
  ];
}

export async function webhooks(smoke: boolean): Promise<Result[]> {
  const results: Result[] = [];
  for (const { vendor, bare, sdk } of await contenders()) {
    const batch = vendor.startsWith('Clarion') ? (smoke ? 20 : 300) : smoke ? 100 : 2_000;
    await rates(2, batch, bare, sdk); // warm-up
    const rate = await rates(smoke ? 2 : 12, batch, bare, sdk);
    const ratio = rate.b / rate.a;
    results.push({
      target: `${vendor}: webhook verifications/s vs a bare crypto.subtle.verify`,
      measured: `${ratio.toFixed(2)}x (SDK ${Math.round(rate.b).toLocaleString('en')}/s vs ${Math.round(rate.a).toLocaleString('en')}/s)`,
      limit: '>= 0.9x',
      ok: ratio >= 0.9,
    });
  }
  return results;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  for (const row of await webhooks(process.argv.includes('--smoke')))
    console.log(`${row.ok ? 'ok  ' : 'MISS'} ${row.target}: ${row.measured}`);
}
