import { DefaultSchemaNormalizer, isAutoincrementColumn, withoutGeneratedName } from '@alembic/core/dialect';
import type * as schema from '@alembic/core/dialect';
import { MssqlDdlCompiler } from './mssql-ddl-compiler.js';
import { canonicalMssqlDefault, canonicalMssqlExpression } from './mssql-expression-text.js';
import { isMssqlGeneratedName } from './mssql-generated-names.js';
import { parseMssqlType } from './mssql-type-parser.js';
import { mssqlTypeRowFromText } from './mssql-type-text.js';

/** Foreign key options SQL Server has none of. */
const ALL_FOREIGN_KEY_OPTIONS: readonly schema.ForeignKeyOption[] = [
  'deferrable',
  'initially',
  'match',
  'dialectOptions',
];

/**
 * SQL Server's autogenerate normalizer: puts model tables and reflected tables into one form, so
 * that a schema created from the model compares equal to the model.
 *
 * - Types: every type (model or reflected) is rendered as `MssqlDdlCompiler` writes it, turned
 *   into what `sys.columns` reports for it (`mssqlTypeRowFromText`: lengths in bytes, `NVARCHAR`
 *   counting two per character, `max` = -1, `NUMERIC` = `(18, 0)`, `FLOAT(n)` = `real` up to 24)
 *   and read back with `parseMssqlType`, as the introspector reads a column. So `string()` =
 *   `VARCHAR(max)` = `text()`, `enumType(['a', 'bb'])` = `string(2)`, `json()` =
 *   `NVARCHAR(max)`; VARCHAR and NVARCHAR stay apart, as the compiler writes them (`string()` is
 *   `VARCHAR`, `nvarchar()` is `NVARCHAR`).
 * - Server defaults: `canonicalMssqlDefault`: the parentheses SQL Server adds (`((0))`,
 *   `(getdate())`, `('abc')`) removed, `N'abc'` = `'abc'`, `getdate()` = `CURRENT_TIMESTAMP` =
 *   `now()`, `NULL` = none.
 * - Names SQL Server makes up (`PK__...`, `UQ__...`, `FK__...`, `CK__...`) come out unnamed, on
 *   both sides. (`DF__...` default constraint names are not part of the model.)
 * - Columns: `IDENTITY` with seed and increment 1 is `autoincrement: true` without identity
 *   options (SQL Server has no `ALWAYS`); `autoincrement` resolved to true or false as the
 *   compiler decides it; primary key columns NOT NULL; empty comments unset.
 * - Foreign keys: `NO ACTION` unset, actions in capitals; `DEFERRABLE`, `INITIALLY`, `MATCH` left
 *   out (SQL Server has none). Unique constraints lose `DEFERRABLE` too.
 * - Check conditions and index filters in `canonicalMssqlExpression` form (`([amount]>(0))` =
 *   `amount > 0`); index `dialectOptions` keep only `mssql.clustered` (when true) and
 *   `mssql.include`.
 *
 * ```ts
 * const normalizer = mssqlDialect.createSchemaNormalizer?.();
 * const model = normalizer?.normalizeTable(accountModel, 'model');
 * ```
 */
export class MssqlSchemaNormalizer extends DefaultSchemaNormalizer {
  readonly #compiler = new MssqlDdlCompiler();

  /** A generated name (`PK__t__...`) unset. */
  protected override normalizePrimaryKey(
    constraint: schema.PrimaryKeyConstraintModel,
  ): schema.PrimaryKeyConstraintModel {
    return withoutGeneratedName(constraint, isMssqlGeneratedName);
  }

  protected override normalizeColumn(
    model: schema.ColumnModel,
    table: schema.TableModel,
    side: schema.SchemaSide,
  ): schema.ColumnModel {
    const { identity, autoincrement, ...normalized } = super.normalizeColumn(model, table, side);
    const plainIdentity = identity !== undefined && (identity.start ?? 1) === 1 && (identity.increment ?? 1) === 1;
    const kept: schema.IdentityOptions | undefined =
      identity === undefined || plainIdentity
        ? undefined
        : { always: false, start: identity.start ?? 1, increment: identity.increment ?? 1 };
    const resolved: schema.ColumnModel = {
      ...normalized,
      autoincrement: plainIdentity ? true : autoincrement,
      ...(kept === undefined ? {} : { identity: kept }),
    };
    const primaryKey = model.primaryKey || (table.primaryKey?.columns.includes(model.name) ?? false);
    return {
      ...resolved,
      nullable: primaryKey ? false : model.nullable,
      autoincrement: isAutoincrementColumn(table, resolved),
    };
  }

  /** Rendered by the SQL Server compiler, read back as the introspector reads `sys.columns`. */
  protected override normalizeType(type: schema.ColumnType): schema.ColumnType {
    let rendered: string;
    try {
      rendered = type.kind === 'raw' ? type.sql : this.#compiler.renderType(type);
    } catch {
      return type;
    }
    const row = mssqlTypeRowFromText(rendered);
    return row === undefined ? type : parseMssqlType(row);
  }

  protected override normalizeDefaultText(text: string): string | undefined {
    return canonicalMssqlDefault(text);
  }

  /** Without `DEFERRABLE` (SQL Server has none). */
  protected override normalizeUniqueConstraint(constraint: schema.UniqueConstraintModel): schema.UniqueConstraintModel {
    const { deferrable: _deferrable, initially: _initially, ...rest } = constraint;
    return withoutGeneratedName(rest, isMssqlGeneratedName);
  }

  /** `DEFERRABLE`, `INITIALLY`, `MATCH` and dialect options: SQL Server has none. */
  protected override get unsupportedForeignKeyOptions(): readonly schema.ForeignKeyOption[] {
    return ALL_FOREIGN_KEY_OPTIONS;
  }

  /** `FK__...`, as SQL Server names an unnamed foreign key. */
  protected override isGeneratedForeignKeyName(name: string): boolean {
    return isMssqlGeneratedName(name);
  }

  protected override normalizeCheckConstraint(constraint: schema.CheckConstraintModel): schema.CheckConstraintModel {
    return withoutGeneratedName(
      { ...constraint, condition: canonicalMssqlExpression(constraint.condition) },
      isMssqlGeneratedName,
    );
  }

  protected override normalizeIndexes(
    table: schema.TableModel,
    _side: schema.SchemaSide,
  ): readonly schema.IndexModel[] {
    return table.indexes.map((model) => {
      const { dialectOptions, where, ...rest } = model;
      const mssql = (dialectOptions?.mssql ?? {}) as { readonly clustered?: unknown; readonly include?: unknown };
      const include =
        Array.isArray(mssql.include) && mssql.include.length > 0 ? { include: [...(mssql.include as string[])] } : {};
      const clustered = mssql.clustered === true ? { clustered: true } : {};
      const options = { ...clustered, ...include };
      return {
        ...rest,
        ...(where === undefined ? {} : { where: canonicalMssqlExpression(where) }),
        ...(Object.keys(options).length === 0 ? {} : { dialectOptions: { mssql: options } }),
      };
    });
  }
}
