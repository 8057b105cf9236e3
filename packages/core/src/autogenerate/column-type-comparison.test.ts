import {
  bigInteger,
  boolean,
  date,
  dateTime,
  enumType,
  float,
  integer,
  json,
  largeBinary,
  numeric,
  rawType,
  smallInteger,
  string,
  text,
} from '../schema/column-types.js';
import { columnTypesDiffer, typeChangeLoss, typesCompatible } from './column-type-comparison.js';
import { describeColumnType } from './describe-column-type.js';

describe('columnTypesDiffer', () => {
  it('compares kinds, and only the properties the model sets', () => {
    expect(columnTypesDiffer(integer(), bigInteger())).toBe(true);
    expect(columnTypesDiffer(string(), string(20))).toBe(false);
    expect(columnTypesDiffer(string(20), string(20, { collation: 'C' }))).toBe(false);
    expect(columnTypesDiffer(string(20, { collation: 'C' }), string(20))).toBe(true);
    expect(columnTypesDiffer(numeric(10, 2), numeric(10, 3))).toBe(true);
    expect(columnTypesDiffer(dateTime({ timezone: true }), dateTime())).toBe(true);
    expect(columnTypesDiffer(enumType(['a', 'b']), enumType(['a', 'b']))).toBe(false);
    expect(columnTypesDiffer(enumType(['a', 'b']), enumType(['a']))).toBe(true);
  });

  it('ignores how a type is created (its CHECK, native or not) and compares raw SQL loosely', () => {
    expect(columnTypesDiffer(boolean({ createConstraint: true, name: 'ck' }), boolean())).toBe(false);
    expect(columnTypesDiffer(enumType(['a'], { nativeEnum: false, createConstraint: true }), enumType(['a']))).toBe(
      false,
    );
    expect(columnTypesDiffer(rawType('CITEXT'), rawType(' citext '))).toBe(false);
    expect(columnTypesDiffer(rawType('NUMERIC( 5 , 2 )'), rawType('numeric(5,2)'))).toBe(false);
    expect(columnTypesDiffer(rawType('INT[]'), rawType('TEXT[]'))).toBe(true);
  });
});

describe('typeChangeLoss', () => {
  it.each([
    [string(100), string(50), 'narrows'],
    [string(), string(50), 'narrows'],
    [text(), string(50), 'narrows'],
    [largeBinary(10), largeBinary(5), 'narrows'],
    [numeric(10, 2), numeric(8, 2), 'narrows'],
    [numeric(10, 2), numeric(10, 1), 'narrows'],
    [numeric(), numeric(10, 2), 'narrows'],
    [bigInteger(), integer(), 'narrows'],
    [bigInteger(), smallInteger(), 'narrows'],
    [integer(), smallInteger(), 'narrows'],
    [float(), integer(), 'narrows'],
    [numeric(10, 2), bigInteger(), 'narrows'],
    [dateTime(), date(), 'narrows'],
    [enumType(['a', 'b']), enumType(['a']), 'narrows'],
    [text(), integer(), 'converts'],
    [json(), text(), 'converts'],
    [rawType('INT[]'), rawType('TEXT[]'), 'converts'],
  ] as const)('%j -> %j %s', (existing, next, loss) => {
    expect(typeChangeLoss(existing, next)).toBe(loss);
  });

  it.each([
    [string(50), string(100)],
    [string(50), string()],
    [string(50), text()],
    [smallInteger(), integer()],
    [integer(), bigInteger()],
    [integer(), numeric(20)],
    [numeric(8, 2), numeric(10, 2)],
    [date(), dateTime()],
    [enumType(['a']), enumType(['a', 'b'])],
    [enumType(['ab']), string(10)],
    [dateTime(), dateTime({ timezone: true })],
  ] as const)('%j -> %j keeps every value', (existing, next) => {
    expect(typeChangeLoss(existing, next)).toBeUndefined();
  });
});

describe('typesCompatible and describeColumnType', () => {
  it('groups kinds into families', () => {
    expect(typesCompatible(integer(), numeric())).toBe(true);
    expect(typesCompatible(string(), text())).toBe(true);
    expect(typesCompatible(string(), integer())).toBe(false);
  });

  it('writes types as short generic SQL', () => {
    expect(
      [
        string(50),
        string(),
        numeric(10, 2),
        numeric(5),
        dateTime({ timezone: true }),
        enumType(['a', "o'k"], { name: 'e' }),
        largeBinary(),
        rawType('CITEXT'),
      ].map(describeColumnType),
    ).toEqual([
      'VARCHAR(50)',
      'VARCHAR',
      'NUMERIC(10, 2)',
      'NUMERIC(5)',
      'DATETIME WITH TIME ZONE',
      "ENUM('a', 'o''k', name='e')",
      'BLOB',
      'CITEXT',
    ]);
  });
});
