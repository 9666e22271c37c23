// `sequence-apis/pull` (Node only): pull any `list()` into SQLite, NDJSON, JSON or CSV, resumably.
// The vendor entries stay runtime-neutral: this entry alone imports node:fs and node:sqlite.
export { pullToSqlite, SqliteSink, PULLS_TABLE, type SqliteOptions } from './sqlite.js';
export { pullToFile, FileSink, type FileFormat, type FileSinkOptions } from './file-sink.js';
export { escapeFormula, toCsv, CsvEncoder, type CsvFormulas } from './csv.js';
export { flatten } from './flatten.js';
export { pullInto, type PullInput, type PullOptions, type ResumableSink } from './resumable.js';
export { drivePull, type DriveOptions, type PullSink, type PullState } from './walk.js';
export { positionAfter, type PullPage, type PullPosition, type PullSource } from './position.js';
export { stateFileOf, type FileState } from './state-file.js';
export { loadSqlite, type SqliteModule } from './sqlite-load.js';
