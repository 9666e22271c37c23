import { describe, expectTypeOf, it } from 'vitest';
import type * as z from 'zod/mini';
import type * as close from '../../src/close/index.js';
import type * as whippy from '../../src/whippy/index.js';
import type * as clarion from '../../src/clarion/index.js';
import { raw } from '../../src/index.js';
import { subscriptionsFilter, type CloseClient } from '../../src/close/index.js';

/** A schema's output without the index signatures loose objects add, at every depth. */
type Known<T> = T extends readonly (infer Item)[]
  ? Known<Item>[]
  : T extends object
    ? { [K in keyof T as string extends K ? never : number extends K ? never : K]: Known<T[K]> }
    : T;
/** What a schema parses to, known fields only. */
type Parsed<S extends z.ZodMiniType> = Known<z.output<S>>;

// Each named model type names exactly the fields of its schema, with the same types: change one
// and forget the other, and `npm run typecheck` fails here.
describe('model types match their schemas', () => {
  it('Close', () => {
    expectTypeOf<Parsed<typeof close.SequenceSchema>>().toEqualTypeOf<Known<close.Sequence>>();
    expectTypeOf<Parsed<typeof close.SequenceStepSchema>>().toEqualTypeOf<Known<close.SequenceStep>>();
    expectTypeOf<Parsed<typeof close.ScheduleSchema>>().toEqualTypeOf<Known<close.Schedule>>();
    expectTypeOf<Parsed<typeof close.SubscriptionCountsSchema>>().toEqualTypeOf<Known<close.SubscriptionCounts>>();
    expectTypeOf<Parsed<typeof close.SequenceSubscriptionSchema>>().toEqualTypeOf<Known<close.SequenceSubscription>>();
    expectTypeOf<Parsed<typeof close.BulkSequenceSubscriptionActionSchema>>().toEqualTypeOf<Known<close.BulkSequenceSubscriptionAction>>();
  });

  it('Whippy', () => {
    expectTypeOf<Parsed<typeof whippy.SequenceSchema>>().toEqualTypeOf<Known<whippy.Sequence>>();
    expectTypeOf<Parsed<typeof whippy.SequenceStepSchema>>().toEqualTypeOf<Known<whippy.SequenceStep>>();
    expectTypeOf<Parsed<typeof whippy.SequenceSettingsSchema>>().toEqualTypeOf<Known<whippy.SequenceSettings>>();
    expectTypeOf<Parsed<typeof whippy.SequenceRunSchema>>().toEqualTypeOf<Known<whippy.SequenceRun>>();
    expectTypeOf<Parsed<typeof whippy.StepContactSchema>>().toEqualTypeOf<Known<whippy.StepContact>>();
    expectTypeOf<Parsed<typeof whippy.ContactSequenceSchema>>().toEqualTypeOf<Known<whippy.ContactSequence>>();
  });

  it('Clarion', () => {
    expectTypeOf<Parsed<typeof clarion.SequenceSchema>>().toEqualTypeOf<Known<clarion.Sequence>>();
    expectTypeOf<Parsed<typeof clarion.SequenceStepSchema>>().toEqualTypeOf<Known<clarion.SequenceStep>>();
    expectTypeOf<Parsed<typeof clarion.SequenceDefinitionSchema>>().toEqualTypeOf<Known<clarion.SequenceDefinition>>();
    expectTypeOf<Parsed<typeof clarion.StopResultSchema>>().toEqualTypeOf<Known<clarion.StopResult>>();
  });
});

describe('model types name only the known fields', () => {
  it('a misspelt field is a type error; raw() reads an unknown one as unknown', () => {
    const seq: close.Sequence = { id: 'seq_1', name: 'Onboarding', status: 'active', steps: [{ id: 'seqstep_1' }] };
    // @ts-expect-error -- `nmae` is not a field of a Close sequence
    void seq.nmae;
    // @ts-expect-error -- no index signature on nested models either
    void seq.steps[0]?.dealy;
    // @ts-expect-error -- nor on Whippy's or Clarion's
    void ({} as whippy.StepContact).stauts;
    // @ts-expect-error -- Clarion
    void ({} as clarion.Sequence).patientId;
    expectTypeOf(raw(seq).new_field).toEqualTypeOf<unknown>();
    expectTypeOf(raw(seq).name).toEqualTypeOf<string>();
  });

  it('documented Clarion fields are non-null', () => {
    expectTypeOf<clarion.Sequence['current_step']>().toEqualTypeOf<number>();
    expectTypeOf<clarion.Sequence['organization_id']>().toEqualTypeOf<number>();
    expectTypeOf<clarion.Sequence['patient_id']>().toEqualTypeOf<number>();
    expectTypeOf<clarion.Sequence['was_contact_reached']>().toEqualTypeOf<boolean>();
    expectTypeOf<clarion.Sequence['is_test_mode']>().toEqualTypeOf<boolean>();
    expectTypeOf<clarion.Sequence['last_updated']>().toEqualTypeOf<string>();
  });
});

describe('the subscription scope rule is a type error', () => {
  it('an unscoped builder is refused by subscriptions.list, a scoped one accepted', () => {
    const list = (filter: Parameters<CloseClient['subscriptions']['list']>[0]) => filter;
    // @ts-expect-error -- no sequence, contact or lead: the type demands a scope
    list(subscriptionsFilter().limit(5));
    list(subscriptionsFilter().sequence('seq_1').limit(5));
    list(subscriptionsFilter().limit(5).lead('lead_1'));
    // @ts-expect-error -- the plain object needs a scope too
    list({ _limit: 5 });
    // That it holds in the shipped .d.ts too: test/types/declarations.test.ts.
  });
});
