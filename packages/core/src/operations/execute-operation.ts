import type { SqlExpression } from '../schema/sql-expression.js';
import { isSqlExpression } from '../schema/sql-expression.js';
import { buildOperation } from './build-operation.js';

/** Named parameters of `execute`: `:name` in the SQL takes the value of `name`. */
export type ExecuteParameters = Readonly<Record<string, unknown>>;

/**
 * Runs SQL as written. With `parameters`, every `:name` (not `::`, and not an escaped `\:`) is a
 * bound parameter; offline, the values are rendered inline. Without `parameters`, the SQL is
 * passed on untouched. Not reversible.
 */
export interface ExecuteOperation extends ExecuteOptions {
  readonly kind: 'execute';
  readonly sql: string;
  readonly parameters?: ExecuteParameters;
}

/** Options of `execute`: all but the SQL and its parameters. */
export interface ExecuteOptions {
  /** Passed to the runtime as is (for example to run outside the migration transaction). */
  readonly executionOptions?: Readonly<Record<string, unknown>>;
}

/**
 * Builds an `execute` operation.
 *
 * ```ts
 * executeOperation({ sql: 'UPDATE account SET active = :active', parameters: { active: true } });
 * ```
 */
export function executeOperation(
  fields: Omit<ExecuteOperation, 'kind' | 'sql'> & { sql: string | SqlExpression },
): ExecuteOperation {
  return buildOperation('execute', fields, {
    sql: isSqlExpression(fields.sql) ? fields.sql.text : fields.sql,
    parameters: fields.parameters === undefined ? undefined : { ...fields.parameters },
  });
}
