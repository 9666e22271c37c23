import { InvalidRequestError, type ValidationIssue } from './errors.js';

/** What an option must be; each client lists its own on top of {@link CLIENT_OPTION_KINDS}. */
export type OptionKind =
  | 'string'
  | 'number'
  | 'positive'
  | 'boolean'
  | 'function'
  | 'logger'
  | 'logLevel'
  | 'validation'
  | 'plainObject'
  | 'store'
  | 'signal'
  | 'schema'
  | 'json'
  | 'object'
  | 'date';

/** The options every client takes (`ClientOptions`), by what each must be: the constructor checks them all up front. */
export const CLIENT_OPTION_KINDS: Readonly<Record<string, OptionKind>> = {
  baseUrl: 'string',
  timeout: 'number',
  maxRetries: 'number',
  maxRetryAfter: 'number',
  fetch: 'function',
  logger: 'logger',
  logLevel: 'logLevel',
  logBodies: 'boolean',
  validation: 'validation',
  headers: 'plainObject',
  pacing: 'boolean',
  maxRequestsPerSecond: 'positive',
  rateLimitStore: 'store',
  onRetry: 'function',
  onResponse: 'function',
  onPacing: 'function',
  appInfo: 'plainObject',
};

/** The per-call options (`RequestOptions`); a list's (`ListOptions`) add `concurrency`. */
export const REQUEST_OPTION_KINDS: Readonly<Record<string, OptionKind>> = {
  signal: 'signal',
  timeout: 'number',
  maxRetries: 'number',
  headers: 'plainObject',
};

/** The options of a `list()` call. */
export const LIST_OPTION_KINDS: Readonly<Record<string, OptionKind>> = { ...REQUEST_OPTION_KINDS, concurrency: 'number' };

const LOG_LEVELS = ['debug', 'info', 'warn', 'error', 'off'];
const VALIDATION_MODES = ['strict', 'lenient', 'off'];

/** Whether `value` is an object literal (or `Object.create(null)`): not an array, a Date, a class instance. */
export function isPlainObject(value: unknown): value is Record<string, unknown> {
  if (typeof value !== 'object' || value === null) return false;
  const proto = Object.getPrototypeOf(value) as unknown;
  return proto === Object.prototype || proto === null;
}

const hasMethods = (value: unknown, names: readonly string[]) =>
  typeof value === 'object' && value !== null && names.every((name) => typeof (value as Record<string, unknown>)[name] === 'function');

/** Why `value` cannot be a JSON body (a plain object or array JSON can carry), or undefined. */
function jsonProblem(value: unknown): string | undefined {
  if (!Array.isArray(value) && !isPlainObject(value)) return 'must be a plain object or an array (sent as JSON)';
  try {
    JSON.stringify(value);
    return undefined;
  } catch (error) {
    return `cannot be sent as JSON (${error instanceof Error ? error.message.split('\n')[0] : String(error)})`;
  }
}

/** What a value of this kind must be, or undefined when `value` is one. */
function problem(kind: OptionKind, value: unknown): string | undefined {
  switch (kind) {
    case 'string':
      return typeof value === 'string' ? undefined : 'must be a string';
    case 'number':
      return typeof value === 'number' ? undefined : 'must be a number';
    case 'positive':
      return typeof value === 'number' && Number.isFinite(value) && value > 0 ? undefined : 'must be a positive number';
    case 'boolean':
      return typeof value === 'boolean' ? undefined : 'must be true or false';
    case 'function':
      return typeof value === 'function' ? undefined : 'must be a function';
    case 'logger':
      return hasMethods(value, ['debug', 'info', 'warn', 'error'])
        ? undefined
        : 'must have debug, info, warn and error methods (like console)';
    case 'logLevel':
      return LOG_LEVELS.includes(value as string) ? undefined : `must be one of ${LOG_LEVELS.join(', ')}`;
    case 'validation':
      return VALIDATION_MODES.includes(value as string) ? undefined : `must be one of ${VALIDATION_MODES.join(', ')}`;
    case 'plainObject':
      return isPlainObject(value) ? undefined : 'must be a plain object';
    case 'store':
      return hasMethods(value, ['acquire', 'settle']) ? undefined : 'must be a rate-limit store (acquire and settle methods)';
    case 'schema':
      return typeof value === 'object' && value !== null && '_zod' in value ? undefined : 'must be a zod schema (zod or zod/mini)';
    case 'json':
      return jsonProblem(value);
    case 'object':
      return typeof value === 'object' && value !== null ? undefined : 'must be an object';
    case 'date':
      return value instanceof Date || typeof value === 'string' ? undefined : 'must be a Date or an ISO 8601 string';
    case 'signal':
      return hasMethods(value, ['addEventListener', 'removeEventListener']) && typeof (value as AbortSignal).aborted === 'boolean'
        ? undefined
        : 'must be an AbortSignal';
  }
}

/**
 * Checks an options object against its kinds: an object (or undefined), no unknown option (a typo
 * would otherwise be ignored), each given option of its kind. Ranges are checked where they are used.
 * @throws InvalidRequestError naming each bad option.
 */
export function checkOptionKinds(options: unknown, kinds: Readonly<Record<string, OptionKind>>, what: string): void {
  if (options === undefined) return;
  if (!isPlainObject(options)) throw new InvalidRequestError(what, [{ path: what, message: 'must be an object of options' }]);
  const issues: ValidationIssue[] = [];
  for (const [name, value] of Object.entries(options)) {
    const kind = Object.hasOwn(kinds, name) ? kinds[name] : undefined;
    if (kind === undefined) issues.push({ path: name, message: `is not an option (known: ${Object.keys(kinds).join(', ')})` });
    else if (value !== undefined) {
      const message = problem(kind, value);
      if (message !== undefined) issues.push({ path: name, message });
    }
  }
  if (issues.length > 0) throw new InvalidRequestError(what, issues);
}

/** Checks a client's options before anything reads them: the shared ones plus the vendor's own (credentials…). */
export function checkClientOptionKinds(vendor: string, options: unknown, vendorKinds: Readonly<Record<string, OptionKind>>): void {
  checkOptionKinds(options, { ...CLIENT_OPTION_KINDS, ...vendorKinds }, `${vendor} client options`);
}
