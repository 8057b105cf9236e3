import { OPERATION_KINDS } from '@alembic/core';
import { GOLDEN_SQL_CASES } from './golden-sql-cases.js';
import { GOLDEN_SQL_CASE_NAMES } from './golden-sql.js';

describe('GOLDEN_SQL_CASES', () => {
  it('has a case named after every operation kind, of that kind', () => {
    for (const kind of OPERATION_KINDS) {
      expect(GOLDEN_SQL_CASES[kind]?.kind).toBe(kind);
    }
  });

  it('names every other case <kind>.<variant> after the kind of its operation', () => {
    for (const name of GOLDEN_SQL_CASE_NAMES.filter((candidate) => candidate.includes('.'))) {
      expect(`${GOLDEN_SQL_CASES[name].kind}.`).toBe(name.slice(0, name.indexOf('.') + 1));
    }
  });
});
