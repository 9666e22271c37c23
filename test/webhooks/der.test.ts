import { generateKeyPairSync, sign as nodeSign } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { unwrapClarionWebhook } from '../../src/clarion/index.js';
import { derToRaw } from '../../src/core/webhook-crypto.js';
import { rawToDer } from '../../src/testing/webhook-signers.js';

describe('DER and raw ECDSA signatures', () => {
  it('round-trips r‖s with leading zeros and high bits through DER', () => {
    const raw = new Uint8Array(64);
    raw[31] = 1; // r = 1: a one-byte INTEGER
    raw.fill(0xff, 32); // s has its high bit set: a 33-byte INTEGER with a 0x00 pad
    const der = rawToDer(raw);
    expect([...der.subarray(0, 5)]).toEqual([0x30, der.length - 2, 0x02, 0x01, 0x01]);
    expect(derToRaw(der)).toEqual(raw);
  });

  it('refuses DER with a bad length, a wrong tag or trailing bytes', () => {
    const der = rawToDer(new Uint8Array(64).fill(7));
    expect(derToRaw(der.subarray(0, -1))).toBeUndefined();
    expect(derToRaw(Uint8Array.from([0x31, ...der.subarray(1)]))).toBeUndefined();
    expect(derToRaw(Uint8Array.from([0x30, der.length - 1, ...der.subarray(2), 0]))).toBeUndefined();
  });

  it("verifies 20 signatures from Node's crypto.sign (INTEGERs of 31 to 33 bytes)", async () => {
    const { privateKey, publicKey } = generateKeyPairSync('ec', { namedCurve: 'P-256' });
    const pem = publicKey.export({ type: 'spki', format: 'pem' }).toString();
    const body = '{"id":1,"assistant_id":2,"call_status":"ended"}';
    for (let i = 0; i < 20; i++) {
      const timestamp = String(Date.now());
      const signature = nodeSign('sha256', Buffer.from(`${timestamp}.${body}`), privateKey).toString('hex');
      await expect(
        unwrapClarionWebhook(body, { 'x-clarion-signature': signature, 'x-clarion-timestamp': timestamp }, { publicKey: pem }),
      ).resolves.toMatchObject({ id: 1 });
    }
  });
});
