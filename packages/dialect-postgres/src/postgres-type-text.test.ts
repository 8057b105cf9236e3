import { formatPostgresTypeText } from './postgres-type-text.js';

describe('formatPostgresTypeText', () => {
  it.each([
    ['INTEGER', 'integer'],
    ['int4', 'integer'],
    ['SERIAL', 'integer'],
    ['BIGSERIAL', 'bigint'],
    ['int2', 'smallint'],
    ['VARCHAR(50)', 'character varying(50)'],
    ['character varying', 'character varying'],
    ['CHAR', 'character(1)'],
    ['bpchar(4)', 'character(4)'],
    ['NUMERIC(10, 2)', 'numeric(10,2)'],
    ['DECIMAL(10)', 'numeric(10,0)'],
    ['NUMERIC', 'numeric'],
    ['FLOAT', 'double precision'],
    ['FLOAT(24)', 'real'],
    ['FLOAT(25)', 'double precision'],
    ['float4', 'real'],
    ['TIMESTAMP WITHOUT TIME ZONE', 'timestamp without time zone'],
    ['TIMESTAMP', 'timestamp without time zone'],
    ['TIMESTAMP(3) WITH TIME ZONE', 'timestamp(3) with time zone'],
    ['timestamptz(6)', 'timestamp(6) with time zone'],
    ['TIME WITH TIME ZONE', 'time with time zone'],
    ['BOOL', 'boolean'],
    ['INT[]', 'integer[]'],
    ['INT[][]', 'integer[]'],
    ['integer ARRAY', 'integer[]'],
    ['varbit(3)', 'bit varying(3)'],
    ['BIT', 'bit(1)'],
    ['JSONB', 'jsonb'],
    ['"post_status"', 'post_status'],
    ['"PostStatus"', '"PostStatus"'],
    ['interval day', 'interval day'],
  ])('%s is spelled %s', (input, expected) => {
    expect(formatPostgresTypeText(input)).toEqual({ formattedType: expected });
  });

  it('splits off the collation', () => {
    expect(formatPostgresTypeText('VARCHAR(20) COLLATE "C"')).toEqual({
      formattedType: 'character varying(20)',
      collation: 'C',
    });
    expect(formatPostgresTypeText('text collate "en_US"')).toEqual({ formattedType: 'text', collation: 'en_US' });
  });
});
