import { sql } from '@alembic/core/dialect';
import type { IndexElement } from '@alembic/core/dialect';
import type { SqlToken } from './sqlite-sql-tokens.js';
import { isKeyword, isName, matchingParenthesis, splitAtTopLevelCommas, tokenizeSql } from './sqlite-sql-tokens.js';

/** The parts of a `CREATE INDEX` statement the pragmas do not give. */
export interface ParsedCreateIndex {
  /** Column names, or `sql()` expressions for anything else (`lower(email)`, `name DESC`). */
  readonly elements: readonly IndexElement[];
  /** The condition of a partial index. */
  readonly where?: string;
}

/**
 * Reads the elements and the `WHERE` condition of a `CREATE INDEX` statement (the `sql` of
 * `sqlite_master`). An element that is a bare column name stays a name; anything more (an
 * expression, a `COLLATE`, `DESC`) is kept verbatim as an `sql()` expression.
 *
 * ```ts
 * parseCreateIndex('CREATE INDEX ix ON t (lower(email), id) WHERE deleted = 0');
 * // { elements: [sql('lower(email)'), 'id'], where: 'deleted = 0' }
 * ```
 */
export function parseCreateIndex(statement: string): ParsedCreateIndex | undefined {
  const tokens = tokenizeSql(statement);
  const on = tokens.findIndex((token) => isKeyword(token, 'ON'));
  const open = tokens.findIndex(
    (token, position) => position > on && token.type === 'punctuation' && token.value === '(',
  );
  if (on < 0 || open < 0) {
    return undefined;
  }
  const close = matchingParenthesis(tokens, open);
  const elements = splitAtTopLevelCommas(tokens.slice(open + 1, close)).map((part): IndexElement => {
    const [first] = part;
    if (part.length === 1 && isName(first)) {
      return first.value;
    }
    const start = (part[0] as SqlToken).start;
    const end = (part[part.length - 1] as SqlToken).end;
    return sql(statement.slice(start, end));
  });
  const whereToken = tokens.slice(close + 1).find((token) => isKeyword(token, 'WHERE'));
  const where =
    whereToken === undefined ? undefined : statement.slice(whereToken.end).trim().replace(/;\s*$/, '').trim();
  return where === undefined || where === '' ? { elements } : { elements, where };
}
