import * as z from 'zod/mini';
import { filterId, isoDateTime, pageLimit } from '../core/filters.js';
import { looseObject, maybe, strictObject } from '../core/schema.js';

/** Filter of `events.list`. Only the combinations Close supports are accepted (see the README). */
export interface EventListFilter {
  object_type?: string;
  object_id?: string;
  action?: string;
  lead_id?: string;
  user_id?: string;
  request_id?: string;
  /** Events updated at or after (a `Date` or ISO 8601). */
  date_updated__gte?: Date | string;
  /** Events updated at or before (a `Date` or ISO 8601). */
  date_updated__lte?: Date | string;
  /** Events per page: Close caps it at (and defaults to) 50. */
  _limit?: number;
  /**
   * Start at the page this cursor names: a `Page.nextCursor` (Close's `cursor_next`) saved from an
   * earlier walk. Close wants the same other filters as that walk (`date_updated` excepted).
   */
  _cursor?: string;
}

/** The filter combinations `/event/` supports, as listed in Close's spec; `date_updated` goes with any. */
export const EVENT_FILTER_COMBINATIONS: readonly (readonly string[])[] = [
  ['object_type', 'object_id'],
  ['object_type', 'action'],
  ['object_id', 'action'],
  ['lead_id', 'object_type'],
  ['lead_id', 'object_type', 'action'],
  ['lead_id', 'user_id', 'object_type'],
  ['lead_id', 'user_id', 'object_type', 'action'],
  ['lead_id', 'user_id'],
  ['user_id', 'object_id'],
  ['user_id', 'object_id', 'action'],
  ['user_id', 'object_type'],
  ['user_id', 'object_type', 'action'],
  ['lead_id'],
  ['user_id'],
  ['request_id'],
];

const SCOPES = ['object_type', 'object_id', 'action', 'lead_id', 'user_id', 'request_id'] as const;

/** Close's maximum (and default) events per page. */
export const EVENT_PAGE_SIZE = 50;

/** Checks `events.list` filters, including the supported combinations. */
export const EventListFilterSchema = strictObject({
  object_type: z.optional(filterId),
  object_id: z.optional(filterId),
  action: z.optional(filterId),
  lead_id: z.optional(filterId),
  user_id: z.optional(filterId),
  request_id: z.optional(filterId),
  date_updated__gte: z.optional(isoDateTime),
  date_updated__lte: z.optional(isoDateTime),
  _limit: z.optional(pageLimit(EVENT_PAGE_SIZE)),
  _cursor: z.optional(filterId),
}).check(
  z.superRefine((filter, ctx) => {
    const used = SCOPES.filter((key) => filter[key] !== undefined);
    // No scope at all is the whole log, which the spec does not forbid.
    const ok =
      used.length === 0 || EVENT_FILTER_COMBINATIONS.some((combo) => combo.length === used.length && used.every((k) => combo.includes(k)));
    if (!ok) {
      ctx.issues.push({
        code: 'custom',
        path: [],
        input: filter,
        message: `Close does not support filtering by ${used.join(' + ')}; supported: ${EVENT_FILTER_COMBINATIONS.map((c) => c.join(' + ')).join(', ')} (each optionally with date_updated)`,
      });
    }
    const { date_updated__gte: from, date_updated__lte: to } = filter;
    if (from !== undefined && to !== undefined && from > to)
      ctx.issues.push({ code: 'custom', path: ['date_updated__lte'], input: to, message: 'must not be before date_updated__gte' });
  }),
);

/** One event as checked on the wire: the fields narrowing relies on; everything else is kept. */
export const CloseEventSchema = looseObject({
  id: z.string(),
  object_type: z.string(),
  object_id: maybe(z.string()),
  action: z.string(),
  changed_fields: maybe(z.array(z.string())),
});

/** `/event/`'s envelope: `{ data, cursor_next, cursor_previous }`. */
export const EventListSchema = looseObject({
  data: z.array(CloseEventSchema),
  cursor_next: maybe(z.string()),
  cursor_previous: maybe(z.string()),
});
