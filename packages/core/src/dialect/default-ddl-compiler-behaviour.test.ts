import { UnsupportedOperationError } from '../errors/unsupported-operation-error.js';
import { addColumnOperation } from '../operations/add-column-operation.js';
import type { AlterColumnOperation } from '../operations/alter-column-operation.js';
import { alterColumnOperation } from '../operations/alter-column-operation.js';
import { bulkInsertOperation } from '../operations/bulk-insert-operation.js';
import { createCheckConstraintOperation } from '../operations/create-check-constraint-operation.js';
import { createIndexOperation } from '../operations/create-index-operation.js';
import { createTableCommentOperation } from '../operations/create-table-comment-operation.js';
import { createTableOperation } from '../operations/create-table-operation.js';
import { createUniqueConstraintOperation } from '../operations/create-unique-constraint-operation.js';
import { dropConstraintOperation } from '../operations/drop-constraint-operation.js';
import { dropTableOperation } from '../operations/drop-table-operation.js';
import { executeOperation } from '../operations/execute-operation.js';
import type { Operation } from '../operations/operation.js';
import { renameTableOperation } from '../operations/rename-table-operation.js';
import { column } from '../schema/column.js';
import type { ColumnType } from '../schema/column-types.js';
import { boolean, enumType, integer, string, uuid } from '../schema/column-types.js';
import { checkConstraint, foreignKeyConstraint, uniqueConstraint } from '../schema/constraints.js';
import { convertedName } from '../schema/converted-name.js';
import { inlineLiteral } from '../schema/inline-literal.js';
import { table } from '../schema/table.js';
import { DefaultDdlCompiler } from './default-ddl-compiler.js';
import { defineCapabilities } from './dialect-capabilities.js';

const compiler = new DefaultDdlCompiler();
const compile = (operation: Operation): string[] => compiler.compile(operation);

/** A SQLite-like dialect: rebuilds tables in batch mode and cannot ALTER constraints. */
const rebuildingCompiler = new DefaultDdlCompiler({
  dialectName: 'sqlite',
  capabilities: defineCapabilities({
    requiresBatchRecreate: true,
    supportsAlterConstraints: false,
    supportsComments: false,
  }),
});

describe('naming conventions', () => {
  const conventional = new DefaultDdlCompiler({
    namingConvention: {
      uq: 'uq_%(table_name)s_%(column_0_name)s',
      ck: 'ck_%(table_name)s_%(constraint_name)s',
      fk: 'fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s',
      pk: 'pk_%(table_name)s',
    },
  });

  it('names unnamed constraints and keeps the default ix convention', () => {
    const operation = createTableOperation({
      table: table('user', [
        column('id', integer(), { primaryKey: true }),
        column('email', string(100), { unique: true }),
        column('team_id', integer(), { references: 'team.id', index: true }),
        checkConstraint('id > 0', { name: 'positive' }),
      ]),
    });
    expect(conventional.compile(operation)).toEqual([
      'CREATE TABLE "user" (id INTEGER NOT NULL, email VARCHAR(100), team_id INTEGER, CONSTRAINT pk_user PRIMARY KEY (id), CONSTRAINT ck_user_positive CHECK (id > 0), CONSTRAINT uq_user_email UNIQUE (email), CONSTRAINT fk_user_team_id_team FOREIGN KEY(team_id) REFERENCES team (id))',
      'CREATE INDEX ix_user_team_id ON "user" (team_id)',
    ]);
  });

  it('leaves converted names (op.f) alone', () => {
    const operation = createCheckConstraintOperation({
      constraintName: convertedName('ck_kept'),
      tableName: 't',
      condition: 'a > 1',
    });
    expect(conventional.compile(operation)).toEqual(['ALTER TABLE t ADD CONSTRAINT ck_kept CHECK (a > 1)']);
  });

  it('applies the convention of the given type when dropping', () => {
    expect(
      conventional.compile(dropConstraintOperation({ constraintName: 'positive', tableName: 't', type: 'check' })),
    ).toEqual(['ALTER TABLE t DROP CONSTRAINT ck_t_positive']);
  });

  it('derives the dropped name from the existing constraint', () => {
    const operation = dropConstraintOperation({ tableName: 'user', existingConstraint: uniqueConstraint(['email']) });
    expect(conventional.compile(operation)).toEqual(['ALTER TABLE "user" DROP CONSTRAINT uq_user_email']);
  });

  it('names a foreign key constraint model in create table', () => {
    const operation = createTableOperation({
      table: table('a', [
        column('b_id', integer()),
        foreignKeyConstraint(['b_id'], 'b', ['id'], { onDelete: 'CASCADE' }),
      ]),
    });
    expect(conventional.compile(operation)).toEqual([
      'CREATE TABLE a (b_id INTEGER, CONSTRAINT fk_a_b_id_b FOREIGN KEY(b_id) REFERENCES b (id) ON DELETE CASCADE)',
    ]);
  });
});

describe('parameters and literals', () => {
  it('compiles execute with driver placeholders, inlining inline literals', () => {
    const operation = executeOperation({
      sql: 'UPDATE t SET a = :a, b = :b WHERE c = :a',
      parameters: { a: 1, b: inlineLiteral("it's") },
    });
    expect(compiler.compileParameterized(operation)).toEqual({
      sql: "UPDATE t SET a = ?, b = 'it''s' WHERE c = ?",
      parameters: [1, 1],
    });
  });

  it('leaves SQL without parameters untouched', () => {
    expect(compiler.compileParameterized(executeOperation({ sql: "SELECT ':x'" }))).toEqual({
      sql: "SELECT ':x'",
      parameters: [],
    });
  });

  it('reports a parameter without a value', () => {
    expect(() => compile(executeOperation({ sql: 'SELECT :missing', parameters: {} }))).toThrow(/:missing/);
  });

  it('refuses a row key that is not a column of the table', () => {
    const operation = bulkInsertOperation({ table: { name: 't', columns: [{ name: 'a' }] }, rows: [{ a: 1, b: 2 }] });
    expect(() => compile(operation)).toThrow(/unknown column\(s\) 'b'/);
  });

  it('uses row key order when the table has no columns', () => {
    const operation = bulkInsertOperation({ table: { name: 't' }, rows: [{ b: true, a: null }] });
    expect(compile(operation)).toEqual(['INSERT INTO t (b, a) VALUES (1, NULL)']);
  });
});

describe('capability checks', () => {
  it('refuses ALTER of constraints where the dialect has none, pointing to batch mode', () => {
    const operation = createUniqueConstraintOperation({ constraintName: 'uq', tableName: 't', columns: ['a'] });
    expect(() => rebuildingCompiler.compile(operation)).toThrow(/batch mode/);
    expect(() => rebuildingCompiler.compile(dropConstraintOperation({ constraintName: 'uq', tableName: 't' }))).toThrow(
      UnsupportedOperationError,
    );
  });

  it('renders the foreign key of an added column inline where constraints cannot be altered', () => {
    const operation = addColumnOperation({ tableName: 't1', column: column('c1', integer(), { references: 'c2.id' }) });
    expect(rebuildingCompiler.compile(operation)).toEqual(['ALTER TABLE t1 ADD COLUMN c1 INTEGER REFERENCES c2 (id)']);
  });

  it('skips the CHECK of an added boolean column with a warning where constraints cannot be altered', () => {
    const warnings: string[] = [];
    const warning = new DefaultDdlCompiler({
      capabilities: defineCapabilities({ supportsAlterConstraints: false }),
      warn: (message) => warnings.push(message),
    });
    const operation = addColumnOperation({
      tableName: 't1',
      column: column('c1', boolean({ createConstraint: true })),
    });
    expect(warning.compile(operation)).toEqual(['ALTER TABLE t1 ADD COLUMN c1 BOOLEAN']);
    expect(warnings).toEqual([expect.stringContaining("CHECK constraint of column 'c1'")]);
  });

  it('refuses IF EXISTS, partial indexes and comments where unsupported', () => {
    const limited = new DefaultDdlCompiler({
      capabilities: defineCapabilities({ supportsIfExists: false, supportsComments: false }),
    });
    expect(() => limited.compile(dropTableOperation({ tableName: 't', ifExists: true }))).toThrow(/IF EXISTS/);
    expect(() => limited.compile(createTableCommentOperation({ tableName: 't', comment: 'c' }))).toThrow(/comments/);
    expect(() =>
      compile(createIndexOperation({ indexName: 'ix', tableName: 't', columns: ['a'], where: 'a > 0' })),
    ).toThrow(/partial indexes/);
  });

  it('renders partial indexes and native types where supported', () => {
    const capable = new DefaultDdlCompiler({
      capabilities: defineCapabilities({
        supportsPartialIndexes: true,
        nativeBoolean: true,
        nativeUuid: true,
        nativeEnum: true,
      }),
    });
    expect(
      capable.compile(createIndexOperation({ indexName: 'ix', tableName: 't', columns: ['a'], where: 'a > 0' })),
    ).toEqual(['CREATE INDEX ix ON t (a) WHERE a > 0']);
    const operation = createTableOperation({
      table: table('t', [
        column('a', boolean({ createConstraint: true })),
        column('b', uuid()),
        column('c', enumType(['x'], { name: 'Mood' })),
      ]),
    });
    expect(capable.compile(operation)).toEqual(['CREATE TABLE t (a BOOLEAN, b UUID, c "Mood")']);
    expect(capable.renderLiteral(true)).toBe('true');
  });

  it('warns that autoincrement only matters to MySQL', () => {
    const warnings: string[] = [];
    const warning = new DefaultDdlCompiler({ warn: (message) => warnings.push(message) });
    expect(warning.compile(alterColumnOperation({ tableName: 't', columnName: 'c', autoincrement: true }))).toEqual([]);
    expect(warnings).toEqual(['autoincrement and existingAutoincrement only make sense for MySQL']);
  });
});

describe('dialect overrides through protected hooks', () => {
  class PostgresLikeCompiler extends DefaultDdlCompiler {
    protected override renderRenameTableTarget(newTableName: string): string {
      return this.quoteIdentifier(newTableName);
    }

    protected override renderParameterPlaceholder(position: number): string {
      return `$${position}`;
    }

    protected override alterColumnType(operation: AlterColumnOperation, type: ColumnType): string[] {
      const using = this.ownDialectOptions(operation.dialectOptions).using;
      const [statement] = super.alterColumnType(operation, type);
      return [typeof using === 'string' ? `${statement} USING ${using}` : (statement as string)];
    }
  }
  const postgresLike = new PostgresLikeCompiler({ dialectName: 'postgresql' });

  it('changes only what the subclass overrides', () => {
    expect(postgresLike.compile(renameTableOperation({ oldTableName: 't1', newTableName: 't2', schema: 's' }))).toEqual(
      ['ALTER TABLE s.t1 RENAME TO t2'],
    );
    expect(postgresLike.compile(dropTableOperation({ tableName: 't' }))).toEqual(['DROP TABLE t']);
  });

  it('reads its own dialect options and ignores other dialects', () => {
    const operation = alterColumnOperation({
      tableName: 't',
      columnName: 'c',
      type: integer(),
      dialectOptions: { postgresql: { using: 'c::integer' }, mysql: { ignored: true } },
    });
    expect(postgresLike.compile(operation)).toEqual(['ALTER TABLE t ALTER COLUMN c TYPE INTEGER USING c::integer']);
    expect(compile(operation)).toEqual(['ALTER TABLE t ALTER COLUMN c TYPE INTEGER']);
  });

  it('uses its placeholder style', () => {
    const operation = executeOperation({ sql: 'SELECT :a, :b::int', parameters: { a: 1, b: '2' } });
    expect(postgresLike.compileParameterized(operation)).toEqual({ sql: 'SELECT $1, $2::int', parameters: [1, '2'] });
  });
});

describe('identity changes', () => {
  it('are refused by the generic dialect, as in Alembic', () => {
    const operation = alterColumnOperation({ tableName: 't', columnName: 'id', identity: { always: true } });
    expect(() => compile(operation)).toThrow(UnsupportedOperationError);
    expect(() => compile(operation)).toThrow(/"identity" construct.*not supported in the default dialect/);
  });
});
