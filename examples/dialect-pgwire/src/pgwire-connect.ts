import { loadDriver } from '@alembic/core/dialect';
import type { DatabaseConnection, DialectConnectOptions } from '@alembic/core/dialect';
import type { PgwireClient } from './pgwire-connection.js';
import { PgwireConnection } from './pgwire-connection.js';
import { parsePgwireUrl } from './pgwire-url.js';

interface PgModule {
  readonly Client: new (config: Record<string, unknown>) => PgwireClient & { connect(): Promise<void> };
}

function quoteIdentifier(name: string): string {
  return `"${name.replaceAll('"', '""')}"`;
}

/**
 * Opens a connection for a `pgwire://` URL through the `pg` driver, loaded here and only here
 * (so offline `--sql` runs never need it). A `?schema=` parameter becomes the session's
 * `search_path`.
 */
export async function connectPgwire(url: string, options: DialectConnectOptions = {}): Promise<DatabaseConnection> {
  const { connectionString, schema } = parsePgwireUrl(url);
  const pg = await loadDriver<PgModule>(() => import('pg'), {
    namedExport: 'Client',
    missingMessage: 'The pgwire dialect needs the pg driver: npm install pg',
  });
  const client = new pg.Client({ ...options.driverOptions, connectionString });
  await client.connect();
  const connection = new PgwireConnection(client);
  if (schema !== undefined) await connection.execute(`SET search_path TO ${quoteIdentifier(schema)}`);
  return connection;
}
