import { canonicalSqliteDefault } from './sqlite-default-text.js';

describe('canonicalSqliteDefault', () => {
  it.each([
    ['(CURRENT_TIMESTAMP)', 'CURRENT_TIMESTAMP'],
    ['current_timestamp', 'CURRENT_TIMESTAMP'],
    ['(current_date)', 'CURRENT_DATE'],
    ['Current_Time', 'CURRENT_TIME'],
    ['((0))', '0'],
    [' -1.5 ', '-1.5'],
    ['TRUE', '1'],
    ['false', '0'],
    ["'abc'", "'abc'"],
    ["('(x)')", "'(x)'"],
    ['(1) + (2)', '(1) + (2)'],
    ["datetime('now')", "datetime('now')"],
  ])('%s is %s', (text, canonical) => {
    expect(canonicalSqliteDefault(text)).toBe(canonical);
  });

  it('NULL is no default', () => {
    expect(canonicalSqliteDefault('NULL')).toBeUndefined();
    expect(canonicalSqliteDefault('(null)')).toBeUndefined();
  });
});
