import { defaultCapabilities, defineCapabilities } from '../../dialect/dialect-capabilities.js';
import { InvalidOperationError } from '../../errors/invalid-operation-error.js';
import { column } from '../../schema/column.js';
import { boolean, integer } from '../../schema/column-types.js';
import { sql } from '../../schema/sql-expression.js';
import { addColumnOperation } from '../add-column-operation.js';
import { alterColumnOperation } from '../alter-column-operation.js';
import { createIndexOperation } from '../create-index-operation.js';
import { dropIndexOperation } from '../drop-index-operation.js';
import { executeOperation } from '../execute-operation.js';
import { requiresRecreate } from './requires-recreate.js';

const sqliteLike = defineCapabilities({ requiresBatchRecreate: true, supportsAlterConstraints: false });
const addPlain = addColumnOperation({ tableName: 'foo', column: column('x', integer()) });
const createIndex = createIndexOperation({ indexName: 'ix', tableName: 'foo', columns: ['x'] });
const dropIndex = dropIndexOperation({ indexName: 'ix_old', tableName: 'foo' });
const execute = executeOperation({ sql: 'UPDATE foo SET x = 1' });
const alter = alterColumnOperation({ tableName: 'foo', columnName: 'x', type: integer() });

describe('requiresRecreate', () => {
  it("always rebuilds with 'always' and never with 'never'", () => {
    expect(requiresRecreate([addPlain], defaultCapabilities, 'always')).toBe(true);
    expect(requiresRecreate([alter], sqliteLike, 'never')).toBe(false);
  });

  it("in 'auto' mode, never rebuilds on a dialect that can ALTER", () => {
    expect(requiresRecreate([alter], defaultCapabilities, 'auto')).toBe(false);
  });

  it("in 'auto' mode on SQLite, keeps plain columns, indexes and execute as ALTERs", () => {
    expect(requiresRecreate([addPlain, createIndex, dropIndex, execute], sqliteLike, 'auto')).toBe(false);
    expect(requiresRecreate([], sqliteLike, 'auto')).toBe(false);
  });

  it("in 'auto' mode on SQLite, rebuilds for anything else", () => {
    expect(requiresRecreate([addPlain, alter], sqliteLike, 'auto')).toBe(true);
  });

  it.each([
    ['an SQL expression default', column('x', integer(), { serverDefault: sql('now()') })],
    ['a primary key', column('x', integer(), { primaryKey: true })],
    ['a unique constraint', column('x', integer(), { unique: true })],
    ['a boolean CHECK', column('x', boolean({ createConstraint: true }))],
  ])('rebuilds on SQLite to add a column with %s', (_label, added) => {
    expect(requiresRecreate([addColumnOperation({ tableName: 'foo', column: added })], sqliteLike, 'auto')).toBe(true);
  });

  it('does not rebuild to add a column with a string default, a reference or a unique index', () => {
    const operations = [
      addColumnOperation({ tableName: 'foo', column: column('a', integer(), { serverDefault: '1' }) }),
      addColumnOperation({ tableName: 'foo', column: column('b', integer(), { references: 'bar.id' }) }),
      addColumnOperation({ tableName: 'foo', column: column('c', integer(), { unique: true, index: true }) }),
    ];
    expect(requiresRecreate(operations, sqliteLike, 'auto')).toBe(false);
  });

  it('refuses a positioned column when the table is not rebuilt', () => {
    const positioned = addColumnOperation({ tableName: 'foo', column: column('z', integer()), insertAfter: 'id' });
    expect(() => requiresRecreate([positioned], defaultCapabilities, 'auto')).toThrow(InvalidOperationError);
    expect(() => requiresRecreate([positioned], sqliteLike, 'never')).toThrow(
      "Can't specify insertBefore or insertAfter when using ALTER",
    );
    expect(requiresRecreate([positioned], defaultCapabilities, 'always')).toBe(true);
  });
});
