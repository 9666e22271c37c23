// Runs before every test file: any console output carrying a credential canary fails the file.
// The suite runs files in shared workers (`isolate: false`), so the console is wrapped once per
// worker and each file starts with an empty list of leaks of its own.
import { inspect } from 'node:util';
import { afterAll } from 'vitest';
import { CANARIES } from '../helpers/canary.js';

const KEY = Symbol.for('sequence-apis.test.canary-console');
const holder = globalThis as { [KEY]?: string[] };

function wrapConsole(): string[] {
  const leaks: string[] = [];
  for (const method of ['log', 'debug', 'info', 'warn', 'error'] as const) {
    const original = console[method].bind(console);
    console[method] = (...args: unknown[]) => {
      const text = args.map((arg) => (typeof arg === 'string' ? arg : inspect(arg, { depth: 10 }))).join(' ');
      if (CANARIES.some((canary) => text.includes(canary))) leaks.push(`console.${method}: ${text.slice(0, 200)}`);
      original(...args);
    };
  }
  return leaks;
}

const leaks = (holder[KEY] ??= wrapConsole());
leaks.length = 0;

afterAll(() => {
  if (leaks.length > 0) throw new Error(`A credential canary reached the console:\n${leaks.join('\n')}`);
});
