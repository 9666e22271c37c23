import { describe, expect, it } from 'vitest';
import { itParsesEachExample } from '../helpers/examples.js';
import type * as z from 'zod/mini';
import {
  describeWhippyError,
  listEnvelope,
  SequenceRunSchema,
  SequenceSchema,
  SequenceStepSchema,
  StepContactSchema,
} from '../../src/whippy/index.js';
import examples from '../fixtures/whippy.json' with { type: 'json' };

type Example = { example?: { data?: unknown } & Record<string, unknown> };
const byName = examples as unknown as Record<string, Example>;

// Whippy publishes no REST response examples; its webhook samples are the best evidence of the
// object shapes, so every one of them must parse under 'strict' and keep every field.
const webhookSamples: [string, z.ZodMiniType][] = [
  ['WEBHOOK sequence.created', SequenceSchema],
  ['WEBHOOK sequence.updated', SequenceSchema],
  ['WEBHOOK step.created', SequenceStepSchema],
  ['WEBHOOK step.updated', SequenceStepSchema],
  ['WEBHOOK step_contact.created', StepContactSchema],
  ['WEBHOOK step_contact.updated', StepContactSchema],
  ['WEBHOOK sequence_run.created', SequenceRunSchema],
  ['WEBHOOK sequence_run.updated', SequenceRunSchema],
];

describe('Whippy documentation examples', () => {
  itParsesEachExample('data parses and keeps every field', webhookSamples, (name) => byName[name]!.example!.data, true);

  it('the documented list envelope parses', () => {
    const body = byName['LIST (any list endpoint) pagination envelope']!.example;
    expect(listEnvelope(SequenceSchema).safeParse({ ...body, data: [] }).success).toBe(true);
    expect((body as { total: number }).total).toBe(1);
  });

  it('the documented error body becomes a readable message', () => {
    expect(describeWhippyError(byName['ANY error body']!.example)).toEqual({ errors: ['Not authenticated'], fieldErrors: {} });
  });
});
