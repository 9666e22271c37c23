import { InvalidRequestError } from './errors.js';

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

/**
 * A credential from the client options, else from the environment; refuses a missing or blank
 * one with an error that says where to put it.
 */
export function requireCredential(given: unknown, envName: string, vendor: string, field: string, alternative?: string): string {
  const value = given ?? readEnv(envName);
  if (typeof value !== 'string' || value.trim() === '') {
    const pass = alternative ? `${field} or ${alternative}` : field;
    throw new InvalidRequestError(`${vendor} client options`, [
      { path: field, message: `is required: pass ${pass}, or set the ${envName} environment variable` },
    ]);
  }
  return value;
}

/**
 * The options with `baseUrl` taken from the environment variable `envName` when the caller gave
 * none, so a deployment (or a test run) can point a client elsewhere without code.
 */
export function baseUrlFromEnv<Options extends { baseUrl?: string }>(options: Options, envName: string): Options {
  if (options.baseUrl !== undefined) return options;
  const fromEnv = readEnv(envName);
  return fromEnv === undefined ? options : { ...options, baseUrl: fromEnv };
}
