import { Config } from '../config/config.js';
import { DefaultDdlCompiler } from '../dialect/default-ddl-compiler.js';
import type { Dialect } from '../dialect/dialect.js';
import type { DialectCapabilities } from '../dialect/dialect-capabilities.js';
import { defineCapabilities } from '../dialect/dialect-capabilities.js';
import type { ScriptDirectory } from '../script/script-directory.js';
import { MigrationContext } from './migration-context.js';

/** An offline-only dialect with the given capabilities. */
function offlineDialect(capabilities: DialectCapabilities): Dialect {
  return {
    specVersion: 1,
    name: 'memory',
    urlSchemes: ['memory'],
    capabilities,
    createDdlCompiler: (options) => new DefaultDdlCompiler({ ...options, dialectName: 'memory', capabilities }),
    connect: async () => {
      throw new Error('offline only');
    },
    createIntrospector: () => {
      throw new Error('offline only');
    },
    acquireMigrationLock: async () => async () => undefined,
    translateError: (error) => error,
  };
}

/** The lines an offline context prints for one transaction holding one statement. */
async function offlineTransaction(capabilities: DialectCapabilities): Promise<string[]> {
  const lines: string[] = [];
  const config = new Config({
    configFile: null,
    directory: '/nowhere',
    values: { scriptLocation: 'migrations' },
    output: { stdout: (line) => lines.push(line), stderr: () => undefined },
  });
  const context = new MigrationContext({
    config,
    scripts: {} as ScriptDirectory,
    dialect: offlineDialect(capabilities),
  });
  await context.beginTransaction(async () => {
    await context.executeSql('UPDATE t SET a = 1');
  });
  return lines;
}

describe('offline BEGIN / COMMIT', () => {
  it('prints BEGIN and COMMIT by default', async () => {
    expect(await offlineTransaction(defineCapabilities({ transactionalDdl: true }))).toEqual([
      'BEGIN;',
      '',
      'UPDATE t SET a = 1;',
      '',
      'COMMIT;',
      '',
    ]);
  });

  it("prints the dialect's offlineTransactionStatements, each followed by the batch separator", async () => {
    const capabilities = defineCapabilities({
      transactionalDdl: true,
      batchSeparator: 'GO',
      offlineTransactionStatements: { begin: 'BEGIN TRANSACTION', commit: 'COMMIT' },
    });
    expect(await offlineTransaction(capabilities)).toEqual([
      'BEGIN TRANSACTION;',
      '',
      'GO',
      '',
      'UPDATE t SET a = 1;',
      '',
      'GO',
      '',
      'COMMIT;',
      '',
      'GO',
      '',
    ]);
  });

  it('prints nothing around the statements without transactional DDL', async () => {
    expect(await offlineTransaction(defineCapabilities({ transactionalDdl: false }))).toEqual([
      'UPDATE t SET a = 1;',
      '',
    ]);
  });
});
