import { BaseSchemaIntrospector } from '@alembic/core/dialect';
import * as core from '@alembic/core/dialect';
import type {
  ColumnModel,
  ColumnType,
  GetTablesOptions,
  IdentityOptions,
  IndexElement,
  IndexModel,
  TableElement,
  TableModel,
} from '@alembic/core/dialect';
import { isSequenceDefault, parsePostgresDefault } from './postgres-default-expression.js';
import type { ColumnRow, ConstraintRow, IndexRow, TableRow } from './postgres-introspection-queries.js';
import { INTROSPECTION_QUERIES } from './postgres-introspection-queries.js';
import { parsePostgresType } from './postgres-type-parser.js';

/** `pg_constraint.confupdtype` / `confdeltype` codes; `a` (NO ACTION, the default) is left out. */
const REFERENTIAL_ACTIONS: Readonly<Record<string, string>> = {
  r: 'RESTRICT',
  c: 'CASCADE',
  n: 'SET NULL',
  d: 'SET DEFAULT',
};

/** `pg_constraint.confmatchtype`; `s` (SIMPLE, the default) is left out. */
const MATCH_TYPES: Readonly<Record<string, string>> = { f: 'FULL', p: 'PARTIAL' };

const CHECK_DEFINITION = /^CHECK \((.*)\)(?: NOT VALID)?$/s;

function identityOf(row: ColumnRow): IdentityOptions | undefined {
  if (row.identity_kind !== 'a' && row.identity_kind !== 'd') {
    return undefined;
  }
  const start = Number(row.sequence_start ?? 1);
  const increment = Number(row.sequence_increment ?? 1);
  return {
    always: row.identity_kind === 'a',
    ...(start === 1 ? {} : { start }),
    ...(increment === 1 ? {} : { increment }),
  };
}

/**
 * The column's type, one object per distinct description within a read (types are immutable):
 * parsing is done once per type, and the normalizer, which remembers types by object, once too.
 */
function typeOf(row: ColumnRow, types: Map<string, ColumnType>): ColumnType {
  const key = `${row.formatted_type}\u0000${row.type_type}\u0000${row.type_name}\u0000${row.collation ?? ''}\u0000${row.enum_values?.join('\u0000') ?? ''}`;
  let type = types.get(key);
  if (type === undefined) {
    type = parsePostgresType({
      formattedType: row.formatted_type,
      typeType: row.type_type,
      enumValues: row.enum_values,
      typeName: row.type_name,
      collation: row.collation,
    });
    types.set(key, type);
  }
  return type;
}

function columnOf(row: ColumnRow, primaryKeyColumns: ReadonlySet<string>, types: Map<string, ColumnType>): ColumnModel {
  const type = typeOf(row, types);
  const identity = identityOf(row);
  const serial =
    identity === undefined &&
    row.owns_sequence &&
    row.default_expression !== null &&
    isSequenceDefault(row.default_expression) &&
    (type.kind === 'integer' || type.kind === 'bigInteger' || type.kind === 'smallInteger');
  const serverDefault =
    serial || identity !== undefined || row.default_expression === null || row.generated_kind === 's'
      ? undefined
      : parsePostgresDefault(row.default_expression);
  return core.column(row.name, type, {
    nullable: !row.not_null,
    primaryKey: primaryKeyColumns.has(row.name),
    autoincrement: serial,
    ...(identity === undefined ? {} : { identity }),
    ...(serverDefault === undefined ? {} : { serverDefault }),
    ...(row.comment === null ? {} : { comment: row.comment }),
  });
}

/** The four parts of `INTROSPECTION_QUERIES.tables`. */
interface CatalogRows {
  readonly tables: readonly TableRow[];
  readonly columns: readonly ColumnRow[];
  readonly constraints: readonly ConstraintRow[];
  readonly indexes: readonly IndexRow[];
}

/** A JSON array of rows, as pg parses `json` (or as text, when the application changed its type parser). */
function jsonRows<Row>(value: unknown): readonly Row[] {
  const parsed = typeof value === 'string' ? (JSON.parse(value) as unknown) : value;
  return Array.isArray(parsed) ? (parsed as Row[]) : [];
}

/** Rows of a bulk query, by the oid of their table, in query order. */
function groupByTable<Row extends { readonly table_oid: string }>(rows: readonly Row[]): Map<string, Row[]> {
  return core.groupRows(rows, (row) => row.table_oid);
}

function indexOf(row: IndexRow): IndexModel {
  const keyColumns: IndexElement[] = row.elements
    .slice(0, row.key_count)
    .map((element, position) => row.plain_columns[position] ?? core.sql(element));
  const include = row.plain_columns.slice(row.key_count).filter((name): name is string => name !== null);
  const postgresql: Record<string, unknown> = {
    ...(include.length === 0 ? {} : { include }),
    ...(row.method === 'btree' ? {} : { using: row.method }),
    ...(row.nulls_not_distinct === true ? { nullsNotDistinct: true } : {}),
  };
  return core.index(core.convertedName(row.name), keyColumns, {
    unique: row.is_unique,
    ...(row.predicate === null ? {} : { where: row.predicate }),
    ...(Object.keys(postgresql).length === 0 ? {} : { dialectOptions: { postgresql } }),
  });
}

/**
 * Reads PostgreSQL's catalog (`pg_catalog`) into core's schema model, for batch rebuilds, the
 * version table check and autogenerate:
 *
 * - columns with their types mapped back to core's (see `parsePostgresType`), nullability,
 *   defaults (quoted literals as values, the rest as `sql()`), comments, identity columns
 *   (`identity` with their non-default start and increment) and `SERIAL` columns
 *   (`autoincrement: true`, the `nextval(...)` default left out);
 * - the primary key, unique, foreign key (actions, `MATCH`, deferrability, `NOT VALID`) and
 *   check constraints, named as in the database (`convertedName`);
 * - indexes that back no constraint, with expressions as `sql()`, `WHERE`, `INCLUDE`, the
 *   method and `NULLS NOT DISTINCT`.
 *
 * `getTables` reads a whole schema (or the tables named) with one query: the tables, their
 * columns, constraints and indexes together.
 *
 * Exclude constraints and generated (computed) columns have no place in core's model and are
 * left out (a generated column is read as a plain column).
 *
 * ```ts
 * const introspector = new PostgresIntrospector(connection);
 * const account = await introspector.getTable('account', { schema: 'billing' });
 * const billing = await introspector.getTables({ schema: 'billing' }); // 1 query
 * ```
 */
export class PostgresIntrospector extends BaseSchemaIntrospector {
  async getTableNames(options: { readonly schema?: string } = {}): Promise<readonly string[]> {
    return this.names(INTROSPECTION_QUERIES.tableNames, [options.schema ?? null]);
  }

  /**
   * The tables of one schema in one query whatever their number: the tables with the columns,
   * the constraints and the indexes of all of them (enum labels come with the columns).
   */
  async getTables(options: GetTablesOptions = {}): Promise<readonly TableModel[]> {
    const tableNames = options.tableNames === undefined ? null : [...options.tableNames];
    if (tableNames !== null && tableNames.length === 0) {
      return [];
    }
    const rows = await this.rows<Record<keyof CatalogRows, unknown>>(INTROSPECTION_QUERIES.tables, [
      options.schema ?? null,
      tableNames,
    ]);
    const tables = jsonRows<TableRow>(rows[0]?.tables);
    const columns = groupByTable(jsonRows<ColumnRow>(rows[0]?.columns));
    const constraints = groupByTable(jsonRows<ConstraintRow>(rows[0]?.constraints));
    const indexes = groupByTable(jsonRows<IndexRow>(rows[0]?.indexes));
    const types = new Map<string, ColumnType>();
    return tables.map((found) =>
      this.#tableOf(
        found,
        options.schema,
        columns.get(found.oid) ?? [],
        constraints.get(found.oid) ?? [],
        indexes.get(found.oid) ?? [],
        types,
      ),
    );
  }

  /** One `pg_class` lookup (tables and partitioned tables, as `getTables` finds them). */
  async hasTable(tableName: string, options: { readonly schema?: string } = {}): Promise<boolean> {
    return (await this.names(INTROSPECTION_QUERIES.tableExists, [options.schema ?? null, tableName])).length > 0;
  }

  async getSchemaNames(): Promise<readonly string[]> {
    return this.names(INTROSPECTION_QUERIES.schemaNames);
  }

  async getDefaultSchemaName(): Promise<string | undefined> {
    return (await this.names(INTROSPECTION_QUERIES.defaultSchemaName))[0];
  }

  #tableOf(
    found: TableRow,
    schema: string | undefined,
    columnRows: readonly ColumnRow[],
    constraintRows: readonly ConstraintRow[],
    indexRows: readonly IndexRow[],
    types: Map<string, ColumnType>,
  ): TableModel {
    const primaryKey = constraintRows.find((row) => row.type === 'p');
    const primaryKeyColumns = new Set(primaryKey?.columns ?? []);
    const elements: TableElement[] = columnRows.map((row) => columnOf(row, primaryKeyColumns, types));
    if (primaryKey !== undefined) {
      elements.push(core.primaryKeyConstraint(primaryKey.columns, { name: core.convertedName(primaryKey.name) }));
    }
    for (const row of constraintRows) {
      const constraint = this.#constraintOf(row, found.default_schema);
      if (constraint !== undefined) {
        elements.push(constraint);
      }
    }
    elements.push(...indexRows.map(indexOf));
    return core.table(found.name, elements, {
      ...(schema === undefined ? {} : { schema }),
      ...(found.comment === null ? {} : { comment: found.comment }),
    });
  }

  #constraintOf(row: ConstraintRow, defaultSchema: string | null): TableElement | undefined {
    const name = core.convertedName(row.name);
    const deferrability = {
      ...(row.deferrable ? { deferrable: true } : {}),
      ...(row.deferred ? { initially: 'DEFERRED' } : {}),
    };
    switch (row.type) {
      case 'u':
        return core.uniqueConstraint(row.columns, { name, ...deferrability });
      case 'c': {
        const definition = row.definition ?? '';
        const condition = CHECK_DEFINITION.exec(definition)?.[1] ?? definition;
        return core.checkConstraint(condition, { name });
      }
      case 'f': {
        const onDelete = REFERENTIAL_ACTIONS[row.on_delete];
        const onUpdate = REFERENTIAL_ACTIONS[row.on_update];
        const match = MATCH_TYPES[row.match_type];
        const referredSchema =
          row.referred_schema !== null && row.referred_schema !== defaultSchema ? row.referred_schema : undefined;
        return core.foreignKeyConstraint(row.columns, row.referred_table ?? '', row.referred_columns, {
          name,
          ...(onDelete === undefined ? {} : { onDelete }),
          ...(onUpdate === undefined ? {} : { onUpdate }),
          ...(match === undefined ? {} : { match }),
          ...deferrability,
          ...(referredSchema === undefined ? {} : { referredSchema }),
          ...(row.validated ? {} : { dialectOptions: { postgresql: { notValid: true } } }),
        });
      }
      default:
        return undefined;
    }
  }
}
