import { describe, expect, it } from 'vitest';
import type { InvalidRequestError } from '../../src/index.js';
import { useClarionFake } from '../helpers/clarion.js';

const clarion = useClarionFake();

describe('clarion.definitions', () => {
  it('retrieves a definition with steps, inputs and outreach schedule', async () => {
    const def = await clarion.client().definitions.retrieve(clarion.definitionId());
    expect(def.steps_definition?.map((s) => s.type)).toEqual(['voice', 'sms']);
    expect(def.outreach_schedule?.days_of_week).toContain('monday');
    expect(def.ehr_action).toBe('has-ehr-file');
  });

  it('creates and updates a definition (bare objects)', async () => {
    const client = clarion.client();
    const created = await client.definitions.create({ name: 'Follow-up', steps: [{ order: 1, type: 'sms', config: { template: 'hi' } }] });
    expect(created.name).toBe('Follow-up');
    const updated = await client.definitions.update(created.id, { name: 'Follow-up v2' });
    expect(updated.name).toBe('Follow-up v2');
    expect(clarion.fake.requests.map((r) => r.method)).toEqual(['POST', 'PUT']);
  });

  it('refuses a definition without steps before sending', async () => {
    const error = (await clarion
      .client()
      // @ts-expect-error steps are required
      .definitions.create({ name: 'x' })
      .catch((e: unknown) => e)) as InvalidRequestError;
    expect(error.field).toBe('steps');
    expect(clarion.fake.requestCount).toBe(0);
  });
});
