import { AlembicError } from './alembic-error.js';

/**
 * The stable codes dialects give database failures, by kind rather than by driver, so a caller
 * can test `error.code` without knowing a server's own numbers. A dialect uses the names that fit
 * its server; where two servers report the same kind, the dialects use the same name.
 */
export type DatabaseErrorCode =
  | 'ALEMBIC_CONSTRAINT_VIOLATION'
  | 'ALEMBIC_SQL_SYNTAX_ERROR'
  | 'ALEMBIC_DATABASE_LOCKED'
  | 'ALEMBIC_DEADLOCK'
  | 'ALEMBIC_TRANSACTION_CONFLICT'
  | 'ALEMBIC_TABLE_NOT_FOUND'
  | 'ALEMBIC_TABLE_EXISTS'
  | 'ALEMBIC_COLUMN_NOT_FOUND'
  | 'ALEMBIC_OBJECT_NOT_FOUND'
  | 'ALEMBIC_DUPLICATE_OBJECT'
  | 'ALEMBIC_DEPENDENT_OBJECTS_EXIST'
  | 'ALEMBIC_ACCESS_DENIED'
  | 'ALEMBIC_DATABASE_NOT_FOUND'
  | 'ALEMBIC_DATABASE_READ_ONLY'
  | 'ALEMBIC_DATABASE_CANNOT_OPEN'
  | 'ALEMBIC_DATABASE_CORRUPT'
  | 'ALEMBIC_CONNECTION_FAILED'
  | 'ALEMBIC_QUERY_CANCELED'
  | 'ALEMBIC_DATA_ERROR'
  | 'ALEMBIC_DATABASE_ERROR';

/**
 * What every {@link DatabaseError} carries besides its code and message, when known. A
 * dialect's subclass takes these and its server's own details in one object.
 */
export interface DatabaseErrorOptions {
  /** The SQLSTATE the server sent (`'23505'`, `'42S02'`). */
  readonly sqlState?: string;
  /** The driver's own code for the failure (`'ER_NO_SUCH_TABLE'`, `'ECONNREFUSED'`, `'ELOGIN'`). */
  readonly driverCode?: string;
  /** For constraint violations: `'UNIQUE'`, `'FOREIGN KEY'`, `'NOT NULL'`, `'CHECK'`, ... */
  readonly constraintKind?: string;
  /** The driver's error. */
  readonly cause?: unknown;
}

/**
 * Base class of the errors a dialect's `translateError` makes of its driver's errors: a stable
 * {@link DatabaseErrorCode}, the server's message unchanged, the driver's error as `cause`, the
 * SQLSTATE and the driver's code when there are any, and, for constraint violations, the kind of
 * constraint. Each dialect adds its server's own details (error numbers, say) in a subclass:
 * the other keys of the options become fields of the error (never replacing one it has), which
 * the subclass declares. Its inherited `isInstance` recognizes its own instances, from any copy
 * of its package, by the marker the subclass names in `instanceMarker` (by its class name when it
 * names none, which a bundler that renames classes would change):
 *
 * ```ts
 * class ExampleDatabaseError extends DatabaseError {
 *   static override readonly instanceMarker = 'example.error.ExampleDatabaseError';
 *   declare readonly errorNumber: number | undefined;
 *
 *   constructor(code: DatabaseErrorCode, message: string, details: DatabaseErrorOptions & { errorNumber?: number } = {}) {
 *     super(code, message, details);
 *   }
 * }
 * ExampleDatabaseError.isInstance(error); // true only for an ExampleDatabaseError (or a subclass)
 * ```
 *
 * A caller that does not care which dialect raised it:
 *
 * ```ts
 * try {
 *   await upgrade(config, 'head');
 * } catch (error) {
 *   const cause = (error as Error).cause;
 *   if (DatabaseError.isInstance(cause) && cause.code === 'ALEMBIC_DATABASE_LOCKED') {
 *     // another session holds a lock: try again later
 *   }
 * }
 * ```
 */
export class DatabaseError extends AlembicError {
  static override readonly instanceMarker: string = 'alembic.error.DatabaseError';
  declare readonly code: DatabaseErrorCode;
  /** The SQLSTATE the server sent, e.g. `'23505'`. */
  readonly sqlState: string | undefined;
  /** The driver's own code for the failure, e.g. `'ER_NO_SUCH_TABLE'`. */
  readonly driverCode: string | undefined;
  /** For constraint violations: `'UNIQUE'`, `'FOREIGN KEY'`, `'NOT NULL'`, `'CHECK'`, ... when known. */
  readonly constraintKind: string | undefined;

  constructor(code: DatabaseErrorCode, message: string, options: DatabaseErrorOptions = {}) {
    const { sqlState, driverCode, constraintKind, cause, ...serverDetails } = options;
    super(code, message, { cause });
    this.sqlState = sqlState;
    this.driverCode = driverCode;
    this.constraintKind = constraintKind;
    const fields = this as unknown as Record<string | symbol, unknown>;
    for (const [key, value] of Object.entries(serverDetails)) {
      if (!(key in this)) fields[key] = value;
    }
  }
}
