/**
 * The result of one request of the `mssql` driver: the rows of the first result set, all
 * result sets, and the rows affected by each statement.
 */
export interface MssqlDriverResult {
  readonly recordset?: readonly Record<string, unknown>[];
  readonly recordsets?: readonly (readonly Record<string, unknown>[])[];
  readonly rowsAffected?: readonly number[];
}

/** One request of the `mssql` driver (`pool.request()`, `transaction.request()`). */
export interface MssqlRequest {
  /** Binds the named input `@name`; the driver infers its SQL type from the value. */
  input(name: string, value: unknown): MssqlRequest;
  /** Runs SQL with the bound inputs (through `sp_executesql`). */
  query(sql: string): Promise<MssqlDriverResult>;
  /** Runs SQL as a batch of its own (no `sp_executesql`: `SET` options it makes stay on the session). */
  batch(sql: string): Promise<MssqlDriverResult>;
}

/** An `mssql` transaction: it holds one connection of its pool from `begin()` to the end. */
export interface MssqlTransaction {
  begin(): Promise<unknown>;
  commit(): Promise<unknown>;
  rollback(): Promise<unknown>;
  request(): MssqlRequest;
}

/**
 * The part of an `mssql` `ConnectionPool` this dialect uses, typed structurally so the package
 * needs no import of `mssql` to describe it (an application's own pool fits).
 */
export interface MssqlPool {
  request(): MssqlRequest;
  transaction(): MssqlTransaction;
  close(): Promise<unknown>;
  connect?(): Promise<unknown>;
  /** False until `connect()` has succeeded. */
  readonly connected?: boolean;
  /**
   * The pool's configuration; `pool.max` tells whether it is one session, `requestTimeout` how
   * long any one request may take (the driver's default is 15 s; 0 is no limit).
   */
  readonly config?: { readonly pool?: { readonly max?: number }; readonly requestTimeout?: number };
}

function hasMethod(value: unknown, name: string): boolean {
  return typeof value === 'object' && value !== null && typeof (value as Record<string, unknown>)[name] === 'function';
}

/**
 * True for an `mssql` `ConnectionPool` (it has `request()` and `transaction()`).
 *
 * ```ts
 * isMssqlPool(new sql.ConnectionPool(config)); // true
 * ```
 */
export function isMssqlPool(value: unknown): value is MssqlPool {
  return hasMethod(value, 'request') && hasMethod(value, 'transaction');
}
