import type { ErrorDetails } from './errors.js';

/** Reads a string property of an unknown body, if it is one. */
export function stringField(body: unknown, key: string): string | undefined {
  const value = (body as Record<string, unknown> | null | undefined)?.[key];
  return typeof value === 'string' && value !== '' ? value : undefined;
}

/** Error details for a body that is only text (an HTML error page, a proxy's message). */
export function textDetails(body: unknown): ErrorDetails {
  const text =
    typeof body === 'string'
      ? body
          .replace(/<[^>]*>/g, ' ')
          .replace(/\s+/g, ' ')
          .trim()
          .slice(0, 200)
      : '';
  return { ...(text ? { message: text } : {}), errors: [], fieldErrors: {} };
}
