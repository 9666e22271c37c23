import { InvalidRequestError } from './errors.js';
import { deriveClient } from './client-pipeline.js';
import type { ClientOptions } from './options.js';
import { RawCalls } from './raw-calls.js';
import type { RateBudget } from './rate-limit-store.js';

/** What decides whether two clients pace as one: where they send, as whom, and how they pace. */
export interface PacingIdentity {
  baseUrl: string;
  /** The credential's headers (compared, never logged). */
  auth: Record<string, string>;
  options: Pick<ClientOptions, 'pacing' | 'maxRequestsPerSecond' | 'rateLimitStore'>;
  budgets: readonly RateBudget[] | undefined;
}

const PACING_OPTIONS = ['pacing', 'maxRequestsPerSecond', 'rateLimitStore'] as const;

const budgetsKey = (budgets: readonly RateBudget[] | undefined) =>
  JSON.stringify((budgets ?? []).map(({ name, kind, limit, windowMs, burst }) => [name, kind, limit, windowMs, burst]));

/**
 * Whether a client derived by `withOptions` shares its parent's pacer: yes on the same host and
 * credential (one budget), no when either changed (another budget). Changing how it paces while
 * sharing would split one budget two ways, so that is refused.
 */
export function sharesPacer(parent: PacingIdentity, child: PacingIdentity): boolean {
  if (parent.baseUrl !== child.baseUrl || JSON.stringify(parent.auth) !== JSON.stringify(child.auth)) return false;
  const changed: string[] = PACING_OPTIONS.filter((key) => parent.options[key] !== child.options[key]);
  if (budgetsKey(parent.budgets) !== budgetsKey(child.budgets)) changed.push('budgets');
  if (changed.length > 0) {
    throw new InvalidRequestError(
      'withOptions options',
      changed.map((path) => ({
        path,
        message: 'cannot change on a client that shares its pacer (same host and credential): build a new client instead',
      })),
    );
  }
  return true;
}

/** The base of the vendor clients: the raw calls, and `withOptions`. */
export class VendorClient<Options extends ClientOptions> extends RawCalls {
  /**
   * A client with `options` over this one's. On the same host and credential it shares this
   * client's pacer and rate-limit store (one budget for both); with another `baseUrl` or credential
   * it gets its own. Pacing options (`pacing`, `maxRequestsPerSecond`, `rateLimitStore`, a
   * write limit) cannot change on a client that shares: build a new client for that.
   */
  withOptions(options: Partial<Options>): this {
    return deriveClient(this, options);
  }
}
