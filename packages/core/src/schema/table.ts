import { InvalidSchemaError } from '../errors/invalid-schema-error.js';
import type { ColumnModel } from './column.js';
import { isColumnModel } from './column.js';
import type {
  CheckConstraintModel,
  ConstraintModel,
  ForeignKeyConstraintModel,
  PrimaryKeyConstraintModel,
  UniqueConstraintModel,
} from './constraints.js';
import { constraintColumns, isConstraintModel } from './constraints.js';
import { deepFreeze, withoutUndefined } from './deep-freeze.js';
import type { IndexModel } from './index-model.js';
import { indexColumnNames, isIndexModel } from './index-model.js';
import { kindOf } from './kind-of.js';

/** A constraint other than the primary key, as kept in {@link TableModel.constraints}. */
export type TableConstraintModel = UniqueConstraintModel | ForeignKeyConstraintModel | CheckConstraintModel;

/** A table of the neutral schema model. Build one with {@link table}. */
export interface TableModel {
  readonly kind: 'table';
  readonly name: string;
  readonly schema?: string;
  readonly columns: readonly ColumnModel[];
  /**
   * The primary key: the explicit `primaryKeyConstraint` if one was given, else the columns
   * declared `primaryKey: true` in column order; unset when the table has none.
   */
  readonly primaryKey?: PrimaryKeyConstraintModel;
  /** Unique, foreign key and check constraints given explicitly, in the order given. */
  readonly constraints: readonly TableConstraintModel[];
  /** Indexes given explicitly (column `index: true` flags stay on the columns). */
  readonly indexes: readonly IndexModel[];
  readonly comment?: string;
}

/** What {@link table} accepts after the name: columns, constraints and indexes in any order. */
export type TableElement = ColumnModel | ConstraintModel | IndexModel;

/** Options of {@link table}. */
export interface TableOptions {
  /** The table's schema; unset: the connection's default schema. */
  readonly schema?: string;
  /** The table's comment. */
  readonly comment?: string;
}

/**
 * Builds a table. Columns named by an explicit primary key constraint become primary key
 * columns and NOT NULL.
 *
 * ```ts
 * const account = table('account', [
 *   column('id', integer(), { primaryKey: true }),
 *   column('email', string(100), { nullable: false }),
 *   uniqueConstraint(['email'], { name: 'uq_account_email' }),
 *   index('ix_account_email', ['email']),
 * ]);
 * ```
 */
export function table(name: string, elements: readonly TableElement[], options: TableOptions = {}): TableModel {
  if (typeof name !== 'string' || name.length === 0) {
    throw new InvalidSchemaError('A table needs a non-empty name');
  }
  const columns: ColumnModel[] = [];
  const constraints: TableConstraintModel[] = [];
  const indexes: IndexModel[] = [];
  let explicitPrimaryKey: PrimaryKeyConstraintModel | undefined;
  for (const element of elements) {
    if (isColumnModel(element)) {
      columns.push(element);
    } else if (isIndexModel(element)) {
      indexes.push(element);
    } else if (isConstraintModel(element)) {
      if (element.kind === 'primaryKeyConstraint') {
        if (explicitPrimaryKey !== undefined) {
          throw new InvalidSchemaError(`Table '${name}' has more than one primary key constraint`);
        }
        explicitPrimaryKey = element;
      } else {
        constraints.push(element);
      }
    } else {
      throw new InvalidSchemaError(`Table '${name}': expected a column, constraint or index, got ${describe(element)}`);
    }
  }
  return buildTable({
    name,
    schema: options.schema,
    comment: options.comment,
    columns,
    explicitPrimaryKey,
    constraints,
    indexes,
  });
}

/**
 * Builds a table model from parts, checking that every constraint and index names existing
 * columns. Used by {@link table} and by batch planning, which edits a table's parts.
 *
 * @internal
 */
export function buildTable(parts: {
  name: string;
  schema?: string;
  comment?: string;
  columns: readonly ColumnModel[];
  explicitPrimaryKey?: PrimaryKeyConstraintModel;
  constraints: readonly TableConstraintModel[];
  indexes: readonly IndexModel[];
}): TableModel {
  const { name } = parts;
  const seen = new Set<string>();
  for (const { name: columnName } of parts.columns) {
    if (seen.has(columnName)) {
      throw new InvalidSchemaError(`Table '${name}' has two columns named '${columnName}'`);
    }
    seen.add(columnName);
  }
  const requireKnown = (what: string, columnNames: readonly string[]): void => {
    for (const columnName of columnNames) {
      if (!seen.has(columnName)) {
        throw new InvalidSchemaError(`Table '${name}': ${what} refers to unknown column '${columnName}'`);
      }
    }
  };
  const primaryKeyNames = new Set(parts.explicitPrimaryKey?.columns ?? []);
  requireKnown('the primary key', [...primaryKeyNames]);
  if (parts.explicitPrimaryKey) {
    const outside = parts.columns.filter((model) => model.primaryKey && !primaryKeyNames.has(model.name));
    if (outside.length > 0) {
      throw new InvalidSchemaError(
        `Table '${name}': column '${outside[0]?.name}' is declared primaryKey but is not in the primary key constraint`,
      );
    }
  }
  parts.constraints.forEach((constraint) => requireKnown(`a ${constraint.kind}`, constraintColumns(constraint)));
  parts.indexes.forEach((model) => requireKnown('an index', indexColumnNames(model)));

  const columns = parts.explicitPrimaryKey
    ? parts.columns.map((model) =>
        primaryKeyNames.has(model.name) && (!model.primaryKey || model.nullable)
          ? { ...model, primaryKey: true, nullable: false }
          : model,
      )
    : parts.columns;
  const flaggedKeyColumns = columns.filter((model) => model.primaryKey).map((model) => model.name);
  const primaryKey: PrimaryKeyConstraintModel | undefined =
    parts.explicitPrimaryKey ??
    (flaggedKeyColumns.length > 0 ? { kind: 'primaryKeyConstraint', columns: flaggedKeyColumns } : undefined);

  return deepFreeze(
    withoutUndefined<TableModel>({
      kind: 'table',
      name,
      schema: parts.schema,
      columns,
      primaryKey,
      constraints: [...parts.constraints],
      indexes: [...parts.indexes],
      comment: parts.comment,
    }),
  );
}

function describe(value: unknown): string {
  if (typeof value === 'object' && value !== null && 'kind' in value) {
    return `an object of kind '${String((value as { kind: unknown }).kind)}'`;
  }
  return typeof value;
}

/** True when `value` is a {@link TableModel}. */
export function isTableModel(value: unknown): value is TableModel {
  return kindOf(value) === 'table';
}

/** The column named `columnName`, or undefined. */
export function findColumn(model: TableModel, columnName: string): ColumnModel | undefined {
  return model.columns.find((candidate) => candidate.name === columnName);
}
