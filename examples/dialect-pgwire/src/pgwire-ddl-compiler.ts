import { DefaultDdlCompiler, isAutoincrementColumn } from '@alembic/core/dialect';
import type {
  BatchRecreatePlan,
  ColumnModel,
  ColumnRenderContext,
  ColumnType,
  DdlCompilerOptions,
  TypeSpellings,
} from '@alembic/core/dialect';
import { pgwireCapabilities } from './pgwire-capabilities.js';

/** The SQL of the column kinds this database spells one way, whatever the type's details. */
const TYPE_SPELLINGS: TypeSpellings = {
  integer: 'INT8',
  bigInteger: 'INT8',
  smallInteger: 'INT2',
  float: 'FLOAT8',
  largeBinary: 'BYTEA',
  json: 'JSONB',
};

/**
 * The pgwire database's DDL: core's `DefaultDdlCompiler` (the generic SQL of Alembic's default
 * dialect) with only what this database does differently overridden.
 *
 * - Its quirk: `INTEGER` is 64 bits here, so `integer()` is written `INT8` (and read back as
 *   `bigInteger`), `smallInteger()` `INT2`; an autoincrement key is `BIGSERIAL`.
 * - `TIMESTAMP` / `TIMESTAMPTZ`, `FLOAT8`, `BYTEA`, and `JSONB` for every JSON column.
 * - `$1` parameter placeholders; `'\x..'::bytea` binary literals.
 * - `ALTER TABLE s.t RENAME TO t2` (the new name takes no schema).
 * - A batch rebuild first drops the original table's named constraints whose names the copy
 *   needs (the primary key's and unique constraints' are also index names): core's
 *   `dropConstraintsNamedAsInCopy`.
 *
 * ```ts
 * new PgwireDdlCompiler().compile(addColumnOperation({ tableName: 'account', column: column('visits', integer()) }));
 * // ['ALTER TABLE account ADD COLUMN visits INT8']
 * ```
 */
export class PgwireDdlCompiler extends DefaultDdlCompiler {
  constructor(options: DdlCompilerOptions = {}) {
    super({ ...options, dialectName: 'pgwire', capabilities: pgwireCapabilities });
  }

  protected override get typeSpellings(): TypeSpellings {
    return TYPE_SPELLINGS;
  }

  override renderType(type: ColumnType): string {
    if (type.kind === 'dateTime') {
      return type.timezone ? 'TIMESTAMPTZ' : 'TIMESTAMP';
    }
    return super.renderType(type);
  }

  protected override renderColumnType(column: ColumnModel, context: ColumnRenderContext): string {
    const integerKey =
      column.type.kind === 'integer' || column.type.kind === 'bigInteger' || column.type.kind === 'smallInteger';
    if (
      integerKey &&
      column.identity === undefined &&
      context.table !== undefined &&
      isAutoincrementColumn(context.table, column)
    ) {
      return 'BIGSERIAL';
    }
    return super.renderColumnType(column, context);
  }

  protected override renderParameterPlaceholder(position: number): string {
    return `$${position}`;
  }

  protected override renderBinaryLiteral(value: Uint8Array): string {
    return `'\\x${Buffer.from(value.buffer, value.byteOffset, value.byteLength).toString('hex')}'::bytea`;
  }

  protected override renderRenameTableTarget(newTableName: string): string {
    return this.quoteIdentifier(newTableName);
  }

  protected override compileBatchPreparation(plan: BatchRecreatePlan): string[] {
    return this.dropConstraintsNamedAsInCopy(plan);
  }
}
