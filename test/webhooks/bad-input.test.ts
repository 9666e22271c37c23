import { describe, expect, it } from 'vitest';
import { unwrapClarionWebhook } from '../../src/clarion/index.js';
import { unwrapCloseWebhook } from '../../src/close/index.js';
import { WebhookVerificationError, SequenceSdkError } from '../../src/index.js';
import { createClarionTestKeys, signClarionWebhook, signCloseWebhook, signWhippyWebhook } from '../../src/testing/index.js';
import { unwrapWhippyWebhook } from '../../src/whippy/index.js';

const KEY = 'a1b2c3d4e5f60718293a4b5c6d7e8f90a1b2c3d4e5f60718293a4b5c6d7e8f90';
const OTHER_KEY = 'ff'.repeat(32);
const NOW_S = 1_780_000_000;
const NOW = NOW_S * 1000;
const body = JSON.stringify({
  subscription_id: 'whsub_1',
  event: { id: 'ev_1', object_type: 'sequence_subscription', object_id: 'sub_1', action: 'updated', data: { status: 'finished' } },
});
const keys = await createClarionTestKeys();
const otherKeys = await createClarionTestKeys();
const report = JSON.stringify({ id: 7, status: 'ended', last_updated: '2026-01-01T00:00:00Z', outreach: [] });
const SECRET = 'whippy-secret';
const whippyBody = JSON.stringify({ data: { id: 'run_1', status: 'finished' }, event: 'sequence_run.updated', request_id: 'req_1' });

const close = (raw: unknown, headers: object, options: object = {}) =>
  unwrapCloseWebhook(raw as string, headers as Headers, { signatureKey: KEY, now: NOW, ...options });
const clarion = (raw: unknown, headers: object, options: object = {}) =>
  unwrapClarionWebhook(raw as string, headers as Headers, { publicKey: keys.publicKeyPem, now: NOW, ...options });
const closeHeaders = (text = body, key = KEY, timestamp = NOW_S) => signCloseWebhook(text, key, { timestamp });
const clarionHeaders = (text = report, options: object = {}) => signClarionWebhook(text, keys.privateKey, { timestamp: NOW, ...options });

/** Expects a WebhookVerificationError of this check whose message matches, and which leaks nothing. */
async function refused(promise: Promise<unknown>, check: string, message: RegExp, secrets: string[] = [KEY, SECRET]) {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(WebhookVerificationError);
  expect(error).toBeInstanceOf(SequenceSdkError);
  expect((error as WebhookVerificationError).check).toBe(check);
  expect((error as Error).message).toMatch(message);
  for (const secret of secrets) expect((error as Error).message).not.toContain(secret);
}

describe('unwrapCloseWebhook refuses bad input', () => {
  it('refuses a tampered body', async () => {
    await refused(close(body.replace('finished', 'active'), await closeHeaders()), 'signature', /does not match/);
  });
  it('refuses a delivery signed with another key', async () => {
    await refused(close(body, await closeHeaders(body, OTHER_KEY)), 'signature', /does not match/);
  });
  it('refuses a stale timestamp (a replay)', async () => {
    await refused(close(body, await closeHeaders(body, KEY, NOW_S - 301)), 'timestamp', /older than 300 s/);
  });
  it('refuses a timestamp from the future', async () => {
    await refused(close(body, await closeHeaders(body, KEY, NOW_S + 301)), 'timestamp', /in the future/);
  });
  it('honours a custom tolerance', async () => {
    await refused(close(body, await closeHeaders(body, KEY, NOW_S - 11), { toleranceSeconds: 10 }), 'timestamp', /older than 10 s/);
  });
  it('refuses a timestamp that was altered after signing', async () => {
    const headers = await closeHeaders();
    await refused(close(body, { ...headers, 'close-sig-timestamp': String(NOW_S - 1) }), 'signature', /does not match/);
  });
  it('refuses a missing close-sig-hash', async () => {
    await refused(close(body, { 'close-sig-timestamp': String(NOW_S) }), 'header', /close-sig-hash is missing/);
  });
  it('refuses a missing close-sig-timestamp', async () => {
    const { 'close-sig-hash': hash } = await closeHeaders();
    await refused(close(body, { 'close-sig-hash': hash }), 'header', /close-sig-timestamp is missing/);
  });
  it('refuses a truncated signature (odd-length hex)', async () => {
    const headers = await closeHeaders();
    await refused(close(body, { ...headers, 'close-sig-hash': headers['close-sig-hash']!.slice(0, -1) }), 'encoding', /not hex/);
  });
  it('refuses a signature cut to an even length', async () => {
    const headers = await closeHeaders();
    await refused(close(body, { ...headers, 'close-sig-hash': headers['close-sig-hash']!.slice(0, 32) }), 'signature', /does not match/);
  });
  it('refuses non-hex characters in the signature', async () => {
    const headers = await closeHeaders();
    await refused(close(body, { ...headers, 'close-sig-hash': 'zz'.repeat(32) }), 'encoding', /not hex/);
  });
  it('refuses a non-numeric timestamp', async () => {
    const headers = await closeHeaders();
    await refused(close(body, { ...headers, 'close-sig-timestamp': '2026-01-01' }), 'encoding', /not a whole number/);
  });
  it('refuses a duplicated signature header (Node array form)', async () => {
    const headers = await closeHeaders();
    await refused(close(body, { ...headers, 'close-sig-hash': [headers['close-sig-hash'], 'ab'] }), 'header', /more than once/);
  });
  it('refuses a duplicated header in a Headers object (joined with a comma)', async () => {
    const headers = new Headers(await closeHeaders());
    headers.append('close-sig-hash', 'abcd');
    await refused(close(body, headers), 'header', /more than once/);
  });
  it('refuses the same header twice in a plain object, in two spellings', async () => {
    const headers = await closeHeaders();
    await refused(close(body, { ...headers, 'Close-Sig-Hash': headers['close-sig-hash'] }), 'header', /more than once/);
  });
  it('refuses a parsed object, saying to pass the raw body', async () => {
    await refused(close(JSON.parse(body), await closeHeaders()), 'body', /pass the raw request body/);
  });
  it('refuses a null body', async () => {
    await refused(close(null, await closeHeaders()), 'body', /rawBody is null/);
  });
  it('refuses bytes that are not UTF-8', async () => {
    await refused(close(new Uint8Array([0xff, 0xfe]), await closeHeaders()), 'body', /not valid UTF-8/);
  });
  it('refuses a body that is not JSON after a valid signature', async () => {
    await refused(close('not json', await closeHeaders('not json')), 'payload', /not JSON/);
  });
  it('refuses JSON without an event after a valid signature', async () => {
    await refused(close('[1,2]', await closeHeaders('[1,2]')), 'payload', /not a JSON object/);
    await refused(close('{"a":1}', await closeHeaders('{"a":1}')), 'payload', /no event object/);
  });
  it('refuses a huge tampered body (and does not echo it)', async () => {
    const huge = JSON.stringify({ subscription_id: 'x', event: { object_type: 'lead', pad: 'x'.repeat(2_000_000) } });
    const headers = await closeHeaders(huge);
    const error = await close(`${huge} `, headers).catch((e: unknown) => e as Error);
    expect((error as WebhookVerificationError).check).toBe('signature');
    expect((error as Error).message.length).toBeLessThan(200);
  });
  it('refuses a missing or non-hex signature key without naming it', async () => {
    await refused(close(body, await closeHeaders(), { signatureKey: '' }), 'options', /signatureKey is required/);
    await refused(close(body, await closeHeaders(), { signatureKey: 'not-hex-key' }), 'encoding', /signatureKey is not hex/, [
      'not-hex-key',
    ]);
  });
  it('refuses a negative tolerance', async () => {
    await refused(close(body, await closeHeaders(), { toleranceSeconds: -1 }), 'options', /toleranceSeconds/);
  });
  it('refuses headers that are not an object', async () => {
    await refused(close(body, 'close-sig-hash: x' as unknown as object), 'header', /Headers or a plain object/);
  });
});

describe('unwrapClarionWebhook refuses bad input', () => {
  it('refuses a tampered body', async () => {
    await refused(clarion(report.replace('7', '8'), await clarionHeaders()), 'signature', /does not match/);
  });
  it("refuses a signature by another key (and, by default, anything not signed by Clarion's key)", async () => {
    const headers = await signClarionWebhook(report, otherKeys.privateKey, { timestamp: NOW });
    await refused(clarion(report, headers), 'signature', /does not match/);
    await refused(unwrapClarionWebhook(report, await clarionHeaders(), { now: NOW }), 'signature', /does not match/);
  });
  it('refuses a stale timestamp, read in milliseconds', async () => {
    await refused(clarion(report, await clarionHeaders(report, { timestamp: NOW - 301_000 })), 'timestamp', /older than 300 s/);
  });
  it('refuses a timestamp from the future', async () => {
    await refused(clarion(report, await clarionHeaders(report, { timestamp: NOW + 301_000 })), 'timestamp', /in the future/);
  });
  it('refuses a signature that is neither DER nor 64 bytes', async () => {
    const headers = await clarionHeaders();
    await refused(clarion(report, { ...headers, 'x-clarion-signature': 'ab'.repeat(40) }), 'encoding', /neither DER nor/);
  });
  it('refuses a truncated DER signature', async () => {
    const headers = await clarionHeaders();
    await refused(
      clarion(report, { ...headers, 'x-clarion-signature': headers['x-clarion-signature']!.slice(0, -2) }),
      'encoding',
      /neither DER/,
    );
  });
  it('refuses a missing X-Clarion-Signature', async () => {
    await refused(clarion(report, { 'x-clarion-timestamp': String(NOW) }), 'header', /X-Clarion-Signature is missing/i);
  });
  it('refuses a wrong or missing X-Clarion-Secret without naming the secret', async () => {
    const headers = await clarionHeaders(report, { secret: 'wrong-one' });
    await refused(clarion(report, headers, { secret: SECRET }), 'signature', /X-Clarion-Secret does not match/);
    await refused(clarion(report, await clarionHeaders(), { secret: SECRET }), 'header', /X-Clarion-Secret is missing/);
  });
  it('refuses a public key that is not a P-256 SPKI PEM', async () => {
    await refused(clarion(report, await clarionHeaders(), { publicKey: 'garbage' }), 'options', /SPKI PEM/);
  });
  it('refuses a CryptoKey that cannot verify ECDSA', async () => {
    const hmac = await crypto.subtle.importKey('raw', new Uint8Array(32), { name: 'HMAC', hash: 'SHA-256' }, false, ['verify']);
    await refused(clarion(report, await clarionHeaders(), { publicKey: hmac }), 'options', /ECDSA P-256 key/);
  });
  it('refuses non-JSON after a valid signature', async () => {
    await refused(clarion('<xml/>', await clarionHeaders('<xml/>')), 'payload', /not JSON/);
  });
});

describe('unwrapWhippyWebhook refuses bad input', () => {
  const NOW = Date.parse('2026-03-01T12:00:00Z');
  const at = { now: NOW };
  const signed = (body = whippyBody, key = SECRET, timestamp = NOW / 1000) => signWhippyWebhook(body, key, { timestamp });
  it('refuses to parse without an API key unless told { unverified: true }', async () => {
    await refused(unwrapWhippyWebhook(whippyBody, {}), 'options', /unverified: true/);
  });
  it('refuses the old { secret } option, pointing to apiKey', async () => {
    const old = { secret: SECRET } as unknown as { unverified: true };
    await refused(unwrapWhippyWebhook(whippyBody, await signed(), old), 'options', /pass \{ apiKey \}/);
  });
  it('refuses a tampered body', async () => {
    const body = whippyBody.replace('finished', 'active');
    await refused(unwrapWhippyWebhook(body, await signed(), { apiKey: SECRET, ...at }), 'signature', /does not match/);
  });
  it('refuses a delivery signed with another API key', async () => {
    await refused(
      unwrapWhippyWebhook(whippyBody, await signed(whippyBody, 'other'), { apiKey: SECRET, ...at }),
      'signature',
      /does not match/,
    );
  });
  it('refuses a timestamp older than 300 s, and one changed after signing', async () => {
    const old = await signed(whippyBody, SECRET, NOW / 1000 - 301);
    await refused(unwrapWhippyWebhook(whippyBody, old, { apiKey: SECRET, ...at }), 'timestamp', /older than 300 s/);
    const { 'x-whippy-signature': value } = await signed();
    const moved = { 'x-whippy-signature': value!.replace(`t=${NOW / 1000}`, `t=${NOW / 1000 - 1}`) };
    await refused(unwrapWhippyWebhook(whippyBody, moved, { apiKey: SECRET, ...at }), 'signature', /does not match/);
  });
  it('refuses a missing, malformed or duplicated X-Whippy-Signature', async () => {
    const options = { apiKey: SECRET, ...at };
    await refused(unwrapWhippyWebhook(whippyBody, {}, options), 'header', /X-Whippy-Signature is missing/i);
    await refused(unwrapWhippyWebhook(whippyBody, { 'x-whippy-signature': 'abc' }, options), 'header', /<name>=<timestamp>/);
    const { 'x-whippy-signature': value } = await signed();
    const twice = new Headers([
      ['x-whippy-signature', value!],
      ['x-whippy-signature', value!],
    ]);
    await refused(unwrapWhippyWebhook(whippyBody, twice, options), 'header', /more than once/);
    await refused(unwrapWhippyWebhook(whippyBody, { 'x-whippy-signature': [value!, value!] }, options), 'header', /more than once/);
    const notBase64 = value!.replace(/v1=.*/, 'v1=%%%');
    await refused(unwrapWhippyWebhook(whippyBody, { 'x-whippy-signature': notBase64 }, options), 'encoding', /not Base64/);
  });
  it('refuses a body that is not a { data, event } envelope', async () => {
    await refused(unwrapWhippyWebhook('{"data":{}}', {}, { unverified: true }), 'payload', /envelope/);
  });
});
