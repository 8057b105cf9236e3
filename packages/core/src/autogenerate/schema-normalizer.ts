import type { ColumnType } from '../schema/column-types.js';
import type { ColumnModel, ServerDefault } from '../schema/column.js';
import type { IndexModel } from '../schema/index-model.js';
import { isSqlExpression, sql } from '../schema/sql-expression.js';
import type {
  CheckConstraintModel,
  ForeignKeyConstraintModel,
  PrimaryKeyConstraintModel,
  UniqueConstraintModel,
} from '../schema/constraints.js';
import { type ConstraintName, constraintNameText } from '../schema/converted-name.js';
import type { TableConstraintModel, TableModel } from '../schema/table.js';
import { withoutOuterParentheses } from '../dialect/sql-parentheses.js';

/** Which side of a comparison a table comes from. */
export type SchemaSide = 'model' | 'database';

/** A foreign key option a database may have none of (see `unsupportedForeignKeyOptions`). */
export type ForeignKeyOption = 'deferrable' | 'initially' | 'match' | 'dialectOptions';

/**
 * Puts tables from either side of an autogenerate comparison into one canonical form, so that
 * schemas that are equal in the database compare equal: type aliases (`int4` / `integer`,
 * `tinyint(1)` / boolean), implied precision, default expressions (`'-1'::integer`, `now()` /
 * `CURRENT_TIMESTAMP`, `((0))`), names the database made up itself, indexes the database adds
 * on its own.
 *
 * Compare runs it on every model table (after naming conventions and column flags have been
 * turned into explicit constraints and indexes) and on every reflected table, then compares the
 * results structurally. It must be pure: no database access.
 *
 * A dialect supplies one by `Dialect.createSchemaNormalizer()`, usually a subclass of
 * {@link DefaultSchemaNormalizer} overriding only what differs.
 */
export interface SchemaNormalizer {
  /** The table in canonical form. Columns keep their names and their order. */
  normalizeTable(table: TableModel, side: SchemaSide): TableModel;
}

/**
 * The generic normalizer, with one protected hook per aspect; a dialect overrides only what
 * differs on its database.
 *
 * Conventions every hook follows, which compare relies on:
 * - a server default comes out as `sql(text)` in canonical text (a string value becomes the
 *   quoted literal `'value'`), or `undefined` for none;
 * - a constraint or index name the database generated itself (PostgreSQL's `t_c_key`, MariaDB's
 *   `CONSTRAINT_1`, SQL Server's `UQ__t__...`) comes out unnamed, so that it is matched by its
 *   columns and not by its name;
 * - what the database adds on its own (MySQL's index behind a foreign key, SQLite's
 *   `sqlite_autoindex_*`) is removed from the database side.
 *
 * ```ts
 * class PostgresSchemaNormalizer extends DefaultSchemaNormalizer {
 *   protected override normalizeDefaultText(text: string, column: ColumnModel, table: TableModel, side: SchemaSide) {
 *     return super.normalizeDefaultText(text.replace(/::[a-z ]+$/i, ''), column, table, side);
 *   }
 * }
 * ```
 */
export class DefaultSchemaNormalizer implements SchemaNormalizer {
  /**
   * The table: its columns, primary key, constraints and indexes through their hooks; an empty
   * comment is none.
   */
  normalizeTable(table: TableModel, side: SchemaSide): TableModel {
    const normalized: TableModel = {
      ...table,
      ...(table.primaryKey === undefined ? {} : { primaryKey: this.normalizePrimaryKey(table.primaryKey, table) }),
      columns: table.columns.map((model) => this.normalizeColumn(model, table, side)),
      constraints: this.normalizeConstraints(table, side),
      indexes: this.normalizeIndexes(table, side),
    };
    return withoutEmptyComment(normalized);
  }

  /** One column: its type and server default through their hooks; an empty comment is none. */
  protected normalizeColumn(model: ColumnModel, table: TableModel, side: SchemaSide): ColumnModel {
    const serverDefault = this.normalizeServerDefault(model.serverDefault, model, table, side);
    const type = this.normalizeType(model.type);
    if (serverDefault !== undefined) {
      return withoutEmptyComment({ ...model, type, serverDefault });
    }
    if (!('serverDefault' in model)) {
      return withoutEmptyComment({ ...model, type });
    }
    const { serverDefault: _previous, ...rest } = model;
    return withoutEmptyComment({ ...rest, type });
  }

  /** The canonical type. Default: unchanged. */
  protected normalizeType(type: ColumnType): ColumnType {
    return type;
  }

  /**
   * The canonical server default, as `sql(text)`, or `undefined` for none. Default: a string
   * value becomes its quoted literal, then {@link normalizeDefaultText} runs on the text.
   */
  protected normalizeServerDefault(
    value: ServerDefault | undefined,
    column: ColumnModel,
    table: TableModel,
    side: SchemaSide,
  ): ServerDefault | undefined {
    if (value === undefined) return undefined;
    const text = isSqlExpression(value) ? value.text : `'${value.replaceAll("'", "''")}'`;
    const canonical = this.normalizeDefaultText(text, column, table, side);
    return canonical === undefined ? undefined : sql(canonical);
  }

  /**
   * Canonical default text; `undefined` when the text means no default (such as `NULL`).
   * Default: outer parentheses and surrounding blanks removed.
   */
  protected normalizeDefaultText(
    text: string,
    _column: ColumnModel,
    _table: TableModel,
    _side: SchemaSide,
  ): string | undefined {
    return withoutOuterParentheses(text);
  }

  /**
   * Unique, foreign key and check constraints, each through its hook
   * ({@link normalizeUniqueConstraint}, {@link normalizeForeignKey},
   * {@link normalizeCheckConstraint}, which may return `undefined` to leave a check out).
   */
  protected normalizeConstraints(table: TableModel, side: SchemaSide): readonly TableConstraintModel[] {
    const result: TableConstraintModel[] = [];
    for (const constraint of table.constraints) {
      const normalized = this.#normalizeConstraint(constraint, table, side);
      if (normalized !== undefined) result.push(normalized);
    }
    return result;
  }

  #normalizeConstraint(
    constraint: TableConstraintModel,
    table: TableModel,
    side: SchemaSide,
  ): TableConstraintModel | undefined {
    switch (constraint.kind) {
      case 'uniqueConstraint':
        return this.normalizeUniqueConstraint(constraint, table, side);
      case 'foreignKeyConstraint':
        return this.normalizeForeignKey(constraint, table, side);
      case 'checkConstraint':
        return this.normalizeCheckConstraint(constraint, table, side);
    }
  }

  /** The primary key (MySQL names every one `PRIMARY`; others generate a name). Default: unchanged. */
  protected normalizePrimaryKey(constraint: PrimaryKeyConstraintModel, _table: TableModel): PrimaryKeyConstraintModel {
    return constraint;
  }

  /** A unique constraint. Default: unchanged. */
  protected normalizeUniqueConstraint(
    constraint: UniqueConstraintModel,
    _table: TableModel,
    _side: SchemaSide,
  ): UniqueConstraintModel {
    return constraint;
  }

  /**
   * A foreign key. Default: the SQL standard's defaults unset (`NOT DEFERRABLE`, `INITIALLY
   * IMMEDIATE`, `MATCH SIMPLE`, and the actions in {@link defaultForeignKeyActions}); the
   * actions (see {@link normalizeForeignKeyAction}), `INITIALLY` and `MATCH` in capitals; the
   * options in {@link unsupportedForeignKeyOptions} left out; a name
   * {@link isGeneratedForeignKeyName} accepts unset.
   */
  protected normalizeForeignKey(
    constraint: ForeignKeyConstraintModel,
    table: TableModel,
    _side: SchemaSide,
  ): ForeignKeyConstraintModel {
    const { onDelete, onUpdate, deferrable, initially, match, ...rest } = constraint;
    const deleteAction = this.normalizeForeignKeyAction(onDelete);
    const updateAction = this.normalizeForeignKeyAction(onUpdate);
    const initiallyUpper = initially?.trim().toUpperCase();
    const matchUpper = match?.trim().toUpperCase();
    const normalized: { -readonly [Key in keyof ForeignKeyConstraintModel]: ForeignKeyConstraintModel[Key] } = {
      ...rest,
      ...(deleteAction === undefined ? {} : { onDelete: deleteAction }),
      ...(updateAction === undefined ? {} : { onUpdate: updateAction }),
      ...(deferrable === true ? { deferrable } : {}),
      ...(initiallyUpper === undefined || initiallyUpper === 'IMMEDIATE' ? {} : { initially: initiallyUpper }),
      ...(matchUpper === undefined || matchUpper === 'SIMPLE' ? {} : { match: matchUpper }),
    };
    for (const option of this.unsupportedForeignKeyOptions) delete normalized[option];
    return withoutGeneratedName(normalized, (name) => this.isGeneratedForeignKeyName(name, constraint, table));
  }

  /** Foreign key options the database has none of, left out on both sides. Default: none. */
  protected get unsupportedForeignKeyOptions(): readonly ForeignKeyOption[] {
    return [];
  }

  /** Whether the database made up `name` for the foreign key `constraint` of `table`. Default: never. */
  protected isGeneratedForeignKeyName(
    _name: string,
    _constraint: ForeignKeyConstraintModel,
    _table: TableModel,
  ): boolean {
    return false;
  }

  /** The `ON DELETE` / `ON UPDATE` actions the database applies when none is written: unset on both sides. */
  protected get defaultForeignKeyActions(): ReadonlySet<string> {
    return NO_ACTION;
  }

  /**
   * An `ON DELETE` / `ON UPDATE` action in canonical form: capitals, one space between words
   * (`set_null` = `SET NULL`); `undefined` for none and for a default action.
   */
  protected normalizeForeignKeyAction(value: string | undefined): string | undefined {
    if (value === undefined) return undefined;
    const upper = value
      .trim()
      .toUpperCase()
      .replace(/[\s_]+/g, ' ');
    return upper === '' || this.defaultForeignKeyActions.has(upper) ? undefined : upper;
  }

  /** A check constraint. Default: unchanged. */
  protected normalizeCheckConstraint(
    constraint: CheckConstraintModel,
    _table: TableModel,
    _side: SchemaSide,
  ): CheckConstraintModel | undefined {
    return constraint;
  }

  /** Indexes. Default: unchanged. */
  protected normalizeIndexes(table: TableModel, _side: SchemaSide): readonly IndexModel[] {
    return table.indexes;
  }
}

const NO_ACTION: ReadonlySet<string> = new Set(['NO ACTION']);

function withoutEmptyComment<T extends { readonly comment?: string }>(model: T): T {
  if (model.comment !== '') return model;
  const { comment: _empty, ...rest } = model;
  return rest as T;
}

/**
 * The constraint without its name when `isGenerated` says the database made that name up, so
 * that compare matches it by its columns; otherwise the constraint as it is.
 *
 * ```ts
 * withoutGeneratedName(unique, (name) => name.startsWith('UQ__'));
 * ```
 */
export function withoutGeneratedName<T extends { readonly name?: ConstraintName }>(
  constraint: T,
  isGenerated: (name: string) => boolean,
): T {
  if (constraint.name === undefined || !isGenerated(constraintNameText(constraint.name))) {
    return constraint;
  }
  const { name: _generated, ...unnamed } = constraint;
  return unnamed as T;
}
