import { toQueryResult } from './mysql-query-result.js';

class ResultSetHeader {
  constructor(readonly affectedRows: number) {}
}

describe('toQueryResult', () => {
  it('reads rows, affected rows, and the last result of several statements', () => {
    expect(toQueryResult([{ a: 1 }, { a: 2 }])).toEqual({ rows: [{ a: 1 }, { a: 2 }], rowCount: 2 });
    expect(toQueryResult([])).toEqual({ rows: [], rowCount: 0 });
    expect(toQueryResult(new ResultSetHeader(3))).toEqual({ rows: [], rowCount: 3 });
    expect(toQueryResult([new ResultSetHeader(1), [{ b: 1 }]])).toEqual({ rows: [{ b: 1 }], rowCount: 1 });
    expect(toQueryResult(undefined)).toEqual({ rows: [], rowCount: undefined });
  });
});
