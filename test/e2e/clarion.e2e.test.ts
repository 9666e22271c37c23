import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ClarionClient } from '../../src/clarion/index.js';
import { BadRequestError } from '../../src/index.js';
import { startFakeServer, type FakeServer } from '../../src/testing/index.js';
import { patientRows } from '../helpers/clarion.js';

let server: FakeServer;
let clarion: ClarionClient;

beforeAll(async () => {
  server = await startFakeServer();
  clarion = new ClarionClient({ baseUrl: server.clarion.baseUrl, apiKey: 'test_clarion_token', logLevel: 'off' });
});
afterAll(() => server.stop());

describe('Clarion over real sockets', () => {
  it('defines, batch-uploads 250 patients in 3 calls, lists, updates and stops', async () => {
    const definition = await clarion.definitions.create({ name: 'Flu shot reminder', steps: [{ order: 1, type: 'voice', config: {} }] });
    expect((await clarion.definitions.retrieve(definition.id)).name).toBe('Flu shot reminder');
    await clarion.definitions.update(definition.id, { description: 'October campaign' });

    const result = await clarion.sequences.batchUpload({ sequence_definition_id: definition.id, rows: patientRows(250) });
    expect(result).toMatchObject({ valid: true, total_attempted: 250, created_count: 250, calls: 3 });
    expect(server.clarion.fake.uploads.map((u) => u.rows)).toEqual([100, 100, 50]);

    const mine = (await clarion.sequences.list().toArray({ limit: 10_000 })).filter((s) => s.sequence_definition_id === definition.id);
    expect(mine).toHaveLength(250);
    const [first] = mine;
    await clarion.sequences.update(first!.id, { name: 'renamed' });
    expect(await clarion.sequences.stop(first!.id)).toEqual({ success: true });
    expect((await clarion.sequences.retrieve(first!.id)).status).toBe('cancelled');
    await expect(clarion.sequences.stop(first!.id)).rejects.toBeInstanceOf(BadRequestError);
  });

  it('creates a single sequence', async () => {
    const created = await clarion.sequences.create({ name: 'One-off', steps: [{ order: 1, type: 'sms', config: {} }] });
    expect((await clarion.sequences.retrieve(created.id)).id).toBe(created.id);
  });
});
