/**
 * Live checks of the operations that shape tables and columns: create, drop and rename tables,
 * add, drop and alter columns (types, identity), table comments.
 */
import {
  addColumnOperation,
  alterColumnOperation,
  bigInteger,
  boolean,
  checkConstraint,
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
  rawType,
  renameTableOperation,
  smallInteger,
  sql,
  string,
  table,
  text,
  time,
  uniqueConstraint,
  uuid,
} from '@alembic/core/dialect';
import { jsonb } from '../../src/postgres-types.js';
import type { LiveCases, LiveHarness } from './live-harness.js';
import { columnOf, simpleTable } from './live-harness.js';

/** The table and column cases. */
export function tableCases(
  live: LiveHarness,
): Pick<
  LiveCases,
  | 'createTable'
  | 'dropTable'
  | 'renameTable'
  | 'addColumn'
  | 'dropColumn'
  | 'alterColumn'
  | 'createTableComment'
  | 'dropTableComment'
> {
  return {
    createTable: [
      {
        title: 'every type, keys, constraints, indexes and comments read back as written',
        run: async () => {
          await live.apply(createTableOperation({ table: simpleTable('parent') }));
          await live.apply(
            createTableOperation({
              table: table(
                'kitchen_sink',
                [
                  column('id', integer(), { primaryKey: true, comment: 'the key' }),
                  column('big', bigInteger(), { nullable: false, serverDefault: sql('42') }),
                  column('small', smallInteger()),
                  column('name', string(50), { nullable: false, serverDefault: "it's" }),
                  column('free', string()),
                  column('body', text()),
                  column('flag', boolean(), { serverDefault: sql('true') }),
                  column('born', date()),
                  column('created', dateTime(), { serverDefault: sql('now()') }),
                  column('created_tz', dateTime({ timezone: true })),
                  column('opens', time()),
                  column('amount', numeric(10, 2)),
                  column('ratio', float()),
                  column('payload', json()),
                  column('document', jsonb()),
                  column('avatar', largeBinary()),
                  column('status', enumType(['draft', 'published'], { name: 'sink_status' })),
                  column('token', uuid(), { serverDefault: sql('gen_random_uuid()') }),
                  column('tags', rawType('text[]')),
                  column('parent_id', integer(), {
                    references: { table: 'parent', column: 'id', onDelete: 'CASCADE', onUpdate: 'SET NULL' },
                  }),
                  uniqueConstraint(['name', 'born'], {
                    name: 'uq_sink_name_born',
                    deferrable: true,
                    initially: 'DEFERRED',
                  }),
                  checkConstraint('amount >= 0', { name: 'ck_sink_amount' }),
                  index('ix_sink_live', ['created'], {
                    where: 'flag',
                    dialectOptions: { postgresql: { include: ['amount'] } },
                  }),
                  index('ix_sink_lower_name', [sql('lower(name)')], { unique: true }),
                  index('ix_sink_document', ['document'], { dialectOptions: { postgresql: { using: 'gin' } } }),
                ],
                { comment: 'everything' },
              ),
            }),
          );
          const sink = await live.reflect('kitchen_sink');
          expect(sink.comment).toBe('everything');
          expect(sink.primaryKey).toEqual({
            kind: 'primaryKeyConstraint',
            name: { kind: 'convertedName', name: 'kitchen_sink_pkey' },
            columns: ['id'],
          });
          expect(columnOf(sink, 'id')).toMatchObject({
            type: { kind: 'integer' },
            autoincrement: true,
            nullable: false,
            comment: 'the key',
          });
          expect(columnOf(sink, 'id').serverDefault).toBeUndefined();
          expect(columnOf(sink, 'big')).toMatchObject({
            type: { kind: 'bigInteger' },
            nullable: false,
            serverDefault: sql('42'),
          });
          expect(columnOf(sink, 'name')).toMatchObject({ type: { kind: 'string', length: 50 }, serverDefault: "it's" });
          expect(sink.columns.map((model) => model.type)).toEqual([
            integer(),
            bigInteger(),
            smallInteger(),
            string(50),
            string(),
            text(),
            boolean(),
            date(),
            dateTime(),
            dateTime({ timezone: true }),
            time(),
            numeric(10, 2),
            float(),
            json(),
            jsonb(),
            largeBinary(),
            enumType(['draft', 'published'], { name: 'sink_status' }),
            uuid(),
            rawType('text[]'),
            integer(),
          ]);
          expect(columnOf(sink, 'created').serverDefault).toEqual(sql('now()'));
          expect(columnOf(sink, 'flag').serverDefault).toEqual(sql('true'));
          expect(sink.constraints).toEqual([
            checkConstraint('amount >= 0::numeric', { name: { kind: 'convertedName', name: 'ck_sink_amount' } }),
            foreignKeyConstraint(['parent_id'], 'parent', ['id'], {
              name: { kind: 'convertedName', name: 'kitchen_sink_parent_id_fkey' },
              onDelete: 'CASCADE',
              onUpdate: 'SET NULL',
            }),
            uniqueConstraint(['name', 'born'], {
              name: { kind: 'convertedName', name: 'uq_sink_name_born' },
              deferrable: true,
              initially: 'DEFERRED',
            }),
          ]);
          expect(sink.indexes).toEqual([
            index({ kind: 'convertedName', name: 'ix_sink_document' }, ['document'], {
              dialectOptions: { postgresql: { using: 'gin' } },
            }),
            index({ kind: 'convertedName', name: 'ix_sink_live' }, ['created'], {
              where: 'flag',
              dialectOptions: { postgresql: { include: ['amount'] } },
            }),
            index({ kind: 'convertedName', name: 'ix_sink_lower_name' }, [sql('lower(name::text)')], { unique: true }),
          ]);
        },
      },
      {
        title: 'identity and big serial keys, a composite key, in an explicit schema',
        run: async () => {
          await live.apply(
            createTableOperation({
              table: table(
                'with_identity',
                [
                  column('id', bigInteger(), {
                    primaryKey: true,
                    identity: { always: true, start: 100, increment: 5 },
                  }),
                ],
                { schema: live.schema },
              ),
            }),
          );
          await live.apply(
            createTableOperation({
              table: table('with_bigserial', [column('id', bigInteger(), { primaryKey: true })], {
                schema: live.schema,
              }),
            }),
          );
          await live.apply(
            createTableOperation({
              table: table(
                'composite',
                [column('a', integer(), { primaryKey: true }), column('b', integer(), { primaryKey: true })],
                { schema: live.schema },
              ),
            }),
          );
          const identity = await live.reflect('with_identity', live.schema);
          expect(identity.schema).toBe(live.schema);
          expect(columnOf(identity, 'id')).toMatchObject({
            identity: { always: true, start: 100, increment: 5 },
            autoincrement: false,
          });
          expect(columnOf(await live.reflect('with_bigserial', live.schema), 'id')).toMatchObject({
            type: { kind: 'bigInteger' },
            autoincrement: true,
          });
          const composite = await live.reflect('composite', live.schema);
          expect(composite.primaryKey?.columns).toEqual(['a', 'b']);
          expect(composite.columns.map((model) => model.autoincrement)).toEqual([false, false]);
        },
      },
    ],
    dropTable: [
      {
        title: 'the table goes, and with its definition its enum type',
        run: async () => {
          const model = table('doomed', [
            column('id', integer(), { primaryKey: true }),
            column('mood', enumType(['low', 'high'], { name: 'doomed_mood' })),
          ]);
          await live.apply(createTableOperation({ table: model }));
          expect(await live.scalar<number>("SELECT count(*)::int FROM pg_type WHERE typname = 'doomed_mood'")).toBe(1);
          await live.apply(dropTableOperation({ tableName: 'doomed', existingTable: model }));
          expect(await live.introspector.getTable('doomed')).toBeUndefined();
          expect(await live.scalar<number>("SELECT count(*)::int FROM pg_type WHERE typname = 'doomed_mood'")).toBe(0);
        },
      },
    ],
    renameTable: [
      {
        title: 'renamed within its schema',
        run: async () => {
          await live.apply(
            createTableOperation({
              table: table('before_rename', [column('id', integer(), { primaryKey: true })], { schema: live.schema }),
            }),
          );
          await live.apply(
            renameTableOperation({ oldTableName: 'before_rename', newTableName: 'after_rename', schema: live.schema }),
          );
          expect(await live.introspector.getTable('before_rename', { schema: live.schema })).toBeUndefined();
          expect((await live.reflect('after_rename', live.schema)).name).toBe('after_rename');
        },
      },
    ],
    addColumn: [
      {
        title: 'with its foreign key, index, comment and identity',
        run: async () => {
          await live.apply(createTableOperation({ table: simpleTable('owner') }));
          await live.apply(createTableOperation({ table: simpleTable('pet') }));
          await live.apply(
            addColumnOperation({
              tableName: 'pet',
              column: column('owner_id', integer(), { references: 'owner.id', index: true, comment: 'who feeds it' }),
            }),
          );
          await live.apply(
            addColumnOperation({
              tableName: 'pet',
              column: column('serial_number', bigInteger(), { identity: { always: false } }),
            }),
          );
          const pet = await live.reflect('pet');
          expect(columnOf(pet, 'owner_id')).toMatchObject({
            type: { kind: 'integer' },
            nullable: true,
            comment: 'who feeds it',
          });
          expect(columnOf(pet, 'serial_number')).toMatchObject({ identity: { always: false }, nullable: false });
          expect(pet.constraints).toEqual([
            foreignKeyConstraint(['owner_id'], 'owner', ['id'], {
              name: { kind: 'convertedName', name: 'pet_owner_id_fkey' },
            }),
          ]);
          expect(pet.indexes.map((model) => model.name)).toEqual([{ kind: 'convertedName', name: 'ix_pet_owner_id' }]);
        },
      },
    ],
    dropColumn: [
      {
        title: 'gone from the table',
        run: async () => {
          await live.apply(createTableOperation({ table: simpleTable('drop_column_t') }));
          await live.apply(dropColumnOperation({ tableName: 'drop_column_t', columnName: 'b' }));
          await live.apply(dropColumnOperation({ tableName: 'drop_column_t', columnName: 'b', ifExists: true }));
          expect((await live.reflect('drop_column_t')).columns.map((model) => model.name)).toEqual(['id', 'a']);
        },
      },
    ],
    alterColumn: [
      {
        title: 'type with USING, nullability, default, comment and rename',
        run: async () => {
          await live.apply(createTableOperation({ table: simpleTable('alter_t') }));
          await live.connection.query("INSERT INTO alter_t (a, b) VALUES (1, '12')");
          await live.apply(
            alterColumnOperation({
              tableName: 'alter_t',
              columnName: 'b',
              type: bigInteger(),
              existingType: string(20),
              nullable: false,
              serverDefault: sql('7'),
              comment: 'was text',
              newColumnName: 'b_number',
              dialectOptions: { postgresql: { using: 'b::bigint' } },
            }),
          );
          expect(columnOf(await live.reflect('alter_t'), 'b_number')).toMatchObject({
            type: { kind: 'bigInteger' },
            nullable: false,
            serverDefault: sql('7'),
            comment: 'was text',
          });
          expect(await live.scalar<string>('SELECT b_number::text FROM alter_t')).toBe('12');
          await live.apply(
            alterColumnOperation({
              tableName: 'alter_t',
              columnName: 'b_number',
              serverDefault: null,
              comment: null,
              nullable: true,
            }),
          );
          const altered = columnOf(await live.reflect('alter_t'), 'b_number');
          expect(altered.serverDefault).toBeUndefined();
          expect(altered.comment).toBeUndefined();
          expect(altered.nullable).toBe(true);
        },
      },
      {
        title: 'identity added, changed and dropped',
        run: async () => {
          await live.apply(
            createTableOperation({
              table: table('identity_t', [column('id', integer(), { primaryKey: true, autoincrement: false })]),
            }),
          );
          await live.apply(
            alterColumnOperation({
              tableName: 'identity_t',
              columnName: 'id',
              identity: { always: true, start: 10 },
              existingIdentity: null,
            }),
          );
          expect(columnOf(await live.reflect('identity_t'), 'id').identity).toEqual({ always: true, start: 10 });
          await live.apply(
            alterColumnOperation({
              tableName: 'identity_t',
              columnName: 'id',
              identity: { always: false, increment: 3 },
              existingIdentity: { always: true, start: 10 },
            }),
          );
          expect(columnOf(await live.reflect('identity_t'), 'id').identity).toEqual({
            always: false,
            start: 10,
            increment: 3,
          });
          await live.apply(
            alterColumnOperation({
              tableName: 'identity_t',
              columnName: 'id',
              identity: null,
              existingIdentity: { always: false },
            }),
          );
          expect(columnOf(await live.reflect('identity_t'), 'id').identity).toBeUndefined();
        },
      },
    ],
    createTableComment: [
      {
        title: 'set and read back',
        run: async () => {
          await live.apply(createTableOperation({ table: simpleTable('comment_t') }));
          await live.apply(createTableCommentOperation({ tableName: 'comment_t', comment: "Customer's accounts" }));
          expect((await live.reflect('comment_t')).comment).toBe("Customer's accounts");
        },
      },
    ],
    dropTableComment: [
      {
        title: 'removed',
        run: async () => {
          await live.apply(
            createTableOperation({ table: table('uncomment_t', [column('id', integer())], { comment: 'temporary' }) }),
          );
          await live.apply(dropTableCommentOperation({ tableName: 'uncomment_t', existingComment: 'temporary' }));
          expect((await live.reflect('uncomment_t')).comment).toBeUndefined();
        },
      },
    ],
  };
}
