/** What `run()` reports about a write, as `this` of its callback. */
export interface SqliteRunResult {
  readonly changes: number;
  readonly lastID: number;
}

/** The part of a `sqlite3.Statement` the dialect uses (a prepared statement it keeps). */
export interface SqliteStatement {
  run(parameters: unknown[], callback: (this: SqliteRunResult, error: Error | null) => void): unknown;
  finalize(callback: (error: Error | null) => void): unknown;
}

/**
 * The part of a `sqlite3.Database` the dialect uses, typed structurally so that this package
 * does not need the driver's types at all: an application can hand over the `Database` it
 * already has (`sqlite({ existingClient: database })`).
 */
export interface SqliteClient {
  all(sql: string, parameters: unknown[], callback: (error: Error | null, rows: unknown[]) => void): unknown;
  run(sql: string, parameters: unknown[], callback: (this: SqliteRunResult, error: Error | null) => void): unknown;
  exec(sql: string, callback: (error: Error | null) => void): unknown;
  /** Used, when present, to keep the statements a run repeats (the version table's) prepared. */
  prepare?(sql: string, callback: (error: Error | null) => void): SqliteStatement;
  close(callback: (error: Error | null) => void): unknown;
}

/** True when `value` has the methods of a {@link SqliteClient}. */
export function isSqliteClient(value: unknown): value is SqliteClient {
  if (typeof value !== 'object' || value === null) {
    return false;
  }
  const candidate = value as Record<string, unknown>;
  return ['all', 'run', 'exec', 'close'].every((method) => typeof candidate[method] === 'function');
}
