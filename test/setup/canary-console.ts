// Runs before every test file: any console output carrying a credential canary fails the file.
import { inspect } from 'node:util';
import { afterAll } from 'vitest';
import { CANARIES } from '../helpers/canary.js';

const leaks: string[] = [];
for (const method of ['log', 'debug', 'info', 'warn', 'error'] as const) {
  const original = console[method].bind(console);
  console[method] = (...args: unknown[]) => {
    const text = args.map((arg) => (typeof arg === 'string' ? arg : inspect(arg, { depth: 10 }))).join(' ');
    if (CANARIES.some((canary) => text.includes(canary))) leaks.push(`console.${method}: ${text.slice(0, 200)}`);
    original(...args);
  };
}

afterAll(() => {
  if (leaks.length > 0) throw new Error(`A credential canary reached the console:\n${leaks.join('\n')}`);
});
