import { InvalidRequestError } from './errors.js';
import { SDK_VERSION } from './version.js';

/** Your application, named in the User-Agent after the SDK's (as stripe-node does): `… MyApp/1.2.3`. */
export interface AppInfo {
  /** Your application's name, one token (letters, digits and `!#$%&'*+.^_|~-`). */
  name: string;
  /** Its version, one token. */
  version: string;
}

// An HTTP token: no spaces, slashes or parentheses, so the product list stays parseable.
const TOKEN = /^[!#$%&'*+.^_`|~0-9A-Za-z-]{1,64}$/;

interface RuntimeGlobals {
  Deno?: { version?: { deno?: string } };
  Bun?: { version?: string };
  EdgeRuntime?: unknown;
  document?: unknown;
  process?: { versions?: { node?: string } };
}

/**
 * `<runtime>/<version>` where a request's User-Agent can be set: Node, Bun and Deno. Undefined in
 * browsers (the header is dropped, or forces a CORS preflight) and in edge runtimes, where whether
 * it reaches the vendor is UNCONFIRMED; an unknown runtime is left alone too.
 */
export function runtimeTag(globals: RuntimeGlobals = globalThis): string | undefined {
  if (globals.EdgeRuntime !== undefined || globals.document !== undefined) return undefined;
  if (typeof globals.Deno?.version?.deno === 'string') return `deno/${globals.Deno.version.deno}`;
  if (typeof globals.Bun?.version === 'string') return `bun/${globals.Bun.version}`;
  if (typeof globals.process?.versions?.node === 'string') return `node/${globals.process.versions.node}`;
  return undefined;
}

function checkAppInfo(appInfo: AppInfo, what: string): void {
  const issues = (['name', 'version'] as const)
    .filter((field) => typeof appInfo?.[field] !== 'string' || !TOKEN.test(appInfo[field]))
    .map((field) => ({ path: `appInfo.${field}`, message: 'must be one token of 1 to 64 characters: no spaces, slashes or parentheses' }));
  if (issues.length > 0) throw new InvalidRequestError(what, issues);
}

/**
 * The User-Agent header every request carries: `sequence-apis/<version> (<runtime>/<version>)`,
 * then the caller's `appInfo`; empty where the runtime cannot set it. Spread it before the caller's
 * headers (names lower-cased, see {@link lowerCaseNames}) so their own User-Agent wins.
 */
export function userAgentHeader(appInfo: AppInfo | undefined, what: string, runtime = runtimeTag()): Record<string, string> {
  if (appInfo !== undefined) checkAppInfo(appInfo, what);
  if (runtime === undefined) return {};
  const app = appInfo === undefined ? '' : ` ${appInfo.name}/${appInfo.version}`;
  return { 'user-agent': `sequence-apis/${SDK_VERSION} (${runtime})${app}` };
}

/**
 * Headers with lower-case names. ky joins `user-agent` and `User-Agent` into one value
 * (`ours, theirs`) instead of letting the caller's replace the client's: one spelling avoids that.
 */
export function lowerCaseNames(headers: Record<string, string> | undefined): Record<string, string> | undefined {
  return headers && Object.fromEntries(Object.entries(headers).map(([name, value]) => [name.toLowerCase(), value]));
}
