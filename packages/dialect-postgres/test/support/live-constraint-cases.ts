/**
 * Live checks of indexes, constraints, data and batches: create and drop indexes (partial,
 * INCLUDE, CONCURRENTLY), every constraint kind, bulk inserts, parameterised execute, batch
 * ALTERs and rebuilds.
 */
import {
  addColumnOperation,
  alterColumnOperation,
  batchAlterTableOperation,
  boolean,
  bulkInsertOperation,
  checkConstraint,
  column,
  createCheckConstraintOperation,
  createForeignKeyOperation,
  createIndexOperation,
  createPrimaryKeyOperation,
  createTableOperation,
  createUniqueConstraintOperation,
  date,
  dropColumnOperation,
  dropConstraintOperation,
  dropIndexOperation,
  executeOperation,
  foreignKeyConstraint,
  index,
  integer,
  json,
  largeBinary,
  string,
  table,
  uniqueConstraint,
} from '@alembic/core/dialect';
import type { LiveCases, LiveHarness } from './live-harness.js';
import { simpleTable } from './live-harness.js';

/** The index, constraint, data and batch cases. */
export function constraintCases(
  live: LiveHarness,
): Omit<
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
    createIndex: [
      {
        title: 'partial, unique NULLS NOT DISTINCT, and CONCURRENTLY outside a transaction',
        run: async () => {
          await live.apply(createTableOperation({ table: simpleTable('index_t') }));
          await live.apply(
            createIndexOperation({ indexName: 'ix_index_t_a', tableName: 'index_t', columns: ['a'], where: 'a > 0' }),
          );
          await live.apply(
            createIndexOperation({
              indexName: 'ix_index_t_b',
              tableName: 'index_t',
              columns: ['b'],
              unique: true,
              dialectOptions: { postgresql: { nullsNotDistinct: true, concurrently: true } },
            }),
          );
          expect((await live.reflect('index_t')).indexes).toEqual([
            index({ kind: 'convertedName', name: 'ix_index_t_a' }, ['a'], { where: '(a > 0)' }),
            index({ kind: 'convertedName', name: 'ix_index_t_b' }, ['b'], {
              unique: true,
              dialectOptions: { postgresql: { nullsNotDistinct: true } },
            }),
          ]);
        },
      },
    ],
    dropIndex: [
      {
        title: 'plain and CONCURRENTLY',
        run: async () => {
          await live.apply(createTableOperation({ table: simpleTable('drop_index_t') }));
          await live.apply(createIndexOperation({ indexName: 'ix_drop_a', tableName: 'drop_index_t', columns: ['a'] }));
          await live.apply(createIndexOperation({ indexName: 'ix_drop_b', tableName: 'drop_index_t', columns: ['b'] }));
          await live.apply(dropIndexOperation({ indexName: 'ix_drop_a', tableName: 'drop_index_t' }));
          await live.apply(
            dropIndexOperation({
              indexName: 'ix_drop_b',
              tableName: 'drop_index_t',
              dialectOptions: { postgresql: { concurrently: true } },
            }),
          );
          expect((await live.reflect('drop_index_t')).indexes).toEqual([]);
        },
      },
    ],
    createUniqueConstraint: [
      {
        title: 'read back as a constraint, not an index',
        run: async () => {
          await live.apply(createTableOperation({ table: simpleTable('unique_t') }));
          await live.apply(
            createUniqueConstraintOperation({
              constraintName: 'uq_unique_t_a_b',
              tableName: 'unique_t',
              columns: ['a', 'b'],
            }),
          );
          const model = await live.reflect('unique_t');
          expect(model.constraints).toEqual([
            uniqueConstraint(['a', 'b'], { name: { kind: 'convertedName', name: 'uq_unique_t_a_b' } }),
          ]);
          expect(model.indexes).toEqual([]);
        },
      },
    ],
    createForeignKey: [
      {
        title: 'across schemas, with actions, MATCH FULL, deferrable and NOT VALID',
        run: async () => {
          await live.apply(createTableOperation({ table: simpleTable('fk_target') }));
          await live.connection.query(`CREATE SCHEMA ${live.schema}_other`);
          try {
            await live.apply(createTableOperation({ table: simpleTable('fk_source') }));
            await live.apply(
              createTableOperation({
                table: table('remote', [column('id', integer(), { primaryKey: true })], {
                  schema: `${live.schema}_other`,
                }),
              }),
            );
            await live.apply(
              createForeignKeyOperation({
                constraintName: 'fk_source_a',
                sourceTable: 'fk_source',
                referentTable: 'fk_target',
                localColumns: ['a'],
                remoteColumns: ['id'],
                onDelete: 'RESTRICT',
                match: 'FULL',
                deferrable: true,
                initially: 'DEFERRED',
                dialectOptions: { postgresql: { notValid: true } },
              }),
            );
            await live.apply(
              createForeignKeyOperation({
                constraintName: 'fk_source_remote',
                sourceTable: 'fk_source',
                referentTable: 'remote',
                referentSchema: `${live.schema}_other`,
                localColumns: ['id'],
                remoteColumns: ['id'],
              }),
            );
            expect((await live.reflect('fk_source')).constraints).toEqual([
              foreignKeyConstraint(['a'], 'fk_target', ['id'], {
                name: { kind: 'convertedName', name: 'fk_source_a' },
                onDelete: 'RESTRICT',
                match: 'FULL',
                deferrable: true,
                initially: 'DEFERRED',
                dialectOptions: { postgresql: { notValid: true } },
              }),
              foreignKeyConstraint(['id'], 'remote', ['id'], {
                name: { kind: 'convertedName', name: 'fk_source_remote' },
                referredSchema: `${live.schema}_other`,
              }),
            ]);
          } finally {
            await live.connection.query(`DROP SCHEMA ${live.schema}_other CASCADE`);
          }
        },
      },
    ],
    createCheckConstraint: [
      {
        title: 'its condition as PostgreSQL prints it (pretty, without the outer parentheses)',
        run: async () => {
          await live.apply(createTableOperation({ table: simpleTable('check_t') }));
          await live.apply(
            createCheckConstraintOperation({
              constraintName: 'ck_check_t_a',
              tableName: 'check_t',
              condition: 'a > 2',
            }),
          );
          expect((await live.reflect('check_t')).constraints).toEqual([
            checkConstraint('a > 2', { name: { kind: 'convertedName', name: 'ck_check_t_a' } }),
          ]);
        },
      },
    ],
    createPrimaryKey: [
      {
        title: 'on a table without one',
        run: async () => {
          await live.apply(
            createTableOperation({
              table: table('no_key', [
                column('a', integer(), { nullable: false }),
                column('b', integer(), { nullable: false }),
              ]),
            }),
          );
          await live.apply(
            createPrimaryKeyOperation({ constraintName: 'pk_no_key', tableName: 'no_key', columns: ['b', 'a'] }),
          );
          expect((await live.reflect('no_key')).primaryKey).toEqual({
            kind: 'primaryKeyConstraint',
            name: { kind: 'convertedName', name: 'pk_no_key' },
            columns: ['b', 'a'],
          });
        },
      },
    ],
    dropConstraint: [
      {
        title: 'unique, check and foreign key constraints dropped',
        run: async () => {
          await live.apply(createTableOperation({ table: simpleTable('drop_constraint_target') }));
          await live.apply(
            createTableOperation({
              table: table('drop_constraint_t', [
                column('id', integer(), { primaryKey: true }),
                column('a', integer(), { references: 'drop_constraint_target.id' }),
                uniqueConstraint(['a'], { name: 'uq_dc_a' }),
                checkConstraint('a > 0', { name: 'ck_dc_a' }),
              ]),
            }),
          );
          await live.apply(
            dropConstraintOperation({ constraintName: 'uq_dc_a', tableName: 'drop_constraint_t', type: 'unique' }),
          );
          await live.apply(dropConstraintOperation({ constraintName: 'ck_dc_a', tableName: 'drop_constraint_t' }));
          await live.apply(
            dropConstraintOperation({
              constraintName: 'drop_constraint_t_a_fkey',
              tableName: 'drop_constraint_t',
              type: 'foreignkey',
            }),
          );
          await live.apply(
            dropConstraintOperation({ constraintName: 'missing', tableName: 'drop_constraint_t', ifExists: true }),
          );
          expect((await live.reflect('drop_constraint_t')).constraints).toEqual([]);
        },
      },
    ],
    bulkInsert: [
      {
        title: 'rows with every literal kind land intact',
        run: async () => {
          const model = table('bulk_t', [
            column('id', integer(), { primaryKey: true }),
            column('flag', boolean()),
            column('blob', largeBinary()),
            column('payload', json()),
            column('born', date()),
            column('name', string(20)),
          ]);
          await live.apply(createTableOperation({ table: model }));
          await live.apply(
            bulkInsertOperation({
              table: model,
              rows: [
                {
                  id: 1,
                  flag: true,
                  blob: Buffer.from([1, 255]),
                  payload: { a: [1, 2] },
                  born: new Date(Date.UTC(2024, 0, 2)),
                  name: "O'Brien",
                },
                { id: 2, flag: false, blob: null, payload: null, born: null, name: null },
              ],
            }),
          );
          const { rows } = await live.connection.query<Record<string, unknown>>(
            "SELECT id, flag, encode(blob, 'hex') AS blob, payload::text AS payload, born::text AS born, name FROM bulk_t ORDER BY id",
          );
          expect(rows).toEqual([
            { id: 1, flag: true, blob: '01ff', payload: '{"a":[1,2]}', born: '2024-01-02', name: "O'Brien" },
            { id: 2, flag: false, blob: null, payload: null, born: null, name: null },
          ]);
        },
      },
    ],
    execute: [
      {
        title: 'parameters bound as $n, casts and repeated names kept',
        run: async () => {
          await live.apply(createTableOperation({ table: simpleTable('execute_t') }));
          await live.apply(
            executeOperation({
              sql: 'INSERT INTO execute_t (a, b) VALUES (:a, :b::text || :b)',
              parameters: { a: 5, b: 'x' },
            }),
          );
          expect(await live.scalar<string>('SELECT b FROM execute_t WHERE a = 5')).toBe('xx');
        },
      },
    ],
    batchAlterTable: [
      {
        title: 'ALTERs in place, and a rebuild from the reflected table',
        run: async () => {
          await live.apply(createTableOperation({ table: simpleTable('batch_t') }));
          await live.connection.query("INSERT INTO batch_t (a, b) VALUES (1, '42')");
          await live.apply(
            batchAlterTableOperation({
              tableName: 'batch_t',
              operations: [
                addColumnOperation({ tableName: 'batch_t', column: column('c', integer()) }),
                createIndexOperation({ indexName: 'ix_batch_t_a', tableName: 'batch_t', columns: ['a'] }),
              ],
            }),
          );
          const before = await live.reflect('batch_t');
          expect(before.columns.map((model) => model.name)).toEqual(['id', 'a', 'b', 'c']);
          await live.apply(
            batchAlterTableOperation({
              tableName: 'batch_t',
              recreate: 'always',
              copyFrom: before,
              operations: [
                alterColumnOperation({
                  tableName: 'batch_t',
                  columnName: 'b',
                  type: integer(),
                  existingType: string(20),
                }),
                dropColumnOperation({ tableName: 'batch_t', columnName: 'c' }),
              ],
            }),
          );
          const after = await live.reflect('batch_t');
          expect(after.columns.map((model) => [model.name, model.type.kind])).toEqual([
            ['id', 'integer'],
            ['a', 'integer'],
            ['b', 'integer'],
          ]);
          expect(after.indexes.map((model) => model.name)).toEqual([{ kind: 'convertedName', name: 'ix_batch_t_a' }]);
          expect(await live.scalar<number>('SELECT b FROM batch_t WHERE a = 1')).toBe(42);
        },
      },
    ],
  };
}
