import type { SqlToken } from './sqlite-sql-tokens.js';
import { isKeyword, isName, matchingParenthesis, splitAtTopLevelCommas, tokenizeSql } from './sqlite-sql-tokens.js';

/** A CHECK constraint as written, on a column or on the table. */
export interface ParsedCheck {
  readonly name?: string;
  readonly condition: string;
}

/** A named UNIQUE constraint (SQLite's pragmas give the columns but not the name). */
export interface ParsedUnique {
  readonly name: string;
  readonly columns: readonly string[];
}

/** A foreign key as written, with what the pragmas leave out: its name and deferrability. */
export interface ParsedForeignKey {
  readonly name?: string;
  readonly columns: readonly string[];
  readonly referredTable: string;
  readonly deferrable?: boolean;
  readonly initially?: string;
}

/** What `CREATE TABLE` text tells beyond SQLite's pragmas. */
export interface ParsedCreateTable {
  readonly primaryKeyName?: string;
  readonly uniques: readonly ParsedUnique[];
  readonly checks: readonly ParsedCheck[];
  /** In declaration order. */
  readonly foreignKeys: readonly ParsedForeignKey[];
  /** Columns declared `AUTOINCREMENT`. */
  readonly autoincrementColumns: readonly string[];
  /** `COLLATE` clauses of columns, by column name. */
  readonly collations: ReadonlyMap<string, string>;
}

/** Keywords that start a column constraint (or end a column's type). */
const CONSTRAINT_STARTS: ReadonlySet<string> = new Set([
  'CONSTRAINT',
  'PRIMARY',
  'UNIQUE',
  'CHECK',
  'FOREIGN',
  'NOT',
  'NULL',
  'DEFAULT',
  'COLLATE',
  'REFERENCES',
  'GENERATED',
  'AS',
]);

interface MutableParse {
  primaryKeyName?: string;
  uniques: ParsedUnique[];
  checks: ParsedCheck[];
  foreignKeys: ParsedForeignKey[];
  autoincrementColumns: string[];
  collations: Map<string, string>;
}

/** Names listed in `( a, b COLLATE x, c DESC )` starting at `openIndex`: the first name of each part. */
function columnList(tokens: readonly SqlToken[], openIndex: number): { names: string[]; closeIndex: number } {
  const closeIndex = matchingParenthesis(tokens, openIndex);
  const names = splitAtTopLevelCommas(tokens.slice(openIndex + 1, closeIndex))
    .map((part) => part[0])
    .filter(isName)
    .map((token) => token.value);
  return { names, closeIndex };
}

/** `DEFERRABLE`, `NOT DEFERRABLE`, `INITIALLY DEFERRED|IMMEDIATE` from `start` until the next constraint. */
function deferrability(tokens: readonly SqlToken[], start: number): Pick<ParsedForeignKey, 'deferrable' | 'initially'> {
  let deferrable: boolean | undefined;
  let initially: string | undefined;
  for (let index = start; index < tokens.length; index += 1) {
    const token = tokens[index];
    if (
      isKeyword(token, 'CONSTRAINT') ||
      isKeyword(token, 'CHECK') ||
      isKeyword(token, 'UNIQUE') ||
      isKeyword(token, 'PRIMARY')
    ) {
      break;
    }
    if (isKeyword(token, 'DEFERRABLE')) {
      deferrable = !isKeyword(tokens[index - 1], 'NOT');
    } else if (isKeyword(token, 'INITIALLY') && tokens[index + 1]?.type === 'word') {
      initially = (tokens[index + 1] as SqlToken).value.toUpperCase();
    }
  }
  return { ...(deferrable === undefined ? {} : { deferrable }), ...(initially === undefined ? {} : { initially }) };
}

/** The text between the parentheses opening at `openIndex`. */
function enclosedText(
  sql: string,
  tokens: readonly SqlToken[],
  openIndex: number,
): { text: string; closeIndex: number } {
  const closeIndex = matchingParenthesis(tokens, openIndex);
  const open = tokens[openIndex] as SqlToken;
  const close = tokens[closeIndex] as SqlToken;
  return { text: sql.slice(open.end, close.start).trim(), closeIndex };
}

/**
 * Reads constraints from one element (a column definition or a table constraint). `column` is
 * the column's name for a column definition, undefined for a table constraint.
 */
function readConstraints(
  sql: string,
  tokens: readonly SqlToken[],
  start: number,
  column: string | undefined,
  parse: MutableParse,
): void {
  let pendingName: string | undefined;
  for (let index = start; index < tokens.length; index += 1) {
    const token = tokens[index] as SqlToken;
    const next = tokens[index + 1];
    if (isKeyword(token, 'CONSTRAINT') && isName(next)) {
      pendingName = next.value;
      index += 1;
      continue;
    }
    // A constraint name applies to the constraint that follows it, and only to that one.
    const name = pendingName;
    if (token.type === 'word' && CONSTRAINT_STARTS.has(token.value.toUpperCase())) {
      pendingName = undefined;
    }
    const named = name === undefined ? {} : { name };
    if (isKeyword(token, 'PRIMARY') && name !== undefined) {
      parse.primaryKeyName = name;
    } else if (isKeyword(token, 'UNIQUE')) {
      const listed = column === undefined && next?.value === '(' ? columnList(tokens, index + 1) : undefined;
      if (name !== undefined) {
        parse.uniques.push({ name, columns: listed?.names ?? (column === undefined ? [] : [column]) });
      }
      index = listed?.closeIndex ?? index;
    } else if (isKeyword(token, 'CHECK') && next?.value === '(') {
      const { text, closeIndex } = enclosedText(sql, tokens, index + 1);
      parse.checks.push({ ...named, condition: text });
      index = closeIndex;
    } else if (isKeyword(token, 'FOREIGN') && column === undefined) {
      const open = tokens.findIndex((candidate, position) => position > index && candidate.value === '(');
      if (open < 0) {
        return;
      }
      const local = columnList(tokens, open);
      const referencesIndex = local.closeIndex + 1;
      const referred = tokens[referencesIndex + 1];
      if (isKeyword(tokens[referencesIndex], 'REFERENCES') && isName(referred)) {
        parse.foreignKeys.push({
          ...named,
          columns: local.names,
          referredTable: referred.value,
          ...deferrability(tokens, referencesIndex),
        });
      }
      return;
    } else if (isKeyword(token, 'REFERENCES') && column !== undefined && isName(next)) {
      parse.foreignKeys.push({
        ...named,
        columns: [column],
        referredTable: next.value,
        ...deferrability(tokens, index + 2),
      });
    } else if (isKeyword(token, 'AUTOINCREMENT') && column !== undefined) {
      parse.autoincrementColumns.push(column);
    } else if (isKeyword(token, 'COLLATE') && column !== undefined && isName(next)) {
      parse.collations.set(column, next.value);
      index += 1;
    } else if (token.type === 'punctuation' && token.value === '(') {
      index = matchingParenthesis(tokens, index);
    }
  }
}

/**
 * Reads from a `CREATE TABLE` statement (the `sql` of `sqlite_master`) the facts SQLite's
 * pragmas do not give: constraint names, CHECK conditions, `AUTOINCREMENT`, collations and
 * the deferrability of foreign keys. Nothing else of the text is interpreted; columns, types,
 * keys and indexes come from the pragmas.
 *
 * ```ts
 * parseCreateTable('CREATE TABLE t (id INTEGER PRIMARY KEY AUTOINCREMENT, n INT CONSTRAINT ck_n CHECK (n > 0))');
 * // { autoincrementColumns: ['id'], checks: [{ name: 'ck_n', condition: 'n > 0' }], ... }
 * ```
 */
export function parseCreateTable(sql: string): ParsedCreateTable {
  const parse: MutableParse = {
    uniques: [],
    checks: [],
    foreignKeys: [],
    autoincrementColumns: [],
    collations: new Map(),
  };
  const tokens = tokenizeSql(sql);
  const open = tokens.findIndex((token) => token.type === 'punctuation' && token.value === '(');
  if (open < 0) {
    return parse;
  }
  const close = matchingParenthesis(tokens, open);
  for (const element of splitAtTopLevelCommas(tokens.slice(open + 1, close))) {
    const first = element[0];
    if (first === undefined) {
      continue;
    }
    const startsConstraint =
      first.type === 'word' &&
      ['CONSTRAINT', 'PRIMARY', 'UNIQUE', 'CHECK', 'FOREIGN'].includes(first.value.toUpperCase());
    if (startsConstraint) {
      readConstraints(sql, element, 0, undefined, parse);
    } else if (isName(first)) {
      const typeEnd = element.findIndex(
        (token, position) => position > 0 && token.type === 'word' && CONSTRAINT_STARTS.has(token.value.toUpperCase()),
      );
      readConstraints(sql, element, typeEnd < 0 ? element.length : typeEnd, first.value, parse);
    }
  }
  return parse;
}
