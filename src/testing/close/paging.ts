import { json, type FakeRecord, type RouteContext } from '../fake-api.js';

/** The deepest `_limit` and `_skip` a fake Close list accepts. */
export interface PagingLimits {
  maxLimit: number;
  maxSkip: number;
}

/** One page of a Close list (`_skip`/`_limit`, `has_more`), refusing out-of-range paging with Close's 400 `field-errors`. */
export function closePage(ctx: RouteContext, limits: PagingLimits, items: FakeRecord[]): Response {
  const limit = Number(ctx.query.get('_limit') ?? 100);
  const skip = Number(ctx.query.get('_skip') ?? 0);
  if (!Number.isInteger(limit) || limit < 1 || limit > limits.maxLimit) {
    return json(400, { errors: [], 'field-errors': { _limit: `Input should be less than or equal to ${limits.maxLimit}` } });
  }
  if (!Number.isInteger(skip) || skip < 0)
    return json(400, { errors: [], 'field-errors': { _skip: 'Input should be greater than or equal to 0' } });
  if (skip > limits.maxSkip)
    return json(400, { errors: [], 'field-errors': { _skip: `Input should be less than or equal to ${limits.maxSkip}` } });
  return json(200, { data: items.slice(skip, skip + limit), has_more: skip + limit < items.length });
}
