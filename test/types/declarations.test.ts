import { fileURLToPath } from 'node:url';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

const FILTERS = fileURLToPath(new URL('../../src/close/filters.ts', import.meta.url));

/** The .d.ts the compiler emits for one source file: what users of the package type-check against. */
function declarationOf(file: string): string {
  let text = '';
  const options: ts.CompilerOptions = {
    declaration: true,
    emitDeclarationOnly: true,
    noResolve: true,
    noLib: true,
    skipLibCheck: true,
    target: ts.ScriptTarget.ES2022,
    module: ts.ModuleKind.ESNext,
  };
  const program = ts.createProgram([file], options);
  program.emit(program.getSourceFile(file), (name, data) => {
    if (name.endsWith('.d.ts')) text = data;
  });
  return text;
}

describe('shipped declarations', () => {
  it("keep the subscription filter's scope in its type (a private brand is emitted untyped)", () => {
    const dts = declarationOf(FILTERS);
    expect(dts).toMatch(/class SubscriptionsFilter<Scoped extends boolean = false>/);
    expect(dts).toMatch(/readonly \[scopeBrand\]: Scoped;/);
    expect(dts).not.toMatch(/private readonly scoped;/);
  });
});
