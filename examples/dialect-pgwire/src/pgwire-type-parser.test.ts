import { parsePgwireType } from './pgwire-type-parser.js';

describe('parsePgwireType', () => {
  it('reads every integer but INT2 as a 64-bit integer (the quirk)', () => {
    expect(parsePgwireType('integer').kind).toBe('bigInteger');
    expect(parsePgwireType('bigint').kind).toBe('bigInteger');
    expect(parsePgwireType('smallint').kind).toBe('smallInteger');
  });

  it('reads lengths, precision and time zones', () => {
    expect(parsePgwireType('character varying(50)')).toMatchObject({ kind: 'string', length: 50 });
    expect(parsePgwireType('numeric(10,2)')).toMatchObject({ kind: 'numeric', precision: 10, scale: 2 });
    expect(parsePgwireType('timestamp with time zone')).toMatchObject({ kind: 'dateTime', timezone: true });
  });

  it('keeps what it does not know as written', () => {
    expect(parsePgwireType('tsvector')).toMatchObject({ kind: 'raw', sql: 'tsvector' });
  });
});
