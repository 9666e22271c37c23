import { isPlainObject } from './client-options.js';
import * as z from 'zod/mini';
import * as core from 'zod/v4/core';
import { InvalidRequestError, type ValidationIssue } from './errors.js';

/** How responses are checked against the models: throw, log and pass, or skip. */
export type ValidationMode = 'strict' | 'lenient' | 'off';

/** A known set of string values that stays open: a vendor's new value is still a `string`. */
export type OpenEnum<Known extends string> = Known | (string & {});

/**
 * An open enum: typed as the known literals (for autocompletion) but accepting any string,
 * so a status the vendor adds tomorrow never breaks a user's code today. The literals are a type
 * argument only (`openEnum<(typeof STATUSES)[number]>()`): no list is kept at run time for it, so
 * a bundle that never reads a `STATUSES` constant leaves it out.
 */
export function openEnum<Known extends string>(): z.ZodMiniType<OpenEnum<Known>, OpenEnum<Known>> {
  return z.string();
}

/**
 * zod/mini's object schema on zod's JIT object parser (`$ZodObjectJIT`, what full zod uses):
 * it compiles a parser per shape and is about 2.5x faster on our models, which are parsed on
 * every response. Where `eval` is not allowed (some edge runtimes) zod falls back by itself.
 */
// (Plain function types: the `init`s are declared as assertion functions, which cannot be called through a namespace.)
// eslint-disable-next-line @typescript-eslint/unbound-method -- zod's init functions take the instance as an argument, not as `this`
const initJitObject: (inst: core.$ZodObject, def: core.$ZodObjectDef) => void = core.$ZodObjectJIT.init;
// eslint-disable-next-line @typescript-eslint/unbound-method -- as above
const initMiniType: (inst: z.ZodMiniType, def: core.$ZodObjectDef) => void = z.ZodMiniType.init;
const JitObject = /*@__PURE__*/ core.$constructor('SequenceSdkObject', (inst: core.$ZodObject & z.ZodMiniType, def: core.$ZodObjectDef) => {
  initJitObject(inst, def);
  initMiniType(inst, def);
  Object.defineProperty(inst, 'shape', { get: () => inst._zod.def.shape });
});

/** An object that keeps unknown keys (every response model: a vendor's new field is never lost). */
export function looseObject<const Shape extends z.core.$ZodLooseShape>(shape: Shape): z.ZodMiniObject<Shape, z.core.$loose> {
  return new JitObject({ type: 'object', shape, catchall: z.unknown() }) as unknown as z.ZodMiniObject<Shape, z.core.$loose>;
}

/**
 * A free-form JSON object (a query, a config, custom properties), every key kept as sent. An empty
 * loose object rather than `z.record(z.string(), z.unknown())`: the same check for JSON, without
 * zod's record parser in the bundles.
 */
export function jsonObject(): z.ZodMiniType<Record<string, unknown>> {
  return looseObject({});
}

/** An object that refuses unknown keys (filters: a misspelt filter must not be silently ignored). */
export function strictObject<const Shape extends z.core.$ZodLooseShape>(shape: Shape): z.ZodMiniObject<Shape, z.core.$strict> {
  return new JitObject({ type: 'object', shape, catchall: new core.$ZodNever({ type: 'never' }) }) as unknown as z.ZodMiniObject<
    Shape,
    z.core.$strict
  >;
}

/** A value the vendor may send as `T`, `null`, or leave out. */
export function maybe<T extends z.core.SomeType>(schema: T) {
  return z.optional(z.nullable(schema));
}

interface RawIssue {
  code: string;
  path: PropertyKey[];
  message: string;
  expected?: string;
  input?: unknown;
  keys?: string[];
  values?: unknown[];
  maximum?: unknown;
  minimum?: unknown;
  origin?: string;
}

function formatPath(path: readonly PropertyKey[]): string {
  let out = '';
  for (const key of path) {
    if (typeof key === 'number') out += `[${key}]`;
    else out += out === '' ? String(key) : `.${String(key)}`;
  }
  return out;
}

function typeName(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'array';
  return typeof value;
}

function describeIssue(issue: RawIssue): string {
  // Custom checks carry their own sentence; zod's generic one is replaced by a precise one.
  if (issue.message && issue.message !== 'Invalid input' && !issue.message.startsWith('Invalid input:')) return issue.message;
  switch (issue.code) {
    case 'invalid_type':
      return issue.input === undefined
        ? `is required (${issue.expected})`
        : `expected ${issue.expected}, received ${typeName(issue.input)}`;
    case 'invalid_value':
      return `must be one of ${(issue.values ?? []).map((v) => JSON.stringify(v)).join(', ')}`;
    case 'too_big':
      return `must be at most ${String(issue.maximum)}${issue.origin === 'array' ? ' items' : issue.origin === 'string' ? ' characters' : ''}`;
    case 'too_small':
      return `must be at least ${String(issue.minimum)}${issue.origin === 'array' ? ' items' : issue.origin === 'string' ? ' characters' : ''}`;
    case 'invalid_format':
      return 'has an invalid format';
    default:
      return issue.message || 'is invalid';
  }
}

/** Turns zod issues into path + sentence pairs, never echoing the offending value. */
export function toValidationIssues(issues: readonly unknown[]): ValidationIssue[] {
  const out: ValidationIssue[] = [];
  for (const raw of issues as RawIssue[]) {
    if (raw.code === 'unrecognized_keys') {
      for (const key of raw.keys ?? []) out.push({ path: formatPath([...raw.path, key]), message: 'is not a known field' });
    } else {
      out.push({ path: formatPath(raw.path), message: describeIssue(raw) });
    }
  }
  return out;
}

/** Checks caller input; throws {@link InvalidRequestError} naming each bad field, before any request. */
export function checkInput<T>(schema: z.ZodMiniType<T>, value: unknown, what: string): T {
  // A Date, a Map or a class instance would pass an object schema and be sent as `{}`.
  const objectSchema = (schema as { _zod?: { def?: { type?: string } } })._zod?.def?.type === 'object';
  if (objectSchema && typeof value === 'object' && value !== null && !Array.isArray(value) && !isPlainObject(value)) {
    throw new InvalidRequestError(what, [{ path: what, message: `must be a plain object, got ${value.constructor?.name ?? 'an object'}` }]);
  }
  const result = schema.safeParse(value, { reportInput: true });
  if (!result.success) throw new InvalidRequestError(what, toValidationIssues(result.error.issues));
  checkSendable(result.data, what);
  return result.data;
}

/** Refuses what JSON cannot carry (a cycle, a BigInt) in fields a loose schema let through, before it reaches the wire. */
function checkSendable(value: unknown, what: string): void {
  if (typeof value !== 'object' || value === null) return;
  try {
    JSON.stringify(value);
  } catch (error) {
    const reason = error instanceof Error ? error.message.split('\n')[0] : String(error);
    throw new InvalidRequestError(what, [{ path: what, message: `cannot be sent as JSON (${reason})` }]);
  }
}
