/**
 * Golden pairs for the MySQL / MariaDB normalizer: a model column as our helpers declare it, and
 * the column as the introspector returns it once the DDL our compiler wrote for it is on the
 * server (`information_schema` rows as MariaDB 10.11 and MySQL 8 report them). After both went
 * through `MysqlSchemaNormalizer`, the pairs of the first list must compare equal, the pairs of
 * the second must not. Named by the TypeORM issues they come from where they do.
 */
import {
  bigInteger,
  boolean,
  checkConstraint,
  column,
  constraintNameText,
  convertedName,
  date,
  dateTime,
  enumType,
  float,
  foreignKeyConstraint,
  index,
  integer,
  json,
  largeBinary,
  numeric,
  rawType,
  smallInteger,
  sql,
  string,
  table,
  text,
  time,
  uniqueConstraint,
  uuid,
} from '@alembic/core/dialect';
import type { ColumnModel, ServerDefault, TableModel } from '@alembic/core/dialect';
import { isSqlExpression } from '@alembic/core/dialect';
import type { MysqlCheckRow, MysqlColumnRow } from './mysql-reflected-table.js';
import { buildReflectedTable } from './mysql-reflected-table.js';
import type { MysqlFlavour } from './mysql-flavour.js';
import { MysqlSchemaNormalizer } from './mysql-schema-normalizer.js';
import { mysql } from './mysql-dialect.js';

/** What `information_schema.COLUMNS` says about column `c`. */
type ReflectedColumn = Pick<MysqlColumnRow, 'column_type'> &
  Partial<MysqlColumnRow> & { readonly checks?: readonly MysqlCheckRow[] };

function reflectedTable(flavour: MysqlFlavour, reflected: ReflectedColumn): TableModel {
  const { checks = [], ...row } = reflected;
  return buildReflectedTable({
    flavour,
    tableName: 't',
    actualSchema: 'test',
    comment: '',
    collation: 'utf8mb4_general_ci',
    columns: [
      {
        column_name: 'c',
        is_nullable: 'YES',
        column_default: null,
        extra: '',
        column_comment: '',
        collation_name: null,
        ...row,
      },
    ],
    indexes: [],
    foreignKeys: [],
    checks,
  });
}

function defaultText(value: ServerDefault | undefined): string | undefined {
  return value === undefined ? undefined : isSqlExpression(value) ? value.text : `value ${value}`;
}

/**
 * The differences compare would find between two normalized columns: kind, every type
 * property the model sets, the server default's text, nullability.
 */
function columnDifferences(model: ColumnModel, database: ColumnModel): string[] {
  const differences: string[] = [];
  if (model.type.kind !== database.type.kind) {
    differences.push(`kind ${model.type.kind} != ${database.type.kind}`);
  } else {
    for (const [key, value] of Object.entries(model.type)) {
      const other = (database.type as unknown as Record<string, unknown>)[key];
      if (JSON.stringify(value) !== JSON.stringify(other))
        differences.push(`${key} ${JSON.stringify(value)} != ${JSON.stringify(other)}`);
    }
  }
  if (defaultText(model.serverDefault) !== defaultText(database.serverDefault)) {
    differences.push(`default ${defaultText(model.serverDefault)} != ${defaultText(database.serverDefault)}`);
  }
  if (model.nullable !== database.nullable) differences.push('nullable');
  return differences;
}

function normalizedPair(
  flavour: MysqlFlavour,
  model: ColumnModel,
  reflected: ReflectedColumn,
): { model: TableModel; database: TableModel } {
  const normalizer = new MysqlSchemaNormalizer({ flavour });
  return {
    model: normalizer.normalizeTable(table('t', [model]), 'model'),
    database: normalizer.normalizeTable(reflectedTable(flavour, reflected), 'database'),
  };
}

function differencesOf(flavour: MysqlFlavour, model: ColumnModel, reflected: ReflectedColumn): string[] {
  const pair = normalizedPair(flavour, model, reflected);
  return [
    ...columnDifferences(pair.model.columns[0] as ColumnModel, pair.database.columns[0] as ColumnModel),
    ...(JSON.stringify(pair.model.constraints) === JSON.stringify(pair.database.constraints) ? [] : ['constraints']),
  ];
}

type GoldenPair = readonly [title: string, flavour: MysqlFlavour, model: ColumnModel, reflected: ReflectedColumn];

const c = (type: Parameters<typeof column>[1], options: Parameters<typeof column>[2] = {}): ColumnModel =>
  column('c', type, options);
const JSON_CHECK: MysqlCheckRow = { constraint_name: 'c', check_clause: 'json_valid(`c`)', level: 'Column' };

const EQUAL: readonly GoldenPair[] = [
  ['typeorm#3622 integer() = int(11)', 'mariadb', c(integer()), { column_type: 'int(11)' }],
  ['typeorm#3622 integer() = int (MySQL 8.0.19+)', 'mysql', c(integer()), { column_type: 'int' }],
  ['typeorm#3622 INT(11) = int', 'mysql', c(rawType('INT(11)')), { column_type: 'int' }],
  ['typeorm#3622 INT(11) = int(11)', 'mariadb', c(rawType('int(11)')), { column_type: 'int(11)' }],
  ['bigInteger() = bigint(20)', 'mariadb', c(bigInteger()), { column_type: 'bigint(20)' }],
  ['smallInteger() = smallint(6)', 'mariadb', c(smallInteger()), { column_type: 'smallint(6)' }],
  ['typeorm#6636 boolean() = tinyint(1)', 'mariadb', c(boolean()), { column_type: 'tinyint(1)' }],
  [
    'typeorm#6636 boolean() = tinyint(1) (MySQL)',
    'mysql',
    c(boolean({ createConstraint: true })),
    { column_type: 'tinyint(1)' },
  ],
  ['typeorm#6636 BOOLEAN = tinyint(1)', 'mariadb', c(rawType('BOOLEAN')), { column_type: 'tinyint(1)' }],
  ['typeorm#6636 TINYINT = tinyint(4)', 'mariadb', c(rawType('TINYINT')), { column_type: 'tinyint(4)' }],
  ['typeorm#6636 TINYINT(4) = tinyint', 'mysql', c(rawType('TINYINT(4)')), { column_type: 'tinyint' }],
  [
    'unsigned kept: INT UNSIGNED = int(10) unsigned',
    'mariadb',
    c(rawType('INT UNSIGNED')),
    { column_type: 'int(10) unsigned' },
  ],
  [
    'unsigned kept: INT(10) UNSIGNED = int unsigned',
    'mysql',
    c(rawType('INT(10) UNSIGNED')),
    { column_type: 'int unsigned' },
  ],
  ['typeorm#2943 dateTime() = datetime', 'mariadb', c(dateTime()), { column_type: 'datetime' }],
  ['typeorm#2943 DATETIME(0) = datetime', 'mysql', c(rawType('DATETIME(0)')), { column_type: 'datetime' }],
  [
    'typeorm#2943 dateTime({ timezone: true }) = datetime',
    'mariadb',
    c(dateTime({ timezone: true })),
    { column_type: 'datetime' },
  ],
  ['DATETIME(6) = datetime(6)', 'mariadb', c(rawType('DATETIME(6)')), { column_type: 'datetime(6)' }],
  ['typeorm#1960 numeric() = decimal(10,0)', 'mariadb', c(numeric()), { column_type: 'decimal(10,0)' }],
  ['typeorm#1960 NUMERIC = decimal(10,0)', 'mysql', c(rawType('NUMERIC')), { column_type: 'decimal(10,0)' }],
  ['numeric(5) = decimal(5,0)', 'mariadb', c(numeric(5)), { column_type: 'decimal(5,0)' }],
  ['numeric(10, 2) = decimal(10,2)', 'mysql', c(numeric(10, 2)), { column_type: 'decimal(10,2)' }],
  [
    'typeorm#5901 0.00 = 0 on decimal (MariaDB writes 0.00)',
    'mariadb',
    c(numeric(10, 2), { serverDefault: '0' }),
    { column_type: 'decimal(10,2)', column_default: '0.00' },
  ],
  [
    'typeorm#6140 0 = 0.00 on decimal (MySQL)',
    'mysql',
    c(numeric(10, 2), { serverDefault: sql('0') }),
    { column_type: 'decimal(10,2)', column_default: '0.00' },
  ],
  [
    'typeorm#3076 integer default 5 = 5',
    'mariadb',
    c(integer(), { serverDefault: '5' }),
    { column_type: 'int(11)', column_default: '5' },
  ],
  [
    'typeorm#3076 integer default -1 = -1',
    'mysql',
    c(integer(), { serverDefault: sql('-1') }),
    { column_type: 'int', column_default: '-1' },
  ],
  [
    'typeorm#5132 boolean default true = 1',
    'mariadb',
    c(boolean(), { serverDefault: sql('true') }),
    { column_type: 'tinyint(1)', column_default: '1' },
  ],
  [
    'typeorm#5132 boolean default false = 0',
    'mysql',
    c(boolean(), { serverDefault: sql('FALSE') }),
    { column_type: 'tinyint(1)', column_default: '0' },
  ],
  [
    'typeorm#5132 boolean default 1 = 1',
    'mysql',
    c(boolean(), { serverDefault: '1' }),
    { column_type: 'tinyint(1)', column_default: '1' },
  ],
  ['float() = float', 'mariadb', c(float()), { column_type: 'float' }],
  ['float(53) = double', 'mariadb', c(float(53)), { column_type: 'double' }],
  ['REAL = double', 'mysql', c(rawType('REAL')), { column_type: 'double' }],
  ['string(50) = varchar(50)', 'mariadb', c(string(50)), { column_type: 'varchar(50)' }],
  [
    'a column collation kept',
    'mariadb',
    c(string(20, { collation: 'utf8mb4_bin' })),
    { column_type: 'varchar(20)', collation_name: 'utf8mb4_bin' },
  ],
  ['text() = text', 'mysql', c(text()), { column_type: 'text' }],
  ['MEDIUMTEXT = mediumtext', 'mysql', c(rawType('MEDIUMTEXT')), { column_type: 'mediumtext' }],
  ['date() = date', 'mariadb', c(date()), { column_type: 'date' }],
  ['time() = time', 'mariadb', c(time()), { column_type: 'time' }],
  ['largeBinary() = blob', 'mariadb', c(largeBinary()), { column_type: 'blob' }],
  ['largeBinary(16) = varbinary(16)', 'mysql', c(largeBinary(16)), { column_type: 'varbinary(16)' }],
  ['typeorm#8167 uuid() = uuid on MariaDB', 'mariadb', c(uuid()), { column_type: 'uuid' }],
  ['typeorm#8167 uuid() = char(36) on MySQL', 'mysql', c(uuid()), { column_type: 'char(36)' }],
  [
    'typeorm#8167 json() = MariaDB longtext with its json_valid check',
    'mariadb',
    c(json()),
    { column_type: 'longtext', collation_name: 'utf8mb4_bin', checks: [JSON_CHECK] },
  ],
  ['typeorm#8167 json() = json on MySQL', 'mysql', c(json()), { column_type: 'json' }],
  [
    'a named native enum = enum(...)',
    'mariadb',
    c(enumType(['a', "it's"], { name: 'status' })),
    { column_type: "enum('a','it''s')" },
  ],
  [
    'an enum default',
    'mysql',
    c(enumType(['a', 'b']), { serverDefault: 'b' }),
    { column_type: "enum('a','b')", column_default: 'b' },
  ],
  [
    "MariaDB's quoted default = a value",
    'mariadb',
    c(string(10), { serverDefault: 'abc' }),
    { column_type: 'varchar(10)', column_default: "'abc'" },
  ],
  [
    "MariaDB's quoted default with a quote",
    'mariadb',
    c(string(10), { serverDefault: "it's" }),
    { column_type: 'varchar(10)', column_default: "'it''s'" },
  ],
  [
    "MySQL's bare default = a value",
    'mysql',
    c(string(10), { serverDefault: 'abc' }),
    { column_type: 'varchar(10)', column_default: 'abc' },
  ],
  [
    "sql(\"'abc'\") = 'abc'",
    'mariadb',
    c(string(10), { serverDefault: sql("'abc'") }),
    { column_type: 'varchar(10)', column_default: "'abc'" },
  ],
  [
    "a string '0' on a varchar stays a string",
    'mariadb',
    c(string(10), { serverDefault: '0' }),
    { column_type: 'varchar(10)', column_default: "'0'" },
  ],
  [
    "MariaDB's NULL text = no default",
    'mariadb',
    c(string(10)),
    { column_type: 'varchar(10)', column_default: 'NULL' },
  ],
  [
    'sql(NULL) = no default',
    'mariadb',
    c(string(10), { serverDefault: sql('NULL') }),
    { column_type: 'varchar(10)', column_default: 'NULL' },
  ],
  [
    'typeorm#7955 CURRENT_TIMESTAMP = current_timestamp()',
    'mariadb',
    c(dateTime(), { serverDefault: sql('CURRENT_TIMESTAMP') }),
    { column_type: 'datetime', column_default: 'current_timestamp()' },
  ],
  [
    'typeorm#7955 now() = CURRENT_TIMESTAMP',
    'mysql',
    c(dateTime(), { serverDefault: sql('now()') }),
    { column_type: 'datetime', column_default: 'CURRENT_TIMESTAMP', extra: 'DEFAULT_GENERATED' },
  ],
  [
    'typeorm#7955 fractional seconds kept: now(6) = current_timestamp(6)',
    'mariadb',
    c(rawType('DATETIME(6)'), { serverDefault: sql('now(6)') }),
    { column_type: 'datetime(6)', column_default: 'current_timestamp(6)' },
  ],
  [
    'ON UPDATE kept (MariaDB)',
    'mariadb',
    c(rawType('TIMESTAMP'), { nullable: false, serverDefault: sql('CURRENT_TIMESTAMP ON UPDATE CURRENT_TIMESTAMP') }),
    {
      column_type: 'timestamp',
      is_nullable: 'NO',
      column_default: 'current_timestamp()',
      extra: 'on update current_timestamp()',
    },
  ],
  [
    'ON UPDATE kept (MySQL)',
    'mysql',
    c(rawType('DATETIME(3)'), { serverDefault: sql('CURRENT_TIMESTAMP(3) ON UPDATE CURRENT_TIMESTAMP(3)') }),
    {
      column_type: 'datetime(3)',
      column_default: 'CURRENT_TIMESTAMP(3)',
      extra: 'DEFAULT_GENERATED on update CURRENT_TIMESTAMP(3)',
    },
  ],
  [
    'a nullable ON UPDATE column without a default',
    'mariadb',
    c(rawType('TIMESTAMP'), { serverDefault: sql('NULL ON UPDATE now()') }),
    { column_type: 'timestamp', column_default: 'NULL', extra: 'on update current_timestamp()' },
  ],
  [
    'an expression default (MySQL 8 parentheses)',
    'mysql',
    c(string(36), { serverDefault: sql('UUID()') }),
    { column_type: 'varchar(36)', column_default: '(uuid())', extra: 'DEFAULT_GENERATED' },
  ],
];

const DIFFERENT: readonly GoldenPair[] = [
  ['boolean() != tinyint(4)', 'mariadb', c(boolean()), { column_type: 'tinyint(4)' }],
  ['integer() != int unsigned', 'mariadb', c(integer()), { column_type: 'int(10) unsigned' }],
  ['INT UNSIGNED != int', 'mysql', c(rawType('INT UNSIGNED')), { column_type: 'int' }],
  ['a changed enum value list', 'mariadb', c(enumType(['a', 'b'])), { column_type: "enum('a','b','c')" }],
  ['enum values in another order', 'mariadb', c(enumType(['b', 'a'])), { column_type: "enum('a','b')" }],
  ['string(50) != varchar(60)', 'mariadb', c(string(50)), { column_type: 'varchar(60)' }],
  ['numeric(10, 2) != decimal(12,2)', 'mysql', c(numeric(10, 2)), { column_type: 'decimal(12,2)' }],
  ['numeric() != decimal(12,2)', 'mysql', c(numeric()), { column_type: 'decimal(12,2)' }],
  ['dateTime() != datetime(6)', 'mariadb', c(dateTime()), { column_type: 'datetime(6)' }],
  ['TIMESTAMP != datetime', 'mariadb', c(rawType('TIMESTAMP')), { column_type: 'datetime' }],
  ['json() != a MariaDB longtext without json_valid', 'mariadb', c(json()), { column_type: 'longtext' }],
  ['uuid() != char(36) on MariaDB', 'mariadb', c(uuid()), { column_type: 'char(36)' }],
  [
    'default 0 != 1 on decimal',
    'mariadb',
    c(numeric(10, 2), { serverDefault: '0' }),
    { column_type: 'decimal(10,2)', column_default: '1.00' },
  ],
  [
    "'0' != '0.00' on a varchar",
    'mariadb',
    c(string(10), { serverDefault: '0' }),
    { column_type: 'varchar(10)', column_default: "'0.00'" },
  ],
  [
    "'abc' != no default",
    'mariadb',
    c(string(10), { serverDefault: 'abc' }),
    { column_type: 'varchar(10)', column_default: 'NULL' },
  ],
  [
    "'abc' != 'abd'",
    'mysql',
    c(string(10), { serverDefault: 'abc' }),
    { column_type: 'varchar(10)', column_default: 'abd' },
  ],
  [
    'CURRENT_TIMESTAMP != CURRENT_TIMESTAMP(6)',
    'mariadb',
    c(rawType('DATETIME(6)'), { serverDefault: sql('CURRENT_TIMESTAMP') }),
    { column_type: 'datetime(6)', column_default: 'current_timestamp(6)' },
  ],
  [
    'a lost ON UPDATE',
    'mariadb',
    c(rawType('TIMESTAMP'), { serverDefault: sql('CURRENT_TIMESTAMP') }),
    { column_type: 'timestamp', column_default: 'current_timestamp()', extra: 'on update current_timestamp()' },
  ],
  [
    'a string value != the function',
    'mariadb',
    c(dateTime(), { serverDefault: 'CURRENT_TIMESTAMP' }),
    { column_type: 'datetime', column_default: 'current_timestamp()' },
  ],
  ['nullable != NOT NULL', 'mariadb', c(integer(), { nullable: false }), { column_type: 'int(11)' }],
  [
    'a collation the database lacks',
    'mariadb',
    c(string(20, { collation: 'utf8mb4_bin' })),
    { column_type: 'varchar(20)' },
  ],
];

describe('MysqlSchemaNormalizer golden pairs: equal', () => {
  it.each(EQUAL)('%s (%s)', (_title, flavour, model, reflected) => {
    expect(differencesOf(flavour, model, reflected)).toEqual([]);
  });
});

describe('MysqlSchemaNormalizer golden pairs: different', () => {
  it.each(DIFFERENT)('%s (%s)', (_title, flavour, model, reflected) => {
    expect(differencesOf(flavour, model, reflected)).not.toEqual([]);
  });
});

describe('MysqlSchemaNormalizer tables', () => {
  const normalizer = new MysqlSchemaNormalizer({ flavour: 'mariadb' });
  const names = (model: TableModel): string[] => [
    ...model.constraints.map(
      (constraint) => `${constraint.kind}:${constraint.name === undefined ? '-' : constraintNameText(constraint.name)}`,
    ),
    ...model.indexes.map((entry) => `index:${entry.name === undefined ? '-' : constraintNameText(entry.name)}`),
  ];

  it('drops the index behind a foreign key, on both sides, and keeps the other indexes', () => {
    const model = table('child', [
      column('id', integer(), { primaryKey: true }),
      column('pid', integer()),
      column('qid', integer()),
      foreignKeyConstraint(['pid'], 'parent', ['id'], { name: 'fk_child_pid' }),
      foreignKeyConstraint(['qid'], 'parent', ['id']),
      index('fk_child_pid', ['pid']),
      index('ix_child_qid_pid', ['qid', 'pid']),
    ]);
    const reflected = table('child', [
      column('id', integer(), { primaryKey: true }),
      column('pid', integer()),
      column('qid', integer()),
      foreignKeyConstraint(['pid'], 'parent', ['id'], { name: convertedName('fk_child_pid') }),
      foreignKeyConstraint(['qid'], 'parent', ['id'], { name: convertedName('child_ibfk_1') }),
      index(convertedName('fk_child_pid'), ['pid']),
      index(convertedName('qid'), ['qid']),
      index(convertedName('ix_child_qid_pid'), ['qid', 'pid']),
    ]);
    expect(names(normalizer.normalizeTable(model, 'model'))).toEqual([
      'foreignKeyConstraint:fk_child_pid',
      'foreignKeyConstraint:-',
      'index:ix_child_qid_pid',
    ]);
    expect(names(normalizer.normalizeTable(reflected, 'database'))).toEqual([
      'foreignKeyConstraint:fk_child_pid',
      'foreignKeyConstraint:-',
      'index:ix_child_qid_pid',
    ]);
  });

  it('keeps an index that shares a foreign key column but not its column list', () => {
    const reflected = table('child', [
      column('pid', integer()),
      column('x', integer()),
      foreignKeyConstraint(['pid'], 'parent', ['id'], { name: convertedName('fk_p') }),
      index(convertedName('pid'), ['pid', 'x']),
    ]);
    expect(names(normalizer.normalizeTable(reflected, 'database'))).toEqual(['foreignKeyConstraint:fk_p', 'index:pid']);
  });

  it('makes unique indexes unique constraints, and unnames the keys MySQL named after a column', () => {
    const model = table('t', [
      column('a', integer()),
      column('b', integer()),
      index('uq_t_a', ['a'], { unique: true }),
      uniqueConstraint(['b']),
      index('ix_ft', ['a'], { unique: true, dialectOptions: { mysql: { prefix: 'FULLTEXT' } } }),
    ]);
    const reflected = table('t', [
      column('a', integer()),
      column('b', integer()),
      uniqueConstraint(['a'], { name: convertedName('uq_t_a') }),
      uniqueConstraint(['b'], { name: convertedName('b') }),
      index(convertedName('ix_ft'), ['a'], { unique: true, dialectOptions: { mysql: { prefix: 'FULLTEXT' } } }),
    ]);
    const normalizedModel = normalizer.normalizeTable(model, 'model');
    const normalizedDatabase = normalizer.normalizeTable(reflected, 'database');
    expect(names(normalizedModel)).toEqual(['uniqueConstraint:-', 'uniqueConstraint:uq_t_a', 'index:ix_ft']);
    expect(names(normalizedDatabase)).toEqual(['uniqueConstraint:uq_t_a', 'uniqueConstraint:-', 'index:ix_ft']);
    const unnamed = (model: TableModel) => model.indexes.map(({ name: _name, ...rest }) => rest);
    expect(unnamed(normalizedModel)).toEqual(unnamed(normalizedDatabase));
  });

  it("unnames MariaDB's and MySQL's check names, keeps declared ones, drops json_valid of a JSON column", () => {
    const reflected = table('t', [
      column('n', integer()),
      column('doc', json()),
      checkConstraint('`n` > 0', { name: convertedName('CONSTRAINT_1') }),
      checkConstraint('`n` < 9', { name: convertedName('n') }),
      checkConstraint('(`n` <> 5)', { name: convertedName('t_chk_1') }),
      checkConstraint('`n` <> 4', { name: convertedName('ck_t_n') }),
      checkConstraint('json_valid(`doc`)', { name: convertedName('doc') }),
    ]);
    const normalized = normalizer.normalizeTable(reflected, 'database');
    expect(names(normalized)).toEqual([
      'checkConstraint:-',
      'checkConstraint:-',
      'checkConstraint:-',
      'checkConstraint:ck_t_n',
    ]);
    expect(
      normalized.constraints.map((constraint) => constraint.kind === 'checkConstraint' && constraint.condition),
    ).toContain('`n` <> 5');
  });

  it('foreign key actions: RESTRICT and NO ACTION unset, DEFERRABLE left out', () => {
    const model = table('t', [
      column('p', integer()),
      foreignKeyConstraint(['p'], 'parent', ['id'], { onDelete: 'restrict', onUpdate: 'set null', deferrable: true }),
    ]);
    expect(normalizer.normalizeTable(model, 'model').constraints).toEqual([
      {
        kind: 'foreignKeyConstraint',
        columns: ['p'],
        referredTable: 'parent',
        referredColumns: ['id'],
        onUpdate: 'SET NULL',
      },
    ]);
  });

  it('primary key names and empty comments unset; autoincrement resolved', () => {
    const model = table('t', [column('id', integer(), { primaryKey: true, comment: '' })], { comment: '' });
    const normalized = normalizer.normalizeTable(model, 'model');
    expect(normalized.primaryKey).toEqual({ kind: 'primaryKeyConstraint', columns: ['id'] });
    expect(normalized.comment).toBeUndefined();
    expect(normalized.columns[0]).toMatchObject({ autoincrement: true });
    expect(normalized.columns[0]?.comment).toBeUndefined();
  });

  it('index options: only prefix and per-column length remain', () => {
    const model = table('t', [
      column('a', string(50)),
      index('ix_a', ['a'], { dialectOptions: { mysql: { using: 'BTREE', length: 10 } } }),
      index('ix_b', ['a'], { dialectOptions: { mysql: { using: 'HASH' } } }),
    ]);
    expect(normalizer.normalizeTable(model, 'model').indexes).toEqual([
      { kind: 'index', name: 'ix_a', columns: ['a'], unique: false, dialectOptions: { mysql: { length: { a: 10 } } } },
      { kind: 'index', name: 'ix_b', columns: ['a'], unique: false },
    ]);
  });
});

describe('createSchemaNormalizer', () => {
  it('compares for the offline flavour without a connection', () => {
    const mariadb = mysql({ flavour: 'mariadb' }).createSchemaNormalizer?.();
    const mysqlNormalizer = mysql().createSchemaNormalizer?.();
    expect(mariadb).toBeInstanceOf(MysqlSchemaNormalizer);
    expect((mariadb as MysqlSchemaNormalizer).flavour).toBe('mariadb');
    expect((mysqlNormalizer as MysqlSchemaNormalizer).flavour).toBe('mysql');
    const model = table('t', [column('id', uuid())]);
    expect(mariadb?.normalizeTable(model, 'model').columns[0]?.type).toEqual(uuid());
    expect(mysqlNormalizer?.normalizeTable(model, 'model').columns[0]?.type).toEqual(rawType('CHAR(36)'));
  });
});
