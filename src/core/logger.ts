/** Any object with the four console methods: `console` and pino both fit. */
export interface Logger {
  /** Requests with their (redacted) headers; bodies only with `logBodies`. */
  debug(message: string, ...rest: unknown[]): void;
  /** One line per response and per retry. */
  info(message: string, ...rest: unknown[]): void;
  /** Responses that did not match the model in `'lenient'` mode. */
  warn(message: string, ...rest: unknown[]): void;
  /** Reserved for failures the caller cannot see otherwise. */
  error(message: string, ...rest: unknown[]): void;
}

/** The least severe level that is written; `'off'` writes nothing. */
export type LogLevel = 'debug' | 'info' | 'warn' | 'error' | 'off';

const LEVEL_RANK: Record<LogLevel, number> = { debug: 10, info: 20, warn: 30, error: 40, off: 100 };

const noop = (): void => {};

/** A logger bound to a level: methods below the level are no-ops, so disabled logging costs nothing. */
export interface LeveledLogger extends Logger {
  /** True when `level` would be written. */
  enabled(level: Exclude<LogLevel, 'off'>): boolean;
}

/** Wraps a user logger so that only messages at or above `level` reach it, each prefixed with the source. */
export function createLogger(target: Logger, level: LogLevel, prefix: string): LeveledLogger {
  const threshold = LEVEL_RANK[level];
  const bind = (name: Exclude<LogLevel, 'off'>) =>
    LEVEL_RANK[name] >= threshold ? (message: string, ...rest: unknown[]) => target[name](`${prefix} ${message}`, ...rest) : noop;
  return {
    debug: bind('debug'),
    info: bind('info'),
    warn: bind('warn'),
    error: bind('error'),
    enabled: (name) => LEVEL_RANK[name] >= threshold,
  };
}
