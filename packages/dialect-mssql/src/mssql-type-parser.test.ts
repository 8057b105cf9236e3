import {
  bigInteger,
  boolean,
  date,
  dateTime,
  float,
  integer,
  largeBinary,
  numeric,
  rawType,
  smallInteger,
  string,
  text,
  time,
  uuid,
} from '@alembic/core/dialect';
import type { ColumnType } from '@alembic/core/dialect';
import { parseMssqlType } from './mssql-type-parser.js';

function row(type_name: string, max_length = 0, precision = 0, scale = 0, collation_name: string | null = null) {
  return { type_name, max_length, precision, scale, collation_name };
}

describe('parseMssqlType', () => {
  it.each<[string, ReturnType<typeof row>, ColumnType]>([
    ['int', row('int', 4, 10), integer()],
    ['bigint', row('bigint', 8, 19), bigInteger()],
    ['smallint', row('smallint', 2, 5), smallInteger()],
    ['tinyint', row('tinyint', 1, 3), rawType('TINYINT')],
    ['bit', row('bit', 1, 1), boolean()],
    ['varchar(50)', row('varchar', 50), string(50)],
    ['varchar(max)', row('varchar', -1), text()],
    ['nvarchar(200)', row('nvarchar', 400), rawType('NVARCHAR(200)')],
    ['nvarchar(max)', row('nvarchar', -1), rawType('NVARCHAR(max)')],
    ['nchar(3)', row('nchar', 6), rawType('NCHAR(3)')],
    ['datetime', row('datetime', 8, 23, 3), dateTime()],
    ['datetimeoffset', row('datetimeoffset', 10, 34, 7), dateTime({ timezone: true })],
    ['datetime2', row('datetime2', 8, 27, 7), rawType('DATETIME2')],
    ['datetime2(3)', row('datetime2', 7, 23, 3), rawType('DATETIME2(3)')],
    ['date', row('date', 3, 10), date()],
    ['time', row('time', 5, 16, 7), time()],
    ['decimal(10,2)', row('decimal', 9, 10, 2), numeric(10, 2)],
    ['float', row('float', 8, 53), float()],
    ['float(24)', row('float', 4, 24), float(24)],
    ['varbinary(max)', row('varbinary', -1), largeBinary()],
    ['varbinary(16)', row('varbinary', 16), largeBinary(16)],
    ['uniqueidentifier', row('uniqueidentifier', 16), uuid()],
    ['xml', row('xml', -1), rawType('XML')],
  ])('%s', (_title, source, expected) => {
    expect(parseMssqlType(source)).toEqual(expected);
  });

  it('keeps a collation only when it differs from the database default', () => {
    expect(parseMssqlType(row('varchar', 10, 0, 0, 'Latin1_General_BIN2'), 'SQL_Latin1_General_CP1_CI_AS')).toEqual(
      string(10, { collation: 'Latin1_General_BIN2' }),
    );
    expect(
      parseMssqlType(row('varchar', 10, 0, 0, 'SQL_Latin1_General_CP1_CI_AS'), 'SQL_Latin1_General_CP1_CI_AS'),
    ).toEqual(string(10));
    expect(parseMssqlType(row('nvarchar', 20, 0, 0, 'Latin1_General_BIN2'), 'X')).toEqual(
      rawType('NVARCHAR(10) COLLATE Latin1_General_BIN2'),
    );
  });
});
