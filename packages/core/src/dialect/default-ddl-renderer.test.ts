import { dateTime, date, json, time, boolean } from '../schema/column-types.js';
import { inlineLiteral } from '../schema/inline-literal.js';
import { sql } from '../schema/sql-expression.js';
import { DefaultDdlCompiler } from './default-ddl-compiler.js';
import { defineCapabilities } from './dialect-capabilities.js';

const compiler = new DefaultDdlCompiler();

describe('quoteIdentifier', () => {
  it.each([
    ['account', 'account'],
    ['user_id', 'user_id'],
    ['a$b', 'a$b'],
    ['select', '"select"'],
    ['ORDER', '"ORDER"'],
    ['Name', '"Name"'],
    ['two words', '"two words"'],
    ['we"ird', '"we""ird"'],
    ['1st', '"1st"'],
    ['$x', '"$x"'],
    ['naïve', '"naïve"'],
  ])('%s -> %s', (name, expected) => {
    expect(compiler.quoteIdentifier(name)).toBe(expected);
  });

  it('uses the reserved words a subclass supplies', () => {
    class NarrowCompiler extends DefaultDdlCompiler {
      protected override get reservedWords(): ReadonlySet<string> {
        return new Set(['account']);
      }
    }
    const narrow = new NarrowCompiler();
    expect(narrow.quoteIdentifier('account')).toBe('"account"');
    expect(narrow.quoteIdentifier('select')).toBe('select');
  });
});

describe('renderLiteral', () => {
  it('doubles quotes in strings', () => {
    expect(compiler.renderLiteral("O'Brien")).toBe("'O''Brien'");
  });

  it('writes numbers, bigints and null as they are', () => {
    expect(compiler.renderLiteral(42)).toBe('42');
    expect(compiler.renderLiteral(-1.5)).toBe('-1.5');
    expect(compiler.renderLiteral(12345678901234567890n)).toBe('12345678901234567890');
    expect(compiler.renderLiteral(null)).toBe('NULL');
    expect(compiler.renderLiteral(undefined)).toBe('NULL');
  });

  it('refuses non-finite numbers', () => {
    expect(() => compiler.renderLiteral(Number.NaN)).toThrow(/NaN/);
    expect(() => compiler.renderLiteral(Number.POSITIVE_INFINITY)).toThrow(/Infinity/);
  });

  it('writes booleans as 1/0 without native booleans and true/false with them', () => {
    expect(compiler.renderLiteral(true)).toBe('1');
    expect(compiler.renderLiteral(false)).toBe('0');
    expect(compiler.renderLiteral(1, boolean())).toBe('1');
    const native = new DefaultDdlCompiler({ capabilities: defineCapabilities({ nativeBoolean: true }) });
    expect(native.renderLiteral(false)).toBe('false');
    expect(native.renderLiteral(0, boolean())).toBe('false');
  });

  it('writes dates in UTC according to the column type', () => {
    const moment = new Date(Date.UTC(2024, 0, 31, 13, 45, 7, 89));
    expect(compiler.renderLiteral(moment)).toBe("'2024-01-31 13:45:07.089'");
    expect(compiler.renderLiteral(moment, date())).toBe("'2024-01-31'");
    expect(compiler.renderLiteral(moment, time())).toBe("'13:45:07.089'");
    expect(compiler.renderLiteral(moment, dateTime({ timezone: true }))).toBe("'2024-01-31 13:45:07.089+00:00'");
  });

  it('writes bytes as a hex literal', () => {
    expect(compiler.renderLiteral(new Uint8Array([0, 10, 255]))).toBe("X'000aff'");
  });

  it('writes objects, and anything typed JSON, as a JSON string', () => {
    expect(compiler.renderLiteral({ note: "it's" })).toBe(`'{"note":"it''s"}'`);
    expect(compiler.renderLiteral('text', json())).toBe(`'"text"'`);
  });

  it('unwraps inline literals (their type wins) and passes sql() through', () => {
    const moment = new Date(Date.UTC(2024, 0, 31));
    expect(compiler.renderLiteral(inlineLiteral(moment, date()))).toBe("'2024-01-31'");
    expect(compiler.renderLiteral(sql('CURRENT_TIMESTAMP'))).toBe('CURRENT_TIMESTAMP');
  });

  it('refuses values with no SQL form', () => {
    expect(() => compiler.renderLiteral(() => 1)).toThrow(/function/);
  });
});
