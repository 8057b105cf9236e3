import { groupRows } from './group-rows.js';

describe('groupRows', () => {
  it('groups rows by key, keys and rows in the order met', () => {
    const rows = [
      { table: 'b', column: 'id' },
      { table: 'a', column: 'id' },
      { table: 'b', column: 'name' },
    ];
    const groups = groupRows(rows, (row) => row.table);
    expect([...groups.keys()]).toEqual(['b', 'a']);
    expect(groups.get('b')?.map((row) => row.column)).toEqual(['id', 'name']);
    expect(groups.get('a')).toEqual([{ table: 'a', column: 'id' }]);
  });

  it('gives an empty map for no rows', () => {
    expect(groupRows([], () => 'x').size).toBe(0);
  });
});
