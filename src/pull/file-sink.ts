import { closeSync, ftruncateSync, openSync, statSync, writeSync } from 'node:fs';
import type { Writable } from 'node:stream';
import { InvalidRequestError } from '../core/errors.js';
import { CsvEncoder, type CsvFormulas } from './csv.js';
import { readFileState, removeFileState, writeFileState, type FileState } from './state-file.js';
import type { PullState } from './walk.js';
import { pullInto, type PullInput, type PullOptions, type ResumableSink } from './resumable.js';

const SAVE_EVERY_MS = 200;

/** Text formats a pull writes. */
export type FileFormat = 'ndjson' | 'json' | 'csv';

/** Options of a {@link FileSink}. */
export interface FileSinkOptions {
  /** NDJSON (one item a line), a JSON array, or CSV. */
  format: FileFormat;
  /** Names the pull in its state file, so a resume cannot continue another pull's file. */
  key?: string;
  /** CSV only: what to do with formula cells (default `'escape'`). */
  csvFormulas?: CsvFormulas;
}

/** Encodes pages of items in one format; `first` tells a JSON array where it begins. */
interface Encoder {
  encode(items: readonly unknown[]): string;
  close(): string;
  columns?: string[] | undefined;
  droppedColumns(): string[];
}

function encoderFor(format: FileFormat, formulas: CsvFormulas | undefined, saved: FileState | undefined): Encoder {
  if (format === 'csv') {
    const csv = new CsvEncoder(formulas, saved?.columns);
    return {
      encode: (items) => csv.encode(items),
      close: () => '',
      droppedColumns: () => csv.droppedColumns(),
      get columns() {
        return csv.columns;
      },
    };
  }
  if (format === 'ndjson') {
    return {
      encode: (items) => (items.length ? `${items.map((item) => JSON.stringify(item)).join('\n')}\n` : ''),
      close: () => '',
      droppedColumns: () => [],
    };
  }
  let first = !saved || saved.items === 0;
  return {
    encode: (items) => {
      if (items.length === 0) return '';
      const text = `${first ? '[\n' : ',\n'}${items.map((item) => JSON.stringify(item)).join(',\n')}`;
      first = false;
      return text;
    },
    close: () => (first ? '[]\n' : '\n]\n'),
    droppedColumns: () => [],
  };
}

/** Writes to a stream, waiting while it is full; a stream closed by its reader (EPIPE) fails the write. */
async function putStream(stream: Writable, text: string): Promise<void> {
  if (stream.destroyed) throw Object.assign(new Error('write EPIPE: the output stream is closed'), { code: 'EPIPE' });
  if (stream.write(text)) return;
  await new Promise<void>((resolve, reject) => {
    const done = (error?: Error) => {
      stream.off('drain', done).off('close', closed).off('error', done);
      if (error) reject(error);
      else resolve();
    };
    const closed = () => done(Object.assign(new Error('write EPIPE: the output stream is closed'), { code: 'EPIPE' }));
    stream.on('drain', done).on('close', closed).on('error', done);
  });
}

/**
 * Writes a pull to a file (resumable: a state file beside it) or a stream (stdout). The file is
 * opened on the first item, so a pull that fails before any leaves no file behind; every page is
 * appended whole, then the state saved, so the file is always complete up to its last item.
 */
export class FileSink<T> implements ResumableSink<T> {
  readonly #target: string | Writable;
  readonly #options: FileSinkOptions;
  readonly #key: string;
  #encoder: Encoder;
  #fd: number | undefined;
  #bytes = 0;
  #wrote = false;
  #unsaved: FileState | undefined;
  #savedAt = 0;

  constructor(target: string | Writable, options: FileSinkOptions) {
    this.#target = target;
    this.#options = options;
    this.#key = options.key ?? (typeof target === 'string' ? target : 'stream');
    this.#encoder = encoderFor(options.format, options.csvFormulas, undefined);
  }

  /** The unfinished pull saved beside the file, if any. */
  saved(): Promise<PullState | undefined> {
    if (typeof this.#target !== 'string') return Promise.resolve(undefined);
    return Promise.resolve(readFileState(this.#target, this.#key, this.#options.format));
  }

  /** Starts writing: from the end of the saved pull's last item, or afresh. */
  begin(from: PullState | undefined): Promise<void> {
    const saved = from as FileState | undefined;
    if (saved && typeof this.#target === 'string') {
      const size = statSync(this.#target, { throwIfNoEntry: false })?.size ?? -1;
      if (size < saved.bytes) {
        throw new InvalidRequestError('resume state', [
          { path: this.#target, message: 'is shorter than its saved state: pull without --resume' },
        ]);
      }
      this.#fd = openSync(this.#target, 'r+');
      ftruncateSync(this.#fd, saved.bytes); // drops a page written after the last saved state
      this.#bytes = saved.bytes;
      this.#wrote = true;
      this.#encoder = encoderFor(this.#options.format, this.#options.csvFormulas, saved);
    }
    return Promise.resolve();
  }

  /**
   * Appends a page's items, then saves the state that includes them: at most every 200 ms (a
   * rename per page cost more than the pull), and always on close; a crash in between only means
   * a resume cuts back further and asks again for those pages.
   */
  async write(items: T[], state: PullState): Promise<void> {
    const text = this.#encoder.encode(items);
    if (text) await this.#put(text);
    if (typeof this.#target === 'string' && !state.complete && this.#fd !== undefined) {
      const { format } = this.#options;
      this.#unsaved = { version: 1, key: this.#key, format, bytes: this.#bytes, columns: this.#encoder.columns, ...state };
      if (Date.now() - this.#savedAt >= SAVE_EVERY_MS) this.#save();
    }
  }

  #save(): void {
    if (!this.#unsaved) return;
    writeFileState(this.#target as string, this.#unsaved);
    this.#unsaved = undefined;
    this.#savedAt = Date.now();
  }

  /** Finishes the document; `final` is the last state, absent after a failure. */
  async close(final: PullState | undefined): Promise<void> {
    if (!final?.complete) this.#save();
    if (final?.complete || this.#wrote) {
      const tail = this.#encoder.close();
      if (tail) await this.#put(tail, false);
    }
    if (final?.complete && typeof this.#target === 'string') {
      if (this.#fd === undefined) this.#open(); // an empty list: an empty (but valid) file
      removeFileState(this.#target);
    }
    if (this.#fd !== undefined) closeSync(this.#fd);
    this.#fd = undefined;
  }

  /** Columns seen after the CSV header was written (they are not in the file). */
  droppedColumns(): string[] {
    return this.#encoder.droppedColumns();
  }

  #open(): number {
    this.#fd ??= openSync(this.#target as string, 'w');
    return this.#fd;
  }

  async #put(text: string, counted = true): Promise<void> {
    this.#wrote = true;
    if (typeof this.#target !== 'string') return putStream(this.#target, text);
    const buffer = Buffer.from(text);
    const fd = this.#open();
    for (let done = 0; done < buffer.length;) done += writeSync(fd, buffer, done, buffer.length - done, this.#bytes + done);
    if (counted) this.#bytes += buffer.length;
  }
}

/**
 * Pulls a list to an NDJSON, JSON or CSV file; with `resume`, continues the unfinished pull
 * whose state is saved beside it (`<path>.resume.json`, removed once the pull is complete).
 * @example await pullToFile(close.sequences.list(), { path: 'sequences.csv', format: 'csv' });
 */
export function pullToFile<T>(input: PullInput<T>, options: FileSinkOptions & PullOptions & { path: string }): Promise<PullState> {
  return pullInto(input, new FileSink<T>(options.path, options), options);
}
