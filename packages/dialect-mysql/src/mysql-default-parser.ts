import { isSqlExpression, sql } from '@alembic/core/dialect';
import type { ServerDefault } from '@alembic/core/dialect';
import type { MysqlFlavour } from './mysql-flavour.js';
import { parseMysqlStringList } from './mysql-type-parser.js';

/** `EXTRA` of a column with `ON UPDATE`: MariaDB `on update current_timestamp()`, MySQL `DEFAULT_GENERATED on update CURRENT_TIMESTAMP`. */
const ON_UPDATE = /\bon update\s+(.+)$/i;

const NUMBER_LITERAL = /^[+-]?(\d+\.?\d*|\.\d+)(e[+-]?\d+)?$/i;

/**
 * The server default of a reflected column from `information_schema.COLUMNS.COLUMN_DEFAULT`
 * (and `EXTRA`), in the model's terms: a value is a string (`'x'`, `'3'`, rendered back quoted),
 * an expression is `sql(...)` (`current_timestamp()`, `(1 + 2)`), no default (or `DEFAULT NULL`)
 * is undefined.
 *
 * The two servers write it differently: MariaDB 10.2.7+ writes SQL (`'x'` quoted, `3`,
 * `current_timestamp()`, `NULL` for `DEFAULT NULL`); MySQL 8 writes the bare value (`x`) and
 * marks expressions with `DEFAULT_GENERATED` in `EXTRA`.
 *
 * A column's `ON UPDATE` clause (`EXTRA`) is kept with its default, as the model writes it:
 * `sql('current_timestamp() ON UPDATE current_timestamp()')`, or `sql('NULL ON UPDATE ...')`
 * for a nullable column without a default (a NOT NULL one without a default has no way to say
 * it, and comes out without).
 *
 * ```ts
 * parseMysqlDefault("'it''s'", { flavour: 'mariadb' }); // "it's"
 * parseMysqlDefault('CURRENT_TIMESTAMP', { flavour: 'mysql', extra: 'DEFAULT_GENERATED' }); // sql('CURRENT_TIMESTAMP')
 * parseMysqlDefault('current_timestamp()', { flavour: 'mariadb', extra: 'on update current_timestamp()' });
 * // sql('current_timestamp() ON UPDATE current_timestamp()')
 * ```
 */
export function parseMysqlDefault(
  columnDefault: string | null | undefined,
  details: { readonly flavour: MysqlFlavour; readonly extra?: string | null; readonly nullable?: boolean },
): ServerDefault | undefined {
  const value = parseDefaultValue(columnDefault, details);
  const onUpdate = ON_UPDATE.exec(details.extra ?? '')?.[1]?.trim();
  if (onUpdate === undefined || (value === undefined && details.nullable === false)) {
    return value;
  }
  const valueText =
    value === undefined
      ? 'NULL'
      : isSqlExpression(value)
        ? value.text
        : `'${value.replaceAll('\\', '\\\\').replaceAll("'", "''")}'`;
  return sql(`${valueText} ON UPDATE ${onUpdate}`);
}

function parseDefaultValue(
  columnDefault: string | null | undefined,
  details: { readonly flavour: MysqlFlavour; readonly extra?: string | null },
): ServerDefault | undefined {
  if (columnDefault === null || columnDefault === undefined) {
    return undefined;
  }
  if (details.flavour === 'mysql') {
    return /DEFAULT_GENERATED/i.test(details.extra ?? '') ? sql(columnDefault) : columnDefault;
  }
  if (columnDefault === 'NULL') {
    return undefined;
  }
  if (columnDefault.startsWith("'") && columnDefault.endsWith("'") && columnDefault.length >= 2) {
    const [value] = parseMysqlStringList(columnDefault);
    return value ?? '';
  }
  return NUMBER_LITERAL.test(columnDefault) ? columnDefault : sql(columnDefault);
}
