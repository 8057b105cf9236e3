import { dropTableOperation } from '@alembic/core';
import type { DatabaseConnection, Dialect } from '@alembic/core';
import { introspectorOf, isToolTable } from './schema-snapshot.js';

/**
 * Drops every table a test left in the connection's default schema (version tables included,
 * a dialect's lock table left alone), retrying those a foreign key still holds, so the next
 * test starts from an empty schema even after a failure.
 */
export async function resetSchema(dialect: Dialect, connection: DatabaseConnection): Promise<void> {
  const introspector = introspectorOf(dialect, connection);
  const compiler = dialect.createDdlCompiler();
  let remaining = (await introspector.getTableNames()).filter(
    (name) => !isToolTable(name) || name.startsWith('alembic_version'),
  );
  while (remaining.length > 0) {
    const failed: string[] = [];
    let lastError: unknown;
    for (const name of remaining) {
      try {
        for (const statement of compiler.compile(dropTableOperation({ tableName: name })))
          await connection.execute(statement);
      } catch (error) {
        failed.push(name);
        lastError = error;
      }
    }
    if (failed.length === remaining.length) {
      throw new Error(`Could not drop the tables ${failed.join(', ')} left by a test: ${String(lastError)}`);
    }
    remaining = failed;
  }
}
