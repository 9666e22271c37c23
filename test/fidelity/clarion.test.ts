import { describe, expect, it } from 'vitest';
import { SEQUENCE_TYPES } from '../../src/clarion/index.js';
import { ResponseValidationError } from '../../src/index.js';
import { useClarionFake } from '../helpers/clarion.js';

const clarion = useClarionFake();

const rejection = (promise: PromiseLike<unknown>) => Promise.resolve(promise).then(null, (e: unknown) => e);

// Issue 11 items 5 and 6: refuse nothing the docs allow; require every field they document.
describe('clarion follows its docs', () => {
  it.each(['current_step', 'organization_id', 'patient_id', 'was_contact_reached', 'is_test_mode', 'last_updated'])(
    "a Clarion sequence without its documented %s fails under 'strict' (seed 000 field table)",
    async (field) => {
      const id = clarion.sequenceIn('queued');
      delete clarion.fake.sequences.get(id)![field];
      expect(await rejection(clarion.client({ validation: 'strict' }).sequences.retrieve(id))).toBeInstanceOf(ResponseValidationError);
      clarion.fake.sequences.get(id)![field] = null;
      expect(await rejection(clarion.client({ validation: 'strict' }).sequences.retrieve(id))).toBeInstanceOf(ResponseValidationError);
    },
  );
  it("lists Clarion's sequence types as the field table does: follow_up and other are documented", () => {
    expect(SEQUENCE_TYPES).toEqual(['appointment_reminder', 'follow_up', 'other']);
  });
});
