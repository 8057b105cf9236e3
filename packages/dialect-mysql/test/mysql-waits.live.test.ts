/**
 * Waits that speak and statements that time out, on the live server: the migration lock tells
 * `onWait` its name and the session holding it, a timeout of 0 does not wait, the statement
 * timeout cancels a long statement but never the lock's own wait, and a lent session gets its
 * own statement timeout back.
 */
import mysql from 'mysql2/promise';
import { mysqlDialect } from '../src/mysql-dialect.js';
import type { MysqlConnection } from '../src/mysql-connection.js';
import { acquireMysqlMigrationLock, mysqlLockName } from '../src/mysql-migration-lock.js';
import { createTestDatabase, describeLive } from './support/mysql-test-server.js';
import type { TestDatabase } from './support/mysql-test-server.js';

const LOCK = 'alembic:.alembic_version';

function sleep(milliseconds: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, milliseconds));
}

describeLive('MySQL waits and timeouts (live)', () => {
  let database: TestDatabase;
  let holder: MysqlConnection;
  const opened: MysqlConnection[] = [];

  beforeAll(async () => {
    database = await createTestDatabase();
    holder = await database.connect();
  });

  afterEach(async () => {
    await Promise.all(opened.splice(0).map((connection) => connection.close()));
  });

  afterAll(async () => {
    await holder?.close();
    await database?.drop();
  });

  async function open(statementTimeoutMilliseconds?: number): Promise<MysqlConnection> {
    const connection = (await mysqlDialect.connect(
      database.url,
      statementTimeoutMilliseconds === undefined ? {} : { statementTimeoutMilliseconds },
    )) as MysqlConnection;
    opened.push(connection);
    return connection;
  }

  it('tells onWait the lock and the connection holding it, and gives up at once with a timeout of 0', async () => {
    const release = await acquireMysqlMigrationLock(holder, { lockName: LOCK });
    const { rows } = await holder.query<{ id: unknown }>('SELECT CONNECTION_ID() AS id');
    const waiter = await open();
    const waits: unknown[] = [];
    await expect(
      acquireMysqlMigrationLock(waiter, {
        lockName: LOCK,
        timeoutMilliseconds: 0,
        onWait: (wait) => void waits.push(wait),
      }),
    ).rejects.toMatchObject({ code: 'ALEMBIC_DATABASE_LOCKED' });
    const server = holder.flavour === 'mariadb' ? 'MariaDB' : 'MySQL';
    expect(waits).toEqual([
      {
        lock: `GET_LOCK('${mysqlLockName(LOCK, database.name)}')`,
        holder: expect.stringMatching(new RegExp(`^${server} connection ${String(rows[0]?.id)} \\(root@`)),
      },
    ]);
    await release();
    const releaseWaiter = await acquireMysqlMigrationLock(waiter, {
      lockName: LOCK,
      timeoutMilliseconds: 0,
      onWait: (wait) => void waits.push(wait),
    });
    expect(waits).toHaveLength(1);
    await releaseWaiter();
  });

  it('cancels a statement that runs past the statement timeout', async () => {
    const limited = await open(300);
    if (limited.flavour === 'mariadb') {
      await expect(limited.query('SELECT SLEEP(5) AS slept')).rejects.toMatchObject({ errno: 1969 });
    } else {
      // MySQL's max_execution_time covers SELECT only: an interrupted SLEEP returns 1.
      expect((await limited.query('SELECT SLEEP(5) AS slept')).rows).toEqual([{ slept: 1 }]);
    }
  });

  it('does not let the statement timeout cut the migration lock wait short', async () => {
    const limited = await open(100);
    const release = await acquireMysqlMigrationLock(holder, { lockName: LOCK });
    const waiting = acquireMysqlMigrationLock(limited, { lockName: LOCK });
    await sleep(500);
    await release();
    await (await waiting)();
  });

  it("puts a lent session's own statement timeout back on close", async () => {
    const client = await mysql.createConnection({ uri: database.url });
    try {
      const variable = holder.flavour === 'mariadb' ? 'max_statement_time' : 'max_execution_time';
      await client.query(`SET SESSION ${variable} = ${holder.flavour === 'mariadb' ? 7 : 7000}`);
      const lent = await mysqlDialect.connect('mysql://ignored', {
        existingClient: client,
        statementTimeoutMilliseconds: 1500,
      });
      const during = await lent.query<{ value: unknown }>(`SELECT @@SESSION.${variable} AS value`);
      await lent.close();
      const [after] = (await client.query(`SELECT @@SESSION.${variable} AS value`)) as unknown as [
        { value: unknown }[],
      ];
      expect([Number(during.rows[0]?.value), Number(after[0]?.value)]).toEqual(
        holder.flavour === 'mariadb' ? [1.5, 7] : [1500, 7000],
      );
    } finally {
      await client.end();
    }
  });
});
