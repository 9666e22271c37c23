import { FilterBuilder } from '../core/filters.js';
import type { EventListFilter } from './events.js';
import type { PagingParams } from './inputs.js';

/** The fields a {@link SubscriptionsFilter} sets. */
export interface SubscriptionFilterFields extends PagingParams {
  sequence_id?: string;
  contact_id?: string;
  lead_id?: string;
}

// A type-only brand. It is public (a private member loses its type in the shipped .d.ts, which let
// an unscoped builder through in users' code) and keyed by a symbol nobody can name or autocomplete.
declare const scopeBrand: unique symbol;

/**
 * Immutable builder for `subscriptions.list` filters. Its type tracks whether a scope
 * (sequence, contact or lead) was set: only a scoped builder is accepted by `list()`.
 */
export class SubscriptionsFilter<Scoped extends boolean = false> extends FilterBuilder<SubscriptionFilterFields> {
  /** Whether a scope was set (type only: nothing exists at run time). */
  declare readonly [scopeBrand]: Scoped;

  /** Subscriptions to this sequence. */
  sequence(sequenceId: string): SubscriptionsFilter<true> {
    return this.with('sequence_id', sequenceId) as SubscriptionsFilter<true>;
  }

  /** Subscriptions of this contact. */
  contact(contactId: string): SubscriptionsFilter<true> {
    return this.with('contact_id', contactId) as SubscriptionsFilter<true>;
  }

  /** Subscriptions of this lead's contacts. */
  lead(leadId: string): SubscriptionsFilter<true> {
    return this.with('lead_id', leadId) as SubscriptionsFilter<true>;
  }

  /** Page size (`_limit`). */
  limit(limit: number): this {
    return this.with('_limit', limit);
  }

  /** Items to skip before the first page (`_skip`). */
  skip(skip: number): this {
    return this.with('_skip', skip);
  }
}

/** Starts a `subscriptions.list` filter: `subscriptionsFilter().sequence(id).limit(200)`. */
export function subscriptionsFilter(): SubscriptionsFilter<false> {
  return new SubscriptionsFilter();
}

/**
 * Immutable builder for `events.list` filters. Close accepts only some combinations (see
 * `EVENT_FILTER_COMBINATIONS`); `list()` checks them before sending, for a builder as for an object.
 */
export class EventsFilter extends FilterBuilder<EventListFilter> {
  /** Events about objects of this type, e.g. `sequence_subscription` (needs an action, object, lead or user). */
  objectType(objectType: string): this {
    return this.with('object_type', objectType);
  }

  /** Events about this object only. */
  object(objectId: string): this {
    return this.with('object_id', objectId);
  }

  /** Events of this action, e.g. `updated`. */
  action(action: string): this {
    return this.with('action', action);
  }

  /** Events of this lead and its contacts, activities, opportunities and tasks. */
  lead(leadId: string): this {
    return this.with('lead_id', leadId);
  }

  /** Events caused by this user. */
  user(userId: string): this {
    return this.with('user_id', userId);
  }

  /** Events emitted while Close processed this API request. */
  request(requestId: string): this {
    return this.with('request_id', requestId);
  }

  /** Events updated at or after this moment. */
  since(date: Date | string): this {
    return this.with('date_updated__gte', date);
  }

  /** Events updated at or before this moment. */
  until(date: Date | string): this {
    return this.with('date_updated__lte', date);
  }

  /** Events per page (`_limit`, at most 50). */
  limit(limit: number): this {
    return this.with('_limit', limit);
  }

  /** Start at the page of a saved `Page.nextCursor` (`_cursor`; keep the other filters the same). */
  cursor(cursor: string): this {
    return this.with('_cursor', cursor);
  }
}

/** Starts an `events.list` filter: `eventsFilter().objectType('sequence_subscription').action('updated').since(date)`. */
export function eventsFilter(): EventsFilter {
  return new EventsFilter();
}
