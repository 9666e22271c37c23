import { describe } from 'vitest';
import { itParsesEachExample } from '../helpers/examples.js';
import type * as z from 'zod/mini';
import {
  BulkSequenceSubscriptionActionSchema,
  listEnvelope,
  SequenceCreateSchema,
  SequenceSchema,
  SequenceSubscriptionSchema,
  SequenceUpdateSchema,
  SubscriptionCreateSchema,
  SubscriptionUpdateSchema,
  BulkSubscriptionCreateSchema,
} from '../../src/close/index.js';
import examples from '../fixtures/close.json' with { type: 'json' };

// Every documented example must parse under 'strict' (the models' own schemas), both ways.
const responses: [string, z.ZodMiniType][] = [
  ['GET /sequence/', listEnvelope(SequenceSchema)],
  ['POST /sequence/', SequenceSchema],
  ['GET /sequence/{id}/', SequenceSchema],
  ['PUT /sequence/{id}/', SequenceSchema],
  ['GET /sequence_subscription/', listEnvelope(SequenceSubscriptionSchema)],
  ['POST /sequence_subscription/', SequenceSubscriptionSchema],
  ['GET /sequence_subscription/{id}/', SequenceSubscriptionSchema],
  ['PUT /sequence_subscription/{id}/', SequenceSubscriptionSchema],
  ['GET /bulk_action/sequence_subscription/', listEnvelope(BulkSequenceSubscriptionActionSchema)],
  ['POST /bulk_action/sequence_subscription/', BulkSequenceSubscriptionActionSchema],
  ['GET /bulk_action/sequence_subscription/{id}/', BulkSequenceSubscriptionActionSchema],
];
const requests: [string, z.ZodMiniType][] = [
  ['POST /sequence/', SequenceCreateSchema],
  ['PUT /sequence/{id}/', SequenceUpdateSchema],
  ['POST /sequence_subscription/', SubscriptionCreateSchema],
  ['PUT /sequence_subscription/{id}/', SubscriptionUpdateSchema],
  ['POST /bulk_action/sequence_subscription/', BulkSubscriptionCreateSchema],
];

type Example = { response_200?: unknown; response_201?: unknown; request?: unknown };
const byEndpoint = examples as unknown as Record<string, Example>;

describe('Close documentation examples', () => {
  itParsesEachExample(
    'response parses and keeps every field',
    responses,
    (name) => {
      const example = byEndpoint[name]!;
      return example.response_200 ?? example.response_201;
    },
    true,
  );
  itParsesEachExample('request body passes the input checks', requests, (name) => byEndpoint[name]!.request, false);
});
