/** Any object with the four console methods: `console` and pino both fit. */
export interface Logger {
  debug(message: string, ...rest: unknown[]): void;
  info(message: string, ...rest: unknown[]): void;
  warn(message: string, ...rest: unknown[]): void;
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
