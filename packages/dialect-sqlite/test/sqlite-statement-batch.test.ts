/**
 * Statements sent in batches on SQLite (core's statement batch over `executeBatch`): code that
 * talks to the raw sqlite3 client sees the statements queued before it once it calls
 * `op.getContext().flush()`, and sees them through `op.getBind()` without asking.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ConformanceProject } from '@alembic/testing';
import { sqliteDialect } from '../src/sqlite-dialect.js';
import type { SqliteConnection } from '../src/sqlite-connection.js';
import { sqliteFileUrl } from './support/temporary-directory.js';

function tableCountThroughRawClient(connection: SqliteConnection): Promise<number> {
  return new Promise((resolve, reject) => {
    connection.client.all("SELECT COUNT(*) AS n FROM sqlite_master WHERE name = 'batched'", [], (error, rows) =>
      error ? reject(error) : resolve(Number((rows[0] as { n: number }).n)),
    );
  });
}

describe('statement batches on SQLite', () => {
  let directory: string;
  let project: ConformanceProject | undefined;

  beforeEach(() => {
    directory = mkdtempSync(join(tmpdir(), 'alembic-sqlite-batch-'));
  });
  afterEach(() => {
    project?.dispose();
    rmSync(directory, { recursive: true, force: true });
  });

  it('a migration using the raw client sees queued statements after flush(), and not before', async () => {
    const seen: number[] = [];
    project = new ConformanceProject(sqliteDialect, [
      {
        revision: 'b1',
        downRevision: null,
        upgrade: async (op) => {
          await op.execute('CREATE TABLE batched (id INTEGER)');
          const bind = op.getBind() as unknown as SqliteConnection;
          seen.push(await tableCountThroughRawClient(bind));
          await op.getContext().flush();
          seen.push(await tableCountThroughRawClient(bind));
        },
        downgrade: (op) => op.dropTable('batched'),
      },
    ]);
    const connection = await sqliteDialect.connect(sqliteFileUrl(directory, 'batch.db'));
    try {
      await project.upgrade(connection, 'heads');
    } finally {
      await connection.close();
    }
    // Queued: the raw client does not see the table yet; after flush() it does.
    expect(seen).toEqual([0, 1]);
  });
});
