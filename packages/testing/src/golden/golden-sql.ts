import { describe, expect, it } from '@jest/globals';
import type { Dialect } from '@alembic/core';
import type { DdlCompiler } from '@alembic/core/dialect';
import { GOLDEN_SQL_CASES, type GoldenSqlCaseName } from './golden-sql-cases.js';
import { NOT_SUPPORTED } from './not-supported.js';

/**
 * What a dialect's compiler makes of every case of `GOLDEN_SQL_CASES`: the statements, without
 * terminators, in order; or {@link NOT_SUPPORTED} when it must refuse the operation. Typed over
 * every case name, so `tsc` lists each case a dialect has not stated (and each new case core's
 * operations bring).
 *
 * ```ts
 * export const golden: GoldenSql = {
 *   createTable: ['CREATE TABLE account (id SERIAL NOT NULL, ..., PRIMARY KEY (id))'],
 *   'alterColumn.type': ['ALTER TABLE account ALTER COLUMN name TYPE VARCHAR(100)'],
 *   createTableComment: NOT_SUPPORTED,
 *   // ...every other case
 * };
 * ```
 */
export type GoldenSql = { readonly [Name in GoldenSqlCaseName]: readonly string[] | typeof NOT_SUPPORTED };

/** The case names in declaration order. */
export const GOLDEN_SQL_CASE_NAMES: readonly GoldenSqlCaseName[] = Object.freeze(
  Object.keys(GOLDEN_SQL_CASES) as GoldenSqlCaseName[],
);

/** Statements a fresh compiler (no connection: offline) writes for one case. */
export function compileGoldenCase(compiler: DdlCompiler, name: GoldenSqlCaseName): string[] {
  return compiler.compile(GOLDEN_SQL_CASES[name]);
}

/**
 * Registers one jest test per golden case: a fresh compiler of `dialect` (created with no
 * connection, as offline runs do) must produce exactly the stated statements, or throw for
 * {@link NOT_SUPPORTED}. No database is involved.
 *
 * ```ts
 * defineGoldenSqlSuite(sqliteDialect, SQLITE_GOLDEN_SQL);
 * ```
 */
export function defineGoldenSqlSuite(dialect: Dialect, golden: GoldenSql): void {
  describe(`golden SQL (${dialect.name})`, () => {
    it.each(GOLDEN_SQL_CASE_NAMES.map((name) => [name] as const))('%s', (name) => {
      const expected = golden[name];
      const compiler = dialect.createDdlCompiler();
      if (expected === NOT_SUPPORTED) {
        expect(() => compileGoldenCase(compiler, name)).toThrow();
      } else {
        expect(compileGoldenCase(compiler, name)).toEqual(expected);
      }
    });

    it('states every case and nothing else', () => {
      expect(Object.keys(golden).sort()).toEqual([...GOLDEN_SQL_CASE_NAMES].sort());
    });
  });
}
