/** What the progress line and the closing summary show. */
export interface ProgressSnapshot {
  /** Items written in all (a resumed pull counts the earlier runs' too). */
  items: number;
  /** Items written before this run (a resumed pull). */
  resumedAt: number;
  pages: number;
  /** The vendor's item count, where it gives one (Whippy). */
  total: number | undefined;
  waits: number;
  /** Milliseconds since this run started. */
  elapsedMs: number;
}

/** `1m05s`, `42s`, `1h02m`. */
export function formatDuration(ms: number): string {
  const seconds = Math.max(0, Math.round(ms / 1000));
  if (seconds < 60) return `${seconds}s`;
  if (seconds < 3600) return `${Math.floor(seconds / 60)}m${String(seconds % 60).padStart(2, '0')}s`;
  return `${Math.floor(seconds / 3600)}h${String(Math.floor((seconds % 3600) / 60)).padStart(2, '0')}m`;
}

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;

function rateOf(s: ProgressSnapshot): number {
  return (s.items - s.resumedAt) / Math.max(0.001, s.elapsedMs / 1000);
}

/** The live line: `done/total (pct) | ETA` where the vendor says the total, items and pages always. */
export function progressLine(s: ProgressSnapshot): string {
  const rate = rateOf(s);
  const waits = plural(s.waits, 'rate-limit wait');
  const pages = plural(s.pages, 'page');
  if (s.total === undefined || s.total <= 0) return `${plural(s.items, 'item')} | ${pages} | ${Math.round(rate)}/s | ${waits}`;
  const percent = Math.min(100, (100 * s.items) / s.total);
  const left = Math.max(0, s.total - s.items);
  const eta = left === 0 ? '0s' : rate > 0 ? formatDuration((1000 * left) / rate) : '?';
  return `${s.items}/${s.total} items (${percent.toFixed(1)}%) | ETA ${eta} | ${pages} | ${Math.round(rate)}/s | ${waits}`;
}

/** The one-line summary at the end of a pull. */
export function summaryLine(s: ProgressSnapshot): string {
  const items = s.total === undefined ? plural(s.items, 'item') : `${s.items}/${s.total} items`;
  const resumed = s.resumedAt > 0 ? ` (resumed at ${s.resumedAt})` : '';
  const seconds = (s.elapsedMs / 1000).toFixed(1);
  return `${items}${resumed}, ${plural(s.pages, 'page')} in ${seconds} s (${Math.round(rateOf(s))} items/s), ${plural(s.waits, 'rate-limit wait')}`;
}
