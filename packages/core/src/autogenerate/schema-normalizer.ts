import type { ColumnType } from '../schema/column-types.js';
import type { ColumnModel, ServerDefault } from '../schema/column.js';
import type { IndexModel } from '../schema/index-model.js';
import { isSqlExpression, sql } from '../schema/sql-expression.js';
import type { TableConstraintModel, TableModel } from '../schema/table.js';

/** Which side of a comparison a table comes from. */
export type SchemaSide = 'model' | 'database';

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
 *   protected override normalizeDefaultText(text: string): string {
 *     return super.normalizeDefaultText(text.replace(/::[a-z ]+$/i, ''));
 *   }
 * }
 * ```
 */
export class DefaultSchemaNormalizer implements SchemaNormalizer {
  normalizeTable(table: TableModel, side: SchemaSide): TableModel {
    return {
      ...table,
      columns: table.columns.map((model) => this.normalizeColumn(model, table, side)),
      constraints: this.normalizeConstraints(table, side),
      indexes: this.normalizeIndexes(table, side),
    };
  }

  /** One column: its type and server default through their hooks. */
  protected normalizeColumn(model: ColumnModel, table: TableModel, side: SchemaSide): ColumnModel {
    const serverDefault = this.normalizeServerDefault(model.serverDefault, model, table, side);
    const type = this.normalizeType(model.type, model, table, side);
    if (serverDefault !== undefined) {
      return { ...model, type, serverDefault };
    }
    if (!('serverDefault' in model)) {
      return { ...model, type };
    }
    const { serverDefault: _previous, ...rest } = model;
    return { ...rest, type };
  }

  /** The canonical type. Default: unchanged. */
  protected normalizeType(type: ColumnType, _column: ColumnModel, _table: TableModel, _side: SchemaSide): ColumnType {
    return type;
  }

  /**
   * The canonical server default, as `sql(text)`. Default: a string value becomes its quoted
   * literal, then {@link normalizeDefaultText} runs on the text.
   */
  protected normalizeServerDefault(
    value: ServerDefault | undefined,
    _column: ColumnModel,
    _table: TableModel,
    _side: SchemaSide,
  ): ServerDefault | undefined {
    if (value === undefined) return undefined;
    const text = isSqlExpression(value) ? value.text : `'${value.replaceAll("'", "''")}'`;
    return sql(this.normalizeDefaultText(text));
  }

  /** Canonical default text. Default: outer parentheses and surrounding blanks removed. */
  protected normalizeDefaultText(text: string): string {
    let result = text.trim();
    while (result.startsWith('(') && result.endsWith(')') && balanced(result.slice(1, -1))) {
      result = result.slice(1, -1).trim();
    }
    return result;
  }

  /** Unique, foreign key and check constraints. Default: unchanged. */
  protected normalizeConstraints(table: TableModel, _side: SchemaSide): readonly TableConstraintModel[] {
    return table.constraints;
  }

  /** Indexes. Default: unchanged. */
  protected normalizeIndexes(table: TableModel, _side: SchemaSide): readonly IndexModel[] {
    return table.indexes;
  }
}

function balanced(text: string): boolean {
  let depth = 0;
  let quoted = false;
  for (const character of text) {
    if (character === "'") quoted = !quoted;
    if (quoted) continue;
    if (character === '(') depth += 1;
    if (character === ')') depth -= 1;
    if (depth < 0) return false;
  }
  return depth === 0 && !quoted;
}
