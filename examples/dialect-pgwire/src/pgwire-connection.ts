import type { DatabaseConnection, QueryResult } from '@alembic/core/dialect';

/** The part of a `pg` client this dialect uses (kept structural, so `pg` stays a peer). */
export interface PgwireClient {
  query(sql: string, parameters?: unknown[]): Promise<{ rows: unknown[]; rowCount: number | null }>;
  end(): Promise<void>;
}

/**
 * Core's `DatabaseConnection` over one `pg` client: `$1` placeholders, row counts, explicit
 * transactions. `close()` rolls back what is still open, then ends the client.
 */
export class PgwireConnection implements DatabaseConnection {
  readonly #client: PgwireClient;
  #inTransaction = false;

  constructor(client: PgwireClient) {
    this.#client = client;
  }

  async query<Row = Record<string, unknown>>(
    sql: string,
    parameters: readonly unknown[] = [],
  ): Promise<QueryResult<Row>> {
    const result = await this.#client.query(sql, parameters.length === 0 ? undefined : [...parameters]);
    return { rows: result.rows as Row[], rowCount: result.rowCount ?? undefined };
  }

  async execute(sql: string): Promise<void> {
    await this.#client.query(sql);
  }

  async begin(): Promise<void> {
    await this.#client.query('BEGIN');
    this.#inTransaction = true;
  }

  async commit(): Promise<void> {
    this.#inTransaction = false;
    await this.#client.query('COMMIT');
  }

  async rollback(): Promise<void> {
    this.#inTransaction = false;
    await this.#client.query('ROLLBACK');
  }

  async close(): Promise<void> {
    if (this.#inTransaction) await this.rollback().catch(() => undefined);
    await this.#client.end();
  }
}
