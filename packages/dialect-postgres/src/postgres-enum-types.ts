import type { EnumType, TableModel } from '@alembic/core/dialect';

/** An enum type PostgreSQL stores as a named type: native and named. */
export type NamedEnumType = EnumType & { readonly name: string };

/**
 * The native, named enum types a table's (or a list of) columns use, each name once, in column order: what
 * `CREATE TYPE ... AS ENUM` must create before the table (and `DROP TYPE` may drop after it).
 *
 * ```ts
 * nativeEnumTypes(table('post', [column('status', enumType(['draft', 'published'], { name: 'post_status' }))]));
 * // [{ kind: 'enum', name: 'post_status', values: ['draft', 'published'], ... }]
 * ```
 */
export function nativeEnumTypes(model: Pick<TableModel, 'columns'>): NamedEnumType[] {
  const found = new Map<string, NamedEnumType>();
  for (const { type } of model.columns) {
    if (type.kind === 'enum' && type.nativeEnum && type.name !== undefined && !found.has(type.name)) {
      found.set(type.name, type as NamedEnumType);
    }
  }
  return [...found.values()];
}
