import { kindOf } from './kind-of.js';
import { sql } from './sql-expression.js';
import { table } from './table.js';

describe('kindOf', () => {
  it('reads the kind tag of a model object', () => {
    expect(kindOf(table('account', []))).toBe('table');
    expect(kindOf(sql('now()'))).toBe('sqlExpression');
    expect(kindOf({ kind: 42 })).toBe(42);
  });

  it('gives undefined for what is not an object', () => {
    for (const value of [null, undefined, 'table', 7, true]) {
      expect(kindOf(value)).toBeUndefined();
    }
  });
});
