import { DefaultSchemaNormalizer, enumType, sql, withoutGeneratedName } from '@alembic/core/dialect';
import type {
  CheckConstraintModel,
  ColumnModel,
  ColumnType,
  ForeignKeyConstraintModel,
  IdentityOptions,
  IndexElement,
  IndexModel,
  PrimaryKeyConstraintModel,
  SchemaSide,
  TableModel,
  UniqueConstraintModel,
} from '@alembic/core/dialect';
import { PostgresDdlCompiler } from './postgres-ddl-compiler.js';
import { canonicalPostgresDefault } from './postgres-default-text.js';
import { canonicalPostgresExpression } from './postgres-expression-text.js';
import { isPostgresGeneratedName } from './postgres-generated-names.js';
import { parsePostgresType } from './postgres-type-parser.js';
import { formatPostgresTypeText } from './postgres-type-text.js';

const IDENTIFIER = /^[a-z_][a-z0-9_$]*$/;

/**
 * PostgreSQL's autogenerate normalizer: puts model tables and reflected tables into one form so
 * that a schema created from the model compares equal to the model.
 *
 * - Types: a model type is rendered as `PostgresDdlCompiler` writes it, spelled as
 *   `format_type()` would print it (`formatPostgresTypeText`) and read back with
 *   `parsePostgresType`, exactly as the introspector reads a column; reflected types go the same
 *   way, so `int4` = `integer`, `float(53)` = `double precision` = `float()`, `decimal(10, 2)` =
 *   `numeric(10,2)`, `timestamptz` = `dateTime({ timezone: true })`, `jsonb()` = reflected
 *   jsonb, and a named native enum is `enumType(values, { name })` on both sides.
 * - Server defaults: see `canonicalPostgresDefault` (`'-1'::integer` = `-1`, `now()` =
 *   `CURRENT_TIMESTAMP`, `'false'` = `false` on booleans, JSON compared as JSON, `NULL` = none,
 *   `nextval('s'::regclass)` = `nextval('s')`).
 * - Names PostgreSQL makes up (`<table>_pkey`, `<table>_<columns>_key`,
 *   `<table>_<columns>_fkey`, `<table>_<column>_check`, `<table>_check`, with the numbers it
 *   appends and its 63-byte truncation) come out unnamed, on both sides.
 * - Foreign key and identity options left at their defaults are unset (`NO ACTION`,
 *   `INITIALLY IMMEDIATE`, `MATCH SIMPLE`, start 1, increment 1).
 * - Index expressions and predicates without the casts and parentheses PostgreSQL adds
 *   (`lower((email)::text)` = `lower(email)`), `USING btree` left out.
 *
 * ```ts
 * const normalizer = new PostgresSchemaNormalizer();
 * const model = normalizer.normalizeTable(accountModel, 'model');
 * const reflected = normalizer.normalizeTable(await introspector.getTable('account'), 'database');
 * ```
 */
export class PostgresSchemaNormalizer extends DefaultSchemaNormalizer {
  readonly #compiler = new PostgresDdlCompiler();
  readonly #typesByObject = new WeakMap<ColumnType, ColumnType>();
  readonly #typesBySql = new Map<string, ColumnType>();
  readonly #defaultsByType = new WeakMap<ColumnType, Map<string, string | undefined>>();

  /** `<table>_pkey`, as PostgreSQL names an unnamed primary key, unset. */
  protected override normalizePrimaryKey(
    constraint: PrimaryKeyConstraintModel,
    table: TableModel,
  ): PrimaryKeyConstraintModel {
    return withoutGeneratedName(constraint, this.#generated(table, [undefined], 'pkey'));
  }

  /** The column; an identity column is NOT NULL (PostgreSQL makes it so). */
  protected override normalizeColumn(model: ColumnModel, table: TableModel, side: SchemaSide): ColumnModel {
    const normalized = super.normalizeColumn(model, table, side);
    if (normalized.identity === undefined) {
      return normalized;
    }
    const { start, increment, always } = normalized.identity;
    const identity: IdentityOptions = {
      always,
      ...(start === undefined || start === 1 ? {} : { start }),
      ...(increment === undefined || increment === 1 ? {} : { increment }),
    };
    return { ...normalized, nullable: false, identity };
  }

  /**
   * Rendered by the PostgreSQL compiler, then read back as the introspector reads a column.
   * Remembered by the type object (a column's type is normalized again for its default) and
   * by the rendered SQL (most columns share a handful of types); types are immutable.
   */
  protected override normalizeType(type: ColumnType): ColumnType {
    let normalized = this.#typesByObject.get(type);
    if (normalized === undefined) {
      normalized = this.#normalizedType(type);
      this.#typesByObject.set(type, normalized);
    }
    return normalized;
  }

  #normalizedType(type: ColumnType): ColumnType {
    if (type.kind === 'enum' && type.nativeEnum && type.name !== undefined) {
      return enumType(type.values, { name: type.name });
    }
    if (type.kind === 'enum' && type.nativeEnum) {
      // No name: the compiler refuses it; keep it comparable by its values.
      return enumType(type.values);
    }
    const typeSql = this.#compiler.renderType(type);
    let normalized = this.#typesBySql.get(typeSql);
    if (normalized === undefined) {
      const { formattedType, collation } = formatPostgresTypeText(typeSql);
      normalized = parsePostgresType({ formattedType, typeType: 'b', collation: collation ?? null });
      this.#typesBySql.set(typeSql, normalized);
    }
    return normalized;
  }

  /** Per normalized type (one object per distinct type, see normalizeType): defaults repeat. */
  protected override normalizeDefaultText(
    text: string,
    column: ColumnModel,
    _table: TableModel,
    _side: SchemaSide,
  ): string | undefined {
    const type = this.normalizeType(column.type);
    let byText = this.#defaultsByType.get(type);
    if (byText === undefined) {
      byText = new Map();
      this.#defaultsByType.set(type, byText);
    }
    if (!byText.has(text)) {
      byText.set(text, canonicalPostgresDefault(text, type));
    }
    return byText.get(text);
  }

  /** `NOT DEFERRABLE` and `INITIALLY IMMEDIATE` unset; a generated name unset. */
  protected override normalizeUniqueConstraint(
    constraint: UniqueConstraintModel,
    table: TableModel,
  ): UniqueConstraintModel {
    return withoutDefaults(withoutGeneratedName(constraint, this.#generated(table, [constraint.columns], 'key')));
  }

  /** `<table>_<columns>_fkey`, as PostgreSQL names an unnamed foreign key. */
  protected override isGeneratedForeignKeyName(
    name: string,
    constraint: ForeignKeyConstraintModel,
    table: TableModel,
  ): boolean {
    return this.#generated(table, [constraint.columns], 'fkey')(name);
  }

  protected override normalizeCheckConstraint(
    constraint: CheckConstraintModel,
    table: TableModel,
  ): CheckConstraintModel {
    const parts = [undefined, ...table.columns.map((column) => [column.name])];
    return withoutGeneratedName(constraint, this.#generated(table, parts, 'check'));
  }

  protected override normalizeIndexes(table: TableModel, _side: SchemaSide): readonly IndexModel[] {
    return table.indexes.map((model) => {
      const dialectOptions =
        model.dialectOptions?.postgresql === undefined ? model.dialectOptions : withoutBtree(model.dialectOptions);
      return withoutDefaults({
        ...model,
        columns: model.columns.map(indexElement),
        where: model.where === undefined ? undefined : canonicalPostgresExpression(model.where, { casts: 'all' }),
        dialectOptions:
          dialectOptions === undefined || Object.keys(dialectOptions).length === 0 ? undefined : dialectOptions,
      });
    });
  }

  /** Whether a name is one PostgreSQL makes up for a constraint of `table` on `parts` with `label`. */
  #generated(
    table: TableModel,
    parts: readonly (readonly string[] | undefined)[],
    label: string,
  ): (name: string) => boolean {
    return (name) => isPostgresGeneratedName(name, table.name, parts, label);
  }
}

/** Index options with `using` lower-cased, `btree` (the default) left out, and no empty `postgresql` entry. */
function withoutBtree(
  dialectOptions: NonNullable<IndexModel['dialectOptions']>,
): NonNullable<IndexModel['dialectOptions']> {
  const { using, ...otherOptions } = dialectOptions.postgresql ?? {};
  const keepUsing = typeof using === 'string' && using.toLowerCase() !== 'btree';
  const options = { ...otherOptions, ...(keepUsing ? { using: using.toLowerCase() } : {}) };
  const result = { ...dialectOptions, postgresql: options };
  if (Object.keys(options).length === 0) {
    delete (result as Record<string, unknown>).postgresql;
  }
  return result;
}

/** An index element: a bare column written as `sql('email')` is the column `email`. */
function indexElement(element: IndexElement): IndexElement {
  if (typeof element === 'string') {
    return element;
  }
  const text = canonicalPostgresExpression(element.text, { casts: 'all' });
  return IDENTIFIER.test(text) ? text : sql(text);
}

/** The object without its undefined, `false` deferrable and `IMMEDIATE` initially properties. */
function withoutDefaults<T extends object>(value: T): T {
  const result: Record<string, unknown> = {};
  for (const key of Object.keys(value)) {
    const entry = (value as Record<string, unknown>)[key];
    if (entry === undefined) continue;
    if (key === 'deferrable' && entry === false) continue;
    if (key === 'initially' && typeof entry === 'string') {
      if (!/^immediate$/i.test(entry)) result[key] = entry.toUpperCase();
      continue;
    }
    result[key] = entry;
  }
  return result as T;
}
