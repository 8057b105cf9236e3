/**
 * Golden SQL of the SQL Server compiler, one entry per operation kind (typed: a new operation
 * kind must be stated here), following Alembic 1.8's MSSQL output (reference §6, case 43,
 * Appendix A) where Alembic has the operation; no database involved.
 */
import {
  OPERATION_KINDS,
  alterColumnOperation,
  column,
  createTableCommentOperation,
  createTableOperation,
  executeOperation,
  string,
  table,
} from '@alembic/core/dialect';
import type { Operation, OperationKind } from '@alembic/core/dialect';
import { MssqlDdlCompiler } from '../src/mssql-ddl-compiler.js';
import type { GoldenCase, GoldenTable } from './support/golden-types.js';
import { OTHER_CASES } from './support/golden-other-cases.js';
import { TABLE_CASES } from './support/golden-table-cases.js';

const GOLDEN: GoldenTable = { ...TABLE_CASES, ...OTHER_CASES };

describe('MssqlDdlCompiler golden SQL', () => {
  const kinds = Object.keys(GOLDEN) as OperationKind[];
  const cases = kinds.flatMap((kind) =>
    (GOLDEN[kind] as readonly GoldenCase<OperationKind>[]).map((entry) => [kind, entry.title, entry] as const),
  );

  it.each(cases)('%s: %s', (_kind, _title, entry) => {
    const compiler = new MssqlDdlCompiler();
    const operation = entry.operation as Operation;
    const expected = entry.expected;
    if ('error' in expected) {
      expect(() => compiler.compile(operation)).toThrow(expected.error);
    } else {
      expect(compiler.compile(operation)).toEqual(expected);
    }
  });

  it('states at least one case for every operation kind', () => {
    expect(Object.keys(GOLDEN).sort()).toEqual([...OPERATION_KINDS].sort());
    for (const kind of OPERATION_KINDS) {
      expect(GOLDEN[kind].length).toBeGreaterThan(0);
    }
  });
});

describe('MssqlDdlCompiler, beyond the golden table', () => {
  it('refuses nullability without a type with an InvalidOperationError', () => {
    let caught: unknown;
    try {
      new MssqlDdlCompiler().compile(alterColumnOperation({ tableName: 't', columnName: 'c', nullable: false }));
    } catch (error) {
      caught = error;
    }
    expect(caught).toMatchObject({ code: 'ALEMBIC_INVALID_OPERATION' });
  });

  it('warns when a type change does not say the nullability', () => {
    const warnings: string[] = [];
    const compiler = new MssqlDdlCompiler({ warn: (message) => warnings.push(message) });
    compiler.compile(alterColumnOperation({ tableName: 't', columnName: 'c', type: string(10) }));
    compiler.compile(
      alterColumnOperation({ tableName: 't', columnName: 'c', type: string(10), existingNullable: false }),
    );
    expect(warnings).toEqual([
      "MS-SQL ALTER COLUMN of 't.c' with a new type should also say nullable or existingNullable; without it a NOT NULL column becomes NULL",
    ]);
  });

  it("binds an execute's parameters as @p1, @p2 online", () => {
    const compiler = new MssqlDdlCompiler();
    expect(
      compiler.compileParameterized(
        executeOperation({ sql: 'UPDATE t SET a = :a WHERE b = :b', parameters: { a: 1, b: 'x' } }),
      ),
    ).toEqual({
      sql: 'UPDATE t SET a = @p1 WHERE b = @p2',
      parameters: [1, 'x'],
    });
  });

  it('quotes with brackets and writes T-SQL literals', () => {
    const compiler = new MssqlDdlCompiler();
    expect(compiler.quoteIdentifier('alembic_version')).toBe('alembic_version');
    expect(compiler.quoteIdentifier('user')).toBe('[user]');
    expect(compiler.quoteIdentifier('a]b')).toBe('[a]]b]');
    expect(compiler.renderLiteral(true)).toBe('1');
    expect(compiler.renderLiteral("O'Brien")).toBe("'O''Brien'");
    expect(compiler.renderLiteral(Buffer.from([0x0a, 0xff]))).toBe('0x0aff');
    expect(compiler.renderLiteral(new Date(Date.UTC(2024, 0, 31, 13, 45, 7, 250)))).toBe("'2024-01-31 13:45:07.250'");
  });

  it('files comments under the default schema it is given', () => {
    const compiler = new MssqlDdlCompiler({ defaultSchema: 'app' });
    expect(
      compiler.compile(createTableCommentOperation({ tableName: 't', comment: 'x', existingComment: null })),
    ).toEqual(["EXEC sp_addextendedproperty 'MS_Description', N'x', 'schema', N'app', 'table', N't'"]);
  });

  it('writes the version table as Alembic does', () => {
    const compiler = new MssqlDdlCompiler();
    const versionTable = table('alembic_version', [column('version_num', string(32), { nullable: false })]);
    expect(compiler.compile(createTableOperation({ table: versionTable }))).toEqual([
      'CREATE TABLE alembic_version (version_num VARCHAR(32) NOT NULL)',
    ]);
  });
});
