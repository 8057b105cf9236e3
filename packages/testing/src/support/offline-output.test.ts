import { defineCapabilities } from '@alembic/core/dialect';
import { parseOfflineOutput, withoutIdentifierQuotes } from './offline-output.js';

describe('parseOfflineOutput', () => {
  it('separates statements (terminator removed), comments and unterminated entries', () => {
    const parsed = parseOfflineOutput(
      [
        'BEGIN;',
        '',
        '-- Running upgrade  -> a1',
        '',
        'CREATE TABLE t (\n  a INTEGER\n);',
        '',
        'oops',
        '',
        'COMMIT;',
        '',
      ],
      defineCapabilities(),
    );
    expect(parsed).toEqual({
      statements: ['BEGIN', 'CREATE TABLE t (\n  a INTEGER\n)', 'COMMIT'],
      comments: ['-- Running upgrade  -> a1'],
      unterminated: ['oops'],
    });
  });

  it('skips the batch separator lines', () => {
    const parsed = parseOfflineOutput(
      ['BEGIN TRANSACTION;', '', 'GO', '', 'SELECT 1;', '', 'GO', ''],
      defineCapabilities({ batchSeparator: 'GO' }),
    );
    expect(parsed.statements).toEqual(['BEGIN TRANSACTION', 'SELECT 1']);
    expect(parsed.unterminated).toEqual([]);
  });
});

describe('withoutIdentifierQuotes', () => {
  it('drops double quotes, backticks and brackets, and collapses spaces', () => {
    expect(
      withoutIdentifierQuotes(
        "UPDATE `alembic_version` SET  \"version_num\"='b' WHERE [alembic_version].version_num = 'a'",
      ),
    ).toBe("UPDATE alembic_version SET version_num='b' WHERE alembic_version.version_num = 'a'");
  });
});
