import { SequenceSdkError } from '../core/errors.js';

/** Another sync of the same vendor is writing into the same database: nothing was done. */
export class SyncBusyError extends SequenceSdkError {
  override name = 'SyncBusyError';
}

/** The database cannot take the sync: not one sequence-apis wrote, a corrupted state row, an unknown target. */
export class SyncDatabaseError extends SequenceSdkError {
  override name = 'SyncDatabaseError';
}
