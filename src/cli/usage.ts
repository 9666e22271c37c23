import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Command } from 'commander';

/** The package's version, read from the package.json above this file (in src/ and in dist/ alike). */
export function version(): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  for (let depth = 0; depth < 5; depth++, dir = dirname(dir)) {
    const file = join(dir, 'package.json');
    if (!existsSync(file)) continue;
    const pkg = JSON.parse(readFileSync(file, 'utf8')) as { name?: string; version?: string };
    if (pkg.name === 'sequence-apis' && pkg.version) return pkg.version;
  }
  return 'unknown';
}

/** `Run "sequence-apis whippy runs list --help" for usage.`: the deepest command `argv` names. */
export function usageHint(program: Command, argv: string[]): string {
  const path = [program.name()];
  let at = program;
  for (const word of argv) {
    const next = at.commands.find((command) => command.name() === word || command.aliases().includes(word));
    if (!next) break;
    path.push(next.name());
    at = next;
  }
  return `Run "${path.join(' ')} --help" for usage.`;
}
