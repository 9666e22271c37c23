import { accessSync, constants, statSync } from 'node:fs';
import { dirname } from 'node:path';
import type { Writable } from 'node:stream';
import type { CsvFormulas } from '../pull/csv.js';
import { FileSink } from '../pull/file-sink.js';
import type { ResumableSink } from '../pull/resumable.js';
import { SqliteSink } from '../pull/sqlite.js';

/** Output formats of the command. */
export const FORMATS = ['ndjson', 'json', 'csv', 'sqlite'] as const;
/** One of {@link FORMATS}. */
export type Format = (typeof FORMATS)[number];

/** The output could not be written: one readable line, exit code 8. */
export class OutputError extends Error {
  override name = 'OutputError';
}

const REASONS: Record<string, string> = {
  ENOENT: 'no such directory',
  ENOTDIR: 'a part of the path is not a directory',
  EACCES: 'permission denied',
  EPERM: 'permission denied',
  EISDIR: 'it is a directory',
  EROFS: 'read-only file system',
  ENOSPC: 'no space left on the device',
};

/** A file system error as one line that names the file. */
export function describeFileError(error: unknown, path: string): OutputError {
  const code = (error as NodeJS.ErrnoException | undefined)?.code ?? '';
  return new OutputError(
    `cannot write ${path}: ${REASONS[code] ?? (error instanceof Error ? error.message : String(error))}${code ? ` (${code})` : ''}`,
  );
}

/** Checks, before any request, that `path` can be created or overwritten. */
export function checkWritable(path: string): void {
  try {
    if (statSync(path, { throwIfNoEntry: false })?.isDirectory()) throw Object.assign(new Error('is a directory'), { code: 'EISDIR' });
    accessSync(dirname(path), constants.W_OK);
    if (!statSync(dirname(path)).isDirectory()) throw Object.assign(new Error('not a directory'), { code: 'ENOTDIR' });
  } catch (error) {
    throw describeFileError(error, path);
  }
}

/** Where a command's items go: a SQLite table, a file or stdout, keyed for resuming. */
export function openSink(
  format: Format,
  target: { out?: string | undefined; stdout: Writable; table: string; key: string; csvFormulas: CsvFormulas },
): ResumableSink<unknown> & { droppedColumns?: () => string[] } {
  if (format === 'sqlite') {
    // run.ts refuses `--format sqlite` without `--out` before any request; this says why it is there.
    if (target.out === undefined) throw new OutputError('--format sqlite needs --out <file.db>');
    return new SqliteSink({ db: target.out, table: target.table, key: target.key });
  }
  return new FileSink(target.out ?? target.stdout, { format, key: target.key, csvFormulas: target.csvFormulas });
}
