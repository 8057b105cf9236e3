/**
 * The migration environment: every command that touches the database runs this file.
 * It is yours to edit (connection options, filters, several schemas...).
 */
import { context } from '@alembic/core';
import {
  createTypeOrmExtensions,
  databaseUrlOf,
  excludeTypeOrmTables,
  fromDataSource,
  loadDataSource,
} from '@alembic/typeorm';

// The TypeORM DataSource whose entities are the model (`typeorm.dataSource` in
// alembic.config.ts, relative to it). It is never initialized: alembic connects itself.
const dataSourceFile = context.config.resolvePath(
  (context.config.values.typeorm as { dataSource?: string } | undefined)?.dataSource ?? 'src/data-source.ts',
);
const dataSource = await loadDataSource(dataSourceFile);

// The database: `url` in alembic.config.ts (DATABASE_URL) when it is set, else the DataSource's
// own connection settings (its url, or host, port, username, password and database; its file
// for SQLite).
const configuredUrl = context.config.values.url;
const url = typeof configuredUrl === 'string' && configuredUrl !== '' ? configuredUrl : databaseUrlOf(dataSource);

/** Options shared by both modes: the model, and TypeORM's own tables left alone. */
const autogenerateOptions = {
  // Built for the database the URL names, whatever the DataSource's `type`; only by the commands
  // that compare (revision --autogenerate, check), while they read the database's catalog.
  targetMetadata: () => fromDataSource(dataSource, { dialect: typeOrmDialectOf(url) }),
  includeName: excludeTypeOrmTables(dataSource),
  // On PostgreSQL, a new migration whose columns need an extension (uuid_generate_v4() of
  // uuid-ossp, citext, postgis...) creates it first, as TypeORM does when it connects.
  processRevisionDirectives: createTypeOrmExtensions,
};

/** `postgresql://...` -> `postgres`, `mysql+driver://...` -> `mysql`, `sqlite:///...` -> `sqlite`. */
function typeOrmDialectOf(databaseUrl: string): 'postgres' | 'mysql' | 'mariadb' | 'sqlite' | 'mssql' {
  const scheme = databaseUrl.split(':', 1)[0]?.split('+', 1)[0]?.toLowerCase() ?? '';
  if (scheme === 'postgres' || scheme === 'postgresql') return 'postgres';
  if (scheme === 'mysql' || scheme === 'mariadb' || scheme === 'sqlite' || scheme === 'mssql') return scheme;
  throw new Error(`alembic.config.ts: no TypeORM dialect for the database URL scheme '${scheme}'`);
}

/**
 * Offline mode (`--sql`): no database connection; the SQL is printed for someone to run.
 */
async function runMigrationsOffline(): Promise<void> {
  context.configure({ url, literalBinds: true, ...autogenerateOptions });
  await context.beginTransaction(() => context.runMigrations());
}

/**
 * Online mode: connect with the configured URL and run the migrations.
 */
async function runMigrationsOnline(): Promise<void> {
  const connection = await context.connect(url);
  try {
    context.configure({ connection, ...autogenerateOptions });
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
