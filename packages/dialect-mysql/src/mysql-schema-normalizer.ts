import {
  DefaultSchemaNormalizer,
  constraintNameText,
  isAutoincrementColumn,
  uniqueConstraint,
  withoutGeneratedName,
  withoutOuterParentheses,
} from '@alembic/core/dialect';
import type {
  CheckConstraintModel,
  ColumnModel,
  ColumnType,
  ForeignKeyConstraintModel,
  ForeignKeyOption,
  IndexModel,
  PrimaryKeyConstraintModel,
  SchemaSide,
  TableConstraintModel,
  TableModel,
  UniqueConstraintModel,
} from '@alembic/core/dialect';
import { canonicalMysqlColumnType, isMysqlNumericColumnType } from './mysql-column-type-text.js';
import { MysqlDdlCompiler } from './mysql-ddl-compiler.js';
import { canonicalMysqlDefault } from './mysql-default-text.js';
import type { MysqlFlavour } from './mysql-flavour.js';
import { isMysqlGeneratedName } from './mysql-generated-names.js';
import { readMysqlIndexOptions } from './mysql-index-options.js';
import { parseMysqlColumnType } from './mysql-type-parser.js';

/** The MySQL compiler's index dialect options, made reachable for the normalizer. */
class MysqlCompilerView extends MysqlDdlCompiler {
  indexOptions(model: IndexModel): Readonly<Record<string, unknown>> {
    return this.ownDialectOptions(model.dialectOptions);
  }
}

/** Options of {@link MysqlSchemaNormalizer}. */
export interface MysqlSchemaNormalizerOptions {
  /** The server the schema lives on (JSON, UUID and defaults differ); `'mysql'` when unset. */
  readonly flavour?: MysqlFlavour;
}

/** Foreign key actions that are InnoDB's default (`RESTRICT` behaves as `NO ACTION`). */
const DEFAULT_ACTIONS: ReadonlySet<string> = new Set(['RESTRICT', 'NO ACTION']);

/** Foreign key options InnoDB has none of. */
const UNSUPPORTED_FOREIGN_KEY_OPTIONS: readonly ForeignKeyOption[] = ['deferrable', 'initially', 'match'];

/**
 * MySQL's and MariaDB's autogenerate normalizer: puts model tables and reflected tables into
 * one form, so that a schema created from the model compares equal to the model.
 *
 * - Types: every type (model or reflected) is rendered as `MysqlDdlCompiler` writes it for the
 *   flavour, spelled as `COLUMN_TYPE` reports it (`canonicalMysqlColumnType`: display widths
 *   dropped except `tinyint(1)`, `BOOL` = `tinyint(1)`, `NUMERIC` = `decimal(10,0)`,
 *   `datetime(0)` = `datetime`, `unsigned` kept) and read back with `parseMysqlColumnType`, as
 *   the introspector reads a column: `boolean()` = `tinyint(1)`, `uuid()` = `char(36)` on
 *   MySQL and `uuid` on MariaDB, `json()` = MariaDB's `LONGTEXT` + `json_valid` check, a native
 *   enum = its value list (the name is not MySQL's).
 * - Server defaults: `canonicalMysqlDefault` (`current_timestamp()` = `CURRENT_TIMESTAMP` =
 *   `now()` with their precision and `ON UPDATE`, numbers compared as numbers on numeric
 *   columns, `NULL` = none); MariaDB's quoted and MySQL's bare values are both values already.
 * - Names MySQL and MariaDB make up (`CONSTRAINT_1`, `<table>_chk_1`, `<table>_ibfk_1`, a
 *   unique key named after its first column) come out unnamed, on both sides; the primary key
 *   is unnamed (it is always `PRIMARY`).
 * - A unique index on plain columns is a unique constraint (MySQL has no difference); the index
 *   MySQL adds behind a foreign key (named after the constraint or its first column, on exactly
 *   its columns) is left out on both sides, so a model that declares it compares equal too;
 *   MariaDB's `json_valid(col)` check of a JSON column is left out.
 * - Foreign keys: `RESTRICT` / `NO ACTION` unset; `DEFERRABLE`, `INITIALLY` and `MATCH` left
 *   out (InnoDB has none).
 * - Index options: only `prefix` (`FULLTEXT` / `SPATIAL`) and per-column `length` remain.
 *
 * ```ts
 * const normalizer = mysqlDialect.createSchemaNormalizer?.(connection);
 * const model = normalizer?.normalizeTable(accountModel, 'model');
 * ```
 */
export class MysqlSchemaNormalizer extends DefaultSchemaNormalizer {
  /** The server flavour the schema is compared for. */
  readonly flavour: MysqlFlavour;
  readonly #compiler: MysqlCompilerView;

  constructor(options: MysqlSchemaNormalizerOptions = {}) {
    super();
    this.flavour = options.flavour ?? 'mysql';
    this.#compiler = new MysqlCompilerView({ flavour: this.flavour });
  }

  /** Unnamed: MySQL always calls it `PRIMARY`. */
  protected override normalizePrimaryKey(constraint: PrimaryKeyConstraintModel): PrimaryKeyConstraintModel {
    return { kind: 'primaryKeyConstraint', columns: constraint.columns };
  }

  /** The column, with `autoincrement` resolved to true or false. */
  protected override normalizeColumn(model: ColumnModel, table: TableModel, side: SchemaSide): ColumnModel {
    return { ...super.normalizeColumn(model, table, side), autoincrement: isAutoincrementColumn(table, model) };
  }

  /** Rendered by the MySQL compiler, spelled as `COLUMN_TYPE` reports it, then read back. */
  protected override normalizeType(type: ColumnType): ColumnType {
    const canonical = this.#canonicalTypeText(type);
    if (canonical === undefined) {
      return type;
    }
    const collation = type.kind === 'string' || type.kind === 'text' ? type.collation : undefined;
    return parseMysqlColumnType(canonical, { collation: collation ?? null });
  }

  /** Numbers compared as numbers on numeric columns. */
  protected override normalizeDefaultText(text: string, column: ColumnModel): string | undefined {
    const canonicalType = this.#canonicalTypeText(column.type);
    return canonicalMysqlDefault(text, {
      numeric: canonicalType !== undefined && isMysqlNumericColumnType(canonicalType),
    });
  }

  /** InnoDB's `RESTRICT` behaves as `NO ACTION`: both are the default. */
  protected override get defaultForeignKeyActions(): ReadonlySet<string> {
    return DEFAULT_ACTIONS;
  }

  /** Unique indexes as unique constraints, then each constraint through its hook. */
  protected override normalizeConstraints(table: TableModel, side: SchemaSide): readonly TableConstraintModel[] {
    const uniqueIndexes = table.indexes.filter((model) => this.#isPlainUniqueIndex(model)).map(uniqueFromIndex);
    return super.normalizeConstraints({ ...table, constraints: [...table.constraints, ...uniqueIndexes] }, side);
  }

  /** Without `DEFERRABLE` (InnoDB has none); a generated name unset. */
  protected override normalizeUniqueConstraint(
    constraint: UniqueConstraintModel,
    table: TableModel,
  ): UniqueConstraintModel {
    const { deferrable: _deferrable, initially: _initially, ...rest } = constraint;
    return withoutGeneratedName(rest, (name) =>
      isMysqlGeneratedName(name, { kind: 'unique', tableName: table.name, columns: constraint.columns }),
    );
  }

  /** `DEFERRABLE`, `INITIALLY` and `MATCH`: InnoDB has none. */
  protected override get unsupportedForeignKeyOptions(): readonly ForeignKeyOption[] {
    return UNSUPPORTED_FOREIGN_KEY_OPTIONS;
  }

  /** `<table>_ibfk_<n>`, as MySQL and MariaDB name an unnamed foreign key. */
  protected override isGeneratedForeignKeyName(
    name: string,
    constraint: ForeignKeyConstraintModel,
    table: TableModel,
  ): boolean {
    return isMysqlGeneratedName(name, { kind: 'foreignKey', tableName: table.name, columns: constraint.columns });
  }

  /** Without outer parentheses; MariaDB's `json_valid` check of a JSON column left out; a generated name unset. */
  protected override normalizeCheckConstraint(
    constraint: CheckConstraintModel,
    table: TableModel,
  ): CheckConstraintModel | undefined {
    const condition = withoutOuterParentheses(constraint.condition);
    const jsonColumns = new Set(
      table.columns.filter((column) => column.type.kind === 'json').map((column) => column.name),
    );
    if (isJsonValidCheck(condition, jsonColumns)) {
      return undefined;
    }
    const columns = table.columns.map((column) => column.name);
    return withoutGeneratedName({ ...constraint, condition }, (name) =>
      isMysqlGeneratedName(name, { kind: 'check', tableName: table.name, columns }),
    );
  }

  /** Without unique indexes (now constraints) and the indexes MySQL adds behind foreign keys. */
  protected override normalizeIndexes(table: TableModel, _side: SchemaSide): readonly IndexModel[] {
    const foreignKeys = table.constraints.filter(
      (constraint): constraint is ForeignKeyConstraintModel => constraint.kind === 'foreignKeyConstraint',
    );
    return table.indexes
      .filter((model) => !this.#isPlainUniqueIndex(model) && !isForeignKeyIndex(model, foreignKeys))
      .map((model) => this.#normalizeIndex(model));
  }

  #normalizeIndex(model: IndexModel): IndexModel {
    const options = readMysqlIndexOptions(this.#compiler.indexOptions(model));
    const { dialectOptions: _dialectOptions, ...rest } = model;
    if (options === undefined) {
      return rest;
    }
    const lengths = Object.fromEntries(
      model.columns.flatMap((element) => {
        const length = typeof element === 'string' ? options.lengthOf(element) : undefined;
        return length === undefined ? [] : [[element, length]];
      }),
    );
    const mysql = {
      ...(options.prefix === undefined ? {} : { prefix: options.prefix }),
      ...(Object.keys(lengths).length === 0 ? {} : { length: lengths }),
    };
    return Object.keys(mysql).length === 0 ? rest : { ...rest, dialectOptions: { mysql } };
  }

  /** A unique index on plain columns, without prefix lengths, `FULLTEXT` or a `WHERE`. */
  #isPlainUniqueIndex(model: IndexModel): boolean {
    if (!model.unique || model.where !== undefined || model.columns.some((element) => typeof element !== 'string')) {
      return false;
    }
    const options = readMysqlIndexOptions(this.#compiler.indexOptions(model));
    return (
      options === undefined ||
      (options.prefix === undefined &&
        model.columns.every((element) => options.lengthOf(String(element)) === undefined))
    );
  }

  /** The type as `COLUMN_TYPE` would report it; undefined when the compiler cannot render it. */
  #canonicalTypeText(type: ColumnType): string | undefined {
    const withoutCollation = type.kind === 'string' || type.kind === 'text' ? { ...type, collation: undefined } : type;
    try {
      return canonicalMysqlColumnType(this.#compiler.renderType(withoutCollation));
    } catch {
      return undefined;
    }
  }
}

function uniqueFromIndex(model: IndexModel): TableConstraintModel {
  return uniqueConstraint(model.columns as string[], model.name === undefined ? {} : { name: model.name });
}

/**
 * The index MySQL creates for a foreign key that no index serves: non-unique, on exactly the
 * key's columns, named after the constraint or after its first column (`pid`, `pid_2`).
 */
function isForeignKeyIndex(model: IndexModel, foreignKeys: readonly ForeignKeyConstraintModel[]): boolean {
  if (model.unique || model.name === undefined || model.columns.some((element) => typeof element !== 'string')) {
    return false;
  }
  const name = constraintNameText(model.name);
  return foreignKeys.some(
    (foreignKey) =>
      (name === (foreignKey.name === undefined ? undefined : constraintNameText(foreignKey.name)) ||
        isMysqlGeneratedName(name, { kind: 'index', tableName: '', columns: foreignKey.columns })) &&
      foreignKey.columns.length === model.columns.length &&
      foreignKey.columns.every((columnName, position) => columnName === model.columns[position]),
  );
}

/** `json_valid(`col`)` on a JSON column: MariaDB's own check behind `JSON`. */
function isJsonValidCheck(condition: string, jsonColumns: ReadonlySet<string>): boolean {
  const match = /^json_valid\s*\(\s*`?((?:[^`]|``)+?)`?\s*\)$/i.exec(condition.trim());
  return match !== null && jsonColumns.has((match[1] as string).replaceAll('``', '`'));
}
