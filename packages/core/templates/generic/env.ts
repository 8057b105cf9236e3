/**
 * The migration environment: every command that touches the database runs this file.
 * It is yours to edit (connection options, models for autogenerate, several schemas...).
 */
import { context } from '@alembic/core';

// Models for `alembic revision --autogenerate` and `alembic check`, for example
// `fromDataSource(dataSource)` from @alembic/typeorm. Undefined: autogenerate is off.
const targetMetadata = undefined;

/**
 * Offline mode (`--sql`): no database connection; the SQL is printed for someone to run.
 */
async function runMigrationsOffline(): Promise<void> {
  context.configure({ url: context.config.values.url, targetMetadata, literalBinds: true });
  await context.beginTransaction(() => context.runMigrations());
}

/**
 * Online mode: connect with the configured URL and run the migrations.
 */
async function runMigrationsOnline(): Promise<void> {
  const connection = await context.connect();
  try {
    context.configure({ connection, targetMetadata });
    await context.beginTransaction(() => context.runMigrations());
  } finally {
    await connection.close();
  }
}

if (context.isOfflineMode()) {
  await runMigrationsOffline();
} else {
  await runMigrationsOnline();
}
