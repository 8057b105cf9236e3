import type { DatabaseConnection } from './database-connection.js';
import type { ColumnType } from '../schema/column-types.js';
import type { NamingConvention } from '../schema/naming-convention.js';
import type { ExecuteOperation } from '../operations/execute-operation.js';
import type { Operation } from '../operations/operation.js';

/** A statement with bound parameters in the dialect's placeholder style, for online runs. */
export interface CompiledStatement {
  readonly sql: string;
  readonly parameters: readonly unknown[];
}

/** Options a dialect passes through to its compiler. */
export interface DdlCompilerOptions {
  /** Names for unnamed constraints and indexes; merged over `{ ix: 'ix_%(column_0_label)s' }`. */
  readonly namingConvention?: NamingConvention;
  /** Receives warnings (an option a dialect ignores, a CHECK it cannot add); silent by default. */
  readonly warn?: (message: string) => void;
  /**
   * The connection the statements will run on (online runs), for a dialect whose SQL depends on
   * the server it reached (MySQL or MariaDB). Absent offline.
   */
  readonly connection?: DatabaseConnection;
  /** The database URL of the run, when known (offline, the scheme may choose a flavour). */
  readonly url?: string;
}

/**
 * Turns operations into SQL. Pure: no connection, no driver, so offline (`--sql`) output needs
 * neither. Statements come without terminators; the runtime adds them.
 *
 * ```ts
 * const compiler = dialect.createDdlCompiler({ namingConvention });
 * for (const statement of compiler.compile(operation)) await connection.execute(statement);
 * ```
 */
export interface DdlCompiler {
  /** The SQL statements that carry out `operation`, with every value written inline. */
  compile(operation: Operation): string[];
  /** An `execute` operation as one statement with driver placeholders, for online runs. */
  compileParameterized(operation: ExecuteOperation): CompiledStatement;
  /** `name` quoted if the dialect requires it (reserved word, upper case, odd characters). */
  quoteIdentifier(name: string): string;
  /** `value` as an SQL literal of this dialect. */
  renderLiteral(value: unknown, type?: ColumnType): string;
}
