import type { RenameDirective } from '@alembic/core';
import { UsageError } from './usage-error.js';

const NAME = '[^.=\\s]+';
const COLUMN_RENAME = new RegExp(`^(?:(${NAME})\\.)?(${NAME})\\.(${NAME})=(${NAME})$`);
const TABLE_RENAME = new RegExp(`^(?:(${NAME})\\.)?(${NAME})=(${NAME})$`);

/**
 * The renames of `revision --rename [SCHEMA.]TABLE.OLD=NEW` and `--rename-table
 * [SCHEMA.]OLD=NEW`, as core's rename directives.
 *
 * ```ts
 * parseRenames(['account.name=full_name'], ['address=addresses']);
 * // [{ table: 'account', from: 'name', to: 'full_name' }, { from: 'address', to: 'addresses' }]
 * ```
 *
 * @throws UsageError naming the option and the expected form.
 */
export function parseRenames(columnRenames: readonly string[], tableRenames: readonly string[]): RenameDirective[] {
  const columns = columnRenames.map((value): RenameDirective => {
    const match = COLUMN_RENAME.exec(value);
    if (match === null) throw new UsageError(`argument --rename: expected TABLE.OLD=NEW, got '${value}'`, 'revision');
    const [, schema, table, from, to] = match as unknown as [string, string | undefined, string, string, string];
    return { ...(schema === undefined ? {} : { schema }), table, from, to };
  });
  const tables = tableRenames.map((value): RenameDirective => {
    const match = TABLE_RENAME.exec(value);
    if (match === null) throw new UsageError(`argument --rename-table: expected OLD=NEW, got '${value}'`, 'revision');
    const [, schema, from, to] = match as unknown as [string, string | undefined, string, string];
    return { ...(schema === undefined ? {} : { schema }), from, to };
  });
  return [...tables, ...columns];
}
