import {
  bigInteger,
  boolean,
  dateTime,
  enumType,
  float,
  integer,
  isColumnType,
  numeric,
  rawType,
  string,
  text,
  time,
} from './column-types.js';

describe('column types', () => {
  it('build frozen plain data without unset options', () => {
    const type = string(50);
    expect(type).toEqual({ kind: 'string', length: 50 });
    expect(Object.isFrozen(type)).toBe(true);
    expect(string()).toEqual({ kind: 'string' });
    expect(Object.keys(numeric())).toEqual(['kind']);
  });

  it('carry their options', () => {
    expect(numeric(10, 2)).toEqual({ kind: 'numeric', precision: 10, scale: 2 });
    expect(float(24)).toEqual({ kind: 'float', precision: 24 });
    expect(dateTime({ timezone: true })).toEqual({ kind: 'dateTime', timezone: true });
    expect(time()).toEqual({ kind: 'time', timezone: false });
    expect(text({ collation: 'C' })).toEqual({ kind: 'text', collation: 'C' });
    expect(rawType('CITEXT')).toEqual({ kind: 'raw', sql: 'CITEXT' });
  });

  it('default booleans and enums like SQLAlchemy (no CHECK, native enum where possible)', () => {
    expect(boolean()).toEqual({ kind: 'boolean', createConstraint: false });
    expect(enumType(['a', 'b'], { name: 'mood' })).toEqual({
      kind: 'enum',
      values: ['a', 'b'],
      name: 'mood',
      nativeEnum: true,
      createConstraint: false,
    });
  });

  it('copy and freeze enum values', () => {
    const values = ['a'];
    const type = enumType(values);
    values.push('b');
    expect(type.values).toEqual(['a']);
    expect(Object.isFrozen(type.values)).toBe(true);
  });

  it('are recognised by isColumnType', () => {
    expect(isColumnType(integer())).toBe(true);
    expect(isColumnType(bigInteger())).toBe(true);
    expect(isColumnType({ kind: 'varchar' })).toBe(false);
    expect(isColumnType('INTEGER')).toBe(false);
  });
});
