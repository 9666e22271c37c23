import type { FakeRecord } from '../fake-api.js';

/** Close's `_fields=a,b`: only the named fields of each record (the spec declares it on the bulk-action GETs). */
export function pickFields(query: URLSearchParams, record: FakeRecord): FakeRecord {
  const fields = query.get('_fields');
  if (fields === null) return record;
  const names = fields.split(',');
  return Object.fromEntries(Object.entries(record).filter(([key]) => names.includes(key)));
}
