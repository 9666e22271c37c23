import type { APIPromise } from '../../core/api-promise.js';
import { cursorList } from '../../core/cursor-list.js';
import type { ListOptions, RequestOptions } from '../../core/options.js';
import { Paginated } from '../../core/pagination.js';
import { path } from '../../core/path.js';
import { resolveFilter } from '../../core/filters.js';
import { APIResource } from '../../core/resource.js';
import { catchUpEvents, type CatchUpOptions, type CatchUpResult } from '../catch-up.js';
import { checkInput } from '../../core/schema.js';
import { EventDecoder } from '../decoders.js';
import type { EventsFilter } from '../filters.js';
import type { CloseEvent } from '../event-types.js';
import { EVENT_PAGE_SIZE, EventListFilterSchema, EventListSchema, type EventListFilter } from '../events.js';

/** Close's event log: `/event/` (kept 30 days; latest first). */
export class CloseEvents extends APIResource {
  /**
   * Lists events, latest first, following `cursor_next`. Only the filter combinations Close
   * supports are sent (e.g. `object_type` needs `action`, `object_id`, `lead_id` or `user_id`).
   * Pages come one after another (`concurrency` does not apply to cursors). Each page's
   * `nextCursor` continues the walk later: pass it back as `_cursor` with the same filter.
   * @example for await (const ev of close.events.list({ object_type: 'sequence_subscription', action: 'updated' })) console.log(ev.id);
   */
  list(filter: EventListFilter | EventsFilter = {}, options?: ListOptions): Paginated<CloseEvent> {
    return Paginated.from(() => {
      const { _limit, _cursor, ...params } = checkInput(EventListFilterSchema, resolveFilter(filter), 'events.list filter');
      return cursorList(
        this.http,
        {
          path: 'event/',
          params: { ...params, _limit: _limit ?? EVENT_PAGE_SIZE },
          cursorParam: '_cursor',
          startCursor: _cursor,
          pageSize: _limit ?? EVENT_PAGE_SIZE,
          schema: EventListSchema,
          readPage: (wire) => ({ items: (Array.isArray(wire?.data) ? wire.data : []) as CloseEvent[], nextCursor: wire?.cursor_next }),
        },
        options,
      );
    });
  }

  /**
   * Catches up after downtime: walks the log from `since` to now, oldest first, running
   * `onEvent` for each event the webhook receiver (same `dedupe` store) has not handled. Returns counts.
   * @example const { ran } = await close.events.catchUp({ since: lastSeen, onEvent, dedupe: sqliteDedupeStore({ path }) });
   */
  catchUp(options: CatchUpOptions): Promise<CatchUpResult> {
    return catchUpEvents((filter) => this.list(filter), options);
  }

  /**
   * Fetches one event.
   * @example const ev = await close.events.retrieve('ev_123');
   */
  retrieve(id: string, options?: RequestOptions): APIPromise<CloseEvent> {
    return this.get(path`event/${{ id }}/`, EventDecoder, options);
  }
}
