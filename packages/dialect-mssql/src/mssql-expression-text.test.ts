import { canonicalMssqlDefault, canonicalMssqlExpression } from './mssql-expression-text.js';
import { isMssqlGeneratedName } from './mssql-generated-names.js';
import { mssqlTypeRowFromText } from './mssql-type-text.js';

describe('canonicalMssqlExpression', () => {
  it.each([
    ['((0))', '0'],
    ['((-1.5))', '-1.5'],
    ["('abc')", "'abc'"],
    ["(N'abc')", "'abc'"],
    ["('it''s (not) [x]')", "'it''s (not) [x]'"],
    ['((1)+(2))', '1+2'],
    ['1 + 2', '1+2'],
    ['([amount]>(0))', 'amount>0'],
    ['amount > 0', 'amount>0'],
    ['([created] IS NOT NULL)', 'created is not null'],
    ['(abs([a])+(1))', 'abs(a)+1'],
    ['(a) + (b)', '(a)+(b)'],
  ])('%s is %s', (text, canonical) => {
    expect(canonicalMssqlExpression(text)).toBe(canonical);
  });
});

describe('canonicalMssqlDefault', () => {
  it('spells the current date and time one way', () => {
    expect(canonicalMssqlDefault('(getdate())')).toBe('getdate()');
    expect(canonicalMssqlDefault('CURRENT_TIMESTAMP')).toBe('getdate()');
    expect(canonicalMssqlDefault('NOW()')).toBe('getdate()');
    expect(canonicalMssqlDefault('(sysdatetime())')).toBe('sysdatetime()');
  });

  it('NULL is no default', () => {
    expect(canonicalMssqlDefault('(NULL)')).toBeUndefined();
  });
});

describe('isMssqlGeneratedName', () => {
  it.each([
    'PK__account__3213E83F0AD2A005',
    'UQ__account__AB6E6164D3C1E2F0',
    'FK__child__parent__3B75D760',
    'CK__t__amount__4A8310C6',
    'DF__t__c__3D5E1FD2',
  ])('%s is generated', (name) => {
    expect(isMssqlGeneratedName(name)).toBe(true);
  });

  it.each(['pk_account', 'uq_account_email', 'PK__account', 'FK__child__parent__xyz', 'DF_t_c'])(
    '%s is not',
    (name) => {
      expect(isMssqlGeneratedName(name)).toBe(false);
    },
  );
});

describe('mssqlTypeRowFromText', () => {
  it.each([
    ['VARCHAR(50)', { type_name: 'varchar', max_length: 50, precision: 0, scale: 0 }],
    ['NVARCHAR(20)', { type_name: 'nvarchar', max_length: 40, precision: 0, scale: 0 }],
    ['NVARCHAR(max)', { type_name: 'nvarchar', max_length: -1, precision: 0, scale: 0 }],
    [
      'VARCHAR(10) COLLATE Latin1_General_CS_AS',
      { type_name: 'varchar', max_length: 10, precision: 0, scale: 0, collation_name: 'Latin1_General_CS_AS' },
    ],
    ['NUMERIC', { type_name: 'numeric', max_length: 0, precision: 18, scale: 0 }],
    ['NUMERIC(10, 2)', { type_name: 'numeric', max_length: 0, precision: 10, scale: 2 }],
    ['FLOAT', { type_name: 'float', max_length: 8, precision: 53, scale: 0 }],
    ['FLOAT(10)', { type_name: 'real', max_length: 4, precision: 24, scale: 0 }],
    ['DATETIME2(3)', { type_name: 'datetime2', max_length: 0, precision: 0, scale: 3 }],
    ['DATETIMEOFFSET', { type_name: 'datetimeoffset', max_length: 0, precision: 0, scale: 7 }],
    ['INTEGER', { type_name: 'int', max_length: 0, precision: 0, scale: 0 }],
  ])('%s', (text, row) => {
    expect(mssqlTypeRowFromText(text)).toEqual(row);
  });

  it('cannot read what is not a plain type', () => {
    expect(mssqlTypeRowFromText('app.money_type')).toBeUndefined();
    expect(mssqlTypeRowFromText('INT(4)')).toBeUndefined();
  });
});
