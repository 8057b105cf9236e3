import * as core from '@alembic/core/dialect';
import type {
  ColumnModel,
  ForeignKeyColumnRow,
  IndexElement,
  ReflectedTableRows,
  TableElement,
  TableModel,
} from '@alembic/core/dialect';
import { parseMysqlDefault } from './mysql-default-parser.js';
import type { MysqlFlavour } from './mysql-flavour.js';
import { parseMysqlColumnType } from './mysql-type-parser.js';

/** One row of the `columns` query. */
export interface MysqlColumnRow {
  readonly column_name: string;
  readonly column_type: string;
  readonly is_nullable: string;
  readonly column_default: string | null;
  readonly extra: string | null;
  readonly column_comment: string | null;
  readonly collation_name: string | null;
}

/** One row of the index query: one part of one index. */
export interface MysqlIndexRow {
  readonly index_name: string;
  readonly non_unique: number | string;
  readonly column_name: string | null;
  readonly sub_part: number | string | null;
  readonly index_type: string | null;
  readonly expression: string | null;
}

/** One row of the foreign key query: one column of one foreign key. */
export interface MysqlForeignKeyRow {
  readonly constraint_name: string;
  readonly column_name: string;
  readonly referenced_schema: string | null;
  readonly referenced_table: string;
  readonly referenced_column: string;
  readonly update_rule: string | null;
  readonly delete_rule: string | null;
}

/** One row of the check query. */
export interface MysqlCheckRow {
  readonly constraint_name: string;
  readonly check_clause: string;
  /** MariaDB: `'Column'` for a check declared on a column, else `'Table'`. */
  readonly level: string | null;
}

/** Everything the introspector read about one table. */
export interface MysqlTableRows
  extends ReflectedTableRows<MysqlColumnRow, MysqlIndexRow, MysqlForeignKeyRow, MysqlCheckRow> {
  readonly flavour: MysqlFlavour;
  /** The database the table is in, to tell foreign keys to other databases apart. */
  readonly actualSchema: string;
  readonly collation: string | null;
}

/** The rules every InnoDB foreign key has unless told otherwise. */
const DEFAULT_RULES: ReadonlySet<string> = new Set(['RESTRICT', 'NO ACTION']);

/** A foreign key's rule as the model has it: none for InnoDB's defaults. */
function referentialAction(rule: string | null): string | undefined {
  return rule === null || DEFAULT_RULES.has(rule) ? undefined : rule;
}

/** A foreign key column in the model's terms: the referred database unless it is `actualSchema`. */
function foreignKeyColumn(row: MysqlForeignKeyRow, actualSchema: string): ForeignKeyColumnRow {
  return {
    constraintName: row.constraint_name,
    column: row.column_name,
    referredSchema:
      row.referenced_schema === null || row.referenced_schema === actualSchema ? undefined : row.referenced_schema,
    referredTable: row.referenced_table,
    referredColumn: row.referenced_column,
    onDelete: referentialAction(row.delete_rule),
    onUpdate: referentialAction(row.update_rule),
  };
}

/** MariaDB keeps a JSON column as `LONGTEXT` with `CHECK (json_valid(column))` named after it. */
function isJsonValidCheck(check: MysqlCheckRow, columnName: string): boolean {
  const quoted = `\`${columnName.replaceAll('`', '``')}\``;
  return (
    check.level === 'Column' &&
    check.constraint_name === columnName &&
    check.check_clause.trim() === `json_valid(${quoted})`
  );
}

/** What is known about a table while its columns are reflected. */
interface ColumnContext {
  readonly flavour: MysqlFlavour;
  readonly tableCollation: string | null;
  readonly jsonColumns: ReadonlySet<string>;
  readonly primaryKeyColumns: ReadonlySet<string>;
}

function reflectColumn(source: MysqlColumnRow, context: ColumnContext): ColumnModel {
  const serverDefault = parseMysqlDefault(source.column_default, {
    flavour: context.flavour,
    extra: source.extra,
    nullable: source.is_nullable === 'YES',
  });
  const type = context.jsonColumns.has(source.column_name)
    ? core.json()
    : parseMysqlColumnType(source.column_type, {
        collation: source.collation_name,
        tableCollation: context.tableCollation,
      });
  return core.column(source.column_name, type, {
    nullable: source.is_nullable === 'YES',
    primaryKey: context.primaryKeyColumns.has(source.column_name),
    autoincrement: /auto_increment/i.test(source.extra ?? ''),
    ...(serverDefault === undefined ? {} : { serverDefault }),
    ...(source.column_comment === null || source.column_comment === '' ? {} : { comment: source.column_comment }),
  });
}

function indexElement(row: MysqlIndexRow): IndexElement {
  return row.column_name === null ? core.sql(`(${row.expression ?? ''})`) : row.column_name;
}

/**
 * Builds the neutral model of a reflected table from the rows of the `information_schema`
 * queries: columns (type, nullability, default, `AUTO_INCREMENT`, comment), the primary key,
 * unique keys as unique constraints (MySQL cannot tell a unique constraint from a unique
 * index), foreign keys with their non-default actions, CHECK constraints, and the other
 * indexes. Constraint and index names are `convertedName()`s (a naming convention must not
 * rename what the database already holds). The index MySQL creates for a foreign key is kept
 * (it is there, and dropping the key leaves it behind; autogenerate's normalizer leaves it out
 * of comparisons). Left out: MariaDB's `json_valid` CHECK of a JSON column (the column is
 * `json()` instead).
 */
export function buildReflectedTable(rows: MysqlTableRows): TableModel {
  const indexGroups = core.groupRows(rows.indexes, (row) => row.index_name);
  const primaryKeyColumns = (indexGroups.get('PRIMARY') ?? []).map((row) => row.column_name ?? '');
  const jsonColumns = new Set(
    rows.columns
      .filter(
        (row) =>
          /^longtext$/i.test(row.column_type) && rows.checks.some((check) => isJsonValidCheck(check, row.column_name)),
      )
      .map((row) => row.column_name),
  );
  const context: ColumnContext = {
    flavour: rows.flavour,
    tableCollation: rows.collation,
    jsonColumns,
    primaryKeyColumns: new Set(primaryKeyColumns),
  };
  const elements: TableElement[] = rows.columns.map((source) => reflectColumn(source, context));
  if (primaryKeyColumns.length > 0) {
    elements.push(core.primaryKeyConstraint(primaryKeyColumns));
  }
  const foreignKeys = core.reflectedForeignKeys(
    rows.foreignKeys.map((row) => foreignKeyColumn(row, rows.actualSchema)),
  );
  for (const [name, parts] of indexGroups) {
    if (name === 'PRIMARY') {
      continue;
    }
    const unique = Number(parts[0]?.non_unique) === 0;
    const plainColumns = parts.every((part) => part.column_name !== null && part.sub_part === null);
    const columnNames = parts.map((part) => part.column_name);
    const indexType = (parts[0]?.index_type ?? '').toUpperCase();
    if (unique && plainColumns && indexType !== 'FULLTEXT' && indexType !== 'SPATIAL') {
      elements.push(core.uniqueConstraint(columnNames as string[], { name: core.convertedName(name) }));
      continue;
    }
    const lengths = Object.fromEntries(
      parts
        .filter((part) => part.sub_part !== null && part.column_name !== null)
        .map((part) => [part.column_name, Number(part.sub_part)]),
    );
    const mysqlOptions = {
      ...(indexType === 'FULLTEXT' || indexType === 'SPATIAL' ? { prefix: indexType } : {}),
      ...(Object.keys(lengths).length > 0 ? { length: lengths } : {}),
    };
    elements.push(
      core.index(core.convertedName(name), parts.map(indexElement), {
        unique,
        ...(Object.keys(mysqlOptions).length > 0 ? { dialectOptions: { mysql: mysqlOptions } } : {}),
      }),
    );
  }
  elements.push(...foreignKeys);
  for (const check of rows.checks) {
    if (!jsonColumns.has(check.constraint_name) || !isJsonValidCheck(check, check.constraint_name)) {
      // MySQL 8 wraps the clause once (`(`a` > 1)`); MariaDB does not.
      elements.push(core.reflectedCheckConstraint(check.check_clause, check.constraint_name));
    }
  }
  return core.table(rows.tableName, elements, { schema: rows.schema, comment: rows.comment || undefined });
}
