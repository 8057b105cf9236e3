import { DefaultSchemaNormalizer, constraintNameText } from '@alembic/core/dialect';
import type {
  ColumnModel,
  ColumnType,
  ForeignKeyOption,
  IndexModel,
  SchemaSide,
  TableConstraintModel,
  TableModel,
  UniqueConstraintModel,
} from '@alembic/core/dialect';
import { SqliteDdlCompiler } from './sqlite-ddl-compiler.js';
import { canonicalSqliteDefault } from './sqlite-default-text.js';
import { parseSqliteType } from './sqlite-type-parser.js';

/** The SQLite compiler, with what it decides about AUTOINCREMENT made reachable for the normalizer. */
class SqliteCompilerView extends SqliteDdlCompiler {
  /** True when the compiler writes `INTEGER PRIMARY KEY AUTOINCREMENT` for `column`. */
  writesAutoincrement(table: TableModel, column: ColumnModel): boolean {
    return this.autoincrementKeyColumn(table)?.name === column.name;
  }
}

/** The name of the index SQLite creates behind an unnamed UNIQUE or PRIMARY KEY constraint. */
const AUTOMATIC_INDEX = /^sqlite_autoindex_/i;

/** Foreign key options SQLite ignores. */
const UNSUPPORTED_FOREIGN_KEY_OPTIONS: readonly ForeignKeyOption[] = ['match', 'dialectOptions'];

/**
 * SQLite's autogenerate normalizer: puts model tables and reflected tables into one form, so
 * that a schema created from the model compares equal to the model.
 *
 * - Types are compared by declared type: every type (model or reflected) is rendered as
 *   `SqliteDdlCompiler` writes it and read back with `parseSqliteType`, as the introspector reads
 *   a column. So `enumType(['a', 'bb'])` = `string(2)`, `uuid()` = `CHAR(32)`,
 *   `dateTime({ timezone: true })` = `dateTime()`, `float(53)` = `float()`; a collation is kept.
 * - Server defaults: outer parentheses removed, `CURRENT_TIMESTAMP` (any case), `TRUE` = `1`,
 *   `FALSE` = `0`, `NULL` = no default (`canonicalSqliteDefault`); string values are quoted
 *   literals.
 * - Columns: primary key columns are NOT NULL (SQLite reports an `INTEGER PRIMARY KEY` written
 *   without `NOT NULL` as nullable); `autoincrement` is true only where `AUTOINCREMENT` is
 *   written (a single `INTEGER` primary key declared `autoincrement: true`), `'auto'` otherwise;
 *   comments and identity options are left out (SQLite has neither).
 * - An index named `sqlite_autoindex_*` is an unnamed UNIQUE constraint; unique constraints lose
 *   `DEFERRABLE` (SQLite has none); a UNIQUE on the same columns as another (the named one is
 *   kept) or as the primary key is left out, as SQLite creates no index for it.
 * - Foreign keys: `NO ACTION` unset, actions in capitals, `MATCH` left out (SQLite ignores it),
 *   `NOT DEFERRABLE` and `INITIALLY IMMEDIATE` unset (SQLite's defaults). Unnamed foreign keys
 *   are matched by signature by compare.
 * - CHECK constraints stay as they are: a boolean or enum with `createConstraint` writes a CHECK
 *   named only when the type has a name, and compare lists those named ones on the model side.
 * - Index `dialectOptions` are left out (SQLite's compiler reads none).
 *
 * ```ts
 * const normalizer = sqliteDialect.createSchemaNormalizer?.();
 * const model = normalizer?.normalizeTable(accountModel, 'model');
 * ```
 */
export class SqliteSchemaNormalizer extends DefaultSchemaNormalizer {
  readonly #compiler = new SqliteCompilerView();

  override normalizeTable(table: TableModel, side: SchemaSide): TableModel {
    const { comment: _comment, ...normalized } = super.normalizeTable(table, side);
    return normalized;
  }

  protected override normalizeColumn(model: ColumnModel, table: TableModel, side: SchemaSide): ColumnModel {
    const { comment: _comment, identity: _identity, ...normalized } = super.normalizeColumn(model, table, side);
    const primaryKey = model.primaryKey || (table.primaryKey?.columns.includes(model.name) ?? false);
    return {
      ...normalized,
      nullable: primaryKey ? false : model.nullable,
      autoincrement: model.autoincrement === true && this.#compiler.writesAutoincrement(table, model) ? true : 'auto',
    };
  }

  /** Rendered by the SQLite compiler, read back by the type parser (collation kept). */
  protected override normalizeType(type: ColumnType): ColumnType {
    const collation = type.kind === 'string' || type.kind === 'text' ? type.collation : undefined;
    let declared: string;
    try {
      declared = this.#compiler.renderType(type);
    } catch {
      return type;
    }
    return parseSqliteType(declared, collation === undefined ? {} : { collation });
  }

  protected override normalizeDefaultText(text: string): string | undefined {
    return canonicalSqliteDefault(text);
  }

  /** Unique constraints (with SQLite's automatic indexes among them) and foreign keys in canonical form. */
  protected override normalizeConstraints(table: TableModel, side: SchemaSide): readonly TableConstraintModel[] {
    const automatic = table.indexes
      .filter((model) => model.name !== undefined && AUTOMATIC_INDEX.test(constraintNameText(model.name)))
      .filter((model) => model.columns.every((element) => typeof element === 'string'))
      .map((model): TableConstraintModel => ({ kind: 'uniqueConstraint', columns: model.columns as string[] }));
    const constraints = super.normalizeConstraints(
      { ...table, constraints: [...table.constraints, ...automatic] },
      side,
    );
    return withoutRedundantUniques(constraints, table.primaryKey?.columns ?? []);
  }

  /** Without `DEFERRABLE` (SQLite has none). */
  protected override normalizeUniqueConstraint(constraint: UniqueConstraintModel): UniqueConstraintModel {
    const { deferrable: _deferrable, initially: _initially, ...rest } = constraint;
    return rest;
  }

  /** `MATCH` (SQLite ignores it) and dialect options. */
  protected override get unsupportedForeignKeyOptions(): readonly ForeignKeyOption[] {
    return UNSUPPORTED_FOREIGN_KEY_OPTIONS;
  }

  /** Without SQLite's automatic indexes (now unique constraints) and without dialect options. */
  protected override normalizeIndexes(table: TableModel, _side: SchemaSide): readonly IndexModel[] {
    return table.indexes
      .filter((model) => model.name === undefined || !AUTOMATIC_INDEX.test(constraintNameText(model.name)))
      .map(({ dialectOptions: _dialectOptions, ...rest }) => rest);
  }
}

/** The key SQLite uses to find an identical unique index: the column list, without regard to case. */
function columnsKey(columns: readonly string[]): string {
  return JSON.stringify(columns.map((name) => name.toLowerCase()));
}

/**
 * Unique constraints as SQLite keeps them: one index per column list (a second UNIQUE on the
 * same columns, or one on the primary key's columns, creates none), the named one kept.
 */
function withoutRedundantUniques(
  constraints: readonly TableConstraintModel[],
  primaryKeyColumns: readonly string[],
): TableConstraintModel[] {
  const kept = new Map<string, TableConstraintModel>();
  const primaryKey = primaryKeyColumns.length === 0 ? undefined : columnsKey(primaryKeyColumns);
  for (const constraint of constraints) {
    if (constraint.kind !== 'uniqueConstraint') continue;
    const key = columnsKey(constraint.columns);
    const previous = kept.get(key);
    if (
      key !== primaryKey &&
      (previous === undefined || (previous.name === undefined && constraint.name !== undefined))
    ) {
      kept.set(key, constraint);
    }
  }
  const survivors = new Set(kept.values());
  return constraints.filter((constraint) => constraint.kind !== 'uniqueConstraint' || survivors.has(constraint));
}
