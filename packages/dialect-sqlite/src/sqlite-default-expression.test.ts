import { sqliteDefaultExpression } from './sqlite-default-expression.js';

describe('sqliteDefaultExpression', () => {
  it.each([
    ['CURRENT_TIMESTAMP', '(CURRENT_TIMESTAMP)'],
    ["datetime('now')", "(datetime('now'))"],
    ['1 + 2', '(1 + 2)'],
    ['(a) + (b)', '((a) + (b))'],
    ["(')')", "(')')"],
    ['(1 + 2)', '(1 + 2)'],
    ['0', '0'],
    ['-1.5', '-1.5'],
    ['1e3', '1e3'],
    ['0x1F', '0x1F'],
    ["'it''s'", "'it''s'"],
    ["X'0aff'", "X'0aff'"],
    ['NULL', 'NULL'],
    ['true', 'true'],
    ['  5  ', '5'],
  ])('%s -> %s', (expression, rendered) => {
    expect(sqliteDefaultExpression(expression)).toBe(rendered);
  });
});
