import { sql } from '@alembic/core/dialect';
import { parseCreateIndex } from './sqlite-create-index-parser.js';

describe('parseCreateIndex', () => {
  it('keeps bare columns as names and anything else verbatim', () => {
    expect(
      parseCreateIndex(
        'CREATE UNIQUE INDEX IF NOT EXISTS "ix" ON "t" (lower(email), "Name", id DESC, code COLLATE NOCASE)',
      ),
    ).toEqual({
      elements: [sql('lower(email)'), 'Name', sql('id DESC'), sql('code COLLATE NOCASE')],
    });
  });

  it('reads the condition of a partial index', () => {
    expect(parseCreateIndex("CREATE INDEX ix ON t (a) WHERE deleted_at IS NULL AND kind = 'x';")).toEqual({
      elements: ['a'],
      where: "deleted_at IS NULL AND kind = 'x'",
    });
  });
});
