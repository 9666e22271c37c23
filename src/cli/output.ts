import { createWriteStream } from 'node:fs';
import { once } from 'node:events';
import type { Writable } from 'node:stream';
import { stringify, type Stringifier } from 'csv-stringify';
import { flatten } from './flatten.js';

/** Output formats of the command. */
export const FORMATS = ['ndjson', 'json', 'csv'] as const;
/** One of {@link FORMATS}. */
export type Format = (typeof FORMATS)[number];

/** Writes items one at a time, so an interrupted pull still leaves a complete file. */
export interface ItemWriter {
  write(item: unknown): Promise<void>;
  /** Finishes the document (closes a JSON array, flushes CSV) and the file. */
  close(): Promise<void>;
  /** Columns seen after the CSV header was written (they are not in the file). */
  droppedColumns(): string[];
}

async function put(stream: Writable, text: string): Promise<void> {
  if (!stream.write(text)) await once(stream, 'drain');
}

async function finish(stream: Writable, ownsStream: boolean): Promise<void> {
  if (!ownsStream) return;
  stream.end();
  await once(stream, 'finish');
}

/** A writer for `format` to `path`, or to stdout without one. */
export function createItemWriter(format: Format, path?: string): ItemWriter {
  const stream: Writable = path ? createWriteStream(path) : process.stdout;
  const ownsStream = path !== undefined;
  if (format === 'ndjson') {
    return { write: (item) => put(stream, `${JSON.stringify(item)}\n`), close: () => finish(stream, ownsStream), droppedColumns: () => [] };
  }
  if (format === 'json') {
    let first = true;
    return {
      write: (item) => {
        const text = `${first ? '[\n' : ',\n'}${JSON.stringify(item)}`;
        first = false;
        return put(stream, text);
      },
      close: async () => {
        await put(stream, first ? '[]\n' : '\n]\n');
        await finish(stream, ownsStream);
      },
      droppedColumns: () => [],
    };
  }
  // CSV: the header comes from the first item's columns; a real CSV library does the quoting.
  let csv: Stringifier | undefined;
  let columns: string[] = [];
  const dropped = new Set<string>();
  return {
    write: async (item) => {
      const row = flatten(item);
      if (!csv) {
        columns = Object.keys(row);
        csv = stringify({ header: true, columns });
        csv.pipe(stream, { end: false });
      }
      for (const key of Object.keys(row)) if (!columns.includes(key)) dropped.add(key);
      if (!csv.write(row)) await once(csv, 'drain');
    },
    close: async () => {
      if (csv) {
        csv.end();
        await once(csv, 'end');
      }
      await finish(stream, ownsStream);
    },
    droppedColumns: () => [...dropped],
  };
}
