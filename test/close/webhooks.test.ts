import { describe, expect, it } from 'vitest';
import { InvalidRequestError, NotFoundError } from '../../src/index.js';
import { useCloseFake } from '../helpers/close.js';

const close = useCloseFake();
const events = [{ object_type: 'sequence_subscription', action: 'updated' }];

describe('close.webhooks', () => {
  it('creates a subscription and returns its signature key; lists, retrieves, updates and deletes it', async () => {
    const client = close.client();
    const hook = await client.webhooks.create({ url: 'https://example.org/hooks/close', events });
    expect(hook.signature_key).toMatch(/^[0-9a-f]{64}$/);
    expect(close.fake.requests[0]?.body).toEqual({ url: 'https://example.org/hooks/close', events });
    expect((await client.webhooks.list().toArray({ limit: 10 })).map((h) => h.id)).toEqual([hook.id]);
    expect((await client.webhooks.retrieve(hook.id)).url).toBe('https://example.org/hooks/close');
    expect((await client.webhooks.update(hook.id, { status: 'paused' })).status).toBe('paused');
    await client.webhooks.delete(hook.id);
    await expect(client.webhooks.retrieve(hook.id)).rejects.toBeInstanceOf(NotFoundError);
  });

  it('refuses a create without events, with a non-URL, or an update with an unknown status, before sending', async () => {
    const client = close.client();
    await expect(client.webhooks.create({ url: 'https://example.org', events: [] })).rejects.toBeInstanceOf(InvalidRequestError);
    await expect(client.webhooks.create({ url: 'example.org', events })).rejects.toThrow(/http\(s\) URL/);
    await expect(client.webhooks.update('whsub_1', { status: 'deleted' as never })).rejects.toBeInstanceOf(InvalidRequestError);
    await expect(client.webhooks.retrieve('../x')).rejects.toBeInstanceOf(InvalidRequestError);
    expect(close.fake.requests).toHaveLength(0);
  });

  it('delivers only to active subscriptions that asked for the event', async () => {
    const client = close.client();
    const wanted = await client.webhooks.create({ url: 'http://127.0.0.1:9/wanted', events });
    await client.webhooks.create({ url: 'http://127.0.0.1:9/other', events: [{ object_type: 'sequence', action: 'created' }] });
    const paused = await client.webhooks.create({ url: 'http://127.0.0.1:9/paused', events });
    await client.webhooks.update(paused.id, { status: 'paused' });
    const log = close.fake.eventLog;
    const sent: string[] = [];
    log.outbox.send = (url) => void sent.push(url); // record instead of POSTing
    log.record('sequence_subscription', 'updated', { id: 'sub_1', status: 'paused' }, { id: 'sub_1', status: 'active' });
    expect(sent).toEqual([wanted.url]);
    expect(log.events.at(-1)).toMatchObject({ changed_fields: ['status'], previous_data: { status: 'active' } });
  });
});
