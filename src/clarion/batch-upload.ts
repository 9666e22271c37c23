import { BatchError, type CompletedChunk } from '../core/batch.js';
import type * as z from 'zod/mini';
import type { BatchUploadResponseSchema } from './models.js';

/** What Clarion answers to one batch-upload call. */
export type BatchUploadResponse = z.infer<typeof BatchUploadResponseSchema>;

/**
 * One error or warning of a batch upload. Clarion does not document their shape, so the entry
 * is kept as sent, plus: `chunk` (which call it came from) and, when the entry names a row
 * (`row`, `row_index`, `rowIndex` or `index`), `row` counted across your whole list (same base
 * as Clarion's) with the call's own number kept as `chunk_row`.
 */
export interface BatchUploadIssue {
  /** The row in your list, when the entry names one. */
  row?: number;
  /** The row as numbered within its call. */
  chunk_row?: number;
  /** The call (0-based) the entry came from. */
  chunk: number;
  /** The message, when the entry has one (or was a plain string). */
  message?: string;
  [key: string]: unknown;
}

/** The merged result of a batch upload, as if one call had been made. */
export interface BatchUploadResult {
  /** True when every row of every call passed validation. */
  valid: boolean;
  /** Rows sent. */
  total_attempted: number;
  /** Rows that passed validation. */
  valid_count: number;
  /** Sequences created (0 with `validate_only`). */
  created_count: number;
  /** Validation errors; their rows were not created. */
  errors: BatchUploadIssue[];
  /** Warnings; their rows were created. */
  warnings: BatchUploadIssue[];
  /** Calls made (at most 100 rows each). */
  calls: number;
}

const ROW_KEYS = ['row', 'row_index', 'rowIndex', 'index'] as const;

function shiftIssue(issue: unknown, chunk: CompletedChunk<BatchUploadResponse>): BatchUploadIssue {
  if (typeof issue === 'string') return { message: issue, chunk: chunk.index };
  if (typeof issue !== 'object' || issue === null) return { value: issue, chunk: chunk.index };
  const record = issue as Record<string, unknown>;
  const key = ROW_KEYS.find((name) => typeof record[name] === 'number');
  if (key === undefined) return { ...record, chunk: chunk.index };
  const chunkRow = record[key] as number;
  return { ...record, row: chunkRow + chunk.start, chunk_row: chunkRow, chunk: chunk.index };
}

/** Merges the answers of each call into one result, rows numbered across the caller's list. */
export function mergeBatchUploads(chunks: CompletedChunk<BatchUploadResponse>[]): BatchUploadResult {
  const merged: BatchUploadResult = {
    valid: true,
    total_attempted: 0,
    valid_count: 0,
    created_count: 0,
    errors: [],
    warnings: [],
    calls: chunks.length,
  };
  for (const chunk of chunks) {
    const answer = chunk.result;
    merged.valid &&= answer.valid === true;
    merged.total_attempted += answer.total_attempted ?? chunk.count;
    merged.valid_count += answer.valid_count ?? 0;
    merged.created_count += answer.created_count ?? 0;
    for (const issue of answer.errors ?? []) merged.errors.push(shiftIssue(issue, chunk));
    for (const issue of answer.warnings ?? []) merged.warnings.push(shiftIssue(issue, chunk));
  }
  return merged;
}

/**
 * A batch upload failed part-way: the calls before the failing one were made, and `result`
 * merges what they answered (how many sequences were created, which rows had errors).
 */
export class BatchUploadError extends BatchError<BatchUploadResponse> {
  override name = 'BatchUploadError';
  /** The merged answers of the calls that were made before the failure. */
  readonly result: BatchUploadResult;

  constructor(failure: BatchError<BatchUploadResponse>) {
    super('sequences.batchUpload', failure.completed, failure.failedAt, failure.total, failure.cause);
    this.result = mergeBatchUploads(failure.completed);
    const reason = failure.cause instanceof Error ? failure.cause.message : String(failure.cause);
    this.message =
      `sequences.batchUpload failed at row ${failure.failedAt} of ${failure.total}: rows 0-${failure.failedAt - 1} were sent in ` +
      `${this.result.calls} earlier call(s), which created ${this.result.created_count} sequence(s) ` +
      `(${this.result.errors.length} row error(s)); rows ${failure.failedAt}-${failure.total - 1} were not sent. ${reason}`;
  }
}
