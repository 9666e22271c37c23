import * as z from 'zod/mini';
import { SyncDatabaseError } from './errors.js';
import type { StreamState } from './types.js';

const iso = z.string().check(z.refine((text) => !Number.isNaN(Date.parse(text)), 'must be an ISO 8601 date'));
const count = z.number().check(z.refine((n) => Number.isInteger(n) && n >= 0, 'must be a whole number of 0 or more'));

const PassSchema = z.object({
  mode: z.enum(['snapshot', 'incremental']),
  startedAt: iso,
  parents: z.optional(z.array(z.string())),
  index: count,
  offset: count,
  after: z.optional(iso),
  gaps: z.array(z.string()),
});

const StateSchema = z.object({
  version: z.literal(1),
  watermark: z.optional(iso),
  gaps: z.optional(z.array(z.string())),
  pass: z.optional(PassSchema),
});

/**
 * A `_sync_state` row checked before the sync uses it: a row that does not parse is refused with
 * one line naming it and the database (the tables are left as they are).
 */
export function parseState(raw: unknown, where: string): StreamState | undefined {
  if (raw === undefined) return undefined;
  let value: unknown;
  try {
    value = typeof raw === 'string' ? JSON.parse(raw) : raw;
  } catch {
    throw new SyncDatabaseError(`${where} is corrupted (not JSON): delete that row to take a new snapshot of the stream`);
  }
  const result = StateSchema.safeParse(value);
  if (!result.success) {
    const issue = result.error.issues[0];
    const at = issue?.path.length ? `${issue.path.join('.')}: ` : '';
    throw new SyncDatabaseError(
      `${where} is corrupted (${at}${issue?.message ?? 'unexpected shape'}): delete that row to take a new snapshot of the stream`,
    );
  }
  return result.data;
}
