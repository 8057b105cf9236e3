import {
  checkConstraint,
  column,
  convertedName,
  foreignKeyConstraint,
  index,
  primaryKeyConstraint,
  sql,
  table,
  uniqueConstraint,
} from '@alembic/core';
import type {
  ColumnModel,
  DatabaseConnection,
  ForeignKeyConstraintModel,
  IndexModel,
  SchemaIntrospector,
  ServerDefault,
  TableElement,
  TableModel,
  UniqueConstraintModel,
} from '@alembic/core';
import { parseCreateIndex } from './sqlite-create-index-parser.js';
import type { ParsedCreateTable, ParsedForeignKey } from './sqlite-create-table-parser.js';
import { parseCreateTable } from './sqlite-create-table-parser.js';
import { parseSqliteType } from './sqlite-type-parser.js';

interface ColumnRow {
  readonly name: string;
  readonly type: string;
  readonly notnull: number;
  readonly dflt_value: string | null;
  readonly pk: number;
  readonly hidden: number;
}

interface IndexListRow {
  readonly name: string;
  readonly unique: number;
  readonly origin: string;
  readonly partial: number;
}

interface ForeignKeyRow {
  readonly id: number;
  readonly seq: number;
  readonly table: string;
  readonly from: string;
  readonly to: string | null;
  readonly on_update: string;
  readonly on_delete: string;
  readonly match: string;
}

const STRING_LITERAL = /^'((?:[^']|'')*)'$/s;

function sameNames(left: readonly string[], right: readonly string[]): boolean {
  return left.length === right.length && left.every((name, position) => name.toLowerCase() === right[position]?.toLowerCase());
}

/** A `dflt_value`: a string literal becomes its value, anything else SQL (`CURRENT_TIMESTAMP`, `5`). */
function serverDefaultOf(defaultValue: string | null): ServerDefault | undefined {
  if (defaultValue === null) {
    return undefined;
  }
  const literal = STRING_LITERAL.exec(defaultValue);
  return literal === null ? sql(defaultValue) : (literal[1] as string).replaceAll("''", "'");
}

/** An `ON DELETE` / `ON UPDATE` action, left out when it is SQLite's default. */
function referentialAction(action: string): string | undefined {
  const upper = action.toUpperCase();
  return upper === 'NO ACTION' || upper === '' ? undefined : upper;
}

/**
 * Reads live SQLite tables into core's neutral model, for batch rebuilds (which must recreate a
 * table exactly) and autogenerate. Columns, types, nullability, defaults and keys come from
 * `PRAGMA table_xinfo`, unique constraints and indexes from `index_list` / `index_info`, foreign
 * keys from `foreign_key_list`; the `CREATE TABLE` text in `sqlite_master` adds only what the
 * pragmas lack: constraint names, CHECK constraints, `AUTOINCREMENT`, collations and foreign
 * key deferrability. Names read from the database are marked `convertedName()`, so a naming
 * convention does not rename them again.
 *
 * Generated columns (`GENERATED ALWAYS AS`) are left out: the neutral model has no place for them.
 * `schema` names an attached database (`main` by default).
 *
 * ```ts
 * const introspector = new SqliteIntrospector(connection);
 * const account = await introspector.getTable('account');
 * ```
 */
export class SqliteIntrospector implements SchemaIntrospector {
  readonly #connection: DatabaseConnection;

  constructor(connection: DatabaseConnection) {
    this.#connection = connection;
  }

  async getTableNames(options: { readonly schema?: string } = {}): Promise<readonly string[]> {
    const { rows } = await this.#connection.query<{ name: string }>(
      `SELECT name FROM ${this.#master(options.schema)} WHERE type = 'table' AND name NOT LIKE 'sqlite\\_%' ESCAPE '\\' ORDER BY name`,
    );
    return rows.map((row) => row.name);
  }

  async getTable(tableName: string, options: { readonly schema?: string } = {}): Promise<TableModel | undefined> {
    const schema = options.schema ?? 'main';
    const { rows } = await this.#connection.query<{ name: string; sql: string | null }>(
      `SELECT name, sql FROM ${this.#master(options.schema)} WHERE type = 'table' AND name = ? COLLATE NOCASE ORDER BY name = ? DESC LIMIT 1`,
      [tableName, tableName],
    );
    const found = rows[0];
    if (found === undefined) {
      return undefined;
    }
    const name = found.name;
    const parsed = parseCreateTable(found.sql ?? '');
    const columnRows = (await this.#connection.query<ColumnRow>('SELECT * FROM pragma_table_xinfo(?, ?) ORDER BY cid', [name, schema])).rows.filter(
      (row) => row.hidden === 0,
    );
    const keyColumns = columnRows.filter((row) => row.pk > 0).sort((left, right) => left.pk - right.pk).map((row) => row.name);
    const explicitKey =
      keyColumns.length > 0 &&
      (parsed.primaryKeyName !== undefined || !sameNames(keyColumns, columnRows.filter((row) => row.pk > 0).map((row) => row.name)));
    const elements: TableElement[] = columnRows.map((row) => this.#column(row, parsed, explicitKey));
    if (explicitKey) {
      elements.push(primaryKeyConstraint(keyColumns, parsed.primaryKeyName === undefined ? {} : { name: convertedName(parsed.primaryKeyName) }));
    }
    const indexRows = (await this.#connection.query<IndexListRow>('SELECT * FROM pragma_index_list(?, ?) ORDER BY seq DESC', [name, schema])).rows;
    elements.push(...(await this.#uniqueConstraints(indexRows, parsed, schema)));
    elements.push(...parsed.checks.map((check) => checkConstraint(check.condition, check.name === undefined ? {} : { name: convertedName(check.name) })));
    elements.push(...(await this.#foreignKeys(name, parsed, schema)));
    elements.push(...(await this.#indexes(indexRows, schema, options.schema)));
    return table(name, elements, schema === 'main' ? {} : { schema });
  }

  /** `sqlite_master` of the main or an attached database. */
  #master(schema: string | undefined): string {
    return schema === undefined ? 'sqlite_master' : `"${schema.replaceAll('"', '""')}".sqlite_master`;
  }

  #column(row: ColumnRow, parsed: ParsedCreateTable, explicitKey: boolean): ColumnModel {
    const collation = [...parsed.collations].find(([columnName]) => columnName.toLowerCase() === row.name.toLowerCase())?.[1];
    const serverDefault = serverDefaultOf(row.dflt_value);
    const autoincrement = parsed.autoincrementColumns.some((columnName) => columnName.toLowerCase() === row.name.toLowerCase());
    return column(row.name, parseSqliteType(row.type, collation === undefined ? {} : { collation }), {
      nullable: row.notnull === 0,
      primaryKey: !explicitKey && row.pk > 0,
      autoincrement: autoincrement ? true : 'auto',
      ...(serverDefault === undefined ? {} : { serverDefault }),
    });
  }

  async #indexColumns(indexName: string, schema: string): Promise<string[]> {
    const { rows } = await this.#connection.query<{ name: string | null }>('SELECT name FROM pragma_index_info(?, ?) ORDER BY seqno', [indexName, schema]);
    return rows.map((row) => row.name ?? '');
  }

  async #uniqueConstraints(indexRows: readonly IndexListRow[], parsed: ParsedCreateTable, schema: string): Promise<UniqueConstraintModel[]> {
    const constraints: UniqueConstraintModel[] = [];
    for (const row of indexRows.filter((candidate) => candidate.origin === 'u')) {
      const columns = await this.#indexColumns(row.name, schema);
      const named = parsed.uniques.find((unique) => sameNames(unique.columns, columns));
      constraints.push(uniqueConstraint(columns, named === undefined ? {} : { name: convertedName(named.name) }));
    }
    return constraints;
  }

  async #foreignKeys(tableName: string, parsed: ParsedCreateTable, schema: string): Promise<ForeignKeyConstraintModel[]> {
    const { rows } = await this.#connection.query<ForeignKeyRow>('SELECT * FROM pragma_foreign_key_list(?, ?) ORDER BY id DESC, seq', [tableName, schema]);
    const groups = new Map<number, ForeignKeyRow[]>();
    for (const row of rows) {
      groups.set(row.id, [...(groups.get(row.id) ?? []), row]);
    }
    const byPosition = groups.size === parsed.foreignKeys.length;
    const constraints: ForeignKeyConstraintModel[] = [];
    for (const [position, group] of [...groups.values()].entries()) {
      const first = group[0] as ForeignKeyRow;
      const columns = group.map((row) => row.from);
      let referredColumns = group.map((row) => row.to ?? '');
      if (referredColumns.some((name) => name === '')) {
        // `REFERENCES parent` without columns means the parent's primary key.
        referredColumns = await this.#primaryKeyOf(first.table, schema, columns);
      }
      const written: ParsedForeignKey | undefined = byPosition
        ? parsed.foreignKeys[position]
        : parsed.foreignKeys.find((candidate) => sameNames(candidate.columns, columns) && candidate.referredTable.toLowerCase() === first.table.toLowerCase());
      const onDelete = referentialAction(first.on_delete);
      const onUpdate = referentialAction(first.on_update);
      constraints.push(
        foreignKeyConstraint(columns, first.table, referredColumns, {
          ...(written?.name === undefined ? {} : { name: convertedName(written.name) }),
          ...(onDelete === undefined ? {} : { onDelete }),
          ...(onUpdate === undefined ? {} : { onUpdate }),
          ...(first.match.toUpperCase() === 'NONE' ? {} : { match: first.match }),
          ...(written?.deferrable === undefined ? {} : { deferrable: written.deferrable }),
          ...(written?.initially === undefined ? {} : { initially: written.initially }),
        }),
      );
    }
    return constraints;
  }

  /** The primary key columns of `tableName`; the local columns when it cannot be found (a dangling reference). */
  async #primaryKeyOf(tableName: string, schema: string, fallback: readonly string[]): Promise<string[]> {
    const { rows } = await this.#connection.query<ColumnRow>('SELECT * FROM pragma_table_info(?, ?) WHERE pk > 0 ORDER BY pk', [tableName, schema]);
    return rows.length === fallback.length ? rows.map((row) => row.name) : [...fallback];
  }

  async #indexes(indexRows: readonly IndexListRow[], schema: string, requestedSchema: string | undefined): Promise<IndexModel[]> {
    const models: IndexModel[] = [];
    for (const row of indexRows.filter((candidate) => candidate.origin === 'c')) {
      const { rows } = await this.#connection.query<{ sql: string | null }>(
        `SELECT sql FROM ${this.#master(requestedSchema)} WHERE type = 'index' AND name = ?`,
        [row.name],
      );
      const parsed = parseCreateIndex(rows[0]?.sql ?? '');
      const elements = parsed?.elements ?? (await this.#indexColumns(row.name, schema));
      models.push(
        index(convertedName(row.name), elements, {
          unique: row.unique === 1,
          ...(parsed?.where === undefined ? {} : { where: parsed.where }),
        }),
      );
    }
    return models;
  }
}
