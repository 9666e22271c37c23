import { FilterBuilder } from '../core/filters.js';
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
