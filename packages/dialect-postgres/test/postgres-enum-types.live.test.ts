/**
 * Native enum types managed by the compiler, on the test server: a change of an enum type's
 * values (added, removed, reordered, and back) applied inside a transaction with the rows kept,
 * a type shared by two tables created and dropped safely, and `alterColumn` to and from an enum
 * type. Runs in a fresh schema (the connection's `search_path`), dropped at the end.
 */
import {
  alterColumnOperation,
  column,
  createTableOperation,
  dropTableOperation,
  enumType,
  integer,
  string,
  table,
} from '@alembic/core/dialect';
import type { DatabaseConnection, EnumType, Operation } from '@alembic/core/dialect';
import { PostgresDdlCompiler } from '../src/postgres-ddl-compiler.js';
import { describeLive, openSchemaConnection } from './support/live-postgres.js';

let connection: DatabaseConnection;
let dispose: () => Promise<void>;

/** Compiles with a fresh compiler (as a new migration would) and runs it in one transaction. */
async function applyInTransaction(...operations: Operation[]): Promise<void> {
  const compiler = new PostgresDdlCompiler();
  await connection.query('BEGIN');
  try {
    for (const operation of operations) {
      for (const statement of compiler.compile(operation)) {
        await connection.query(statement);
      }
    }
    await connection.query('COMMIT');
  } catch (error) {
    await connection.query('ROLLBACK');
    throw error;
  }
}

async function enumValues(typeName: string): Promise<string[]> {
  const { rows } = await connection.query<{ label: string }>(
    'SELECT enumlabel AS label FROM pg_enum WHERE enumtypid = to_regtype($1) ORDER BY enumsortorder',
    [typeName],
  );
  return rows.map((row) => row.label);
}

async function typeCount(typeName: string): Promise<number> {
  const { rows } = await connection.query<{ count: number }>(
    'SELECT count(*)::int AS count FROM pg_type WHERE typname = $1 AND typnamespace = current_schema()::regnamespace',
    [typeName],
  );
  return rows[0]?.count ?? -1;
}

async function column0<T>(query: string): Promise<T[]> {
  const { rows } = await connection.query<Record<string, T>>(query);
  return rows.map((row) => Object.values(row)[0] as T);
}

function changeValues(tableName: string, columnName: string, from: EnumType, to: EnumType): Operation {
  return alterColumnOperation({ tableName, columnName, type: to, existingType: from });
}

describeLive('PostgreSQL native enum types, live', () => {
  beforeAll(async () => {
    ({ connection, dispose } = await openSchemaConnection('enums'));
  });

  afterAll(async () => {
    await dispose?.();
  });

  it("changes an enum type's values inside a transaction, keeps the rows, converts every column of the type, and goes back", async () => {
    const original = enumType(['low', 'mid', 'high', 'unused'], { name: 'mood_kind' });
    await applyInTransaction(
      createTableOperation({
        table: table('mood_person', [column('id', integer(), { primaryKey: true }), column('mood', original)]),
      }),
      createTableOperation({
        table: table('mood_log', [
          column('id', integer(), { primaryKey: true }),
          column('mood', original, { serverDefault: 'mid' }),
        ]),
      }),
    );
    await connection.query('ALTER TABLE mood_log ADD COLUMN history mood_kind[]');
    await connection.query("INSERT INTO mood_person VALUES (1, 'high'), (2, 'low')");
    await connection.query("INSERT INTO mood_log (id, history) VALUES (1, ARRAY['low', 'high']::mood_kind[])");

    const added = enumType(['low', 'mid', 'high', 'unused', 'ecstatic'], { name: 'mood_kind' });
    await applyInTransaction(changeValues('mood_person', 'mood', original, added));
    expect(await enumValues('mood_kind')).toEqual(['low', 'mid', 'high', 'unused', 'ecstatic']);
    await connection.query("INSERT INTO mood_person VALUES (3, 'ecstatic')");

    const removed = enumType(['low', 'mid', 'high', 'ecstatic'], { name: 'mood_kind' });
    await applyInTransaction(changeValues('mood_person', 'mood', added, removed));
    expect(await enumValues('mood_kind')).toEqual(['low', 'mid', 'high', 'ecstatic']);

    const reordered = enumType(['ecstatic', 'high', 'mid', 'low'], { name: 'mood_kind' });
    await applyInTransaction(changeValues('mood_person', 'mood', removed, reordered));
    expect(await enumValues('mood_kind')).toEqual(['ecstatic', 'high', 'mid', 'low']);
    // The new order is the type's order.
    expect(await column0<number>('SELECT id FROM mood_person ORDER BY mood')).toEqual([3, 1, 2]);
    // The other table's columns followed: its default, its array column, and the array's rows.
    await connection.query('INSERT INTO mood_log (id) VALUES (2)');
    expect(await column0<string>('SELECT mood::text FROM mood_log ORDER BY id')).toEqual(['mid', 'mid']);
    expect(await column0<string>('SELECT history::text FROM mood_log WHERE id = 1')).toEqual(['{low,high}']);
    expect(
      await column0<string>(
        "SELECT format_type(atttypid, atttypmod) FROM pg_attribute WHERE attrelid IN ('mood_person'::regclass, 'mood_log'::regclass) AND attname IN ('mood', 'history') ORDER BY attrelid, attnum",
      ),
    ).toEqual(['mood_kind', 'mood_kind', 'mood_kind[]']);
    // No old type left behind.
    expect(await column0<string>("SELECT typname::text FROM pg_type WHERE typname LIKE 'alembic_old_%'")).toEqual([]);

    // The downgrades: the same alterColumns with the values swapped back.
    await applyInTransaction(changeValues('mood_person', 'mood', reordered, removed));
    expect(await enumValues('mood_kind')).toEqual(['low', 'mid', 'high', 'ecstatic']);
    await applyInTransaction(changeValues('mood_person', 'mood', removed, added));
    expect(await enumValues('mood_kind')).toEqual(['low', 'mid', 'high', 'unused', 'ecstatic']);
    await connection.query('DELETE FROM mood_person WHERE id = 3');
    await applyInTransaction(changeValues('mood_person', 'mood', added, original));
    expect(await enumValues('mood_kind')).toEqual(['low', 'mid', 'high', 'unused']);
    expect(await column0<string>('SELECT mood::text FROM mood_person ORDER BY id')).toEqual(['high', 'low']);

    // Already there: a second change to the same values (another column of the type) does nothing.
    await applyInTransaction(changeValues('mood_log', 'mood', added, original));
    expect(await enumValues('mood_kind')).toEqual(['low', 'mid', 'high', 'unused']);
  });

  it('changes nothing when a removed value is still in a row, or when something other than a column uses the type', async () => {
    const original = enumType(['red', 'green'], { name: 'light_color' });
    const withoutRed = enumType(['green'], { name: 'light_color' });
    await applyInTransaction(
      createTableOperation({
        table: table('light', [column('id', integer(), { primaryKey: true }), column('color', original)]),
      }),
    );
    await connection.query("INSERT INTO light VALUES (1, 'red')");
    await expect(applyInTransaction(changeValues('light', 'color', original, withoutRed))).rejects.toThrow(
      /invalid input value for enum/,
    );
    expect(await enumValues('light_color')).toEqual(['red', 'green']);

    await connection.query('CREATE DOMAIN light_domain AS light_color');
    const withBlue = enumType(['red', 'green', 'blue'], { name: 'light_color' });
    await expect(applyInTransaction(changeValues('light', 'color', original, withBlue))).rejects.toThrow(
      /cannot change the values of enum type light_color: objects other than table columns use it/,
    );
    expect(await enumValues('light_color')).toEqual(['red', 'green']);
    expect(
      await column0<string>(
        "SELECT format_type(atttypid, atttypmod) FROM pg_attribute WHERE attrelid = 'light'::regclass AND attname = 'color'",
      ),
    ).toEqual(['light_color']);
  });

  it('creates a type shared by two tables once, keeps it while a table uses it, and drops it with the last', async () => {
    const shared = enumType(['on', 'off'], { name: 'switch_state' });
    const first = table('switch_a', [column('id', integer(), { primaryKey: true }), column('state', shared)]);
    const second = table('switch_b', [column('id', integer(), { primaryKey: true }), column('state', shared)]);
    // Separate compilers, as separate migrations: the second CREATE TYPE must not fail.
    await applyInTransaction(createTableOperation({ table: first }));
    await applyInTransaction(createTableOperation({ table: second }));
    expect(await typeCount('switch_state')).toBe(1);
    await applyInTransaction(dropTableOperation({ tableName: 'switch_b', existingTable: second }));
    expect(await typeCount('switch_state')).toBe(1);
    await applyInTransaction(dropTableOperation({ tableName: 'switch_a', existingTable: first }));
    expect(await typeCount('switch_state')).toBe(0);
    // Both in one migration, one compiler: the last drop still removes the type.
    await applyInTransaction(createTableOperation({ table: first }), createTableOperation({ table: second }));
    await applyInTransaction(
      dropTableOperation({ tableName: 'switch_a', existingTable: first }),
      dropTableOperation({ tableName: 'switch_b', existingTable: second }),
    );
    expect(await typeCount('switch_state')).toBe(0);
  });

  it('alters a column to an enum type (created when missing, rows converted) and back (the type dropped)', async () => {
    const kind = enumType(['cat', 'dog'], { name: 'pet_kind' });
    await applyInTransaction(
      createTableOperation({
        table: table('pet', [column('id', integer(), { primaryKey: true }), column('kind', string(10))]),
      }),
    );
    await connection.query("INSERT INTO pet VALUES (1, 'dog')");
    await applyInTransaction(
      alterColumnOperation({ tableName: 'pet', columnName: 'kind', type: kind, existingType: string(10) }),
    );
    expect(await enumValues('pet_kind')).toEqual(['cat', 'dog']);
    expect(
      await column0<string>(
        "SELECT format_type(atttypid, atttypmod) FROM pg_attribute WHERE attrelid = 'pet'::regclass AND attname = 'kind'",
      ),
    ).toEqual(['pet_kind']);
    await applyInTransaction(
      alterColumnOperation({ tableName: 'pet', columnName: 'kind', type: string(10), existingType: kind }),
    );
    expect(await typeCount('pet_kind')).toBe(0);
    expect(await column0<string>('SELECT kind FROM pet')).toEqual(['dog']);
  });
});
