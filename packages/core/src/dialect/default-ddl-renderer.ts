import { InvalidOperationError } from '../errors/invalid-operation-error.js';
import { UnsupportedOperationError } from '../errors/unsupported-operation-error.js';
import type { ColumnType } from '../schema/column-types.js';
import type { ColumnModel, IdentityOptions, ServerDefault } from '../schema/column.js';
import type { CheckConstraintModel, ConstraintModel, ForeignKeyConstraintModel } from '../schema/constraints.js';
import type { ConstraintName } from '../schema/converted-name.js';
import { convertedName } from '../schema/converted-name.js';
import type { IndexElement } from '../schema/index-model.js';
import { isInlineLiteral } from '../schema/inline-literal.js';
import type { NamingConvention, NamingConventionKey, NamingSubject } from '../schema/naming-convention.js';
import { defaultNamingConvention, resolveConstraintName } from '../schema/naming-convention.js';
import { isSqlExpression } from '../schema/sql-expression.js';
import type { TableModel } from '../schema/table.js';
import type { DdlCompilerOptions } from './ddl-compiler.js';
import type { DialectCapabilities } from './dialect-capabilities.js';
import { defaultCapabilities } from './dialect-capabilities.js';
import { DEFAULT_RESERVED_WORDS } from './reserved-words.js';
import { floatTypeText, isPlainType, numericTypeText, plainTypeText } from '../schema/generic-type-text.js';

/** The SQL of column kinds that a dialect spells one way whatever their details. */
export type TypeSpellings = Readonly<Partial<Record<ColumnType['kind'], string>>>;

const NO_TYPE_SPELLINGS: TypeSpellings = Object.freeze({});

/** Options of the default compiler; a dialect's subclass passes its name and capabilities. */
export interface DefaultDdlCompilerOptions extends DdlCompilerOptions {
  readonly dialectName?: string;
  readonly capabilities?: DialectCapabilities;
}

/** Where a column specification is rendered: its table's name, and the table when it is known. */
export interface ColumnRenderContext {
  readonly tableName: string;
  readonly table?: TableModel;
}

const SIMPLE_IDENTIFIER = /^[a-z_][a-z0-9_$]*$/;

function padNumber(value: number, width = 2): string {
  return String(value).padStart(width, '0');
}

/**
 * The SQL fragments every statement is built from (identifiers, types, literals, defaults,
 * column specifications, constraint clauses), as `protected` hooks a dialect overrides one by
 * one. {@link DefaultDdlCompiler} builds statements on top of it.
 */
export class DefaultDdlRenderer {
  /** The dialect name, also the key of its `dialectOptions` entries. */
  protected readonly dialectName: string;
  /** What the database can do. */
  protected readonly capabilities: DialectCapabilities;
  /** The naming convention, merged over the default `ix` convention. */
  protected readonly namingConvention: NamingConvention;
  /** Where warnings go. */
  protected readonly warn: (message: string) => void;

  constructor(options: DefaultDdlCompilerOptions = {}) {
    this.dialectName = options.dialectName ?? 'default';
    this.capabilities = options.capabilities ?? defaultCapabilities;
    this.namingConvention = Object.freeze({ ...defaultNamingConvention, ...options.namingConvention });
    this.warn = options.warn ?? (() => undefined);
  }

  // ---- identifiers -------------------------------------------------------------------------

  /** `name`, quoted when {@link requiresQuoting} says so. */
  quoteIdentifier(name: string): string {
    return this.requiresQuoting(name) ? this.quoteAlways(name) : name;
  }

  /** Reserved words, upper case, characters beyond `[a-z0-9_$]`, or a leading digit or `$`. */
  protected requiresQuoting(name: string): boolean {
    return name !== name.toLowerCase() || !SIMPLE_IDENTIFIER.test(name) || this.reservedWords.has(name.toLowerCase());
  }

  /** Wraps `name` in the dialect's quotes, doubling quotes inside it. */
  protected quoteAlways(name: string): string {
    return `"${name.replaceAll('"', '""')}"`;
  }

  /** Words that must be quoted as identifiers. */
  protected get reservedWords(): ReadonlySet<string> {
    return DEFAULT_RESERVED_WORDS;
  }

  /** `schema.table`, each part quoted as needed. */
  protected formatTableName(tableName: string, schema?: string): string {
    if (schema !== undefined && !this.capabilities.supportsSchemas) {
      throw new UnsupportedOperationError(
        this.dialectName,
        `The ${this.dialectName} dialect has no schemas (table '${schema}.${tableName}')`,
      );
    }
    return schema === undefined
      ? this.quoteIdentifier(tableName)
      : `${this.quoteIdentifier(schema)}.${this.quoteIdentifier(tableName)}`;
  }

  /** A comma-separated list of quoted column names. */
  protected formatColumnList(columnNames: readonly string[]): string {
    return columnNames.map((name) => this.quoteIdentifier(name)).join(', ');
  }

  /** An index element: a column name (quoted) or an expression (verbatim). */
  protected formatIndexElement(element: IndexElement): string {
    return typeof element === 'string' ? this.quoteIdentifier(element) : element.text;
  }

  /** The final name of a constraint or index under the naming convention, or undefined. */
  protected resolveName(
    name: ConstraintName | undefined,
    key: NamingConventionKey,
    subject: NamingSubject,
  ): string | undefined {
    return resolveConstraintName(name, key, subject, this.namingConvention);
  }

  /** The dialect's own entry of a `dialectOptions` record. */
  protected ownDialectOptions(
    dialectOptions: Readonly<Record<string, Readonly<Record<string, unknown>>>> | undefined,
  ): Readonly<Record<string, unknown>> {
    return dialectOptions?.[this.dialectName] ?? {};
  }

  // ---- types -------------------------------------------------------------------------------

  /**
   * The SQL of the column kinds the dialect spells one way whatever the type's details, where it
   * differs from what {@link DefaultDdlRenderer.renderType} writes (`{ boolean: 'BIT' }`). Read
   * first by `renderType`; a dialect computes the kinds that depend on their details
   * (lengths, collations, time zones) in its own `renderType`, before calling this one. None by
   * default.
   */
  protected get typeSpellings(): TypeSpellings {
    return NO_TYPE_SPELLINGS;
  }

  /**
   * The SQL of a column type, as DDL writes it. Public so that a dialect's schema normalizer
   * can compare types as they are declared: rendered here, read back by its type parser.
   */
  renderType(type: ColumnType): string {
    const spelled = this.typeSpellings[type.kind];
    if (spelled !== undefined) return spelled;
    if (isPlainType(type)) return plainTypeText(type);
    switch (type.kind) {
      case 'string':
        return type.length === undefined ? 'VARCHAR' : `VARCHAR(${type.length})`;
      case 'text':
        return 'TEXT';
      case 'dateTime':
        return 'DATETIME';
      case 'time':
        return 'TIME';
      case 'numeric':
        return numericTypeText(type);
      case 'float':
        return floatTypeText(type);
      case 'largeBinary':
        return 'BLOB';
      case 'enum':
        return this.isNativeEnum(type)
          ? this.quoteIdentifier(type.name ?? '')
          : `VARCHAR(${Math.max(0, ...type.values.map((value) => value.length))})`;
      case 'uuid':
        return this.capabilities.nativeUuid ? 'UUID' : 'CHAR(32)';
      case 'raw':
        return type.sql;
    }
  }

  /** Whether an enum type is rendered as the dialect's native enum. */
  protected isNativeEnum(type: Extract<ColumnType, { kind: 'enum' }>): boolean {
    return this.capabilities.nativeEnum && type.nativeEnum && type.name !== undefined;
  }

  /**
   * The CHECK a non-native boolean or enum column carries when its type asks for one
   * (`CHECK (c IN (0, 1))`, `CHECK (c IN ('a', 'b'))`), named after the type's `name` through the
   * `ck` naming convention (with the column as `%(column_0_name)s`).
   */
  protected schemaTypeConstraint(tableName: string, column: ColumnModel): CheckConstraintModel | undefined {
    const { type } = column;
    const quoted = this.quoteIdentifier(column.name);
    let condition: string;
    if (type.kind === 'boolean' && type.createConstraint && !this.capabilities.nativeBoolean) {
      condition = `${quoted} IN (0, 1)`;
    } else if (type.kind === 'enum' && type.createConstraint && !this.isNativeEnum(type)) {
      condition = `${quoted} IN (${type.values.map((value) => this.renderStringLiteral(value)).join(', ')})`;
    } else {
      return undefined;
    }
    const name = this.resolveName(type.name, 'ck', { tableName, columnNames: [column.name] });
    return { kind: 'checkConstraint', ...(name === undefined ? {} : { name: convertedName(name) }), condition };
  }

  // ---- literals ----------------------------------------------------------------------------

  /** `value` as an SQL literal; `type` refines dates, booleans and JSON. */
  renderLiteral(value: unknown, type?: ColumnType): string {
    if (isInlineLiteral(value)) {
      return this.renderLiteral(value.value, value.type ?? type);
    }
    if (isSqlExpression(value)) {
      return value.text;
    }
    if (value === null || value === undefined) {
      return 'NULL';
    }
    if (type?.kind === 'json') {
      return this.renderJsonLiteral(value);
    }
    switch (typeof value) {
      case 'string':
        return this.renderStringLiteral(value);
      case 'boolean':
        return this.renderBooleanLiteral(value);
      case 'bigint':
        return value.toString();
      case 'number':
        if (!Number.isFinite(value)) {
          throw new InvalidOperationError(`Cannot write ${value} as an SQL literal`);
        }
        return type?.kind === 'boolean' ? this.renderBooleanLiteral(value !== 0) : String(value);
      default:
        break;
    }
    if (value instanceof Date) {
      return this.renderDateLiteral(value, type);
    }
    if (value instanceof Uint8Array) {
      return this.renderBinaryLiteral(value);
    }
    if (typeof value === 'object') {
      return this.renderJsonLiteral(value);
    }
    throw new InvalidOperationError(`Cannot write a value of type ${typeof value} as an SQL literal`);
  }

  /** `'text'` with quotes doubled. */
  protected renderStringLiteral(text: string): string {
    return `'${text.replaceAll("'", "''")}'`;
  }

  /** `true`/`false` on native booleans, `1`/`0` elsewhere. */
  protected renderBooleanLiteral(value: boolean): string {
    if (this.capabilities.nativeBoolean) {
      return value ? 'true' : 'false';
    }
    return value ? '1' : '0';
  }

  /** A `Date` in UTC: `'2024-01-31'` for dates, `'13:45:00.000'` for times, else both. */
  protected renderDateLiteral(value: Date, type?: ColumnType): string {
    const datePart = `${padNumber(value.getUTCFullYear(), 4)}-${padNumber(value.getUTCMonth() + 1)}-${padNumber(
      value.getUTCDate(),
    )}`;
    const timePart = `${padNumber(value.getUTCHours())}:${padNumber(value.getUTCMinutes())}:${padNumber(
      value.getUTCSeconds(),
    )}.${padNumber(value.getUTCMilliseconds(), 3)}`;
    if (type?.kind === 'date') {
      return this.renderStringLiteral(datePart);
    }
    if (type?.kind === 'time') {
      return this.renderStringLiteral(timePart);
    }
    const zone = type?.kind === 'dateTime' && type.timezone ? '+00:00' : '';
    return this.renderStringLiteral(`${datePart} ${timePart}${zone}`);
  }

  /** `X'0aff'`. */
  protected renderBinaryLiteral(value: Uint8Array): string {
    return `X'${Buffer.from(value.buffer, value.byteOffset, value.byteLength).toString('hex')}'`;
  }

  /** A JSON document as a string literal. */
  protected renderJsonLiteral(value: unknown): string {
    return this.renderStringLiteral(JSON.stringify(value));
  }

  // ---- columns -----------------------------------------------------------------------------

  /** A server default: a string is a value (`'12'`), an `sql()` expression is verbatim. */
  protected renderServerDefault(serverDefault: ServerDefault): string {
    return typeof serverDefault === 'string' ? this.renderStringLiteral(serverDefault) : serverDefault.text;
  }

  /** The type of a column in its table (where dialects turn autoincrement keys into `SERIAL`). */
  protected renderColumnType(column: ColumnModel, _context: ColumnRenderContext): string {
    return this.renderType(column.type);
  }

  /** `GENERATED { ALWAYS | BY DEFAULT } AS IDENTITY (INCREMENT BY n START WITH m)`. */
  protected renderIdentity(identity: IdentityOptions): string {
    const options = [
      identity.increment === undefined ? undefined : `INCREMENT BY ${identity.increment}`,
      identity.start === undefined ? undefined : `START WITH ${identity.start}`,
    ].filter((part): part is string => part !== undefined);
    return `GENERATED ${identity.always ? 'ALWAYS' : 'BY DEFAULT'} AS IDENTITY${
      options.length > 0 ? ` (${options.join(' ')})` : ''
    }`;
  }

  /** A comment written inside the column specification; none here (MySQL overrides). */
  protected renderInlineColumnComment(_column: ColumnModel): string {
    return '';
  }

  /** `name TYPE [DEFAULT x] [identity] [NOT NULL]`. */
  protected renderColumnSpec(column: ColumnModel, context: ColumnRenderContext): string {
    const parts = [this.quoteIdentifier(column.name), this.renderColumnType(column, context)];
    if (column.serverDefault !== undefined) {
      parts.push(`DEFAULT ${this.renderServerDefault(column.serverDefault)}`);
    }
    if (column.identity !== undefined) {
      parts.push(this.renderIdentity(column.identity));
    } else if (!column.nullable) {
      parts.push('NOT NULL');
    }
    const comment = this.renderInlineColumnComment(column);
    if (comment.length > 0) {
      parts.push(comment);
    }
    return parts.join(' ');
  }

  // ---- constraints -------------------------------------------------------------------------

  /** `CONSTRAINT name ` or nothing. */
  protected renderConstraintNamePrefix(name: string | undefined): string {
    return name === undefined ? '' : `CONSTRAINT ${this.quoteIdentifier(name)} `;
  }

  /** ` DEFERRABLE INITIALLY DEFERRED` and the like, or nothing. */
  protected renderDeferrability(deferrable: boolean | undefined, initially: string | undefined): string {
    if (deferrable === undefined && initially === undefined) {
      return '';
    }
    if (!this.capabilities.supportsDeferrable) {
      throw new UnsupportedOperationError(
        this.dialectName,
        `The ${this.dialectName} dialect has no deferrable constraints`,
      );
    }
    let clause = '';
    if (deferrable !== undefined) {
      clause += deferrable ? ' DEFERRABLE' : ' NOT DEFERRABLE';
    }
    if (initially !== undefined) {
      clause += ` INITIALLY ${initially}`;
    }
    return clause;
  }

  /** `REFERENCES t (c) [MATCH m] [ON DELETE a] [ON UPDATE a] [DEFERRABLE ...]`. */
  protected renderReferences(foreignKey: Omit<ForeignKeyConstraintModel, 'kind' | 'columns'>): string {
    let clause = `REFERENCES ${this.formatTableName(
      foreignKey.referredTable,
      foreignKey.referredSchema,
    )} (${this.formatColumnList(foreignKey.referredColumns)})`;
    if (foreignKey.match !== undefined) {
      clause += ` MATCH ${foreignKey.match}`;
    }
    if (foreignKey.onDelete !== undefined) {
      clause += ` ON DELETE ${foreignKey.onDelete}`;
    }
    if (foreignKey.onUpdate !== undefined) {
      clause += ` ON UPDATE ${foreignKey.onUpdate}`;
    }
    return clause + this.renderDeferrability(foreignKey.deferrable, foreignKey.initially);
  }

  /** The naming subject of a constraint on `tableName`. */
  protected namingSubject(tableName: string, constraint: ConstraintModel): NamingSubject {
    if (constraint.kind === 'foreignKeyConstraint') {
      return {
        tableName,
        columnNames: constraint.columns,
        referredTableName: constraint.referredTable,
        referredColumnNames: constraint.referredColumns,
      };
    }
    return { tableName, columnNames: constraint.kind === 'checkConstraint' ? [] : constraint.columns };
  }

  /** The final name of a constraint on `tableName`, or undefined for an unnamed one. */
  protected constraintName(tableName: string, constraint: ConstraintModel): string | undefined {
    return this.resolveName(
      constraint.name,
      CONVENTION_KEY[constraint.kind],
      this.namingSubject(tableName, constraint),
    );
  }

  /** A constraint clause as in CREATE TABLE or ALTER TABLE ADD: `CONSTRAINT n UNIQUE (a)`. */
  protected renderConstraint(tableName: string, constraint: ConstraintModel): string {
    const prefix = this.renderConstraintNamePrefix(this.constraintName(tableName, constraint));
    switch (constraint.kind) {
      case 'primaryKeyConstraint':
        return `${prefix}PRIMARY KEY (${this.formatColumnList(constraint.columns)})`;
      case 'uniqueConstraint':
        return `${prefix}UNIQUE (${this.formatColumnList(constraint.columns)})${this.renderDeferrability(
          constraint.deferrable,
          constraint.initially,
        )}`;
      case 'foreignKeyConstraint':
        return `${prefix}FOREIGN KEY(${this.formatColumnList(constraint.columns)}) ${this.renderReferences(
          constraint,
        )}`;
      case 'checkConstraint':
        return `${prefix}CHECK (${constraint.condition})`;
    }
  }
}

/** The naming convention key of each constraint kind. */
export const CONVENTION_KEY: Readonly<Record<ConstraintModel['kind'], NamingConventionKey>> = Object.freeze({
  primaryKeyConstraint: 'pk',
  uniqueConstraint: 'uq',
  foreignKeyConstraint: 'fk',
  checkConstraint: 'ck',
});
