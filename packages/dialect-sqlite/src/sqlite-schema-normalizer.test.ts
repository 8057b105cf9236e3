import {
  bigInteger,
  boolean,
  column,
  convertedName,
  dateTime,
  enumType,
  float,
  foreignKeyConstraint,
  index,
  integer,
  largeBinary,
  rawType,
  sql,
  string,
  table,
  text,
  uniqueConstraint,
  uuid,
} from '@alembic/core/dialect';
import type { ColumnModel, ColumnType, ServerDefault, TableElement, TableModel } from '@alembic/core/dialect';
import { SqliteSchemaNormalizer } from './sqlite-schema-normalizer.js';

const normalizer = new SqliteSchemaNormalizer();

function normalizedColumn(
  model: ColumnModel,
  side: 'model' | 'database',
  others: readonly TableElement[] = [],
): ColumnModel {
  return normalizer.normalizeTable(table('t', [column('pk', integer(), { primaryKey: true }), model, ...others]), side)
    .columns[1] as ColumnModel;
}

function typed(type: ColumnType, serverDefault?: ServerDefault): ColumnModel {
  return column('c', type, serverDefault === undefined ? {} : { serverDefault });
}

/** [what the model declares, what SQLite reflects for the DDL our compiler writes for it]. */
const EQUAL_COLUMNS: ReadonlyArray<readonly [string, ColumnModel, ColumnModel]> = [
  [
    'an enum is the VARCHAR of its longest value',
    typed(enumType(['a', 'bb'], { createConstraint: true })),
    typed(string(2)),
  ],
  ['a named boolean is BOOLEAN', typed(boolean({ createConstraint: true, name: 'ck_flag' })), typed(boolean())],
  ['a uuid is CHAR(32)', typed(uuid()), typed(rawType('CHAR(32)'))],
  ['a timezone-aware datetime is DATETIME', typed(dateTime({ timezone: true })), typed(dateTime())],
  ['a float precision is not written', typed(float(53)), typed(float())],
  ['a binary length is not written', typed(largeBinary(16)), typed(largeBinary())],
  ['a collation is kept', typed(string(12, { collation: 'NOCASE' })), typed(string(12, { collation: 'NOCASE' }))],
  ['a raw VARCHAR is a string', typed(rawType('varchar(20)')), typed(string(20))],
  [
    'CURRENT_TIMESTAMP in parentheses and any case',
    typed(dateTime(), sql('current_timestamp')),
    typed(dateTime(), sql('(CURRENT_TIMESTAMP)')),
  ],
  ['a quoted literal is the string value', typed(string(5), sql("'abc'")), typed(string(5), 'abc')],
  ['a quote inside a value', typed(string(5), "it's"), typed(string(5), sql("'it''s'"))],
  ['TRUE is 1', typed(boolean(), sql('TRUE')), typed(boolean(), sql('1'))],
  ['NULL is no default', typed(integer(), sql('NULL')), typed(integer())],
  ['nested parentheses', typed(integer(), sql('((0))')), typed(integer(), sql('0'))],
  ['an expression written in parentheses', typed(integer(), sql('(1 + 2)')), typed(integer(), sql('1 + 2'))],
  [
    'comments and identity are not SQLite',
    column('c', integer(), { comment: 'note', identity: { always: true } }),
    typed(integer()),
  ],
];

/** [the model, the database]: real differences that must survive normalization. */
const DIFFERENT_COLUMNS: ReadonlyArray<readonly [string, ColumnModel, ColumnModel]> = [
  ['a VARCHAR length', typed(string(20)), typed(string(30))],
  ['INTEGER and BIGINT', typed(integer()), typed(bigInteger())],
  ['TEXT and VARCHAR', typed(text()), typed(string(10))],
  ['a collation', typed(string(12, { collation: 'NOCASE' })), typed(string(12))],
  ['a string default', typed(string(5), 'abc'), typed(string(5), 'abd')],
  ['a string and a number', typed(integer(), '1'), typed(integer(), sql('1'))],
  ['two functions', typed(dateTime(), sql("datetime('now')")), typed(dateTime(), sql('CURRENT_TIMESTAMP'))],
  ['a default and none', typed(integer(), sql('0')), typed(integer())],
  ['nullability', column('c', integer(), { nullable: false }), typed(integer())],
];

describe('SqliteSchemaNormalizer golden pairs', () => {
  it.each(EQUAL_COLUMNS)('equal: %s', (_title, model, database) => {
    expect(normalizedColumn(model, 'model')).toEqual(normalizedColumn(database, 'database'));
  });

  it.each(DIFFERENT_COLUMNS)('different: %s', (_title, model, database) => {
    expect(normalizedColumn(model, 'model')).not.toEqual(normalizedColumn(database, 'database'));
  });

  it('a primary key column is NOT NULL even when SQLite reports it nullable', () => {
    const model = table('t', [column('id', integer(), { primaryKey: true, autoincrement: false })]);
    const database = table('t', [column('id', integer(), { primaryKey: true, nullable: true })]);
    expect(normalizer.normalizeTable(model, 'model')).toEqual(normalizer.normalizeTable(database, 'database'));
  });

  it('autoincrement is true only where the compiler writes AUTOINCREMENT', () => {
    const written = normalizer.normalizeTable(
      table('t', [column('id', integer(), { primaryKey: true, autoincrement: true })]),
      'model',
    );
    const notWritten = normalizer.normalizeTable(
      table('t', [column('id', bigInteger(), { primaryKey: true, autoincrement: true })]),
      'model',
    );
    expect(written.columns[0]?.autoincrement).toBe(true);
    expect(notWritten.columns[0]?.autoincrement).toBe('auto');
  });

  it("SQLite's automatic index is an unnamed unique constraint", () => {
    const database = normalizer.normalizeTable(
      table('t', [column('a', integer()), index(convertedName('sqlite_autoindex_t_1'), ['a'], { unique: true })]),
      'database',
    );
    expect(database.indexes).toEqual([]);
    expect(database.constraints).toEqual([{ kind: 'uniqueConstraint', columns: ['a'] }]);
  });

  it('a UNIQUE repeating another or the primary key is left out, as SQLite creates no index for it', () => {
    const model = normalizer.normalizeTable(
      table('t', [
        column('id', string(5), { primaryKey: true }),
        column('a', integer()),
        uniqueConstraint(['a']),
        uniqueConstraint(['a'], { name: 'uq_t_a' }),
        uniqueConstraint(['id']),
      ]),
      'model',
    );
    const database = normalizer.normalizeTable(
      table('t', [
        column('id', string(5), { primaryKey: true }),
        column('a', integer()),
        uniqueConstraint(['a'], { name: convertedName('uq_t_a') }),
      ]),
      'database',
    );
    expect(model.constraints).toEqual([{ kind: 'uniqueConstraint', name: 'uq_t_a', columns: ['a'] }]);
    expect(database.constraints).toEqual([{ kind: 'uniqueConstraint', name: convertedName('uq_t_a'), columns: ['a'] }]);
  });

  it('index dialect options of other databases are left out', () => {
    const model = normalizer.normalizeTable(
      table('t', [
        column('a', integer()),
        index('ix_t_a', ['a'], { dialectOptions: { postgresql: { using: 'btree' } } }),
      ]),
      'model',
    );
    expect(model.indexes).toEqual([{ kind: 'index', name: 'ix_t_a', columns: ['a'], unique: false }]);
  });

  it("foreign keys: SQLite's defaults are unset, actions in capitals, MATCH left out", () => {
    const parent = column('parent_id', integer());
    const model = normalizer.normalizeTable(
      table('t', [
        parent,
        foreignKeyConstraint(['parent_id'], 'parent', ['id'], {
          onDelete: 'no action',
          onUpdate: 'cascade',
          match: 'FULL',
          deferrable: false,
          initially: 'immediate',
        }),
      ]),
      'model',
    );
    const database = normalizer.normalizeTable(
      table('t', [parent, foreignKeyConstraint(['parent_id'], 'parent', ['id'], { onUpdate: 'CASCADE' })]),
      'database',
    );
    expect(model.constraints).toEqual(database.constraints);
    const deferred = normalizer.normalizeTable(
      table('t', [
        parent,
        foreignKeyConstraint(['parent_id'], 'parent', ['id'], { deferrable: true, initially: 'deferred' }),
      ]),
      'model',
    );
    expect(deferred.constraints).toEqual([
      {
        kind: 'foreignKeyConstraint',
        columns: ['parent_id'],
        referredTable: 'parent',
        referredColumns: ['id'],
        deferrable: true,
        initially: 'DEFERRED',
      },
    ]);
  });

  it('a table comment is left out', () => {
    const model: TableModel = table('t', [column('a', integer())], { comment: 'accounts' });
    expect(normalizer.normalizeTable(model, 'model').comment).toBeUndefined();
  });
});
