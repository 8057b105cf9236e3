import { InvalidSchemaError } from '../errors/invalid-schema-error.js';
import type { NamingConvention } from './naming-convention.js';
import { defaultNamingConvention } from './naming-convention.js';
import type { TableModel } from './table.js';
import { isTableModel } from './table.js';
import { kindOf } from './kind-of.js';

/**
 * The application's schema as autogenerate sees it (SQLAlchemy's `MetaData`): tables declared
 * with the same `table()` / `column()` helpers migrations use, plus the naming convention that
 * names their constraints and indexes.
 *
 * Build one with {@link metadata}; `@alembic/typeorm` builds one from a TypeORM `DataSource`.
 */
export interface MetadataModel {
  readonly kind: 'metadata';
  readonly tables: readonly TableModel[];
  readonly namingConvention: NamingConvention;
}

/** Options of {@link metadata}. */
export interface MetadataOptions {
  /** Templates naming constraints and indexes; default: SQLAlchemy's (`ix_<table>_<column>` only). */
  readonly namingConvention?: NamingConvention;
}

/**
 * Declares the application's tables for `alembic revision --autogenerate` and `alembic check`.
 *
 * ```ts
 * export const targetMetadata = metadata([
 *   table('account', [
 *     column('id', integer(), { primaryKey: true }),
 *     column('email', string(100), { nullable: false, unique: true }),
 *   ]),
 * ], { namingConvention: { uq: 'uq_%(table_name)s_%(column_0_name)s' } });
 * ```
 *
 * @throws InvalidSchemaError when two tables share a schema and name.
 */
export function metadata(tables: readonly TableModel[], options: MetadataOptions = {}): MetadataModel {
  if (!Array.isArray(tables) || tables.some((candidate) => !isTableModel(candidate))) {
    throw new InvalidSchemaError('metadata() takes a list of tables built with table()');
  }
  const seen = new Set<string>();
  for (const model of tables) {
    const key = model.schema === undefined ? model.name : `${model.schema}.${model.name}`;
    if (seen.has(key)) {
      throw new InvalidSchemaError(`metadata() has two tables named '${key}'`);
    }
    seen.add(key);
  }
  return Object.freeze({
    kind: 'metadata',
    tables: Object.freeze([...tables]),
    namingConvention: Object.freeze({ ...(options.namingConvention ?? defaultNamingConvention) }),
  });
}

/** True when `value` is a {@link MetadataModel}. */
export function isMetadataModel(value: unknown): value is MetadataModel {
  return kindOf(value) === 'metadata';
}
