import { AlembicError, UnsupportedOperationError, defaultCapabilities } from '@alembic/core/dialect';
import type { DialectCapabilities } from '@alembic/core/dialect';
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { SqliteConnection } from '../src/sqlite-connection.js';
import { SqliteDatabaseError } from '../src/sqlite-database-error.js';
import { SqliteDdlCompiler } from '../src/sqlite-ddl-compiler.js';
import { sqlite, sqliteDialect } from '../src/sqlite-dialect.js';
import { SqliteIntrospector } from '../src/sqlite-introspector.js';

describe('sqliteDialect', () => {
  it('implements version 1 of the dialect contract for sqlite:// URLs', () => {
    expect(sqliteDialect).toMatchObject({ specVersion: 1, name: 'sqlite', urlSchemes: ['sqlite'] });
    expect(Object.isFrozen(sqliteDialect)).toBe(true);
    expect(sqliteDialect.createDdlCompiler()).toBeInstanceOf(SqliteDdlCompiler);
  });

  it('states only how SQLite differs from the default capabilities', () => {
    const differences = Object.fromEntries(
      (Object.keys(defaultCapabilities) as (keyof DialectCapabilities)[])
        .filter((key) => sqliteDialect.capabilities[key] !== defaultCapabilities[key])
        .map((key) => [key, sqliteDialect.capabilities[key]]),
    );
    expect(differences).toEqual({
      transactionalDdl: true,
      requiresBatchRecreate: true,
      supportsAlterColumnType: false,
      supportsAlterConstraints: false,
      supportsComments: false,
      supportsSchemas: false,
      supportsPartialIndexes: true,
      dropColumnDropsConstraints: ['uniqueConstraint', 'foreignKeyConstraint'],
    });
    expect(sqliteDialect.capabilities.nativeBoolean).toBe(false);
  });

  it('passes compiler options through (naming convention, warnings)', () => {
    const compiler = sqlite().createDdlCompiler({ namingConvention: { ix: 'idx_%(table_name)s_%(column_0_name)s' } });
    expect(compiler.compile({ kind: 'createIndex', tableName: 't', columns: ['a'], unique: false })).toEqual([
      'CREATE INDEX idx_t_a ON t (a)',
    ]);
  });

  it('connects, introspects and locks through the dialect object', async () => {
    const connection = await sqliteDialect.connect('sqlite://');
    try {
      expect(connection).toBeInstanceOf(SqliteConnection);
      expect(sqliteDialect.createIntrospector(connection)).toBeInstanceOf(SqliteIntrospector);
      await connection.begin();
      const release = await sqliteDialect.acquireMigrationLock(connection, { lockName: 'alembic:.alembic_version' });
      await release();
      await connection.commit();
    } finally {
      await connection.close();
    }
  });

  it('loads the sqlite3 driver only when a connection opens', () => {
    const entry = join(__dirname, '..', 'dist', 'index.js');
    const script = `
      import { createRequire } from 'node:module';
      const require = createRequire(import.meta.url);
      const loaded = () => Object.keys(require.cache).some((path) => path.includes('sqlite3'));
      const { sqliteDialect } = await import(${JSON.stringify(entry)});
      const before = loaded();
      const connection = await sqliteDialect.connect('sqlite://');
      await connection.close();
      console.log(JSON.stringify({ before, after: loaded() }));
    `;
    const output = execFileSync(process.execPath, ['--input-type=module', '-e', script], { encoding: 'utf8' });
    expect(JSON.parse(output)).toEqual({ before: false, after: true });
  });
});

describe('sqliteDialect.translateError', () => {
  const failureOf = async (statements: string[]): Promise<unknown> => {
    const connection = await sqliteDialect.connect('sqlite://');
    try {
      for (const statement of statements) {
        await connection.execute(statement);
      }
      return undefined;
    } catch (error) {
      return error;
    } finally {
      await connection.close();
    }
  };

  it.each([
    [
      ['CREATE TABLE t (a INTEGER UNIQUE)', 'INSERT INTO t VALUES (1)', 'INSERT INTO t VALUES (1)'],
      'ALEMBIC_CONSTRAINT_VIOLATION',
      'UNIQUE',
      /^SQLITE_CONSTRAINT: UNIQUE constraint failed: t\.a$/,
    ],
    [
      ['CREATE TABLE t (a INTEGER NOT NULL)', 'INSERT INTO t VALUES (NULL)'],
      'ALEMBIC_CONSTRAINT_VIOLATION',
      'NOT NULL',
      /NOT NULL constraint failed: t\.a/,
    ],
    [
      ['CREATE TABLE t (a INTEGER CHECK (a > 0))', 'INSERT INTO t VALUES (0)'],
      'ALEMBIC_CONSTRAINT_VIOLATION',
      'CHECK',
      /CHECK constraint failed/,
    ],
    [['CREATE TABL t (a INTEGER)'], 'ALEMBIC_SQL_SYNTAX_ERROR', undefined, /^SQLITE_ERROR: near "TABL": syntax error$/],
    [['SELECT * FROM missing'], 'ALEMBIC_DATABASE_ERROR', undefined, /no such table: missing/],
  ])('%j -> %s', async (statements, code, constraintKind, message) => {
    const translated = sqliteDialect.translateError(await failureOf(statements));
    expect(SqliteDatabaseError.isInstance(translated)).toBe(true);
    expect(AlembicError.hasCode(translated, code)).toBe(true);
    expect((translated as SqliteDatabaseError).constraintKind).toBe(constraintKind);
    expect((translated as Error).message).toMatch(message);
    expect((translated as Error).cause).toBeDefined();
  });

  it('returns alembic errors and foreign errors unchanged', () => {
    const unsupported = new UnsupportedOperationError('sqlite', 'no');
    const plain = new Error('plain');
    expect(sqliteDialect.translateError(unsupported)).toBe(unsupported);
    expect(sqliteDialect.translateError(plain)).toBe(plain);
    expect(sqliteDialect.translateError('text')).toBe('text');
  });
});
