import * as z from 'zod/mini';
import { jsonObject, looseObject, maybe, openEnum, strictObject } from '../core/schema.js';
import { minLength, regex } from '../core/filters.js';

// The spec types the create body (CreateWebhook) but leaves every response empty: the response
// fields below follow the create body, and `signature_key` a third-party client (unconfirmed).

const nonEmpty = z.string().check(minLength(1, 'must not be empty'));
const url = z.string().check(regex(/^https?:\/\/\S+$/, 'must be an http(s) URL'));

/** One event a webhook subscribes to: an object type and an action, optionally narrowed by a webhook filter. */
export const WebhookEventSpecSchema = looseObject({
  object_type: nonEmpty,
  action: nonEmpty,
  extra_filter: z.optional(z.nullable(jsonObject())),
});

/** A webhook subscription's status. */
export const WebhookStatusSchema = openEnum<'active' | 'paused'>();

/** A Close webhook subscription. */
export const WebhookSchema = looseObject({
  id: z.string(),
  url: z.string(),
  events: z.array(WebhookEventSpecSchema),
  status: maybe(WebhookStatusSchema),
  verify_ssl: maybe(z.boolean()),
  /** Hex; Close returns it when the subscription is created. Keep it secret: it verifies deliveries. */
  signature_key: maybe(z.string()),
  organization_id: maybe(z.string()),
  created_by_id: maybe(z.string()),
  updated_by_id: maybe(z.string()),
  date_created: maybe(z.string()),
  date_updated: maybe(z.string()),
});

/** Body of `webhooks.create`. */
export const WebhookCreateSchema = strictObject({
  url,
  events: z.array(WebhookEventSpecSchema).check(minLength(1, 'must list at least one event')),
  verify_ssl: z.optional(z.boolean()),
  event_filter: z.optional(z.nullable(jsonObject())),
});

/** Body of `webhooks.update`: every field optional; `status` pauses or reactivates. */
export const WebhookUpdateSchema = strictObject({
  url: z.optional(url),
  events: z.optional(z.array(WebhookEventSpecSchema)),
  verify_ssl: z.optional(z.boolean()),
  // A regex rather than z.enum: the same check, without pulling zod's enum code into the bundle.
  status: z.optional(
    z.string().check(regex(/^(active|paused)$/, 'must be active or paused')) as z.ZodMiniType<'active' | 'paused', 'active' | 'paused'>,
  ),
  event_filter: z.optional(z.nullable(jsonObject())),
});

/** A Close webhook subscription. */
export type Webhook = z.infer<typeof WebhookSchema>;
/** One event a webhook subscribes to. */
export type WebhookEventSpec = z.infer<typeof WebhookEventSpecSchema>;
/** Body of `webhooks.create`. */
export type WebhookCreateParams = z.input<typeof WebhookCreateSchema>;
/** Body of `webhooks.update`. */
export type WebhookUpdateParams = z.input<typeof WebhookUpdateSchema>;
