import { createHmac, generateKeyPairSync, sign as nodeSign, verify as nodeVerify } from 'node:crypto';
import { describe, expect, expectTypeOf, it } from 'vitest';
import { CLARION_WEBHOOK_PUBLIC_KEY, isEndOfSequenceReport, unwrapClarionWebhook, type ClarionCall } from '../../src/clarion/index.js';
import { isCloseEvent, unwrapCloseWebhook, type SequenceSubscription } from '../../src/close/index.js';
import { createClarionTestKeys, signClarionWebhook, signCloseWebhook, signWhippyWebhook } from '../../src/testing/index.js';
import { isWhippyEvent, unwrapWhippyWebhook, type SequenceRun } from '../../src/whippy/index.js';

const KEY = '00112233445566778899aabbccddeeff00112233445566778899aabbccddeeff';
const NOW_S = 1_780_000_000;
const closeBody = JSON.stringify({
  subscription_id: 'whsub_1',
  event: {
    id: 'ev_1',
    object_type: 'sequence_subscription',
    object_id: 'sub_1',
    action: 'updated',
    data: { id: 'sub_1', status: 'finished' },
  },
});

describe('Close webhook signatures', () => {
  it('agree with an independent HMAC (node:crypto createHmac over timestamp + body, hex-decoded key)', async () => {
    const headers = await signCloseWebhook(closeBody, KEY, { timestamp: NOW_S });
    const expected = createHmac('sha256', Buffer.from(KEY, 'hex')).update(`${NOW_S}${closeBody}`).digest('hex');
    expect(headers['close-sig-hash']).toBe(expected);
    const viaNode = { 'close-sig-hash': expected, 'close-sig-timestamp': String(NOW_S) };
    const payload = await unwrapCloseWebhook(closeBody, viaNode, { signatureKey: KEY, now: NOW_S * 1000 });
    expect(payload.subscription_id).toBe('whsub_1');
  });

  it('accept the body as a string, bytes or an ArrayBuffer, and headers as Headers, a plain object or IncomingHttpHeaders', async () => {
    const signed = await signCloseWebhook(closeBody, KEY, { timestamp: NOW_S });
    const bytes = new TextEncoder().encode(closeBody);
    const options = { signatureKey: KEY, now: NOW_S * 1000 };
    for (const raw of [closeBody, bytes, bytes.buffer]) {
      for (const headers of [
        new Headers(signed),
        signed,
        { 'Close-Sig-Hash': [signed['close-sig-hash']!], 'close-sig-timestamp': String(NOW_S) },
      ]) {
        await expect(unwrapCloseWebhook(raw, headers, options)).resolves.toMatchObject({ event: { id: 'ev_1' } });
      }
    }
  });

  it('narrows a subscription event with isCloseEvent and keeps other object types as the generic event', async () => {
    const { event } = await unwrapCloseWebhook(closeBody, await signCloseWebhook(closeBody, KEY), { signatureKey: KEY });
    expect(isCloseEvent(event, 'sequence_subscription')).toBe(true);
    if (isCloseEvent(event, 'sequence_subscription')) expectTypeOf(event.data).toEqualTypeOf<SequenceSubscription | null | undefined>();
    const lead = JSON.stringify({
      subscription_id: 'whsub_1',
      event: { id: 'ev_2', object_type: 'lead', object_id: 'lead_1', action: 'merged' },
    });
    const other = await unwrapCloseWebhook(lead, await signCloseWebhook(lead, KEY), { signatureKey: KEY });
    expect(other.event.object_type).toBe('lead');
    expect(isCloseEvent(other.event, 'sequence')).toBe(false);
  });
});

const report = JSON.stringify({
  id: 42,
  status: 'ended',
  outcome_description: 'Reached',
  last_updated: '2026-01-01T00:00:00Z',
  outreach: [{ type: 'call', step: 1, call: { id: 9, assistant_id: 31, call_status: 'ended', outcome: 'voicemail' } }],
});

describe('Clarion webhook signatures', () => {
  it("accept a DER signature made by Node's crypto.sign, over `${timestamp}.${body}`", async () => {
    const { privateKey, publicKey } = generateKeyPairSync('ec', { namedCurve: 'P-256' });
    const timestamp = Date.now();
    const der = nodeSign('sha256', Buffer.from(`${timestamp}.${report}`), privateKey).toString('hex');
    const pem = publicKey.export({ type: 'spki', format: 'pem' }).toString();
    const headers = { 'x-clarion-signature': der, 'x-clarion-timestamp': String(timestamp) };
    const payload = await unwrapClarionWebhook(report, headers, { publicKey: pem });
    expect(isEndOfSequenceReport(payload) && payload.outreach[0]?.call?.outcome).toBe('voicemail');
  });

  it("make DER signatures that Node's crypto.verify accepts, and raw r‖s ones the verifier accepts too", async () => {
    const keys = await createClarionTestKeys();
    const der = await signClarionWebhook(report, keys.privateKey, { timestamp: 1_700_000_000_000 });
    const message = Buffer.from(`1700000000000.${report}`);
    expect(nodeVerify('sha256', message, keys.publicKeyPem, Buffer.from(der['x-clarion-signature']!, 'hex'))).toBe(true);
    const raw = await signClarionWebhook(report, keys.privateKey, { encoding: 'raw' });
    expect(raw['x-clarion-signature']).toHaveLength(128);
    await expect(unwrapClarionWebhook(report, raw, { publicKey: keys.publicKey })).resolves.toMatchObject({ id: 42 });
  });

  it('checks X-Clarion-Secret alone with secretOnly, or with the signature by default', async () => {
    const keys = await createClarionTestKeys();
    const secret = 'clarion, dashboard secret'; // a comma is no duplicate here: the secret is the user's
    const signed = await signClarionWebhook(report, keys.privateKey, { secret });
    await expect(unwrapClarionWebhook(report, { 'x-clarion-secret': secret }, { secret, secretOnly: true })).resolves.toMatchObject({
      id: 42,
    });
    await expect(unwrapClarionWebhook(report, signed, { secret, publicKey: keys.publicKeyPem })).resolves.toMatchObject({ id: 42 });
  });

  it("uses Clarion's published key by default and tells an End of Call from a report", async () => {
    expect(CLARION_WEBHOOK_PUBLIC_KEY).toContain('MFkwEwYHKoZIzj0CAQYIKoZIzj0DAQcDQgAEUTo6buTe5YfARuqL9LEHbfxij5/Y');
    const keys = await createClarionTestKeys();
    const call = JSON.stringify({ id: 5, assistant_id: 31, call_status: 'ended', ended_reason: 'silence-timed-out' });
    const payload = await unwrapClarionWebhook(call, await signClarionWebhook(call, keys.privateKey), { publicKey: keys.publicKeyPem });
    expect(isEndOfSequenceReport(payload)).toBe(false);
    if (!isEndOfSequenceReport(payload)) expectTypeOf(payload).toEqualTypeOf<ClarionCall>();
    expect(payload).toMatchObject({ ended_reason: 'silence-timed-out' });
  });
});

const whippyBody = JSON.stringify({ data: { id: 'run_1', status: 'finished' }, event: 'sequence_run.updated', request_id: 'req_1' });

describe('Whippy webhooks', () => {
  it('agree with an independent HMAC of `<timestamp>.<body>`, Base64 without padding (the unconfirmed X-Whippy-Signature scheme)', async () => {
    const now = Date.parse('2026-03-01T12:00:00Z');
    const timestamp = now / 1000;
    const headers = await signWhippyWebhook(whippyBody, 's3cret', { timestamp });
    const expected = createHmac('sha256', 's3cret').update(`${timestamp}.${whippyBody}`).digest('base64').replace(/=+$/, '');
    expect(headers['x-whippy-signature']).toBe(`t=${timestamp},v1=${expected}`);
    await expect(unwrapWhippyWebhook(whippyBody, headers, { apiKey: 's3cret', now })).resolves.toMatchObject({
      event: 'sequence_run.updated',
    });
  });

  it('accept padded Base64 and any pair names (the pairs are read by position)', async () => {
    const now = Date.parse('2026-03-01T12:00:00Z');
    const headers = await signWhippyWebhook(whippyBody, 's3cret', { timestamp: now / 1000, padded: true });
    expect(headers['x-whippy-signature']).toMatch(/=$/);
    const renamed = { 'X-Whippy-Signature': headers['x-whippy-signature']!.replace('t=', 'ts=').replace('v1=', 'sig=') };
    await expect(unwrapWhippyWebhook(whippyBody, renamed, { apiKey: 's3cret', now })).resolves.toMatchObject({ request_id: 'req_1' });
  });

  it('no longer accept the hex HMAC of the body alone', async () => {
    const hex = createHmac('sha256', 's3cret').update(whippyBody).digest('hex');
    await expect(unwrapWhippyWebhook(whippyBody, { 'x-whippy-signature': hex }, { apiKey: 's3cret' })).rejects.toThrow(
      /<name>=<timestamp>/,
    );
  });

  it('parses unchecked only when told { unverified: true }, narrowing by event name, unknown events kept generic', async () => {
    const ev = await unwrapWhippyWebhook(whippyBody, {}, { unverified: true });
    expect(isWhippyEvent(ev, 'sequence_run.updated')).toBe(true);
    if (isWhippyEvent(ev, 'sequence_run.updated')) expectTypeOf(ev.data).toEqualTypeOf<SequenceRun>();
    const other = await unwrapWhippyWebhook('{"data":{"id":"m"},"event":"message.created"}', new Headers(), { unverified: true });
    expect(other.event).toBe('message.created');
  });
});
