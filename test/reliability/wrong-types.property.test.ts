// Wrong-typed input, as plain JavaScript passes it, never crashes inside the SDK: every public
// method of the three clients (found by reflection, so methods added later are covered without
// touching this file), every client constructor and every webhook verifier, called with generated
// wrong values, ends in the SDK's own error, before anything is sent.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import * as clarionEntry from '../../src/clarion/index.js';
import { CLARION_OPTION_KINDS } from '../../src/clarion/client.js';
import * as closeEntry from '../../src/close/index.js';
import { CLOSE_OPTION_KINDS } from '../../src/close/client.js';
import { CLIENT_OPTION_KINDS, type OptionKind } from '../../src/core/client-options.js';
import { HttpClient } from '../../src/core/http.js';
import { APIResource } from '../../src/core/resource.js';
import { InvalidRequestError, WebhookVerificationError } from '../../src/index.js';
import * as whippyEntry from '../../src/whippy/index.js';
import { WHIPPY_OPTION_KINDS } from '../../src/whippy/client.js';

/**
 * Methods that return synchronously by nature (e.g. a client's `withOptions`): for them a
 * synchronous `InvalidRequestError` is the right answer. Every other method must reject.
 */
const SYNCHRONOUS_METHODS = new Set<string>(['withOptions']);

const ENTRIES = { close: closeEntry, whippy: whippyEntry, clarion: clarionEntry } as const;
const VENDOR_OPTION_KINDS: Record<string, Readonly<Record<string, OptionKind>>> = {
  close: CLOSE_OPTION_KINDS,
  whippy: WHIPPY_OPTION_KINDS,
  clarion: CLARION_OPTION_KINDS,
};
const RUNS = 50;

/** A fetch that records every request it is asked to send (none may be). */
function fetchSpy() {
  const sent: string[] = [];
  const fetch = (input: RequestInfo | URL) => {
    sent.push(String(input instanceof Request ? input.url : input));
    return Promise.resolve(new Response('{}', { status: 200, headers: { 'content-type': 'application/json' } }));
  };
  return { sent, fetch: fetch };
}

type ClientClass = new (options?: unknown) => object;

/** Every client class an entry point exports (`CloseClient`, …). */
function clientClasses(): { vendor: string; name: string; Client: ClientClass }[] {
  return Object.entries(ENTRIES).flatMap(([vendor, entry]) =>
    Object.entries(entry)
      .filter(([name, value]) => typeof value === 'function' && /Client$/.test(name))
      .map(([name, value]) => ({ vendor, name, Client: value as ClientClass })),
  );
}

/** Every verifier the entry points export (`unwrapCloseWebhook`, …). */
function verifiers(): { name: string; verify: (...args: unknown[]) => unknown }[] {
  return Object.values(ENTRIES).flatMap((entry) =>
    Object.entries(entry)
      .filter(([name, value]) => typeof value === 'function' && /^unwrap\w*Webhook$/.test(name))
      .map(([name, value]) => ({ name, verify: value as (...args: unknown[]) => unknown })),
  );
}

interface PublicMethod {
  name: string;
  target: object;
  method: (...args: unknown[]) => unknown;
}

/** A prototype chain's own methods, stopping at the resource base (its helpers are protected) and Object. */
function methodsOf(value: object): string[] {
  const names = new Set<string>();
  for (let proto = Object.getPrototypeOf(value) as object | null; proto && proto !== Object.prototype && proto !== APIResource.prototype;) {
    for (const name of Object.getOwnPropertyNames(proto)) {
      const descriptor = Object.getOwnPropertyDescriptor(proto, name);
      if (name !== 'constructor' && typeof descriptor?.value === 'function') names.add(name);
    }
    proto = Object.getPrototypeOf(proto) as object | null;
  }
  return [...names];
}

/** Every public method reachable from a client: its own, and each resource's (nested ones too). */
function publicMethods(client: object, label: string): PublicMethod[] {
  const found: PublicMethod[] = [];
  const seen = new Set<object>();
  const walk = (target: object, path: string) => {
    if (seen.has(target)) return;
    seen.add(target);
    for (const name of methodsOf(target)) {
      const method = (target as Record<string, unknown>)[name] as (...args: unknown[]) => unknown;
      found.push({ name: `${path}.${name}`, target, method });
    }
    for (const [key, value] of Object.entries(target)) {
      // The pipeline is internal (`@internal`): only what a user reaches is walked.
      if (typeof value === 'object' && value !== null && !(value instanceof HttpClient)) walk(value, `${path}.${key}`);
    }
  };
  walk(client, label);
  return found;
}

const circular = (): Record<string, unknown> => {
  const value: Record<string, unknown> = {};
  value.self = value;
  return value;
};

/** Values no parameter of any method takes: not an id, not a body, not options. */
const wrongValue = fc.oneof(
  fc.constantFrom<unknown>(Symbol('wrong'), 10n, NaN, -1.5, Infinity, '', '../x', true, false),
  fc.constant(null).map(() => [] as unknown),
  fc.constant(null).map(() => new Date(0) as unknown),
  fc.constant(null).map(circular),
  fc.bigInt().map((value) => ({ big: value })),
  // Negative fractions: a positive one is a fine rate (`maxRequestsPerSecond: 0.5`).
  fc.double({ max: -1e-3, noInteger: true, noNaN: true, noDefaultInfinity: true }).map((value) => value as unknown),
);

/** Values a parameter may well take: they fill the positions before the wrong one. */
const plausibleValue = fc.constantFrom<unknown>('seq_1', 1, {}, undefined);

/** An argument list with at least one wrong value: all wrong, or plausible ones up to a wrong one at `k`. */
function argumentLists(arity: number): fc.Arbitrary<unknown[]> {
  const allWrong = fc.array(wrongValue, { minLength: arity, maxLength: arity });
  const wrongAt = fc
    .integer({ min: 0, max: arity - 1 })
    .chain((k) =>
      fc.tuple(fc.array(plausibleValue, { minLength: k, maxLength: k }), wrongValue).map(([before, wrong]) => [...before, wrong]),
    );
  return fc.oneof(allWrong, wrongAt);
}

/** Calls a method; the outcome as the caller sees it (a synchronous throw is told apart). */
async function outcome(call: () => unknown): Promise<{ sync: boolean; error: unknown } | { sync: false; value: unknown }> {
  let result: unknown;
  try {
    result = call();
  } catch (error) {
    return { sync: true, error };
  }
  try {
    return { sync: false, value: await result };
  } catch (error) {
    return { sync: false, error };
  }
}

describe('wrong-typed input never crashes inside (reflection over the clients, fast-check values)', () => {
  const classes = clientClasses();

  it('finds the three clients and their methods by reflection', () => {
    expect(classes.map((c) => c.name).sort()).toEqual(['ClarionClient', 'CloseClient', 'WhippyClient']);
    const methods = classes.flatMap(({ vendor, Client }) => publicMethods(new Client({ apiKey: 'k', logLevel: 'off' }), vendor));
    expect(methods.map((m) => m.name)).toEqual(
      expect.arrayContaining(['close.bulkSubscriptions.retrieve', 'whippy.sequences.runs.list', 'clarion.definitions.update']),
    );
    expect(methods.length).toBeGreaterThan(30);
  });

  for (const { vendor, name, Client } of classes) {
    it(`every public method of ${name} rejects wrong values with InvalidRequestError, sending nothing`, async () => {
      const spy = fetchSpy();
      const client = new Client({ apiKey: 'k', logLevel: 'off', pacing: false, maxRetries: 0, fetch: spy.fetch });
      for (const { name: method, target, method: fn } of publicMethods(client, vendor)) {
        await fc.assert(
          fc.asyncProperty(argumentLists(Math.max(1, fn.length)), async (args) => {
            spy.sent.length = 0;
            const result = await outcome(() => fn.apply(target, args));
            const context = `${method}(${fc.stringify(args).slice(1, -1)})`;
            expect('error' in result, `${context} resolved`).toBe(true);
            const error = (result as { error: unknown }).error;
            expect(error, `${context}: ${String(error)}`).toBeInstanceOf(InvalidRequestError);
            if (result.sync) expect(SYNCHRONOUS_METHODS.has(method.split('.').at(-1)!), `${context} threw synchronously`).toBe(true);
            expect(spy.sent, context).toEqual([]);
          }),
          { numRuns: RUNS },
        );
      }
    });

    it(`${name}'s constructor refuses wrong options up front with InvalidRequestError`, () => {
      const keys = [...Object.keys(CLIENT_OPTION_KINDS), ...Object.keys(VENDOR_OPTION_KINDS[vendor]!), 'notAnOption'];
      const wrongOptions = fc.oneof(
        wrongValue.filter((value) => typeof value !== 'object' || value === null || !isPlain(value)),
        // ('../x' is a wrong id but a fine credential: any string may be a key.)
        fc
          .tuple(
            fc.constantFrom(...keys),
            wrongValue.filter((value) => value !== '../x'),
          )
          .map(([key, value]) => ({ apiKey: 'k', [key]: value })),
      );
      fc.assert(
        fc.property(wrongOptions, (options) => {
          // `true`/`false` are right for boolean options: skip those pairs rather than call them wrong.
          const [key, value] = Object.entries(options as object).at(-1) ?? [];
          const kinds = { ...CLIENT_OPTION_KINDS, ...VENDOR_OPTION_KINDS[vendor] };
          if (key !== undefined && typeof value === 'boolean' && kinds[key] === 'boolean') return;
          expect(() => new Client(options)).toThrow(InvalidRequestError);
        }),
        { numRuns: RUNS * 4 },
      );
    });
  }

  it('every verifier refuses wrong values with WebhookVerificationError (rejected, never thrown)', async () => {
    const found = verifiers();
    expect(found.map((v) => v.name).sort()).toEqual(['unwrapClarionWebhook', 'unwrapCloseWebhook', 'unwrapWhippyWebhook']);
    const now = Date.now();
    const signedHeaders = {
      'close-sig-hash': 'ab',
      'close-sig-timestamp': String(Math.floor(now / 1000)),
      'x-whippy-signature': 'ab',
      'x-clarion-signature': 'ab',
      'x-clarion-timestamp': String(now),
      'x-clarion-secret': 's',
    };
    const options = fc.oneof(
      wrongValue,
      fc
        .tuple(fc.constantFrom('secret', 'signatureKey', 'publicKey', 'unverified', 'secretOnly', 'toleranceMs'), wrongValue)
        .map(([key, value]) => ({ [key]: value })),
      fc.constant({ secret: '' }),
    );
    const args = fc.oneof(
      fc.tuple(wrongValue, wrongValue, wrongValue),
      fc.tuple(fc.constant('{}'), wrongValue, fc.constant(undefined)),
      fc.tuple(fc.constant('{}'), fc.constantFrom({}, signedHeaders), options),
    );
    for (const { name, verify } of found) {
      await fc.assert(
        fc.asyncProperty(args, async (list) => {
          const result = await outcome(() => verify(...list));
          const context = `${name}(${fc.stringify(list).slice(1, -1)})`;
          expect(result.sync, `${context} threw synchronously`).toBe(false);
          expect((result as { error?: unknown }).error, context).toBeInstanceOf(WebhookVerificationError);
        }),
        { numRuns: RUNS * 4 },
      );
    }
  });

  it('unwrapWhippyWebhook with an empty apiKey (an env var set but empty) is a WebhookVerificationError', async () => {
    await expect(whippyEntry.unwrapWhippyWebhook('{}', { 'x-whippy-signature': 'ab' }, { apiKey: '' })).rejects.toBeInstanceOf(
      WebhookVerificationError,
    );
  });
});

function isPlain(value: object): boolean {
  const proto = Object.getPrototypeOf(value) as unknown;
  return proto === Object.prototype || proto === null;
}
