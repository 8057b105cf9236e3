/**
 * @example/alembic-dialect-pgwire: an example third-party @alembic dialect for a PostgreSQL-wire
 * database with quirks of its own (`pgwire://` URLs, a lock table instead of advisory locks, no
 * transactional DDL, 64-bit `INT`), built on `@alembic/core/dialect` (the entry point for dialect
 * authors) only. See docs/adding-a-dialect.md.
 *
 * @packageDocumentation
 */

export { pgwire, pgwireDialect, type PgwireDialectOptions } from './pgwire-dialect.js';
export { pgwireCapabilities } from './pgwire-capabilities.js';
export { PgwireDdlCompiler } from './pgwire-ddl-compiler.js';
export { PgwireIntrospector } from './pgwire-introspector.js';
export { parsePgwireType } from './pgwire-type-parser.js';
export { acquirePgwireMigrationLock, PGWIRE_LOCK_TABLE, type PgwireLockSettings } from './pgwire-migration-lock.js';
export { connectPgwire } from './pgwire-connect.js';
export { PgwireConnection, type PgwireClient } from './pgwire-connection.js';
export { parsePgwireUrl, type PgwireUrl } from './pgwire-url.js';
