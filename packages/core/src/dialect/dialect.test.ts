import type { DatabaseConnection, QueryResult } from './database-connection.js';
import { assertDialectContract } from './assert-dialect-contract.js';
import { DefaultDdlCompiler } from './default-ddl-compiler.js';
import type { Dialect } from './dialect.js';
import { defineCapabilities } from './dialect-capabilities.js';
import { renameTableOperation } from '../operations/rename-table-operation.js';

/** An in-memory connection recording what it is asked to run. */
function recordingConnection(log: string[]): DatabaseConnection {
  return {
    query: async <Row>(sql: string): Promise<QueryResult<Row>> => {
      log.push(sql);
      return { rows: [], rowCount: 0 };
    },
    execute: async (sql) => {
      log.push(sql);
    },
    begin: async () => {
      log.push('BEGIN');
    },
    commit: async () => {
      log.push('COMMIT');
    },
    rollback: async () => {
      log.push('ROLLBACK');
    },
    close: async () => {
      log.push('CLOSE');
    },
  };
}

describe('the Dialect contract', () => {
  it('can be implemented by a third party with nothing but core types', async () => {
    const log: string[] = [];
    const dialect: Dialect = {
      specVersion: 1,
      name: 'memory',
      urlSchemes: ['memory'],
      capabilities: defineCapabilities({ transactionalDdl: true }),
      createDdlCompiler: (options) =>
        new DefaultDdlCompiler({
          ...options,
          dialectName: 'memory',
          capabilities: defineCapabilities({ transactionalDdl: true }),
        }),
      connect: async () => recordingConnection(log),
      createIntrospector: () => ({
        getTableNames: async () => [],
        getTable: async () => undefined,
        getTables: async () => [],
      }),
      acquireMigrationLock: async (connection, options) => {
        await connection.execute(`LOCK ${options.lockName}`);
        return async () => {
          await connection.execute(`UNLOCK ${options.lockName}`);
        };
      },
      translateError: (error) => error,
    };
    const connection = await dialect.connect('memory://');
    const release = await dialect.acquireMigrationLock(connection, { lockName: 'alembic_version' });
    for (const statement of dialect
      .createDdlCompiler()
      .compile(renameTableOperation({ oldTableName: 'a', newTableName: 'b' }))) {
      await connection.execute(statement);
    }
    await release();
    expect(log).toEqual(['LOCK alembic_version', 'ALTER TABLE a RENAME TO b', 'UNLOCK alembic_version']);
    expect(() => assertDialectContract(dialect)).not.toThrow();
  });

  it('is checked at run time for what it requires, for dialects written in JavaScript', () => {
    const partial = {
      specVersion: 1,
      name: 'partial',
      urlSchemes: ['partial'],
      capabilities: defineCapabilities({}),
      createDdlCompiler: () => new DefaultDdlCompiler(),
      connect: async () => recordingConnection([]),
      acquireMigrationLock: async () => async () => undefined,
    } as unknown as Dialect;
    expect(() => assertDialectContract(partial)).toThrow(
      'The partial dialect does not implement createIntrospector(), translateError(), which the Dialect contract (version 1) requires',
    );
  });
});
