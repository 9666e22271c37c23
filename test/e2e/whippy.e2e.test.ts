import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { contactSequencesFilter, runsFilter, sequenceContactsFilter, WhippyClient } from '../../src/whippy/index.js';
import { NotFoundError } from '../../src/index.js';
import { startFakeServer, type FakeServer } from '../../src/testing/index.js';

let server: FakeServer;
let whippy: WhippyClient;

beforeAll(async () => {
  server = await startFakeServer();
  whippy = new WhippyClient({ baseUrl: server.whippy.baseUrl, apiKey: 'test_whippy_key', logLevel: 'off' });
});
afterAll(() => server.stop());
beforeEach(() => server.whippy.fake.resetFaults());

describe('Whippy over real sockets', () => {
  it('enrols a contact and follows it through runs, step contacts and its sequences, then removes it', async () => {
    const [welcome] = await whippy.sequences.list({ title: 'Welcome' }).toArray({ limit: 1 });
    const seq = await whippy.sequences.retrieve(welcome!.id);
    expect(seq.steps).toHaveLength(3);

    const added = await whippy.sequences.contacts.add(seq.id, {
      to: [{ phone: '+44 20 7946 0958', name: 'Ada Lovelace', email: 'ada@example.org' }],
    });
    expect(added.calls.map((c) => c.status)).toEqual([202]);

    const [run] = await whippy.sequences.runs.list(seq.id, runsFilter().phone('+44 20 7946 0958').status('active')).toArray({ limit: 5 });
    expect(run?.contact?.name).toBe('Ada Lovelace');
    expect((await whippy.sequences.runs.retrieve(seq.id, run!.id)).id).toBe(run!.id);

    const [stepContact] = await whippy.sequences.contacts
      .list(seq.id, sequenceContactsFilter().status('active').steps(seq.steps![0]!.id).clickedLink(false))
      .toArray({ limit: 100 })
      .then((all) => all.filter((c) => c.contact?.phone === '+442079460958'));
    expect(stepContact?.step_id).toBe(seq.steps![0]!.id);

    const contactId = String(stepContact!.contact!.id);
    const [entry] = await whippy.contacts.sequences.list(contactId, contactSequencesFilter().sequence(seq.id)).toArray({ limit: 5 });
    expect(entry?.current_step?.title).toBe('Welcome');

    await whippy.sequences.contacts.remove(seq.id, { contacts: [{ phone: '+442079460958' }] });
    const after = await whippy.sequences.runs.list(seq.id, { phone: '+442079460958' }).toArray({ limit: 5 });
    expect(after.map((r) => r.status)).toEqual(['finished']);
  });

  it('answers an unknown sequence with NotFoundError', async () => {
    await expect(whippy.sequences.retrieve('00000000-0000-4000-8000-000000000000')).rejects.toBeInstanceOf(NotFoundError);
  });

  it('pulls 2,000 runs with concurrency, in order, asking nothing past the total', async () => {
    const seq = server.whippy.fake.addSequence('Bulk', ['One']);
    server.whippy.fake.seedRuns(String(seq.id), 2_000);
    const serial = await whippy.sequences.runs.list(String(seq.id), { limit: 100 }).toArray({ limit: 5_000 });
    server.whippy.fake.resetFaults();
    const parallel = await whippy.sequences.runs.list(String(seq.id), { limit: 100 }, { concurrency: 8 }).toArray({ limit: 5_000 });
    expect(parallel.map((r) => r.id)).toEqual(serial.map((r) => r.id));
    expect(parallel).toHaveLength(2_000);
    expect(server.whippy.fake.requestCount).toBe(20);
  });

  it('waits out a 429 using the vendor header under a live rate limit', async () => {
    server.whippy.fake.setRateLimit({ limit: 4, windowMs: 300 });
    const ids = [...server.whippy.fake.sequences.keys()];
    const results = await Promise.all([...ids, ...ids, ...ids].map((id) => whippy.sequences.retrieve(id)));
    expect(results).toHaveLength(ids.length * 3);
    expect(server.whippy.fake.rateLimitedCount).toBeGreaterThan(0);
  });
});
