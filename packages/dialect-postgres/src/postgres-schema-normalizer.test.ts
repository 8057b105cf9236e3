/**
 * Golden pairs for PostgreSQL's normalizer: a model column as our helpers declare it, and the
 * column as the introspector returns it for the DDL our compiler wrote (its `format_type()` and
 * `pg_get_expr()` text, as PostgreSQL 15 prints them, read by the introspector's own parsers).
 * Equal pairs must come out equal under compare's rules; different pairs must not.
 */
import {
  bigInteger,
  boolean,
  checkConstraint,
  column,
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
  primaryKeyConstraint,
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
import type { ColumnModel, ColumnOptions, ColumnType, TableModel } from '@alembic/core/dialect';
import { parsePostgresDefault } from './postgres-default-expression.js';
import { postgresDialect } from './postgres-dialect.js';
import { PostgresSchemaNormalizer } from './postgres-schema-normalizer.js';
import { parsePostgresType } from './postgres-type-parser.js';
import { jsonb } from './postgres-types.js';

const normalizer = new PostgresSchemaNormalizer();

/** What the introspector reads for a column: `format_type()` text and `pg_get_expr()` default. */
interface Reflected {
  readonly formattedType: string;
  readonly defaultExpression?: string;
  readonly enum?: { readonly name: string; readonly values: readonly string[] };
  readonly collation?: string;
  readonly options?: ColumnOptions;
}

function reflectedColumn(reflected: Reflected): ColumnModel {
  const type = parsePostgresType({
    formattedType: reflected.formattedType,
    typeType: reflected.enum === undefined ? 'b' : 'e',
    enumValues: reflected.enum?.values ?? null,
    ...(reflected.enum === undefined ? {} : { typeName: reflected.enum.name }),
    collation: reflected.collation ?? null,
  });
  const serverDefault =
    reflected.defaultExpression === undefined ? undefined : parsePostgresDefault(reflected.defaultExpression);
  return column('c', type, { ...reflected.options, ...(serverDefault === undefined ? {} : { serverDefault }) });
}

function normalizedColumn(model: ColumnModel, side: 'model' | 'database'): ColumnModel {
  const [normalized] = normalizer.normalizeTable(table('golden', [model]), side).columns;
  return normalized as ColumnModel;
}

/** Compare's rule: same kind, and every property the model side sets equal on the database side. */
function sameType(model: ColumnType, database: ColumnType): boolean {
  return (
    model.kind === database.kind &&
    Object.entries(model).every(
      ([key, value]) =>
        value === undefined ||
        JSON.stringify(value) === JSON.stringify((database as unknown as Record<string, unknown>)[key]),
    )
  );
}

function defaultText(model: ColumnModel): string | undefined {
  const value = model.serverDefault;
  return value === undefined ? undefined : typeof value === 'string' ? `'${value}'` : value.text;
}

function compareColumns(
  model: ColumnModel,
  reflected: Reflected,
): { type: boolean; serverDefault: boolean; nullable: boolean } {
  const left = normalizedColumn(model, 'model');
  const right = normalizedColumn(reflectedColumn(reflected), 'database');
  return {
    type: sameType(left.type, right.type),
    serverDefault: defaultText(left) === defaultText(right),
    nullable: left.nullable === right.nullable,
  };
}

const EQUAL: readonly (readonly [string, ColumnModel, Reflected])[] = [
  // types and their aliases
  ['integer', column('c', integer()), { formattedType: 'integer' }],
  ['int4 = integer', column('c', rawType('int4')), { formattedType: 'integer' }],
  ['INT = integer', column('c', rawType('INT')), { formattedType: 'integer' }],
  ['int8 = bigint', column('c', rawType('int8')), { formattedType: 'bigint' }],
  ['bigInteger', column('c', bigInteger()), { formattedType: 'bigint' }],
  ['int2 = smallint', column('c', rawType('int2')), { formattedType: 'smallint' }],
  ['smallInteger', column('c', smallInteger()), { formattedType: 'smallint' }],
  ['string(50) = character varying(50)', column('c', string(50)), { formattedType: 'character varying(50)' }],
  [
    'varchar(50) = character varying(50)',
    column('c', rawType('varchar(50)')),
    { formattedType: 'character varying(50)' },
  ],
  ['string() = character varying', column('c', string()), { formattedType: 'character varying' }],
  [
    'collation',
    column('c', string(20, { collation: 'C' })),
    { formattedType: 'character varying(20)', collation: 'C' },
  ],
  ['text', column('c', text()), { formattedType: 'text' }],
  ['boolean', column('c', boolean()), { formattedType: 'boolean' }],
  ['bool = boolean', column('c', rawType('bool')), { formattedType: 'boolean' }],
  ['boolean with a constraint flag', column('c', boolean({ createConstraint: true })), { formattedType: 'boolean' }],
  ['float() = double precision', column('c', float()), { formattedType: 'double precision' }],
  ['float(53) = double precision', column('c', float(53)), { formattedType: 'double precision' }],
  ['float8 = double precision', column('c', rawType('float8')), { formattedType: 'double precision' }],
  ['double precision', column('c', rawType('DOUBLE PRECISION')), { formattedType: 'double precision' }],
  ['float(10) = real', column('c', float(10)), { formattedType: 'real' }],
  ['float4 = real', column('c', rawType('float4')), { formattedType: 'real' }],
  ['numeric(10, 2)', column('c', numeric(10, 2)), { formattedType: 'numeric(10,2)' }],
  ['decimal(10, 2) = numeric(10,2)', column('c', rawType('decimal(10, 2)')), { formattedType: 'numeric(10,2)' }],
  ['typeorm#5901: numeric without precision', column('c', numeric()), { formattedType: 'numeric' }],
  ['numeric(10) = numeric(10,0)', column('c', numeric(10)), { formattedType: 'numeric(10,0)' }],
  [
    'timestamptz = dateTime timezone',
    column('c', rawType('timestamptz')),
    { formattedType: 'timestamp with time zone' },
  ],
  [
    'dateTime({ timezone: true })',
    column('c', dateTime({ timezone: true })),
    { formattedType: 'timestamp with time zone' },
  ],
  ['dateTime()', column('c', dateTime()), { formattedType: 'timestamp without time zone' }],
  ['timestamp(3)', column('c', rawType('TIMESTAMP(3)')), { formattedType: 'timestamp(3) without time zone' }],
  ['timestamptz(3)', column('c', rawType('timestamptz(3)')), { formattedType: 'timestamp(3) with time zone' }],
  ['time()', column('c', time()), { formattedType: 'time without time zone' }],
  ['timetz', column('c', rawType('timetz')), { formattedType: 'time with time zone' }],
  ['date', column('c', date()), { formattedType: 'date' }],
  ['uuid', column('c', uuid()), { formattedType: 'uuid' }],
  ['json', column('c', json()), { formattedType: 'json' }],
  ['jsonb', column('c', jsonb()), { formattedType: 'jsonb' }],
  ['bytea', column('c', largeBinary()), { formattedType: 'bytea' }],
  ['char = character(1)', column('c', rawType('CHAR')), { formattedType: 'character(1)' }],
  ['INT[] = integer[]', column('c', rawType('INT[]')), { formattedType: 'integer[]' }],
  ['varchar(20)[]', column('c', rawType('VARCHAR(20)[]')), { formattedType: 'character varying(20)[]' }],
  ['citext passes through', column('c', rawType('CITEXT')), { formattedType: 'citext' }],
  [
    'typeorm#2959: named enum',
    column('c', enumType(['draft', 'published'], { name: 'post_status' })),
    { formattedType: 'post_status', enum: { name: 'post_status', values: ['draft', 'published'] } },
  ],
  [
    'typeorm#7614: enum with a constraint flag and a default',
    column('c', enumType(['a', 'b'], { name: 'ab', createConstraint: true }), { serverDefault: 'a' }),
    { formattedType: 'ab', enum: { name: 'ab', values: ['a', 'b'] }, defaultExpression: "'a'::ab" },
  ],
  [
    'non-native enum = varchar',
    column('c', enumType(['on', 'off'], { nativeEnum: false })),
    { formattedType: 'character varying(3)' },
  ],
  // defaults
  [
    "typeorm#5132: sql('-1') = '-1'::integer",
    column('c', integer(), { serverDefault: sql('-1') }),
    { formattedType: 'integer', defaultExpression: "'-1'::integer" },
  ],
  [
    'typeorm#5132: bigint default -1',
    column('c', bigInteger(), { serverDefault: sql('-1') }),
    { formattedType: 'bigint', defaultExpression: "'-1'::integer" },
  ],
  [
    "value '-1' = '-1'::integer",
    column('c', integer(), { serverDefault: '-1' }),
    { formattedType: 'integer', defaultExpression: "'-1'::integer" },
  ],
  [
    "sql('(-1)') = '-1'::integer",
    column('c', integer(), { serverDefault: sql('(-1)') }),
    { formattedType: 'integer', defaultExpression: "'-1'::integer" },
  ],
  [
    'varchar default -1',
    column('c', string(10), { serverDefault: sql('-1') }),
    { formattedType: 'character varying(10)', defaultExpression: "'-1'::integer" },
  ],
  [
    'typeorm#3076: integer default 0',
    column('c', integer(), { serverDefault: sql('0') }),
    { formattedType: 'integer', defaultExpression: '0' },
  ],
  [
    "value '0' = 0",
    column('c', integer(), { serverDefault: '0' }),
    { formattedType: 'integer', defaultExpression: '0' },
  ],
  [
    "typeorm#3076: text[] '{}'",
    column('c', rawType('text[]'), { serverDefault: '{}' }),
    { formattedType: 'text[]', defaultExpression: "'{}'::text[]" },
  ],
  [
    'typeorm#3076: ARRAY[]::text[]',
    column('c', rawType('text[]'), { serverDefault: sql('ARRAY[]::text[]') }),
    { formattedType: 'text[]', defaultExpression: 'ARRAY[]::text[]' },
  ],
  [
    "now() at time zone 'utc'",
    column('c', dateTime(), { serverDefault: sql("now() at time zone 'utc'") }),
    { formattedType: 'timestamp without time zone', defaultExpression: "(now() AT TIME ZONE 'utc'::text)" },
  ],
  [
    "'abc'::character varying = 'abc'",
    column('c', string(), { serverDefault: 'abc' }),
    { formattedType: 'character varying', defaultExpression: "'abc'::character varying" },
  ],
  [
    'quotes inside',
    column('c', text(), { serverDefault: "a'b" }),
    { formattedType: 'text', defaultExpression: "'a''b'::text" },
  ],
  [
    'now() = now()',
    column('c', dateTime({ timezone: true }), { serverDefault: sql('now()') }),
    { formattedType: 'timestamp with time zone', defaultExpression: 'now()' },
  ],
  [
    'now() = CURRENT_TIMESTAMP',
    column('c', dateTime(), { serverDefault: sql('now()') }),
    { formattedType: 'timestamp without time zone', defaultExpression: 'CURRENT_TIMESTAMP' },
  ],
  [
    'current_timestamp = CURRENT_TIMESTAMP',
    column('c', dateTime(), { serverDefault: sql('current_timestamp') }),
    { formattedType: 'timestamp without time zone', defaultExpression: 'CURRENT_TIMESTAMP' },
  ],
  [
    'CURRENT_TIMESTAMP = now()',
    column('c', dateTime(), { serverDefault: sql('CURRENT_TIMESTAMP') }),
    { formattedType: 'timestamp without time zone', defaultExpression: 'now()' },
  ],
  [
    'CURRENT_DATE',
    column('c', date(), { serverDefault: sql('CURRENT_DATE') }),
    { formattedType: 'date', defaultExpression: 'CURRENT_DATE' },
  ],
  [
    "typeorm#7955: 'false' = false",
    column('c', boolean(), { serverDefault: 'false' }),
    { formattedType: 'boolean', defaultExpression: 'false' },
  ],
  [
    "sql('FALSE') = false",
    column('c', boolean(), { serverDefault: sql('FALSE') }),
    { formattedType: 'boolean', defaultExpression: 'false' },
  ],
  [
    "'f' = false",
    column('c', boolean(), { serverDefault: 'f' }),
    { formattedType: 'boolean', defaultExpression: 'false' },
  ],
  [
    "sql('true') = true",
    column('c', boolean(), { serverDefault: sql('true') }),
    { formattedType: 'boolean', defaultExpression: 'true' },
  ],
  [
    'typeorm#9750: gen_random_uuid()',
    column('c', uuid(), { primaryKey: true, serverDefault: sql('gen_random_uuid()') }),
    { formattedType: 'uuid', defaultExpression: 'gen_random_uuid()', options: { primaryKey: true } },
  ],
  [
    'typeorm#10038: jsonb document',
    column('c', jsonb(), { nullable: false, serverDefault: '{"countryCode":"fr", "numero":""}' }),
    {
      formattedType: 'jsonb',
      defaultExpression: `'{"numero": "", "countryCode": "fr"}'::jsonb`,
      options: { nullable: false },
    },
  ],
  [
    "jsonb '{}'",
    column('c', jsonb(), { serverDefault: '{}' }),
    { formattedType: 'jsonb', defaultExpression: "'{}'::jsonb" },
  ],
  [
    "json '{}'",
    column('c', json(), { serverDefault: sql("'{}'::json") }),
    { formattedType: 'json', defaultExpression: "'{}'::json" },
  ],
  [
    'typeorm#6140: numeric 0.00',
    column('c', numeric(22, 2), { serverDefault: sql('0.00') }),
    { formattedType: 'numeric(22,2)', defaultExpression: '0.00' },
  ],
  [
    'numeric 0 = 0.00',
    column('c', numeric(22, 2), { serverDefault: sql('0') }),
    { formattedType: 'numeric(22,2)', defaultExpression: '0.00' },
  ],
  [
    "numeric '-1.5'::numeric",
    column('c', numeric(5, 1), { serverDefault: sql('-1.5') }),
    { formattedType: 'numeric(5,1)', defaultExpression: "'-1.5'::numeric" },
  ],
  [
    "numeric 1e3 = '1000'::numeric",
    column('c', numeric(10), { serverDefault: sql('1e3') }),
    { formattedType: 'numeric(10,0)', defaultExpression: "'1000'::numeric" },
  ],
  [
    "real '-2'::integer",
    column('c', float(10), { serverDefault: sql('-2') }),
    { formattedType: 'real', defaultExpression: "'-2'::integer" },
  ],
  ['DEFAULT NULL = none', column('c', text(), { serverDefault: sql('NULL') }), { formattedType: 'text' }],
  [
    "nextval('s') = nextval('s'::regclass)",
    column('c', bigInteger(), { serverDefault: sql("nextval('s')") }),
    { formattedType: 'bigint', defaultExpression: "nextval('s'::regclass)" },
  ],
  [
    'function names are case-insensitive',
    column('c', uuid(), { serverDefault: sql('GEN_RANDOM_UUID()') }),
    { formattedType: 'uuid', defaultExpression: 'gen_random_uuid()' },
  ],
  // nullability and keys
  [
    'serial key',
    column('c', integer(), { primaryKey: true }),
    { formattedType: 'integer', options: { primaryKey: true, autoincrement: true } },
  ],
  [
    'identity',
    column('c', bigInteger(), { identity: { always: true, start: 1, increment: 1 } }),
    { formattedType: 'bigint', options: { identity: { always: true }, nullable: false } },
  ],
];

const DIFFERENT: readonly (readonly [string, ColumnModel, Reflected, 'type' | 'serverDefault' | 'nullable'])[] = [
  ['varchar(50) vs varchar(100)', column('c', string(50)), { formattedType: 'character varying(100)' }, 'type'],
  ['integer vs bigint', column('c', integer()), { formattedType: 'bigint' }, 'type'],
  ['numeric(10, 2) vs numeric(12,2)', column('c', numeric(10, 2)), { formattedType: 'numeric(12,2)' }, 'type'],
  ['numeric(10, 2) vs numeric(10,3)', column('c', numeric(10, 2)), { formattedType: 'numeric(10,3)' }, 'type'],
  [
    'timestamptz vs timestamp',
    column('c', dateTime({ timezone: true })),
    { formattedType: 'timestamp without time zone' },
    'type',
  ],
  ['real vs double precision', column('c', float(10)), { formattedType: 'double precision' }, 'type'],
  ['json vs jsonb', column('c', json()), { formattedType: 'jsonb' }, 'type'],
  [
    'timestamp(3) vs timestamp(6)',
    column('c', rawType('timestamp(3)')),
    { formattedType: 'timestamp(6) without time zone' },
    'type',
  ],
  ['text vs varchar', column('c', text()), { formattedType: 'character varying' }, 'type'],
  [
    'enum values',
    column('c', enumType(['a', 'b', 'c'], { name: 'abc' })),
    { formattedType: 'abc', enum: { name: 'abc', values: ['a', 'b'] } },
    'type',
  ],
  ['collation', column('c', string(20, { collation: 'C' })), { formattedType: 'character varying(20)' }, 'type'],
  [
    'default 0 vs 1',
    column('c', integer(), { serverDefault: sql('0') }),
    { formattedType: 'integer', defaultExpression: '1' },
    'serverDefault',
  ],
  [
    'default -1 vs 1',
    column('c', integer(), { serverDefault: sql('-1') }),
    { formattedType: 'integer', defaultExpression: '1' },
    'serverDefault',
  ],
  [
    'default vs none',
    column('c', integer(), { serverDefault: sql('0') }),
    { formattedType: 'integer' },
    'serverDefault',
  ],
  [
    'true vs false',
    column('c', boolean(), { serverDefault: sql('true') }),
    { formattedType: 'boolean', defaultExpression: 'false' },
    'serverDefault',
  ],
  [
    'text abc vs abd',
    column('c', text(), { serverDefault: 'abc' }),
    { formattedType: 'text', defaultExpression: "'abd'::text" },
    'serverDefault',
  ],
  [
    "text '1.50' vs '1.5'",
    column('c', text(), { serverDefault: '1.50' }),
    { formattedType: 'text', defaultExpression: "'1.5'::text" },
    'serverDefault',
  ],
  [
    'numeric 1.5 vs 1.51',
    column('c', numeric(5, 2), { serverDefault: sql('1.5') }),
    { formattedType: 'numeric(5,2)', defaultExpression: '1.51' },
    'serverDefault',
  ],
  [
    'jsonb documents',
    column('c', jsonb(), { serverDefault: '{"a":1}' }),
    { formattedType: 'jsonb', defaultExpression: `'{"a": 2}'::jsonb` },
    'serverDefault',
  ],
  [
    'now() vs CURRENT_DATE',
    column('c', date(), { serverDefault: sql('now()') }),
    { formattedType: 'date', defaultExpression: 'CURRENT_DATE' },
    'serverDefault',
  ],
  [
    'CURRENT_TIMESTAMP(3) vs CURRENT_TIMESTAMP',
    column('c', dateTime(), { serverDefault: sql('CURRENT_TIMESTAMP(3)') }),
    { formattedType: 'timestamp without time zone', defaultExpression: 'CURRENT_TIMESTAMP' },
    'serverDefault',
  ],
  [
    'nullable vs not null',
    column('c', integer()),
    { formattedType: 'integer', options: { nullable: false } },
    'nullable',
  ],
];

describe('PostgresSchemaNormalizer golden pairs', () => {
  it.each(EQUAL)('equal: %s', (_title, model, reflected) => {
    expect(compareColumns(model, reflected)).toEqual({ type: true, serverDefault: true, nullable: true });
  });

  it.each(DIFFERENT)('different: %s', (_title, model, reflected, aspect) => {
    const result = compareColumns(model, reflected);
    expect(result[aspect]).toBe(false);
  });

  it('writes defaults in one canonical text', () => {
    const canonical = (model: ColumnModel): string | undefined => defaultText(normalizedColumn(model, 'model'));
    expect(canonical(column('c', integer(), { serverDefault: sql("'-1'::integer") }))).toBe('-1');
    expect(canonical(column('c', dateTime(), { serverDefault: sql('now()') }))).toBe('CURRENT_TIMESTAMP');
    expect(canonical(column('c', boolean(), { serverDefault: 'false' }))).toBe('false');
    expect(canonical(column('c', string(), { serverDefault: 'abc' }))).toBe("'abc'");
    expect(canonical(column('c', jsonb(), { serverDefault: '{"b": 1, "a": [1, 2]}' }))).toBe(`'{"a":[1,2],"b":1}'`);
    expect(canonical(column('c', text(), { serverDefault: sql('NULL::text') }))).toBeUndefined();
  });

  it('is what the dialect creates', () => {
    expect(postgresDialect.createSchemaNormalizer?.()).toBeInstanceOf(PostgresSchemaNormalizer);
  });
});

describe('PostgresSchemaNormalizer constraints and indexes', () => {
  function reflectedTable(name: string, elements: Parameters<typeof table>[1]): TableModel {
    return normalizer.normalizeTable(table(name, elements), 'database');
  }

  it('leaves names PostgreSQL made up unnamed, and keeps the others', () => {
    const normalized = reflectedTable('t', [
      column('id', integer()),
      column('i', integer()),
      column('b', bigInteger()),
      column('ck', integer()),
      column('parent_id', integer()),
      primaryKeyConstraint(['id'], { name: convertedName('t_pkey') }),
      uniqueConstraint(['i', 'b'], { name: convertedName('t_i_b_key') }),
      uniqueConstraint(['b'], { name: convertedName('t_b_key1') }),
      uniqueConstraint(['ck'], { name: convertedName('uq_t_ck') }),
      uniqueConstraint(['i'], { name: convertedName('t_b_key') }),
      checkConstraint('ck > 0', { name: convertedName('t_ck_check') }),
      checkConstraint('ck > i', { name: convertedName('t_check') }),
      checkConstraint('ck < 100', { name: convertedName('ck_t_small') }),
      foreignKeyConstraint(['parent_id'], 't', ['id'], {
        name: convertedName('t_parent_id_fkey'),
        onDelete: 'NO ACTION',
        onUpdate: 'cascade',
      }),
    ]);
    expect(normalized.primaryKey).toEqual({ kind: 'primaryKeyConstraint', columns: ['id'] });
    expect(normalized.constraints).toEqual([
      { kind: 'uniqueConstraint', columns: ['i', 'b'] },
      { kind: 'uniqueConstraint', columns: ['b'] },
      { kind: 'uniqueConstraint', name: convertedName('uq_t_ck'), columns: ['ck'] },
      // the name of another column list is a name the user chose
      { kind: 'uniqueConstraint', name: convertedName('t_b_key'), columns: ['i'] },
      { kind: 'checkConstraint', condition: 'ck > 0' },
      { kind: 'checkConstraint', condition: 'ck > i' },
      { kind: 'checkConstraint', name: convertedName('ck_t_small'), condition: 'ck < 100' },
      {
        kind: 'foreignKeyConstraint',
        columns: ['parent_id'],
        referredTable: 't',
        referredColumns: ['id'],
        onUpdate: 'CASCADE',
      },
    ]);
  });

  it('knows the names PostgreSQL truncates to 63 bytes', () => {
    const longTable = 'very_long_table_name_aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa';
    const longColumn = 'column_name_also_quite_long_bbbbbbbbbbbbbbbbbbbbbbb';
    const normalized = reflectedTable(longTable, [
      column(longColumn, integer()),
      column('c2', integer()),
      column('x', integer()),
      column('y', integer()),
      uniqueConstraint([longColumn], {
        name: convertedName('very_long_table_name_aaaaaaaa_column_name_also_quite_long_b_key'),
      }),
      uniqueConstraint(['y', 'x'], {
        name: convertedName('very_long_table_name_aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa_y_x_key'),
      }),
      checkConstraint('c2 > 0', {
        name: convertedName('very_long_table_name_aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa_c2_check'),
      }),
    ]);
    expect(normalized.constraints.map((constraint) => constraint.name)).toEqual([undefined, undefined, undefined]);
  });

  it('reads index expressions and predicates without the casts and parentheses PostgreSQL adds', () => {
    const columns = [column('email', string(100)), column('i', integer())];
    const model = normalizer.normalizeTable(
      table('t', [
        ...columns,
        index('ix_lower', [sql('lower(email)'), sql('(i + 1)')], {
          where: "email = 'x' AND i > 0",
          dialectOptions: { postgresql: { using: 'BTREE' } },
        }),
        index('ix_plain', [sql('email')]),
      ]),
      'model',
    );
    const database = normalizer.normalizeTable(
      table('t', [
        ...columns,
        index(convertedName('ix_lower'), [sql('lower(email::text)'), sql('(i + 1)')], {
          where: "(((email)::text = 'x'::text) AND (i > 0))",
        }),
        index(convertedName('ix_plain'), ['email']),
      ]),
      'database',
    );
    const shape = (model: TableModel) =>
      model.indexes.map(({ columns, where, unique, dialectOptions }) => ({ columns, where, unique, dialectOptions }));
    expect(shape(model)).toEqual(shape(database));
    expect(database.indexes[0]?.where).toBe("email = 'x' and i > 0");
  });

  it('keeps parentheses that matter', () => {
    const normalized = normalizer.normalizeTable(
      table('t', [
        column('a', integer()),
        column('b', integer()),
        index('ix', ['a'], { where: '(a = 1 OR b = 2) AND a > 0' }),
      ]),
      'model',
    );
    expect(normalized.indexes[0]?.where).toBe('(a = 1 or b = 2) and a > 0');
  });
});
