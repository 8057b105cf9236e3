/** What {@link enumValueChangeStatement} needs: the type, its new values, and the compiler's quoting. */
export interface EnumValueChange {
  /** The enum type's name, unquoted (`mood_kind`). */
  readonly typeName: string;
  /** The values the type must have, in order. */
  readonly values: readonly string[];
  /** The compiler's identifier quoting (`mood_kind`, `"Mood"`). */
  readonly quoteIdentifier: (name: string) => string;
  /** The compiler's string literal (`'it''s'`). */
  readonly stringLiteral: (value: string) => string;
}

/**
 * One `DO` block that gives a native enum type new values (added, removed or reordered) by
 * swapping it, which works inside a transaction where `ALTER TYPE ... ADD VALUE` is awkward and
 * `DROP VALUE` does not exist:
 *
 * 1. nothing happens when the type already has exactly these values (so a repeated change, or a
 *    second column of the same type changed in the same migration, costs nothing);
 * 2. every table column of the type (and of its array type) is found in `pg_attribute`, with
 *    its default as text;
 * 3. the type is renamed aside (`alembic_old_<oid>`), created again with the new values in the
 *    same schema, and every such column is converted (`USING c::text::type`, defaults dropped
 *    around the conversion and set again);
 * 4. the old type is dropped; when something other than a table column still uses it (a domain,
 *    a function, a composite type) the block fails with a clear message.
 *
 * Converting every column of the type, not only the altered one, is deliberate: the type is one
 * object, so its other columns must follow, and a half-converted database is never left behind.
 * The block is one statement, so any failure (a row holding a removed value, a view over a
 * column, a check constraint comparing with an enum literal) changes nothing. It fails
 * (`undefined_object`) when the type does not exist.
 *
 * ```ts
 * enumValueChangeStatement({ typeName: 'mood_kind', values: ['low', 'high'], quoteIdentifier, stringLiteral });
 * // 'DO $alembic$ DECLARE ... END $alembic$'
 * ```
 */
export function enumValueChangeStatement(change: EnumValueChange): string {
  const { typeName, values, quoteIdentifier, stringLiteral } = change;
  const nameLiteral = stringLiteral(typeName);
  const valuesArray = `ARRAY[${values.map(stringLiteral).join(', ')}]::text[]`;
  return [
    'DO $alembic$',
    'DECLARE',
    `  old_type oid := to_regtype(${stringLiteral(quoteIdentifier(typeName))});`,
    `  new_values text[] := ${valuesArray};`,
    '  type_schema text;',
    '  new_type text;',
    '  old_name text;',
    '  drop_defaults text[];',
    '  conversions text[];',
    '  set_defaults text[];',
    '  statement text;',
    '  detail text;',
    'BEGIN',
    '  IF old_type IS NULL THEN',
    `    RAISE EXCEPTION 'enum type % does not exist', ${nameLiteral} USING ERRCODE = 'undefined_object';`,
    '  END IF;',
    '  IF ARRAY(SELECT enumlabel::text FROM pg_enum WHERE enumtypid = old_type ORDER BY enumsortorder) = new_values THEN',
    '    RETURN;',
    '  END IF;',
    '  SELECT typnamespace::regnamespace::text INTO type_schema FROM pg_type WHERE oid = old_type;',
    `  new_type := type_schema || '.' || quote_ident(${nameLiteral});`,
    "  old_name := 'alembic_old_' || old_type::text;",
    '  SELECT',
    "      array_agg(format('ALTER TABLE %s ALTER COLUMN %I DROP DEFAULT', c.oid::regclass, a.attname)) FILTER (WHERE d.adbin IS NOT NULL),",
    "      array_agg(format('ALTER TABLE %s ALTER COLUMN %I TYPE %s USING %I::%s::%s', c.oid::regclass, a.attname,",
    "        new_type || x.suffix, a.attname, 'text' || x.suffix, new_type || x.suffix)),",
    "      array_agg(format('ALTER TABLE %s ALTER COLUMN %I SET DEFAULT %s', c.oid::regclass, a.attname, pg_get_expr(d.adbin, d.adrelid))) FILTER (WHERE d.adbin IS NOT NULL)",
    '    INTO drop_defaults, conversions, set_defaults',
    '    FROM pg_attribute a',
    '    JOIN pg_class c ON c.oid = a.attrelid',
    '    JOIN pg_type t ON t.oid = old_type',
    "    CROSS JOIN LATERAL (SELECT CASE WHEN a.atttypid = old_type THEN '' ELSE '[]' END AS suffix) x",
    '    LEFT JOIN pg_attrdef d ON d.adrelid = a.attrelid AND d.adnum = a.attnum',
    "   WHERE a.atttypid IN (old_type, t.typarray) AND a.attnum > 0 AND NOT a.attisdropped AND a.attinhcount = 0 AND c.relkind IN ('r', 'p');",
    "  EXECUTE format('ALTER TYPE %s RENAME TO %I', old_type::regtype, old_name);",
    "  EXECUTE format('CREATE TYPE %s AS ENUM (%s)', new_type,",
    "    (SELECT string_agg(quote_literal(label), ', ' ORDER BY position) FROM unnest(new_values) WITH ORDINALITY AS v(label, position)));",
    "  FOREACH statement IN ARRAY coalesce(drop_defaults, '{}') || coalesce(conversions, '{}') || coalesce(set_defaults, '{}') LOOP",
    '    EXECUTE statement;',
    '  END LOOP;',
    '  BEGIN',
    "    EXECUTE format('DROP TYPE %s.%I', type_schema, old_name);",
    '  EXCEPTION WHEN dependent_objects_still_exist THEN',
    '    GET STACKED DIAGNOSTICS detail = PG_EXCEPTION_DETAIL;',
    `    RAISE EXCEPTION 'cannot change the values of enum type %: objects other than table columns use it', ${nameLiteral}`,
    "      USING ERRCODE = 'dependent_objects_still_exist', DETAIL = detail, HINT = 'convert or drop them first, or change the type in op.execute()';",
    '  END;',
    'END $alembic$',
  ].join('\n');
}
