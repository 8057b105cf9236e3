import type { DatabaseConnection } from '@alembic/core/dialect';

/** A live connection whose `query` calls are counted (the statements also recorded). */
export interface CountingConnection extends DatabaseConnection {
  /** The `query` statements run since the last `reset()`. */
  readonly queries: readonly string[];
  reset(): void;
}

/**
 * Wraps a real connection so a test can count the catalog queries an introspector issues:
 * every call goes to the server; `query` is recorded on the way.
 */
export function countingConnection(connection: DatabaseConnection): CountingConnection {
  let queries: string[] = [];
  return {
    get queries() {
      return queries;
    },
    reset() {
      queries = [];
    },
    query(sqlText, parameters) {
      queries.push(sqlText);
      return connection.query(sqlText, parameters);
    },
    execute: (sqlText) => connection.execute(sqlText),
    begin: () => connection.begin(),
    commit: () => connection.commit(),
    rollback: () => connection.rollback(),
    close: () => connection.close(),
  };
}
