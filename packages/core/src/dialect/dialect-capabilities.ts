import { withoutUndefined } from '../schema/deep-freeze.js';

/** The statements that open and close a transaction in offline (`--sql`) output. */
export interface OfflineTransactionStatements {
  /** Opens the transaction: `BEGIN`. */
  readonly begin: string;
  /** Ends it: `COMMIT`. */
  readonly commit: string;
}

/**
 * What a dialect's database can do. Core and the conformance suite read these flags instead of
 * testing dialect names. New flags are added with a default in {@link defaultCapabilities}, so
 * adding one breaks no existing dialect.
 */
export interface DialectCapabilities {
  /** DDL runs inside transactions and rolls back with them (PostgreSQL, SQLite, SQL Server). */
  readonly transactionalDdl: boolean;
  /** Tables can live in named schemas (`schema.table`). */
  readonly supportsSchemas: boolean;
  /** `ALTER COLUMN ... TYPE` (or the dialect's equivalent) exists. */
  readonly supportsAlterColumnType: boolean;
  /** Constraints can be added and dropped with ALTER TABLE (false on SQLite). */
  readonly supportsAlterConstraints: boolean;
  /** Most ALTERs need the table rebuilt by move-and-copy, so batch `'auto'` rebuilds (SQLite). */
  readonly requiresBatchRecreate: boolean;
  /** Table and column comments exist. */
  readonly supportsComments: boolean;
  /** `IF EXISTS` / `IF NOT EXISTS` on DROP/CREATE statements. */
  readonly supportsIfExists: boolean;
  /** `CREATE INDEX ... WHERE condition`. */
  readonly supportsPartialIndexes: boolean;
  /** `DEFERRABLE` / `INITIALLY` on constraints. */
  readonly supportsDeferrable: boolean;
  /** A line written after each statement in offline SQL (`'GO'` on SQL Server), or undefined. */
  readonly batchSeparator: string | undefined;
  /** Text ending each statement in offline SQL (`';'`). */
  readonly statementTerminator: string;
  /**
   * The statements that open and close a transaction in offline SQL, written like any other
   * statement (terminator, then `batchSeparator`): `BEGIN` / `COMMIT` by default,
   * `BEGIN TRANSACTION` / `COMMIT` on SQL Server.
   */
  readonly offlineTransactionStatements: OfflineTransactionStatements;
  /** Enum types are native (named types or `ENUM(...)`), else `VARCHAR` plus an optional CHECK. */
  readonly nativeEnum: boolean;
  /** A real BOOLEAN type with `true`/`false` literals, else integers `1`/`0` plus an optional CHECK. */
  readonly nativeBoolean: boolean;
  /** A native UUID type, else `CHAR(32)`. */
  readonly nativeUuid: boolean;
  /** UPDATE/DELETE report the number of matched rows reliably (the version table checks it). */
  readonly supportsSaneRowcount: boolean;
  /**
   * Identity columns with their own options (`GENERATED ... AS IDENTITY (START WITH s INCREMENT
   * BY i)` on PostgreSQL, `IDENTITY(s, i)` on SQL Server), reflected and altered as such.
   */
  readonly supportsIdentityColumns: boolean;
  /**
   * Adding a foreign key creates an index on its columns when none leads with them, named after
   * the constraint, and dropping the key leaves that index behind (MySQL, MariaDB). Autogenerate
   * then drops the index of a foreign key it drops (when nothing else wants it), and the
   * downgrade of a foreign key it adds drops the index the database will have created.
   */
  readonly foreignKeysCreateIndex: boolean;
  /**
   * The constraints `DROP COLUMN` removes with the column when all their columns go (PostgreSQL:
   * both kinds; SQLite's table rebuild: both; MySQL: unique keys, while a foreign key blocks the
   * drop). Autogenerate leaves an unnamed one on added columns out of the downgrade instead of
   * marking it irreversible. Default none.
   */
  readonly dropColumnDropsConstraints: readonly ('uniqueConstraint' | 'foreignKeyConstraint')[];
  /**
   * The dialect applies `DialectConnectOptions.statementTimeoutMilliseconds` to its sessions
   * (PostgreSQL `statement_timeout`, MariaDB `max_statement_time`, ...). Default false: core
   * warns that a statement timeout has no effect.
   */
  readonly supportsStatementTimeout: boolean;
}

/**
 * The capabilities of the generic SQL dialect (Alembic's `DefaultImpl` on SQLAlchemy's default
 * dialect): non-transactional DDL, schemas, ALTER of types and constraints, comments,
 * `IF [NOT] EXISTS`, deferrable constraints, `;` terminators, `BEGIN` / `COMMIT` offline; no partial indexes, no native enum,
 * boolean or UUID, no identity columns, no indexes created behind foreign keys, no statement timeout.
 */
export const defaultCapabilities: DialectCapabilities = Object.freeze({
  transactionalDdl: false,
  supportsSchemas: true,
  supportsAlterColumnType: true,
  supportsAlterConstraints: true,
  requiresBatchRecreate: false,
  supportsComments: true,
  supportsIfExists: true,
  supportsPartialIndexes: false,
  supportsDeferrable: true,
  batchSeparator: undefined,
  statementTerminator: ';',
  offlineTransactionStatements: Object.freeze({ begin: 'BEGIN', commit: 'COMMIT' }),
  nativeEnum: false,
  nativeBoolean: false,
  nativeUuid: false,
  supportsSaneRowcount: true,
  supportsIdentityColumns: false,
  foreignKeysCreateIndex: false,
  dropColumnDropsConstraints: Object.freeze([]),
  supportsStatementTimeout: false,
});

/**
 * A dialect's capabilities: {@link defaultCapabilities} with `overrides` applied, frozen.
 *
 * ```ts
 * const capabilities = defineCapabilities({ transactionalDdl: true, requiresBatchRecreate: true });
 * ```
 */
export function defineCapabilities(overrides: Partial<DialectCapabilities> = {}): DialectCapabilities {
  return Object.freeze({ ...defaultCapabilities, ...withoutUndefined(overrides) });
}
