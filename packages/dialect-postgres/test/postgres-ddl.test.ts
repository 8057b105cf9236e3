/**
 * Golden SQL of the PostgreSQL compiler, one entry per operation kind (typed, so a new kind
 * must be stated in `support/golden-*-cases.ts`), checked against Python Alembic 1.8 with
 * SQLAlchemy 1.4 offline output (`MigrationContext.configure(dialect_name='postgresql',
 * opts={'as_sql': True})`) where Alembic has the operation; no database involved. Each case gets
 * a fresh compiler.
 */
import {
  addColumnOperation,
  alterColumnOperation,
  boolean,
  checkConstraint,
  column,
  createIndexOperation,
  createTableOperation,
  dateTime,
  dropColumnOperation,
  dropTableOperation,
  enumType,
  executeOperation,
  integer,
  sql,
  table,
  uniqueConstraint,
} from '@alembic/core/dialect';
import type { OperationKind } from '@alembic/core/dialect';
import { PostgresDdlCompiler } from '../src/postgres-ddl-compiler.js';
import { GOLDEN_CONSTRAINT_CASES } from './support/golden-constraint-cases.js';
import { GOLDEN_TABLE_CASES } from './support/golden-table-cases.js';
import type { GoldenCase, GoldenTable } from './support/golden-types.js';

const GOLDEN: GoldenTable = { ...GOLDEN_TABLE_CASES, ...GOLDEN_CONSTRAINT_CASES };

const status = enumType(['draft', 'published'], { name: 'post_status' });

const cases = (Object.keys(GOLDEN) as OperationKind[]).flatMap((kind) =>
  (GOLDEN[kind] as readonly GoldenCase<OperationKind>[]).map((entry) => [kind, entry.title, entry] as const),
);

describe('PostgresDdlCompiler golden SQL', () => {
  it.each(cases)('%s: %s', (_kind, _title, entry) => {
    const compiler = new PostgresDdlCompiler();
    if ('error' in entry.expected) {
      const { error } = entry.expected;
      expect(() => compiler.compile(entry.operation)).toThrow(error);
    } else {
      expect(compiler.compile(entry.operation)).toEqual(entry.expected);
    }
  });

  it('has golden cases for every operation kind', () => {
    for (const kind of Object.keys(GOLDEN) as OperationKind[]) {
      expect(GOLDEN[kind].length).toBeGreaterThan(0);
    }
  });
});

describe('PostgresDdlCompiler beyond the golden table', () => {
  it("binds an execute's parameters with $n placeholders online", () => {
    const compiler = new PostgresDdlCompiler();
    const operation = executeOperation({
      sql: 'UPDATE t SET a = :a WHERE b = :b AND c::text = :a',
      parameters: { a: 1, b: 'x' },
    });
    expect(compiler.compileParameterized(operation)).toEqual({
      sql: 'UPDATE t SET a = $1 WHERE b = $2 AND c::text = $3',
      parameters: [1, 'x', 1],
    });
  });

  it('creates an enum type when missing once per compiler, and tries to drop it after every table that used it', () => {
    const compiler = new PostgresDdlCompiler();
    const first = table('a', [column('s', status)]);
    const second = table('b', [column('s', status)]);
    const createType =
      "DO $alembic$ BEGIN CREATE TYPE post_status AS ENUM ('draft', 'published'); EXCEPTION WHEN duplicate_object THEN NULL; END $alembic$";
    const dropType =
      'DO $alembic$ BEGIN DROP TYPE IF EXISTS post_status; EXCEPTION WHEN dependent_objects_still_exist THEN NULL; END $alembic$';
    expect(compiler.compile(createTableOperation({ table: first }))).toEqual([
      createType,
      'CREATE TABLE a (s post_status)',
    ]);
    expect(compiler.compile(createTableOperation({ table: second }))).toEqual(['CREATE TABLE b (s post_status)']);
    expect(compiler.compile(dropTableOperation({ tableName: 'b', existingTable: second }))).toEqual([
      'DROP TABLE b',
      dropType,
    ]);
    expect(compiler.compile(dropTableOperation({ tableName: 'a', existingTable: first }))).toEqual([
      'DROP TABLE a',
      dropType,
    ]);
    expect(compiler.compile(createTableOperation({ table: first }))).toEqual([
      createType,
      'CREATE TABLE a (s post_status)',
    ]);
  });

  it('changes nothing about an enum type whose values stay, and leaves the values alone when told to', () => {
    const alter = alterColumnOperation({
      tableName: 't',
      columnName: 's',
      type: status,
      existingType: status,
      nullable: false,
    });
    expect(new PostgresDdlCompiler().compile(alter)).toEqual(['ALTER TABLE t ALTER COLUMN s SET NOT NULL']);
    const changed = alterColumnOperation({
      tableName: 't',
      columnName: 's',
      type: enumType(['draft'], { name: 'post_status' }),
      existingType: status,
    });
    expect(new PostgresDdlCompiler({ manageEnumTypes: false }).compile(changed)).toEqual([
      'ALTER TABLE t ALTER COLUMN s TYPE post_status',
    ]);
  });

  it('creates the enum type of an added column when missing, and drops it with the last column that uses it', () => {
    const compiler = new PostgresDdlCompiler();
    const createType =
      "DO $alembic$ BEGIN CREATE TYPE post_status AS ENUM ('draft', 'published'); EXCEPTION WHEN duplicate_object THEN NULL; END $alembic$";
    const dropType =
      'DO $alembic$ BEGIN DROP TYPE IF EXISTS post_status; EXCEPTION WHEN dependent_objects_still_exist THEN NULL; END $alembic$';
    expect(compiler.compile(addColumnOperation({ tableName: 'a', column: column('s', status) }))).toEqual([
      createType,
      'ALTER TABLE a ADD COLUMN s post_status',
    ]);
    expect(compiler.compile(addColumnOperation({ tableName: 'b', column: column('s', status) }))).toEqual([
      'ALTER TABLE b ADD COLUMN s post_status',
    ]);
    expect(
      compiler.compile(dropColumnOperation({ tableName: 'a', columnName: 's', existingColumn: column('s', status) })),
    ).toEqual(['ALTER TABLE a DROP COLUMN s', dropType]);
    expect(compiler.compile(dropColumnOperation({ tableName: 'b', columnName: 's' }))).toEqual([
      'ALTER TABLE b DROP COLUMN s',
    ]);
    expect(
      new PostgresDdlCompiler({ manageEnumTypes: false }).compile(
        addColumnOperation({ tableName: 'a', column: column('s', status) }),
      ),
    ).toEqual(['ALTER TABLE a ADD COLUMN s post_status']);
  });

  it('leaves enum types alone when told to', () => {
    const compiler = new PostgresDdlCompiler({ manageEnumTypes: false });
    const model = table('a', [column('s', status)]);
    expect(compiler.compile(createTableOperation({ table: model }))).toEqual(['CREATE TABLE a (s post_status)']);
    expect(compiler.compile(dropTableOperation({ tableName: 'a', existingTable: model }))).toEqual(['DROP TABLE a']);
  });

  it('warns about postgresql options it does not know, and ignores other dialects', () => {
    const warnings: string[] = [];
    const compiler = new PostgresDdlCompiler({ warn: (message) => warnings.push(message) });
    const operation = createIndexOperation({
      indexName: 'ix',
      tableName: 't',
      columns: ['a'],
      dialectOptions: { postgresql: { includes: ['b'] }, mssql: { include: ['b'] } },
    });
    expect(compiler.compile(operation)).toEqual(['CREATE INDEX ix ON t (a)']);
    expect(warnings).toEqual([expect.stringMatching(/postgresql option 'includes' means nothing to createIndex/)]);
  });

  it('writes exclude constraints', () => {
    const compiler = new PostgresDdlCompiler();
    expect(
      compiler.compileCreateExcludeConstraint({
        name: 'ex1',
        tableName: 't',
        schema: 's',
        elements: [
          ['period', '&&'],
          ['room', '='],
        ],
        where: 'room > 0',
        using: 'gist',
        deferrable: true,
        initially: 'DEFERRED',
      }),
    ).toBe(
      'ALTER TABLE s.t ADD CONSTRAINT ex1 EXCLUDE USING gist (period WITH &&, room WITH =) WHERE (room > 0) DEFERRABLE INITIALLY DEFERRED',
    );
    expect(
      compiler.compileCreateExcludeConstraint({
        tableName: 'Booking',
        elements: [[sql('tsrange(starts, ends)'), '&&']],
      }),
    ).toBe('ALTER TABLE "Booking" ADD EXCLUDE USING gist (tsrange(starts, ends) WITH &&)');
  });

  it('writes literals as PostgreSQL reads them', () => {
    const compiler = new PostgresDdlCompiler();
    const moment = new Date(Date.UTC(2024, 0, 31, 13, 45, 7, 250));
    expect(compiler.renderLiteral(true)).toBe('true');
    expect(compiler.renderLiteral(1, boolean())).toBe('true');
    expect(compiler.renderLiteral(moment)).toBe("'2024-01-31 13:45:07.250'");
    expect(compiler.renderLiteral(moment, dateTime({ timezone: true }))).toBe("'2024-01-31 13:45:07.250+00:00'");
    expect(compiler.renderLiteral(new Uint8Array([0x0a, 0xff]))).toBe("'\\x0aff'::bytea");
  });

  it('keeps uniqueConstraint deferrability in CREATE TABLE', () => {
    const compiler = new PostgresDdlCompiler();
    const model = table('t', [
      column('a', integer()),
      uniqueConstraint(['a'], { name: 'uq_a', deferrable: false }),
      checkConstraint('a > 0'),
    ]);
    expect(compiler.compile(createTableOperation({ table: model }))).toEqual([
      'CREATE TABLE t (a INTEGER, CONSTRAINT uq_a UNIQUE (a) NOT DEFERRABLE, CHECK (a > 0))',
    ]);
  });
});
