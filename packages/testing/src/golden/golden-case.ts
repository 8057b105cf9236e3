import type { OperationKind, OperationMap } from '@alembic/core';

/** Statements a compiler must produce (without terminators), or the error it must throw instead. */
export type GoldenExpectation = readonly string[] | { readonly error: RegExp };

/**
 * One golden case of a dialect's own DDL tests: an operation of one kind and what the compiler
 * makes of it. `Expected` defaults to one {@link GoldenExpectation}; a dialect with flavours
 * states one per flavour (`Record<MysqlFlavour, GoldenExpectation>`).
 */
export interface GoldenCase<Kind extends OperationKind, Expected = GoldenExpectation> {
  readonly title: string;
  readonly operation: OperationMap[Kind];
  readonly expected: Expected;
}

/**
 * A dialect's golden DDL cases, typed over every `OperationKind`: when core adds an operation
 * kind, `tsc` lists every dialect whose table lacks it.
 *
 * ```ts
 * const GOLDEN: GoldenCases = {
 *   createTable: [{ title: 'plain', operation: createTableOperation({ table: t }), expected: ['CREATE TABLE t (a INTEGER)'] }],
 *   // ...one entry per operation kind
 * };
 * ```
 */
export type GoldenCases<Expected = GoldenExpectation> = {
  readonly [Kind in OperationKind]: readonly GoldenCase<Kind, Expected>[];
};

/** The cases of a {@link GoldenCases} table as `[kind, title, case]` rows, for `it.each`. */
export function goldenCaseRows<Expected>(
  cases: { readonly [Kind in OperationKind]: readonly GoldenCase<Kind, Expected>[] } | Partial<GoldenCases<Expected>>,
): (readonly [OperationKind, string, GoldenCase<OperationKind, Expected>])[] {
  return (Object.keys(cases) as OperationKind[]).flatMap((kind) =>
    ((cases[kind] ?? []) as readonly GoldenCase<OperationKind, Expected>[]).map(
      (entry) => [kind, entry.title, entry] as const,
    ),
  );
}
