/**
 * The migration environment: every command that touches the database runs this file.
 * It is yours to edit (connection options, models for autogenerate, several schemas...).
 */
import { context } from '@alembic/core';

// The models `alembic revision --autogenerate` and `alembic check` compare with the database:
// a MetadataModel (or a list of them). Declare your tables with the helpers migrations use, e.g.
//
//   import { column, integer, metadata, string, table } from '@alembic/core';
//
//   export const targetMetadata = metadata([
//     table('account', [
//       column('id', integer(), { primaryKey: true }),
//       column('name', string(50), { nullable: false }),
//     ]),
//   ], { namingConvention: { ix: 'ix_%(column_0_label)s', uq: 'uq_%(table_name)s_%(column_0_name)s' } });
//
// in a models file, and import it here: `import { targetMetadata } from '../src/models';`.
// TypeORM users get one from their DataSource with @alembic/typeorm (`alembic init --template
// typeorm`). Other autogenerate settings go to context.configure() too: compareType,
// compareServerDefault, includeName, includeObject, renderAsBatch (SQLite), renderItem,
// processRevisionDirectives. Undefined: autogenerate is off.
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
