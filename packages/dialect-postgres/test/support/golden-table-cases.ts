/**
 * Golden SQL of the operations that shape tables and columns, checked against Python Alembic
 * 1.8 with SQLAlchemy 1.4 offline output on PostgreSQL where Alembic has the operation.
 */
import {
  addColumnOperation,
  alterColumnOperation,
  bigInteger,
  boolean,
  column,
  createTableCommentOperation,
  createTableOperation,
  date,
  dateTime,
  dropColumnOperation,
  dropTableCommentOperation,
  dropTableOperation,
  enumType,
  float,
  foreignKeyConstraint,
  index,
  integer,
  json,
  largeBinary,
  numeric,
  primaryKeyConstraint,
  renameTableOperation,
  smallInteger,
  sql,
  string,
  table,
  text,
  time,
  uuid,
} from '@alembic/core/dialect';
import { jsonb } from '../../src/postgres-types.js';
import type { GoldenTable, TableOperationKind } from './golden-types.js';

const status = enumType(['draft', 'published'], { name: 'post_status' });

/** The table and column cases. */
export const GOLDEN_TABLE_CASES: Pick<GoldenTable, TableOperationKind> = {
  createTable: [
    {
      title: 'every neutral type, as SQLAlchemy names them on PostgreSQL, and the enum type created first',
      operation: createTableOperation({
        table: table('t', [
          column('id', integer(), { primaryKey: true }),
          column('a', bigInteger()),
          column('b', smallInteger()),
          column('c', string(50)),
          column('c2', string()),
          column('d', text()),
          column('e', boolean()),
          column('f', date()),
          column('g', dateTime()),
          column('g2', dateTime({ timezone: true })),
          column('h', time()),
          column('h2', time({ timezone: true })),
          column('i', numeric(10, 2)),
          column('j', float()),
          column('j2', float(53)),
          column('k', json()),
          column('l', largeBinary()),
          column('m', enumType(['a', 'b'], { name: 'myenum' })),
          column('n', uuid()),
          column('o', jsonb()),
          column('p', boolean({ createConstraint: true, name: 'ck_bool' })),
        ]),
      }),
      expected: [
        "DO $alembic$ BEGIN CREATE TYPE myenum AS ENUM ('a', 'b'); EXCEPTION WHEN duplicate_object THEN NULL; END $alembic$",
        'CREATE TABLE t (id SERIAL NOT NULL, a BIGINT, b SMALLINT, c VARCHAR(50), c2 VARCHAR, d TEXT, e BOOLEAN, f DATE, g TIMESTAMP WITHOUT TIME ZONE, g2 TIMESTAMP WITH TIME ZONE, h TIME WITHOUT TIME ZONE, h2 TIME WITH TIME ZONE, i NUMERIC(10, 2), j FLOAT, j2 FLOAT(53), k JSON, l BYTEA, m myenum, n UUID, o JSONB, p BOOLEAN, PRIMARY KEY (id))',
      ],
    },
    {
      title: 'BIGSERIAL for a big integer key',
      operation: createTableOperation({ table: table('t', [column('id', bigInteger(), { primaryKey: true })]) }),
      expected: ['CREATE TABLE t (id BIGSERIAL NOT NULL, PRIMARY KEY (id))'],
    },
    {
      title: 'SMALLSERIAL for a small integer key',
      operation: createTableOperation({ table: table('t', [column('id', smallInteger(), { primaryKey: true })]) }),
      expected: ['CREATE TABLE t (id SMALLSERIAL NOT NULL, PRIMARY KEY (id))'],
    },
    {
      title: 'no SERIAL for a composite key',
      operation: createTableOperation({
        table: table('t', [column('a', integer(), { primaryKey: true }), column('b', integer(), { primaryKey: true })]),
      }),
      expected: ['CREATE TABLE t (a INTEGER NOT NULL, b INTEGER NOT NULL, PRIMARY KEY (a, b))'],
    },
    {
      title: 'no SERIAL with autoincrement: false',
      operation: createTableOperation({
        table: table('t', [column('id', integer(), { primaryKey: true, autoincrement: false })]),
      }),
      expected: ['CREATE TABLE t (id INTEGER NOT NULL, PRIMARY KEY (id))'],
    },
    {
      title: 'no SERIAL for a key with a server default',
      operation: createTableOperation({
        table: table('t', [column('id', bigInteger(), { primaryKey: true, serverDefault: sql("nextval('my_seq')") })]),
      }),
      expected: ["CREATE TABLE t (id BIGINT DEFAULT nextval('my_seq') NOT NULL, PRIMARY KEY (id))"],
    },
    {
      title: 'an identity key instead of SERIAL',
      operation: createTableOperation({
        table: table('t', [
          column('id', integer(), { primaryKey: true, identity: { always: true, start: 5, increment: 2 } }),
        ]),
      }),
      expected: [
        'CREATE TABLE t (id INTEGER GENERATED ALWAYS AS IDENTITY (INCREMENT BY 2 START WITH 5), PRIMARY KEY (id))',
      ],
    },
    {
      title: 'schema-qualified table and foreign key',
      operation: createTableOperation({
        table: table(
          't',
          [column('id', integer(), { primaryKey: true }), column('a_id', integer(), { references: 's2.a.id' })],
          {
            schema: 's1',
          },
        ),
      }),
      expected: [
        'CREATE TABLE s1.t (id SERIAL NOT NULL, a_id INTEGER, PRIMARY KEY (id), FOREIGN KEY(a_id) REFERENCES s2.a (id))',
      ],
    },
    {
      title: 'comments after the table, one COMMENT ON per comment',
      operation: createTableOperation({
        table: table('t', [column('id', integer(), { primaryKey: true, comment: 'the id' })], { comment: 'tbl' }),
      }),
      expected: [
        'CREATE TABLE t (id SERIAL NOT NULL, PRIMARY KEY (id))',
        "COMMENT ON TABLE t IS 'tbl'",
        "COMMENT ON COLUMN t.id IS 'the id'",
      ],
    },
    {
      title: 'reserved words and mixed case quoted',
      operation: createTableOperation({
        table: table('User', [
          column('order', integer(), { primaryKey: true }),
          column('Name', string()),
          column('with', integer()),
        ]),
      }),
      expected: [
        'CREATE TABLE "User" ("order" SERIAL NOT NULL, "Name" VARCHAR, "with" INTEGER, PRIMARY KEY ("order"))',
      ],
    },
    {
      title: 'one enum type shared by two columns is created once; a non-native enum is VARCHAR with its CHECK',
      operation: createTableOperation({
        table: table('b', [
          column('m', enumType(['x', 'y'], { name: 'e1' })),
          column('n', enumType(['x', 'y'], { name: 'e1' })),
          column('o', enumType(['x', 'yy'], { name: 'e3', nativeEnum: false, createConstraint: true })),
        ]),
      }),
      expected: [
        "DO $alembic$ BEGIN CREATE TYPE e1 AS ENUM ('x', 'y'); EXCEPTION WHEN duplicate_object THEN NULL; END $alembic$",
        "CREATE TABLE b (m e1, n e1, o VARCHAR(2), CONSTRAINT e3 CHECK (o IN ('x', 'yy')))",
      ],
    },
    {
      title: 'named key and deferrable self-reference, collations, indexes after the table',
      operation: createTableOperation({
        table: table('t', [
          column('id', integer()),
          column('p', integer()),
          column('c', string(20, { collation: 'C' })),
          column('d', text({ collation: 'en_US' })),
          primaryKeyConstraint(['id'], { name: 'pk_t' }),
          foreignKeyConstraint(['p'], 't', ['id'], { name: 'fk_self', deferrable: true }),
          index('ix_t_c', ['c'], { where: 'c IS NOT NULL', dialectOptions: { postgresql: { include: ['d'] } } }),
        ]),
      }),
      expected: [
        'CREATE TABLE t (id SERIAL NOT NULL, p INTEGER, c VARCHAR(20) COLLATE "C", d TEXT COLLATE "en_US", CONSTRAINT pk_t PRIMARY KEY (id), CONSTRAINT fk_self FOREIGN KEY(p) REFERENCES t (id) DEFERRABLE)',
        'CREATE INDEX ix_t_c ON t (c) INCLUDE (d) WHERE c IS NOT NULL',
      ],
    },
    {
      title: 'an unnamed native enum is refused, as SQLAlchemy refuses it',
      operation: createTableOperation({ table: table('t', [column('m', enumType(['a', 'b']))]) }),
      expected: { error: /PostgreSQL enum type needs a name/ },
    },
  ],
  dropTable: [
    { title: 'plain', operation: dropTableOperation({ tableName: 't', schema: 's' }), expected: ['DROP TABLE s.t'] },
    {
      title:
        'with its definition: the enum types it used dropped after it when nothing else uses them (Alembic drops them outright)',
      operation: dropTableOperation({
        tableName: 'post',
        ifExists: true,
        existingTable: table('post', [column('id', integer(), { primaryKey: true }), column('status', status)]),
      }),
      expected: [
        'DROP TABLE IF EXISTS post',
        'DO $alembic$ BEGIN DROP TYPE IF EXISTS post_status; EXCEPTION WHEN dependent_objects_still_exist THEN NULL; END $alembic$',
      ],
    },
  ],
  renameTable: [
    {
      title: 'the new name stays in the schema, unqualified',
      operation: renameTableOperation({ oldTableName: 't1', newTableName: 't2', schema: 's' }),
      expected: ['ALTER TABLE s.t1 RENAME TO t2'],
    },
  ],
  addColumn: [
    {
      title: 'a foreign key column: the key as its own ALTER',
      operation: addColumnOperation({
        tableName: 't',
        schema: 's',
        column: column('r', integer(), { references: { schema: 's2', table: 'r', column: 'id', onDelete: 'CASCADE' } }),
      }),
      expected: [
        'ALTER TABLE s.t ADD COLUMN r INTEGER',
        'ALTER TABLE s.t ADD FOREIGN KEY(r) REFERENCES s2.r (id) ON DELETE CASCADE',
      ],
    },
    {
      title: 'an identity column',
      operation: addColumnOperation({
        tableName: 't',
        column: column('i', bigInteger(), { identity: { always: false } }),
      }),
      expected: ['ALTER TABLE t ADD COLUMN i BIGINT GENERATED BY DEFAULT AS IDENTITY'],
    },
    {
      title: 'an enum column (its type created when missing; Alembic leaves it out and the ADD fails)',
      operation: addColumnOperation({ tableName: 't', column: column('m', enumType(['a', 'b'], { name: 'myenum2' })) }),
      expected: [
        "DO $alembic$ BEGIN CREATE TYPE myenum2 AS ENUM ('a', 'b'); EXCEPTION WHEN duplicate_object THEN NULL; END $alembic$",
        'ALTER TABLE t ADD COLUMN m myenum2',
      ],
    },
    {
      title: 'a UUID with an SQL default, IF NOT EXISTS, index and comment',
      operation: addColumnOperation({
        tableName: 't',
        ifNotExists: true,
        column: column('u', uuid(), { serverDefault: sql('gen_random_uuid()'), index: true, comment: "it's" }),
      }),
      expected: [
        'ALTER TABLE t ADD COLUMN IF NOT EXISTS u UUID DEFAULT gen_random_uuid()',
        'CREATE INDEX ix_t_u ON t (u)',
        "COMMENT ON COLUMN t.u IS 'it''s'",
      ],
    },
  ],
  dropColumn: [
    {
      title: 'plain',
      operation: dropColumnOperation({ tableName: 't', columnName: 'c', schema: 's' }),
      expected: ['ALTER TABLE s.t DROP COLUMN c'],
    },
    {
      title: 'if exists',
      operation: dropColumnOperation({ tableName: 't', columnName: 'c', ifExists: true }),
      expected: ['ALTER TABLE t DROP COLUMN IF EXISTS c'],
    },
  ],
  alterColumn: [
    {
      title: 'TYPE ... USING, in a schema',
      operation: alterColumnOperation({
        tableName: 't',
        columnName: 'c',
        schema: 's',
        type: integer(),
        dialectOptions: { postgresql: { using: 'c::integer' } },
      }),
      expected: ['ALTER TABLE s.t ALTER COLUMN c TYPE INTEGER USING c::integer'],
    },
    {
      title: 'the type change first, then nullability, default and the rename',
      operation: alterColumnOperation({
        tableName: 't',
        columnName: 'c',
        nullable: false,
        serverDefault: 'x',
        type: bigInteger(),
        existingType: integer(),
        newColumnName: 'd',
        dialectOptions: { postgresql: { using: 'c::bigint' } },
      }),
      expected: [
        'ALTER TABLE t ALTER COLUMN c TYPE BIGINT USING c::bigint',
        'ALTER TABLE t ALTER COLUMN c SET NOT NULL',
        "ALTER TABLE t ALTER COLUMN c SET DEFAULT 'x'",
        'ALTER TABLE t RENAME c TO d',
      ],
    },
    {
      title:
        'to a native enum type: created when missing, converted through text (Alembic leaves both out and the ALTER fails)',
      operation: alterColumnOperation({
        tableName: 't',
        columnName: 'c',
        type: enumType(['a', 'b'], { name: 'myenum' }),
        existingType: string(10),
      }),
      expected: [
        "DO $alembic$ BEGIN CREATE TYPE myenum AS ENUM ('a', 'b'); EXCEPTION WHEN duplicate_object THEN NULL; END $alembic$",
        'ALTER TABLE t ALTER COLUMN c TYPE myenum USING c::text::myenum',
      ],
    },
    {
      title: 'from a native enum type: the old type dropped when nothing uses it any more',
      operation: alterColumnOperation({
        tableName: 't',
        columnName: 'c',
        type: string(10),
        existingType: enumType(['a', 'b'], { name: 'myenum' }),
      }),
      expected: [
        'ALTER TABLE t ALTER COLUMN c TYPE VARCHAR(10)',
        'DO $alembic$ BEGIN DROP TYPE IF EXISTS myenum; EXCEPTION WHEN dependent_objects_still_exist THEN NULL; END $alembic$',
      ],
    },
    {
      title: "new values of a native enum type: the type swapped, in one DO block (Alembic's ALTER changes nothing)",
      operation: alterColumnOperation({
        tableName: 't',
        columnName: 'c',
        type: enumType(['a', 'b', "it's"], { name: 'myenum' }),
        existingType: enumType(['a', 'b'], { name: 'myenum' }),
      }),
      expected: [
        expect.stringMatching(
          /^DO \$alembic\$\nDECLARE\n {2}old_type oid := to_regtype\('myenum'\);\n {2}new_values text\[\] := ARRAY\['a', 'b', 'it''s'\]::text\[\];\n[\s\S]*ALTER TYPE %s RENAME TO %I[\s\S]*CREATE TYPE %s AS ENUM[\s\S]*DROP TYPE %s\.%I[\s\S]*END \$alembic\$$/,
        ),
      ],
    },
    {
      title: 'new values of a native enum type with using is refused',
      operation: alterColumnOperation({
        tableName: 't',
        columnName: 'c',
        type: enumType(['a'], { name: 'myenum' }),
        existingType: enumType(['a', 'b'], { name: 'myenum' }),
        dialectOptions: { postgresql: { using: 'c' } },
      }),
      expected: { error: /'using' option cannot be used there/ },
    },
    {
      title: 'using without a new type is refused',
      operation: alterColumnOperation({
        tableName: 't',
        columnName: 'c',
        dialectOptions: { postgresql: { using: 'c::bigint' } },
      }),
      expected: { error: /'using' option must be used with a new type/ },
    },
    {
      title: 'a column comment',
      operation: alterColumnOperation({
        tableName: 't',
        columnName: 'c',
        schema: 's',
        comment: "x'y",
        existingType: integer(),
      }),
      expected: ["COMMENT ON COLUMN s.t.c IS 'x''y'"],
    },
    {
      title: 'dropping a default and a comment',
      operation: alterColumnOperation({
        tableName: 't',
        columnName: 'c',
        serverDefault: null,
        comment: null,
        nullable: true,
      }),
      expected: [
        'ALTER TABLE t ALTER COLUMN c DROP NOT NULL',
        'ALTER TABLE t ALTER COLUMN c DROP DEFAULT',
        'COMMENT ON COLUMN t.c IS NULL',
      ],
    },
    {
      title: 'identity added',
      operation: alterColumnOperation({
        tableName: 't',
        columnName: 'c',
        identity: { always: true, start: 3 },
        existingIdentity: null,
      }),
      expected: ['ALTER TABLE t ALTER COLUMN c ADD GENERATED ALWAYS AS IDENTITY (START WITH 3)'],
    },
    {
      title: 'identity dropped',
      operation: alterColumnOperation({
        tableName: 't',
        columnName: 'c',
        identity: null,
        existingIdentity: { always: false },
      }),
      expected: ['ALTER TABLE t ALTER COLUMN c DROP IDENTITY'],
    },
    {
      title: 'identity changed: only what differs',
      operation: alterColumnOperation({
        tableName: 't',
        columnName: 'c',
        identity: { always: false, increment: 2 },
        existingIdentity: { always: true },
      }),
      expected: ['ALTER TABLE t ALTER COLUMN c SET GENERATED BY DEFAULT SET INCREMENT BY 2'],
    },
    {
      title: 'identity unchanged: nothing',
      operation: alterColumnOperation({
        tableName: 't',
        columnName: 'c',
        identity: { always: true },
        existingIdentity: { always: true },
      }),
      expected: [],
    },
  ],
  createTableComment: [
    {
      title: 'quotes doubled',
      operation: createTableCommentOperation({ tableName: 't', schema: 's', comment: "it's" }),
      expected: ["COMMENT ON TABLE s.t IS 'it''s'"],
    },
  ],
  dropTableComment: [
    {
      title: 'IS NULL',
      operation: dropTableCommentOperation({ tableName: 't', schema: 's' }),
      expected: ['COMMENT ON TABLE s.t IS NULL'],
    },
  ],
};
