import { executeOperation } from '@alembic/core/dialect';
import type { DdlCompilerOptions, ExecuteOperation } from '@alembic/core/dialect';
import { PostgresDdlCompiler } from './postgres-ddl-compiler.js';
import type { ExcludeConstraintDefinition } from './postgres-exclude-constraint.js';

/**
 * Alembic's `op.create_exclude_constraint` for PostgreSQL, as an operation core already runs:
 * the `ALTER TABLE ... ADD CONSTRAINT ... EXCLUDE ...` statement built by
 * {@link PostgresDdlCompiler}, wrapped in an `execute` operation (so it runs online and prints
 * offline like any other). Its reverse is core's `dropConstraint`, written in `downgrade`.
 *
 * ```ts
 * import { createExcludeConstraintOperation } from '@alembic/dialect-postgres';
 *
 * export async function upgrade(op: Operations): Promise<void> {
 *   await op.invoke(
 *     createExcludeConstraintOperation({
 *       name: 'no_overlapping_bookings',
 *       tableName: 'booking',
 *       elements: [['room_id', '='], ['during', '&&']],
 *       using: 'gist',
 *       where: 'cancelled_at IS NULL',
 *     }),
 *   );
 * }
 *
 * export async function downgrade(op: Operations): Promise<void> {
 *   await op.dropConstraint('no_overlapping_bookings', 'booking');
 * }
 * ```
 */
export function createExcludeConstraintOperation(
  definition: ExcludeConstraintDefinition,
  compilerOptions: DdlCompilerOptions = {},
): ExecuteOperation {
  const statement = new PostgresDdlCompiler(compilerOptions).compileCreateExcludeConstraint(definition);
  return executeOperation({ sql: statement });
}
