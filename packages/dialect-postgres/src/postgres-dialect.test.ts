import {
  column,
  createTableOperation,
  createUniqueConstraintOperation,
  defaultCapabilities,
  enumType,
  table,
} from '@alembic/core/dialect';
import { PostgresDdlCompiler } from './postgres-ddl-compiler.js';
import { postgres, postgresDialect } from './postgres-dialect.js';

describe('postgresDialect', () => {
  it('implements version 1 of the contract for postgresql:// and postgres:// URLs', () => {
    expect(postgresDialect).toMatchObject({
      specVersion: 1,
      name: 'postgresql',
      urlSchemes: ['postgresql', 'postgres'],
    });
    expect(Object.isFrozen(postgresDialect)).toBe(true);
    expect(postgresDialect.createDdlCompiler()).toBeInstanceOf(PostgresDdlCompiler);
  });

  it('states only the capabilities that differ from the defaults', () => {
    const differences = Object.fromEntries(
      Object.entries(postgresDialect.capabilities).filter(
        ([name, value]) => defaultCapabilities[name as keyof typeof defaultCapabilities] !== value,
      ),
    );
    expect(differences).toEqual({
      transactionalDdl: true,
      supportsPartialIndexes: true,
      nativeEnum: true,
      nativeBoolean: true,
      nativeUuid: true,
      supportsIdentityColumns: true,
      dropColumnDropsConstraints: ['uniqueConstraint', 'foreignKeyConstraint'],
      supportsStatementTimeout: true,
    });
  });

  it('passes the naming convention to its compiler and keeps enum types alone when asked', () => {
    const compiler = postgres({ manageEnumTypes: false }).createDdlCompiler({
      namingConvention: { uq: 'uq_%(table_name)s_%(column_0_name)s' },
    });
    expect(compiler.compile(createUniqueConstraintOperation({ tableName: 'account', columns: ['email'] }))).toEqual([
      'ALTER TABLE account ADD CONSTRAINT uq_account_email UNIQUE (email)',
    ]);
    const model = table('post', [column('status', enumType(['draft'], { name: 'post_status' }))]);
    expect(compiler.compile(createTableOperation({ table: model }))).toEqual([
      'CREATE TABLE post (status post_status)',
    ]);
  });
});
