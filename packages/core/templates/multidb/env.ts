/**
 * Multi-database environment: runs every revision once per database named under `databases`
 * in alembic.config.ts, each on its own connection. Edit freely.
 */
import { context } from '@alembic/core';

const databases = context.config.values.databases ?? {};

// Autogenerate (`revision --autogenerate`, `check`) compares one database with one set of
// models: to use it here, run it for one database at a time (for example select it with
// `-x database=engine1`) and pass that database's MetadataModel (`metadata([...])` from
// @alembic/core) as `targetMetadata` to context.configure().

for (const [databaseName, url] of Object.entries(databases)) {
  if (context.isOfflineMode()) {
    context.configure({ url, literalBinds: true });
    context.print(`-- database ${databaseName}`);
    await context.beginTransaction(() => context.runMigrations({ databaseName }));
  } else {
    const connection = await context.connect(url);
    try {
      context.configure({ connection });
      await context.beginTransaction(() => context.runMigrations({ databaseName }));
    } finally {
      await connection.close();
    }
  }
}
