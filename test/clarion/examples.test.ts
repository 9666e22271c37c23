import { describe } from 'vitest';
import { itParsesEachExample } from '../helpers/examples.js';
import * as z from 'zod/mini';
import {
  BatchUploadResponseSchema,
  SequenceBatchUploadSchema,
  SequenceCreateSchema,
  SequenceDefinitionSchema,
  SequenceSchema,
  StopResultSchema,
  successEnvelope,
  SequenceUpdateSchema,
} from '../../src/clarion/index.js';
import examples from '../fixtures/clarion.json' with { type: 'json' };

type Example = { request?: unknown; response?: unknown; response_200?: unknown };
const byEndpoint = examples as unknown as Record<string, Example>;

const responses: [string, z.ZodMiniType][] = [
  ['GET /sequence-manager/sequences', successEnvelope(z.array(SequenceSchema))],
  ['GET /sequence-manager/sequences/{id}', SequenceSchema],
  ['POST /sequence-manager/sequences', successEnvelope(SequenceSchema)],
  ['PUT /sequence-manager/sequences/{id}', successEnvelope(SequenceSchema)],
  ['POST /sequence-manager/sequences/{id}/stop', StopResultSchema],
  ['POST /sequence-manager/sequences/batch-upload', BatchUploadResponseSchema],
  ['POST /sequence-manager/sequence-definitions', SequenceDefinitionSchema],
  ['GET /sequence-manager/sequence-definitions/{id}', SequenceDefinitionSchema],
  ['PUT /sequence-manager/sequence-definitions/{id}', SequenceDefinitionSchema],
];
const requests: [string, z.ZodMiniType][] = [
  ['POST /sequence-manager/sequences', SequenceCreateSchema],
  ['PUT /sequence-manager/sequences/{id}', SequenceUpdateSchema],
  ['POST /sequence-manager/sequences/batch-upload', SequenceBatchUploadSchema],
  ['POST /sequence-manager/sequence-definitions', SequenceCreateSchema],
  ['PUT /sequence-manager/sequence-definitions/{id}', SequenceUpdateSchema],
];

describe('Clarion documentation examples', () => {
  itParsesEachExample(
    'response parses and keeps every field',
    responses,
    (name) => {
      const example = byEndpoint[name]!;
      return example.response ?? example.response_200;
    },
    true,
  );
  itParsesEachExample('request body passes the input checks', requests, (name) => byEndpoint[name]!.request, false);
});
