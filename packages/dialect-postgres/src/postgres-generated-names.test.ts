import { isPostgresGeneratedName, postgresObjectName } from './postgres-generated-names.js';

describe('PostgreSQL generated names', () => {
  it('joins the table, the columns and the label', () => {
    expect(postgresObjectName('account', 'email', 'key')).toBe('account_email_key');
    expect(postgresObjectName('account', undefined, 'pkey')).toBe('account_pkey');
  });

  it('shortens the longer part first to fit 63 bytes, as PostgreSQL 15 does', () => {
    const longTable = 'very_long_table_name_aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa';
    expect(postgresObjectName(longTable, 'column_name_also_quite_long_bbbbbbbbbbbbbbbbbbbbbbb', 'key')).toBe(
      'very_long_table_name_aaaaaaaa_column_name_also_quite_long_b_key',
    );
    expect(postgresObjectName(longTable, 'c2', 'check')).toBe(
      'very_long_table_name_aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa_c2_check',
    );
  });

  it('recognises the number PostgreSQL appends when a name is taken', () => {
    expect(isPostgresGeneratedName('t_a_key1', 't', [['a']], 'key')).toBe(true);
    expect(isPostgresGeneratedName('t_a_key', 't', [['b']], 'key')).toBe(false);
    expect(isPostgresGeneratedName('t_check', 't', [undefined], 'check')).toBe(true);
    expect(isPostgresGeneratedName('uq_t_a', 't', [['a']], 'key')).toBe(false);
  });
});
