import { existsSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { InvalidRequestError } from '../core/errors.js';
import type { PullState } from './walk.js';

/**
 * The state file beside an NDJSON, JSON or CSV output (`<out>.resume.json`), rewritten after every
 * page: which pull it belongs to, the state reached, and how many bytes of the output hold it.
 */
export interface FileState extends PullState {
  /** Format version of this file. */
  version: 1;
  /** Which pull wrote it (the CLI: vendor, resource, arguments and filters). */
  key: string;
  /** The output format. */
  format: string;
  /** Bytes of the output that hold the `items` written (a JSON array's closing `]` not counted). */
  bytes: number;
  /** CSV: the header's columns. */
  columns?: string[] | undefined;
}

/** Where the state of the pull writing `path` is kept. */
export function stateFileOf(path: string): string {
  return `${path}.resume.json`;
}

/** Reads the saved state of `path`'s pull, refusing one written by a different pull. */
export function readFileState(path: string, key: string, format: string): FileState | undefined {
  const file = stateFileOf(path);
  if (!existsSync(file)) return undefined;
  let state: FileState;
  try {
    state = JSON.parse(readFileSync(file, 'utf8')) as FileState;
  } catch {
    throw new InvalidRequestError('resume state', [{ path: file, message: 'is not readable JSON: delete it, or pull without --resume' }]);
  }
  if (state.version !== 1 || state.key !== key || state.format !== format) {
    throw new InvalidRequestError('resume state', [
      { path: file, message: `belongs to another pull (${state.key}, ${state.format}): pull without --resume to start over` },
    ]);
  }
  return state;
}

/** Saves the state atomically (write beside, then rename), so a crash leaves the old or the new one. */
export function writeFileState(path: string, state: FileState): void {
  const file = stateFileOf(path);
  writeFileSync(`${file}.tmp`, JSON.stringify(state));
  renameSync(`${file}.tmp`, file);
}

/** Removes the state once the pull is complete. */
export function removeFileState(path: string): void {
  rmSync(stateFileOf(path), { force: true });
}
