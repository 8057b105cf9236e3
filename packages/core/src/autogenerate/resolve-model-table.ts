import type { DialectCapabilities } from '../dialect/dialect-capabilities.js';
import type { ColumnModel } from '../schema/column.js';
import type {
  CheckConstraintModel,
  ForeignKeyConstraintModel,
  PrimaryKeyConstraintModel,
  UniqueConstraintModel,
} from '../schema/constraints.js';
import type { ConstraintName } from '../schema/converted-name.js';
import { convertedName } from '../schema/converted-name.js';
import { deepFreeze, withoutUndefined } from '../schema/deep-freeze.js';
import type { IndexModel } from '../schema/index-model.js';
import { indexColumnNames } from '../schema/index-model.js';
import type { NamingConvention, NamingConventionKey, NamingSubject } from '../schema/naming-convention.js';
import { defaultNamingConvention, resolveConstraintName } from '../schema/naming-convention.js';
import type { TableConstraintModel, TableModel } from '../schema/table.js';

/** A model table in explicit form, as autogenerate compares and creates it. */
export interface ResolvedModelTable {
  /**
   * The table with every name final (a `convertedName`, so no naming convention applies twice)
   * and the column flags `unique`, `index` and `references` turned into explicit unique
   * constraints, indexes and foreign keys (the flags cleared). Column types keep their
   * `createConstraint` flags: `createTable` / `addColumn` create those CHECKs themselves.
   * This is what a `createTable` or `addColumn` operation carries.
   */
  readonly table: TableModel;
  /**
   * The named CHECK constraints a boolean or enum type creates on a dialect without the native
   * type (`createConstraint: true`), by column name. Compare sees them as constraints of the
   * table, so that the database's copy is not dropped.
   */
  readonly typeChecks: ReadonlyMap<string, CheckConstraintModel>;
}

/** What {@link resolveModelTable} needs besides the table. */
export interface ResolveModelTableOptions {
  /** The metadata's naming convention (the default `ix` convention fills in a missing `ix`). */
  readonly namingConvention: NamingConvention;
  /** The target dialect's capabilities (`nativeBoolean`, `nativeEnum`). */
  readonly capabilities: Pick<DialectCapabilities, 'nativeBoolean' | 'nativeEnum'>;
}

/**
 * Resolves a model table the way the DDL compiler creates it (`createTable` in
 * `default-ddl-statements.ts`), so that what compare expects is what the database gets:
 *
 * - every constraint and index name goes through the naming convention (`resolveConstraintName`)
 *   and comes out as a `convertedName`, or unnamed when nothing names it;
 * - a column `unique: true` becomes a unique constraint named by the `uq` convention, unless the
 *   column is also `index: true`: then one unique index named by `ix`;
 * - a column `index: true` becomes an index named by `ix`;
 * - a column `references` becomes a foreign key constraint named by `fk` (or unnamed);
 * - a boolean or enum type with `createConstraint: true`, on a dialect without the native type,
 *   implies a CHECK; when it is named (the type's `name` through `ck`) it is listed in
 *   {@link ResolvedModelTable.typeChecks}.
 *
 * ```ts
 * const { table } = resolveModelTable(account, { namingConvention: model.namingConvention, capabilities });
 * ```
 *
 * @throws NamingConventionError when a convention needs a name the model does not give.
 */
export function resolveModelTable(model: TableModel, options: ResolveModelTableOptions): ResolvedModelTable {
  const convention: NamingConvention = { ...defaultNamingConvention, ...options.namingConvention };
  const tableName = model.name;
  const name = (
    given: ConstraintName | undefined,
    key: NamingConventionKey,
    subject: NamingSubject,
  ): ConstraintName | undefined => {
    const resolved = resolveConstraintName(given, key, subject, convention);
    return resolved === undefined ? undefined : convertedName(resolved);
  };

  const constraints: TableConstraintModel[] = model.constraints.map((constraint) =>
    renamed(constraint, name(constraint.name, CONVENTION_KEYS[constraint.kind], subjectOf(tableName, constraint))),
  );
  const indexes: IndexModel[] = model.indexes.map((index) =>
    renamed(index, name(index.name, 'ix', { tableName, columnNames: indexColumnNames(index) })),
  );
  const typeChecks = new Map<string, CheckConstraintModel>();

  for (const column of model.columns) {
    if (column.unique && !column.index) {
      const unique: UniqueConstraintModel = { kind: 'uniqueConstraint', columns: [column.name] };
      constraints.push(renamed(unique, name(undefined, 'uq', { tableName, columnNames: [column.name] })));
    }
    if (column.references !== undefined) {
      const {
        table: referredTable,
        column: referredColumn,
        schema: referredSchema,
        name: given,
        ...foreignKeyOptions
      } = column.references;
      const foreignKey: ForeignKeyConstraintModel = withoutUndefined({
        kind: 'foreignKeyConstraint',
        columns: [column.name],
        referredTable,
        referredSchema,
        referredColumns: [referredColumn],
        ...foreignKeyOptions,
      });
      constraints.push(renamed(foreignKey, name(given, 'fk', subjectOf(tableName, foreignKey))));
    }
    if (column.index) {
      const index: IndexModel = { kind: 'index', columns: [column.name], unique: column.unique };
      indexes.push(renamed(index, name(undefined, 'ix', { tableName, columnNames: [column.name] })));
    }
    const check = typeCheckOf(tableName, column, convention, options.capabilities);
    if (check !== undefined) {
      typeChecks.set(column.name, check);
    }
  }

  const primaryKey: PrimaryKeyConstraintModel | undefined =
    model.primaryKey === undefined
      ? undefined
      : renamed(
          model.primaryKey,
          name(model.primaryKey.name, 'pk', { tableName, columnNames: model.primaryKey.columns }),
        );

  const table = deepFreeze(
    withoutUndefined<TableModel>({
      ...model,
      columns: model.columns.map(withoutFlags),
      primaryKey,
      constraints,
      indexes,
    }),
  );
  return { table, typeChecks };
}

const CONVENTION_KEYS: Readonly<Record<TableConstraintModel['kind'], NamingConventionKey>> = {
  uniqueConstraint: 'uq',
  foreignKeyConstraint: 'fk',
  checkConstraint: 'ck',
};

function subjectOf(tableName: string, constraint: TableConstraintModel): NamingSubject {
  switch (constraint.kind) {
    case 'foreignKeyConstraint':
      return {
        tableName,
        columnNames: constraint.columns,
        referredTableName: constraint.referredTable,
        referredColumnNames: constraint.referredColumns,
      };
    case 'uniqueConstraint':
      return { tableName, columnNames: constraint.columns };
    case 'checkConstraint':
      return { tableName, columnNames: [] };
  }
}

function renamed<T extends { readonly name?: ConstraintName }>(value: T, name: ConstraintName | undefined): T {
  if (name !== undefined) {
    return { ...value, name };
  }
  const { name: _previous, ...rest } = value;
  return rest as T;
}

function withoutFlags(column: ColumnModel): ColumnModel {
  if (!column.unique && !column.index && column.references === undefined) {
    return column;
  }
  const { references: _references, ...rest } = column;
  return { ...rest, unique: false, index: false };
}

/**
 * The named CHECK the DDL compiler adds for a boolean or enum column on a dialect without the
 * native type (`schemaTypeConstraint`); undefined when there is none or it is unnamed.
 */
function typeCheckOf(
  tableName: string,
  column: ColumnModel,
  convention: NamingConvention,
  capabilities: ResolveModelTableOptions['capabilities'],
): CheckConstraintModel | undefined {
  const { type } = column;
  let condition: string;
  if (type.kind === 'boolean' && type.createConstraint && !capabilities.nativeBoolean) {
    condition = `${column.name} IN (0, 1)`;
  } else if (
    type.kind === 'enum' &&
    type.createConstraint &&
    !(capabilities.nativeEnum && type.nativeEnum && type.name !== undefined)
  ) {
    condition = `${column.name} IN (${type.values.map((value) => `'${value.replaceAll("'", "''")}'`).join(', ')})`;
  } else {
    return undefined;
  }
  const template = convention.ck;
  if (type.name === undefined && (template === undefined || template.includes('%(constraint_name)s'))) {
    return undefined;
  }
  const checkName = resolveConstraintName(type.name, 'ck', { tableName, columnNames: [column.name] }, convention);
  return checkName === undefined ? undefined : { kind: 'checkConstraint', name: convertedName(checkName), condition };
}
