import { canonicalPostgresExpression } from './postgres-expression-text.js';

describe('canonicalPostgresExpression', () => {
  it.each([
    ["'-1'::integer", "'-1'"],
    ['(-1)', '-1'],
    ['now()', 'CURRENT_TIMESTAMP'],
    ['NOW( )', 'CURRENT_TIMESTAMP'],
    ['current_timestamp', 'CURRENT_TIMESTAMP'],
    ['CURRENT_TIMESTAMP(3)', 'CURRENT_TIMESTAMP(3)'],
    ['current_date', 'CURRENT_DATE'],
    ["nextval('s'::regclass)", "nextval('s')"],
    ['ARRAY[]::text[]', 'array[]::text[]'],
    ["'{}'::text[]", "'{}'"],
    ["(now() AT TIME ZONE 'utc'::text)", "CURRENT_TIMESTAMP at time zone 'utc'"],
    ["'a''b'::character varying", "'a''b'"],
    ["'x'::timestamp(3) without time zone", "'x'"],
    ['NULL::text', 'null'],
    ['GEN_RANDOM_UUID()', 'gen_random_uuid()'],
    ['"Mixed"', '"Mixed"'],
  ])('%s → %s', (input, expected) => {
    expect(canonicalPostgresExpression(input)).toBe(expected);
  });

  it('removes every cast and the parentheses PostgreSQL adds, for index expressions', () => {
    expect(canonicalPostgresExpression('lower((email)::text)', { casts: 'all' })).toBe('lower(email)');
    expect(canonicalPostgresExpression("(((status)::text = 'x'::text) AND (i > 0))", { casts: 'all' })).toBe(
      "status = 'x' and i > 0",
    );
    expect(canonicalPostgresExpression('(i + 1)', { casts: 'all' })).toBe('i + 1');
  });

  it('keeps parentheses that change the meaning, and lists', () => {
    expect(canonicalPostgresExpression('(a OR b) AND c')).toBe('(a or b) and c');
    expect(canonicalPostgresExpression('(i + 1) * 2')).toBe('(i + 1) * 2');
    expect(canonicalPostgresExpression('x IN (1)')).toBe('x in (1)');
    expect(canonicalPostgresExpression("status = ANY (ARRAY['a'::text])")).toBe("status = any (array['a'])");
  });

  it('returns text it cannot read as it is, trimmed', () => {
    expect(canonicalPostgresExpression(' $$odd$$ ')).toBe('$$odd$$');
  });
});
