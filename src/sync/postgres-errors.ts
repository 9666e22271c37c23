import { SequenceSdkError } from '../core/errors.js';
import { SyncDatabaseError } from './errors.js';

const UNREACHABLE = new Set(['ECONNREFUSED', 'ENOTFOUND', 'EAI_AGAIN', 'ETIMEDOUT', 'EHOSTUNREACH', 'ENETUNREACH', 'ECONNRESET']);

/** A `pg` or socket error's code: SQLSTATE (`28P01`) or errno (`ECONNREFUSED`). */
function codeOf(error: unknown): string | undefined {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'string' ? code : undefined;
}

/** Whether the session is gone: the server ended it, or the socket closed. */
export function isConnectionLost(error: unknown): boolean {
  const code = codeOf(error) ?? '';
  const message = error instanceof Error ? error.message : '';
  return code.startsWith('57P') || code.startsWith('08') || /Connection terminated|not queryable|ECONNRESET|EPIPE/i.test(message);
}

/** What to say for one failure, before the label and the hint. */
function reasonOf(error: unknown, user: string | undefined): string {
  const code = codeOf(error);
  const message = (error instanceof Error ? error.message : String(error)).replaceAll(/\s+/g, ' ').trim();
  if (code && UNREACHABLE.has(code))
    return `cannot reach the PostgreSQL server (${message.includes(code) ? message : `${code}: ${message}`})`;
  if (/timeout expired|connection timeout/i.test(message)) return `cannot reach the PostgreSQL server (${message})`;
  if (code === '28P01' || code === '28000')
    return `PostgreSQL refused the login${user ? ` of user ${user}` : ''} (${message}): check the user and password`;
  if (code === '3D000') return `${message}: create it, or name another database in the URL`;
  if (code === '3F000') return `${message}: create it, or pass a schema that exists`;
  if (code === '42501') {
    return `${message}: the user${user ? ` ${user}` : ''} needs CREATE on the schema (GRANT CREATE ON SCHEMA … TO …), or pass ?schema= naming one it owns`;
  }
  if (isConnectionLost(error)) {
    return `the connection to PostgreSQL was lost (${message}): the page in flight was not committed, every page before it is kept; run the sync again to continue`;
  }
  return message;
}

/**
 * A PostgreSQL failure as one line naming the database (its URL without the password) and what
 * to do; errors of the SDK's own pass through.
 */
export function describePgError(error: unknown, label: string, user?: string): Error {
  if (error instanceof SequenceSdkError || (error instanceof Error && error.name === 'AbortError')) return error;
  return new SyncDatabaseError(`${label}: ${reasonOf(error, user)}`, { cause: error });
}
