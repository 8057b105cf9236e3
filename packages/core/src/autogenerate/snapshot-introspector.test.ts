import { column } from '../schema/column.js';
import { integer } from '../schema/column-types.js';
import { table } from '../schema/table.js';
import { snapshotIntrospector } from './snapshot-introspector.js';

describe('snapshotIntrospector', () => {
  const tables = [
    table('b', [column('id', integer())]),
    table('a', [column('id', integer())]),
    table('c', [column('id', integer())], { schema: 'billing' }),
  ];
  const introspector = snapshotIntrospector(tables, { defaultSchemaName: 'public' });

  it('lists tables per schema, sorted, and schemas', async () => {
    expect(await introspector.getTableNames()).toEqual(['a', 'b']);
    expect(await introspector.getTableNames({ schema: 'billing' })).toEqual(['c']);
    expect(await introspector.getSchemaNames?.()).toEqual(['billing']);
    expect(await introspector.getDefaultSchemaName?.()).toBe('public');
  });

  it('returns the tables asked for, by schema and name', async () => {
    expect((await introspector.getTables({ tableNames: ['b', 'missing'] })).map((model) => model.name)).toEqual(['b']);
    expect((await introspector.getTables()).map((model) => model.name)).toEqual(['a', 'b']);
    expect((await introspector.getTables({ schema: 'billing' }))[0]).toBe(tables[2]);
    expect(await introspector.getTable('c')).toBeUndefined();
    expect(await introspector.getTable('c', { schema: 'billing' })).toBe(tables[2]);
  });
});
