import { inspect } from 'node:util';
import { expect } from 'vitest';

/**
 * The credentials every test uses are canaries: unique strings that must never show up in an
 * error, a log line or a serialised client. (Close's API key also travels Base64-encoded.)
 */
export const CANARIES = ['test_close_key', btoa('test_close_key:'), 'test_close_token', 'test_whippy_key', 'test_clarion_token'];

/** Every way a value can be shown: its message and stack, JSON and inspect(). */
export function renderings(value: unknown): string[] {
  const out = [inspect(value, { depth: 20, showHidden: true })];
  try {
    out.push(JSON.stringify(value) ?? '');
  } catch {
    // not serialisable: inspect() covers it
  }
  if (value instanceof Error) out.push(value.message, value.stack ?? '', String((value.cause as string | undefined) ?? ''));
  return out;
}

/** Fails when any rendering of `value` contains a canary. */
export function expectNoCanary(value: unknown): void {
  for (const text of renderings(value)) {
    for (const canary of CANARIES) expect(text, `a credential leaked into: ${text.slice(0, 160)}`).not.toContain(canary);
  }
}
