import { sql } from '@alembic/core/dialect';
import { parseMssqlDefault } from './mssql-default-parser.js';

describe('parseMssqlDefault', () => {
  it('reads string literals as values', () => {
    expect(parseMssqlDefault("('none')")).toBe('none');
    expect(parseMssqlDefault("(N'it''s')")).toBe("it's");
    expect(parseMssqlDefault("('(a)')")).toBe('(a)');
  });

  it('keeps everything else as SQL, without the parentheses SQL Server adds', () => {
    expect(parseMssqlDefault('((5))')).toEqual(sql('5'));
    expect(parseMssqlDefault('(getdate())')).toEqual(sql('getdate()'));
    expect(parseMssqlDefault('((1)+(2))')).toEqual(sql('(1)+(2)'));
    expect(parseMssqlDefault('(NULL)')).toEqual(sql('NULL'));
  });

  it('returns undefined without a default', () => {
    expect(parseMssqlDefault(null)).toBeUndefined();
  });
});
