/** Reads an environment variable in Node, Bun, Deno or an edge runtime; undefined where there is none. */
export function readEnv(name: string): string | undefined {
  const g = globalThis as {
    process?: { env?: Record<string, string | undefined> };
    Deno?: { env?: { get(key: string): string | undefined } };
  };
  try {
    const value = g.process?.env?.[name] ?? g.Deno?.env?.get(name);
    return value === undefined || value.trim() === '' ? undefined : value.trim();
  } catch {
    // Deno without --allow-env throws; treat as unset.
    return undefined;
  }
}
