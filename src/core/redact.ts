/** Header names that carry credentials in any vendor's API. Vendors add their own. */
export const ALWAYS_SENSITIVE_HEADERS = ['authorization', 'proxy-authorization', 'cookie', 'set-cookie', 'x-api-key'];

/** The placeholder written where a secret was. */
export const REDACTED = '[redacted]';

/** Copies headers into a plain object, replacing the values of sensitive ones. */
export function redactHeaders(headers: Headers | Record<string, string>, sensitive: readonly string[]): Record<string, string> {
  const out: Record<string, string> = {};
  const entries = headers instanceof Headers ? headers.entries() : Object.entries(headers);
  for (const [name, value] of entries) {
    const lower = name.toLowerCase();
    out[lower] = sensitive.includes(lower) ? REDACTED : value;
  }
  return out;
}

/** Response headers worth keeping on an error: all but cookies, with any echoed secret replaced. */
export function responseHeaders(headers: Headers, secrets: readonly string[]): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [name, value] of headers) {
    if (name !== 'set-cookie') out[name] = scrubSecrets(value, secrets);
  }
  return out;
}

/**
 * Replaces every occurrence of a secret in a string. Defence in depth: a server that echoes
 * the credential back in an error body must not put it into our errors or logs.
 */
export function scrubSecrets(text: string, secrets: readonly string[]): string {
  let out = text;
  for (const secret of secrets) {
    if (secret.length >= 4 && out.includes(secret)) out = out.split(secret).join(REDACTED);
  }
  return out;
}

/**
 * Replaces the string values of the named JSON fields (secrets a vendor hands out in a body, such as
 * a webhook's signing key) in a JSON text, for logging.
 */
export function redactFields(json: string, fields: readonly string[] | undefined): string {
  let out = json;
  for (const field of fields ?? []) {
    if (out.includes(`"${field}"`)) out = out.replace(new RegExp(`("${field}"\\s*:\\s*)"(?:[^"\\\\]|\\\\.)*"`, 'g'), `$1"${REDACTED}"`);
  }
  return out;
}

/** Deep-scrubs secrets from a parsed JSON value; returns the same value when none occur. */
export function scrubValue(value: unknown, secrets: readonly string[]): unknown {
  if (secrets.length === 0) return value;
  if (typeof value === 'string') return scrubSecrets(value, secrets);
  const text = JSON.stringify(value);
  if (text === undefined || !secrets.some((secret) => secret.length >= 4 && text.includes(secret))) return value;
  return JSON.parse(
    scrubSecrets(
      text,
      secrets.map((s) => JSON.stringify(s).slice(1, -1)),
    ),
  );
}
