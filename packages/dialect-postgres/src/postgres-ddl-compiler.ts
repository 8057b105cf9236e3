import {
  DefaultDdlCompiler,
  InvalidOperationError,
  constraintNameText,
  isAutoincrementColumn,
  isSqlExpression,
} from '@alembic/core/dialect';
import type {
  AddColumnOperation,
  AlterColumnOperation,
  BatchRecreatePlan,
  ColumnModel,
  ColumnRenderContext,
  ColumnType,
  ConstraintModel,
  DdlCompilerOptions,
  DropColumnOperation,
  DropIndexOperation,
  DropTableOperation,
  IdentityOptions,
  IndexModel,
  IndexStatementParts,
  TableModel,
  TableTarget,
  TypeSpellings,
} from '@alembic/core/dialect';
import { postgresCapabilities } from './postgres-capabilities.js';
import type { NamedEnumType } from './postgres-enum-types.js';
import { nativeEnumTypes } from './postgres-enum-types.js';
import { enumValueChangeStatement } from './postgres-enum-value-change.js';
import type { ExcludeConstraintDefinition } from './postgres-exclude-constraint.js';
import { identityChanges } from './postgres-identity-changes.js';
import { readPostgresOptions } from './postgres-operation-options.js';
import { POSTGRES_RESERVED_WORDS } from './postgres-reserved-words.js';

/** Options of {@link PostgresDdlCompiler}. */
export interface PostgresDdlCompilerOptions extends DdlCompilerOptions {
  /**
   * Manage native enum types (default true): create the types a new table or an added column
   * uses when missing, before it; after a `dropTable` that carries `existingTable` or a
   * `dropColumn` that carries `existingColumn`, drop its types when nothing uses them any more;
   * in `alterColumn`, create a new enum type when missing, drop the old one when unused, and
   * apply a change of an enum type's values (see `PostgresDdlCompiler.alterColumnType`).
   * False leaves enum types to the migration (`op.execute('CREATE TYPE ...')`).
   */
  readonly manageEnumTypes?: boolean;
}

/** The SQL of the column kinds PostgreSQL spells one way, whatever the type's details. */
const TYPE_SPELLINGS: TypeSpellings = {
  largeBinary: 'BYTEA',
};

/** `SERIAL` and friends: how SQLAlchemy writes an autoincrementing integer primary key. */
const SERIAL_TYPES: Readonly<Partial<Record<ColumnType['kind'], string>>> = {
  integer: 'SERIAL',
  bigInteger: 'BIGSERIAL',
  smallInteger: 'SMALLSERIAL',
};

const INDEX_METHOD = /^[a-z_][a-z0-9_]*$/i;

/** A native enum type with a name: one PostgreSQL stores as its own type. */
function isNamedNativeEnum(type: ColumnType): type is NamedEnumType {
  return type.kind === 'enum' && type.nativeEnum && type.name !== undefined;
}

function sameValues(first: readonly string[], second: readonly string[]): boolean {
  return first.length === second.length && first.every((value, position) => value === second[position]);
}

function timeZoneClause(timezone: boolean): string {
  return timezone ? 'WITH TIME ZONE' : 'WITHOUT TIME ZONE';
}

/**
 * PostgreSQL's DDL: core's `DefaultDdlCompiler` with only PostgreSQL's differences overridden,
 * written as Alembic 1.x with SQLAlchemy writes them.
 *
 * - Types: `SERIAL` / `BIGSERIAL` / `SMALLSERIAL` for an autoincrementing integer primary key,
 *   `TIMESTAMP WITHOUT TIME ZONE` / `WITH TIME ZONE`, `TIME ...`, `BYTEA`, `UUID`, `JSON`
 *   (`JSONB` through {@link jsonb}), collations as `COLLATE "C"`, and native enum types created
 *   when missing before the tables (and added columns) that use them, dropped after them when
 *   nothing uses them any more, and swapped when an `alterColumn` changes their values.
 * - `ALTER TABLE s.t1 RENAME TO t2`; `ALTER COLUMN ... TYPE ... USING expr` first among a
 *   column's changes (`dialectOptions: { postgresql: { using } }`); identity columns added,
 *   changed and dropped (`ADD GENERATED ... AS IDENTITY`, `SET GENERATED ...`, `DROP IDENTITY`).
 * - Indexes with `CONCURRENTLY`, `USING method`, `INCLUDE (...)`, `NULLS NOT DISTINCT` and
 *   `WHERE` (see `PostgresIndexOptions`); `DROP INDEX CONCURRENTLY`.
 * - Foreign keys with `NOT VALID`; `EXCLUDE` constraints through
 *   {@link PostgresDdlCompiler.compileCreateExcludeConstraint}.
 * - `$1` placeholders for parameters of `op.execute`.
 *
 * ```ts
 * const compiler = new PostgresDdlCompiler();
 * compiler.compile(renameTableOperation({ oldTableName: 'address', newTableName: 'addresses', schema: 'app' }));
 * // ['ALTER TABLE app.address RENAME TO addresses']
 * ```
 */
export class PostgresDdlCompiler extends DefaultDdlCompiler {
  readonly #manageEnumTypes: boolean;
  /** Enum types this compiler created and has not dropped since (SQLAlchemy's DDL memo). */
  readonly #createdEnumTypes = new Set<string>();

  constructor(options: PostgresDdlCompilerOptions = {}) {
    const { manageEnumTypes, ...compilerOptions } = options;
    super({ ...compilerOptions, dialectName: 'postgresql', capabilities: postgresCapabilities });
    this.#manageEnumTypes = manageEnumTypes ?? true;
  }

  // ---- names, types, literals, placeholders --------------------------------------------------

  protected override get reservedWords(): ReadonlySet<string> {
    return POSTGRES_RESERVED_WORDS;
  }

  /** `$1`, `$2`, ...: the `pg` driver's placeholders. */
  protected override renderParameterPlaceholder(position: number): string {
    return `$${position}`;
  }

  protected override get typeSpellings(): TypeSpellings {
    return TYPE_SPELLINGS;
  }

  override renderType(type: ColumnType): string {
    switch (type.kind) {
      case 'dateTime':
        return `TIMESTAMP ${timeZoneClause(type.timezone)}`;
      case 'time':
        return `TIME ${timeZoneClause(type.timezone)}`;
      case 'string':
      case 'text': {
        const rendered = super.renderType(type);
        return type.collation === undefined ? rendered : `${rendered} COLLATE ${this.quoteAlways(type.collation)}`;
      }
      case 'enum':
        if (type.nativeEnum && type.name === undefined) {
          throw new InvalidOperationError(
            `A PostgreSQL enum type needs a name: enumType([${type.values.map((value) => `'${value}'`).join(', ')}], { name: '...' }), or nativeEnum: false for VARCHAR`,
          );
        }
        return super.renderType(type);
      default:
        return super.renderType(type);
    }
  }

  /** `SERIAL` / `BIGSERIAL` / `SMALLSERIAL` for the autoincrementing key of a new table. */
  protected override renderColumnType(column: ColumnModel, context: ColumnRenderContext): string {
    if (context.table !== undefined && isAutoincrementColumn(context.table, column)) {
      const serial = SERIAL_TYPES[column.type.kind];
      if (serial !== undefined) {
        return serial;
      }
    }
    return super.renderColumnType(column, context);
  }

  /** `'\x01ff'::bytea`. */
  protected override renderBinaryLiteral(value: Uint8Array): string {
    return `'\\x${Buffer.from(value.buffer, value.byteOffset, value.byteLength).toString('hex')}'::bytea`;
  }

  /** The new name alone: PostgreSQL keeps a renamed table in its schema. */
  protected override renderRenameTableTarget(newTableName: string): string {
    return this.quoteIdentifier(newTableName);
  }

  // ---- enum types ------------------------------------------------------------------------------

  /**
   * Before `CREATE TABLE`, each native enum type of the table this compiler has not created yet,
   * created when missing ({@link PostgresDdlCompiler.createEnumTypeWhenMissing}): another table,
   * or an earlier migration, may already have created it.
   */
  protected override statementsBeforeCreateTable(model: TableModel): string[] {
    return this.enumTypeCreations(nativeEnumTypes(model));
  }

  /** The guarded creations of those of `types` this compiler has not created yet. */
  protected enumTypeCreations(types: readonly NamedEnumType[]): string[] {
    if (!this.#manageEnumTypes) {
      return [];
    }
    return types
      .filter((type) => !this.#createdEnumTypes.has(type.name))
      .map((type) => {
        this.#createdEnumTypes.add(type.name);
        return this.createEnumTypeWhenMissing(type);
      });
  }

  /** `CREATE TYPE name AS ENUM ('a', 'b')`. */
  protected createEnumTypeStatement(type: NamedEnumType): string {
    return `CREATE TYPE ${this.quoteIdentifier(type.name)} AS ENUM (${type.values
      .map((value) => this.renderStringLiteral(value))
      .join(', ')})`;
  }

  /** `DO $alembic$ BEGIN CREATE TYPE ...; EXCEPTION WHEN duplicate_object THEN NULL; END $alembic$`. */
  protected createEnumTypeWhenMissing(type: NamedEnumType): string {
    return `DO $alembic$ BEGIN ${this.createEnumTypeStatement(type)}; EXCEPTION WHEN duplicate_object THEN NULL; END $alembic$`;
  }

  /**
   * `DO $alembic$ BEGIN DROP TYPE IF EXISTS name; EXCEPTION WHEN dependent_objects_still_exist
   * THEN NULL; END $alembic$`: the type goes only when nothing uses it any more. Whether it is
   * gone depends on the other tables, so the compiler forgets having created it.
   */
  protected dropEnumTypeWhenUnused(typeName: string): string {
    this.#createdEnumTypes.delete(typeName);
    return `DO $alembic$ BEGIN DROP TYPE IF EXISTS ${this.quoteIdentifier(typeName)}; EXCEPTION WHEN dependent_objects_still_exist THEN NULL; END $alembic$`;
  }

  /**
   * `DROP TABLE`, then each native enum type of `existingTable`, dropped when nothing uses it any
   * more ({@link PostgresDdlCompiler.dropEnumTypeWhenUnused}): two tables sharing a type drop it
   * with the last of them.
   */
  protected override compileDropTable(operation: DropTableOperation): string[] {
    const statements = super.compileDropTable(operation);
    if (!this.#manageEnumTypes || operation.existingTable === undefined) {
      return statements;
    }
    return [
      ...statements,
      ...nativeEnumTypes(operation.existingTable).map((type) => this.dropEnumTypeWhenUnused(type.name)),
    ];
  }

  /** Before `ADD COLUMN` of a native enum column, its type, created when missing unless this compiler created it. */
  protected override compileAddColumn(operation: AddColumnOperation): string[] {
    return [
      ...this.enumTypeCreations(nativeEnumTypes({ columns: [operation.column] })),
      ...super.compileAddColumn(operation),
    ];
  }

  /**
   * `DROP COLUMN`, then, when `existingColumn` is a native enum column, its type if no other
   * column uses it any more ({@link PostgresDdlCompiler.dropEnumTypeWhenUnused}).
   */
  protected override compileDropColumn(operation: DropColumnOperation): string[] {
    const statements = super.compileDropColumn(operation);
    const type = operation.existingColumn?.type;
    if (!this.#manageEnumTypes || type === undefined || !isNamedNativeEnum(type)) {
      return statements;
    }
    return [...statements, this.dropEnumTypeWhenUnused(type.name)];
  }

  // ---- ALTER COLUMN ----------------------------------------------------------------------------

  /**
   * As Alembic's PostgreSQL implementation: the type change (with its `USING`) comes first, then
   * nullability, default, identity, comment and the rename.
   */
  protected override compileAlterColumn(operation: AlterColumnOperation): string[] {
    const { using } = readPostgresOptions('alterColumn', this.ownDialectOptions(operation.dialectOptions), this.warn);
    const { type } = operation;
    if (type === undefined) {
      if (using !== undefined) {
        throw new InvalidOperationError(
          `alterColumn on '${operation.tableName}.${operation.columnName}': the postgresql 'using' option must be used with a new type`,
        );
      }
      return super.compileAlterColumn(operation);
    }
    return [
      ...this.dropTypeBoundConstraint(operation),
      ...this.alterColumnType(operation, type),
      ...this.addTypeBoundConstraint(operation, type),
      ...super.compileAlterColumn({ ...operation, type: undefined }),
    ];
  }

  /**
   * `ALTER TABLE t ALTER COLUMN c TYPE <type> [USING <expression>]`, with the native enum types
   * involved managed (unless `manageEnumTypes: false`):
   *
   * - to a native enum type: the type created when missing first, and `USING c::text::name`
   *   unless `using` says otherwise (PostgreSQL casts nothing to an enum on its own);
   * - from a native enum type to another type: the old type dropped after when nothing uses it;
   * - the same enum type (same name) with other values (added, removed, reordered): the type is
   *   swapped for one with the new values, and every table column of the type converted
   *   ({@link enumValueChangeStatement}): one statement, safe in a transaction, that changes
   *   nothing and fails with a clear message when something other than a table column (a domain,
   *   a function) still uses the old type; `using` is refused there.
   */
  protected override alterColumnType(operation: AlterColumnOperation, type: ColumnType): string[] {
    const { using } = readPostgresOptions(
      'alterColumn',
      this.ownDialectOptions(operation.dialectOptions),
      () => undefined,
    );
    const existing = operation.existingType;
    const target = isNamedNativeEnum(type) ? type : undefined;
    const previous = existing !== undefined && isNamedNativeEnum(existing) ? existing : undefined;
    if (!this.#manageEnumTypes || (target === undefined && previous === undefined)) {
      const statement = `${this.alterColumnPrefix(operation)} TYPE ${this.renderType(type)}`;
      return [using === undefined ? statement : `${statement} USING ${using}`];
    }
    if (target !== undefined && previous !== undefined && target.name === previous.name) {
      if (sameValues(target.values, previous.values)) {
        return [];
      }
      if (using !== undefined) {
        throw new InvalidOperationError(
          `alterColumn on '${operation.tableName}.${operation.columnName}': the values of enum type '${target.name}' change by converting every column through text; the postgresql 'using' option cannot be used there`,
        );
      }
      return [
        enumValueChangeStatement({
          typeName: target.name,
          values: target.values,
          quoteIdentifier: (name) => this.quoteIdentifier(name),
          stringLiteral: (value) => this.renderStringLiteral(value),
        }),
      ];
    }
    const statements = target === undefined ? [] : this.enumTypeCreations([target]);
    const rendered = this.renderType(type);
    const conversion =
      using ?? (target === undefined ? undefined : `${this.quoteIdentifier(operation.columnName)}::text::${rendered}`);
    const statement = `${this.alterColumnPrefix(operation)} TYPE ${rendered}`;
    statements.push(conversion === undefined ? statement : `${statement} USING ${conversion}`);
    if (previous !== undefined) {
      statements.push(this.dropEnumTypeWhenUnused(previous.name));
    }
    return statements;
  }

  /** `ADD GENERATED ... AS IDENTITY`, `SET GENERATED ...` / `SET INCREMENT BY n`, `DROP IDENTITY`. */
  protected override alterColumnIdentity(operation: AlterColumnOperation, identity: IdentityOptions | null): string[] {
    const prefix = this.alterColumnPrefix(operation);
    if (identity === null) {
      return [`${prefix} DROP IDENTITY`];
    }
    const existing = operation.existingIdentity;
    if (existing === undefined || existing === null) {
      return [`${prefix} ADD ${this.renderIdentity(identity)}`];
    }
    const changes = identityChanges(existing, identity);
    return changes.length === 0 ? [] : [`${prefix} ${changes.join(' ')}`];
  }

  // ---- indexes ---------------------------------------------------------------------------------

  /**
   * `CREATE [UNIQUE] INDEX [CONCURRENTLY] [IF NOT EXISTS] ix ON t [USING method] (elements)
   * [INCLUDE (columns)] [NULLS NOT DISTINCT] [WHERE condition]`, from `dialectOptions.postgresql`.
   */
  protected override indexStatementParts(model: IndexModel): IndexStatementParts {
    const postgres = readPostgresOptions('createIndex', this.ownDialectOptions(model.dialectOptions), this.warn);
    return {
      afterIndex: postgres.concurrently === true ? 'CONCURRENTLY' : '',
      beforeColumns: postgres.using === undefined ? '' : `USING ${this.indexMethod(postgres.using)}`,
      afterColumns: [
        postgres.include === undefined ? '' : `INCLUDE (${this.formatColumnList(postgres.include)})`,
        postgres.nullsNotDistinct === true ? 'NULLS NOT DISTINCT' : '',
      ],
    };
  }

  /** `DROP INDEX [CONCURRENTLY] [IF EXISTS] [schema.]ix`. */
  protected override compileDropIndex(operation: DropIndexOperation): string[] {
    const { concurrently } = readPostgresOptions(
      'dropIndex',
      this.ownDialectOptions(operation.dialectOptions),
      this.warn,
    );
    const statements = super.compileDropIndex(operation);
    return concurrently === true
      ? statements.map((statement) => statement.replace(/^DROP INDEX /, 'DROP INDEX CONCURRENTLY '))
      : statements;
  }

  /** An index method name (`gin`, `gist`), lower-cased; anything else is refused. */
  protected indexMethod(method: string): string {
    if (!INDEX_METHOD.test(method)) {
      throw new InvalidOperationError(`'${method}' is not an index method name (gin, gist, brin, hash, btree, ...)`);
    }
    return method.toLowerCase();
  }

  // ---- batch rebuilds --------------------------------------------------------------------------

  /**
   * The original table's named constraints that the copy keeps are dropped before it is
   * created (Alembic's `prep_table_for_batch`): a primary key or unique constraint name is also
   * the name of its index, which must be free for the copy's.
   */
  protected override compileBatchPreparation(plan: BatchRecreatePlan): string[] {
    return this.dropConstraintsNamedAsInCopy(plan);
  }

  // ---- constraints -----------------------------------------------------------------------------

  /** `ALTER TABLE t ADD <constraint>`, with ` NOT VALID` for a foreign key that asks for it. */
  protected override compileAddConstraint(target: TableTarget, constraint: ConstraintModel): string[] {
    const statements = super.compileAddConstraint(target, constraint);
    if (constraint.kind !== 'foreignKeyConstraint') {
      return statements;
    }
    const { notValid } = readPostgresOptions(
      'foreignKey',
      this.ownDialectOptions(constraint.dialectOptions),
      this.warn,
    );
    return notValid === true ? statements.map((statement) => `${statement} NOT VALID`) : statements;
  }

  /**
   * `ALTER TABLE t ADD CONSTRAINT name EXCLUDE USING gist (period WITH &&, room WITH =)
   * [WHERE (condition)] [DEFERRABLE ...]`: Alembic's `create_exclude_constraint`, which core's
   * operations have no kind for (see `createExcludeConstraintOperation`).
   */
  compileCreateExcludeConstraint(definition: ExcludeConstraintDefinition): string {
    if (definition.elements.length === 0) {
      throw new InvalidOperationError(
        `An exclude constraint on '${definition.tableName}' needs at least one (element, operator) pair`,
      );
    }
    const elements = definition.elements
      .map(
        ([element, operator]) =>
          `${typeof element === 'string' ? this.quoteIdentifier(element) : element.text} WITH ${operator}`,
      )
      .join(', ');
    const name = definition.name === undefined ? undefined : constraintNameText(definition.name);
    let clause = `${this.renderConstraintNamePrefix(name)}EXCLUDE USING ${this.indexMethod(definition.using ?? 'gist')} (${elements})`;
    if (definition.where !== undefined) {
      clause += ` WHERE (${isSqlExpression(definition.where) ? definition.where.text : definition.where})`;
    }
    clause += this.renderDeferrability(definition.deferrable, definition.initially);
    return `${this.alterTable(definition)} ADD ${clause}`;
  }
}
