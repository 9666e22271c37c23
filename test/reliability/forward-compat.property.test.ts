import fc from 'fast-check';
import { http, HttpResponse } from 'msw';
import { describe, expect, it } from 'vitest';
import type * as z from 'zod/mini';
import * as clarionSdk from '../../src/clarion/index.js';
import * as closeSdk from '../../src/close/index.js';
import type { ValidationMode } from '../../src/index.js';
import * as whippySdk from '../../src/whippy/index.js';
import clarionExamples from '../fixtures/clarion.json' with { type: 'json' };
import closeExamples from '../fixtures/close.json' with { type: 'json' };
import whippyExamples from '../fixtures/whippy.json' with { type: 'json' };
import { useMswServer } from '../helpers/msw.js';

const server = useMswServer();
type Json = Record<string, unknown>;
const close = closeExamples as unknown as Record<string, Json>;
const whippy = whippyExamples as unknown as Record<string, { example: { data: Json } }>;
const clarion = clarionExamples as unknown as Record<string, Json>;

/** A model, a valid sample of it, and the paths of its open-enum fields (`[]` = every element). */
interface ModelCase {
  name: string;
  schema: z.ZodMiniType;
  sample: Json;
  enums: string[];
  /** Nested objects that also get unknown fields. */
  nested: string[];
  /** When set, the model is also fetched through the client with this call. */
  fetch?: { url: string; call: (validation: ValidationMode) => PromiseLike<unknown>; wrap?: (body: Json) => Json };
}

const closeSeq = close['GET /sequence/{id}/']!.response_200 as Json;
const closeSub = close['GET /sequence_subscription/{id}/']!.response_200 as Json;
const closeBulk = close['GET /bulk_action/sequence_subscription/{id}/']!.response_200 as Json;
const whippySeq = whippy['WEBHOOK sequence.updated']!.example.data;
const whippyRun = whippy['WEBHOOK sequence_run.updated']!.example.data;
const clarionSeq = clarion['GET /sequence-manager/sequences/{id}']!.response as Json;
const clarionDef = clarion['GET /sequence-manager/sequence-definitions/{id}']!.response as Json;

const closeClient = (validation: ValidationMode) => new closeSdk.CloseClient({ apiKey: 'test_close_key', validation, logLevel: 'off' });
const whippyClient = (validation: ValidationMode) => new whippySdk.WhippyClient({ apiKey: 'test_whippy_key', validation, logLevel: 'off' });
const clarionClient = (validation: ValidationMode) =>
  new clarionSdk.ClarionClient({ apiKey: 'test_clarion_token', validation, logLevel: 'off' });

const MODELS: ModelCase[] = [
  {
    name: 'close Sequence',
    schema: closeSdk.SequenceSchema,
    sample: closeSeq,
    enums: ['status', 'steps[].step_type', 'steps[].threading'],
    nested: ['steps[]', 'subscription_counts_by_status'],
    fetch: { url: `${closeSdk.CLOSE_BASE_URL}/sequence/seq_1/`, call: (v) => closeClient(v).sequences.retrieve('seq_1') },
  },
  {
    name: 'close SequenceSubscription',
    schema: closeSdk.SequenceSubscriptionSchema,
    sample: closeSub,
    enums: ['status', 'status_reason'],
    nested: [],
    fetch: { url: `${closeSdk.CLOSE_BASE_URL}/sequence_subscription/sub_1/`, call: (v) => closeClient(v).subscriptions.retrieve('sub_1') },
  },
  {
    name: 'close BulkSequenceSubscriptionAction',
    schema: closeSdk.BulkSequenceSubscriptionActionSchema,
    sample: closeBulk,
    enums: ['action_type', 'status', 'contact_preference'],
    nested: ['s_query'],
    fetch: {
      url: `${closeSdk.CLOSE_BASE_URL}/bulk_action/sequence_subscription/b_1/`,
      call: (v) => closeClient(v).bulkSubscriptions.retrieve('b_1'),
    },
  },
  {
    name: 'close SequenceStep',
    schema: closeSdk.SequenceStepSchema,
    sample: (closeSeq.steps as Json[])[1]!,
    enums: ['step_type', 'threading'],
    nested: [],
  },
  {
    name: 'whippy Sequence',
    schema: whippySdk.SequenceSchema,
    sample: whippySeq,
    enums: ['status', 'type', 'access_level', 'settings.on_response', 'settings.on_re_add', 'steps[].status'],
    nested: ['settings', 'steps[]', 'steps[].analytics'],
    fetch: {
      url: `${whippySdk.WHIPPY_BASE_URL}/sequences/s1`,
      call: (v) => whippyClient(v).sequences.retrieve('s1'),
      wrap: (data) => ({ data }),
    },
  },
  {
    name: 'whippy SequenceRun',
    schema: whippySdk.SequenceRunSchema,
    sample: whippyRun,
    enums: ['status', 'step_contacts[].status'],
    nested: ['contact', 'step_contacts[]'],
    fetch: {
      url: `${whippySdk.WHIPPY_BASE_URL}/sequences/s1/sequence_runs/r1`,
      call: (v) => whippyClient(v).sequences.runs.retrieve('s1', 'r1'),
      wrap: (data) => ({ data }),
    },
  },
  {
    name: 'whippy StepContact',
    schema: whippySdk.StepContactSchema,
    sample: whippy['WEBHOOK step_contact.updated']!.example.data,
    enums: ['status'],
    nested: ['contact', 'contact_messages[]'],
  },
  {
    name: 'whippy ContactSequence',
    schema: whippySdk.ContactSequenceSchema,
    sample: {
      sequence: { id: 's', title: 'T', status: 'active' },
      contact_status: 'active',
      last_step: null,
      current_step: { id: 'a', title: 'A' },
      next_step: null,
    },
    enums: ['contact_status', 'sequence.status'],
    nested: ['sequence', 'current_step'],
  },
  {
    name: 'clarion Sequence',
    schema: clarionSdk.SequenceSchema,
    sample: clarionSeq,
    enums: ['status', 'type', 'steps[].type', 'steps[].status', 'inputs[].type'],
    nested: ['steps[]', 'inputs[]'],
    fetch: { url: `${clarionSdk.CLARION_BASE_URL}/sequence-manager/sequences/1`, call: (v) => clarionClient(v).sequences.retrieve(1) },
  },
  {
    name: 'clarion SequenceDefinition',
    schema: clarionSdk.SequenceDefinitionSchema,
    sample: clarionDef,
    enums: ['status', 'ehr_action', 'steps_definition[].type', 'inputs_definition[].type'],
    nested: ['outreach_schedule', 'steps_definition[]'],
    fetch: {
      url: `${clarionSdk.CLARION_BASE_URL}/sequence-manager/sequence-definitions/1`,
      call: (v) => clarionClient(v).definitions.retrieve(1),
    },
  },
];

/** Applies `update` to every object the path names (`a.b`, `a[].b`). */
function atPath(root: Json, path: string, update: (parent: Json, key: string) => void): void {
  const [head, ...rest] = path.split('.');
  const many = head!.endsWith('[]');
  const key = many ? head!.slice(0, -2) : head!;
  if (rest.length === 0 && !many) return update(root, key);
  const next = root[key];
  const targets = many ? (Array.isArray(next) ? next : []) : [next];
  for (const target of targets) {
    if (typeof target !== 'object' || target === null) continue;
    if (rest.length === 0) update(target as Json, '');
    else atPath(target as Json, rest.join('.'), update);
  }
}

const unknownFields = fc.dictionary(
  fc
    .string({ minLength: 1, maxLength: 12 })
    .filter((key) => /^x_[a-z_]+$/.test(`x_${key}`) && !['__proto__', 'constructor', 'prototype'].includes(key))
    .map((key) => `x_${key.replace(/[^a-z_]/g, 'q')}`),
  fc.jsonValue({ maxDepth: 2 }),
  { maxKeys: 4 },
);
const newEnumValue = fc.string({ minLength: 1, maxLength: 24 });

/** The sample with unknown fields added (top level and nested) and every enum set to a new value. */
function mutated(model: ModelCase) {
  return fc
    .record({
      top: unknownFields,
      nested: fc.array(unknownFields, { minLength: model.nested.length, maxLength: model.nested.length }),
      enums: fc.array(newEnumValue, { minLength: model.enums.length, maxLength: model.enums.length }),
    })
    .map(({ top, nested, enums }) => {
      const value = structuredClone(model.sample);
      Object.assign(value, top);
      model.nested.forEach((path, i) =>
        atPath(value, path, (parent, key) => Object.assign(key ? ((parent[key] as Json) ?? {}) : parent, nested[i])),
      );
      model.enums.forEach((path, i) => atPath(value, path, (parent, key) => (parent[key] = enums[i])));
      return value;
    });
}

describe('forward compatibility: unknown fields and enum values pass through intact', () => {
  it.each(MODELS)('$name: the schema keeps them', (model) => {
    fc.assert(
      fc.property(mutated(model), (value) => {
        const result = model.schema.safeParse(value);
        expect(result.error?.issues).toBeUndefined();
        expect(result.data).toEqual(value);
      }),
      { numRuns: 100 },
    );
  });

  it.each(MODELS.filter((m) => m.fetch).flatMap((m) => (['strict', 'lenient'] as const).map((mode) => [m.name, mode, m] as const)))(
    '%s through the client in %s mode',
    async (_, mode, model) => {
      await fc.assert(
        fc.asyncProperty(mutated(model), async (value) => {
          server.use(http.get(model.fetch!.url, () => HttpResponse.json(model.fetch!.wrap ? model.fetch!.wrap(value) : value)));
          // What the client must return is what was on the wire (JSON has no -0, for one).
          expect(await model.fetch!.call(mode)).toEqual(JSON.parse(JSON.stringify(value)));
        }),
        { numRuns: 25 },
      );
    },
  );
});
