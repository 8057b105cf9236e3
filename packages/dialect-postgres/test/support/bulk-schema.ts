/**
 * DDL for a schema of many tables with every feature the introspector reads: serial and
 * identity columns, types and defaults of every kind, an enum, collations, foreign keys with
 * actions and deferrability, unique constraints, named and unnamed checks, partial, expression,
 * INCLUDE and GIN indexes, table and column comments.
 */

/** The tables `bulkSchemaStatements(count)` creates, in order. */
export function bulkTableNames(count: number): string[] {
  return Array.from({ length: count }, (_unused, position) => `bulk_${String(position + 1).padStart(2, '0')}`);
}

/** The statements that create `count` tables (and the enum type they share). */
export function bulkSchemaStatements(count: number): string[] {
  const names = bulkTableNames(count);
  const statements = [`CREATE TYPE bulk_mood AS ENUM ('sad', 'ok', 'happy')`];
  names.forEach((name, position) => {
    const previous = names[position - 1];
    const first = names[0];
    const references =
      previous === undefined
        ? ''
        : `, CONSTRAINT ${name}_other_fk FOREIGN KEY (other_id) REFERENCES ${first} (id) DEFERRABLE INITIALLY DEFERRED`;
    statements.push(
      `CREATE TABLE ${name} (
        id serial PRIMARY KEY,
        code bigint GENERATED ALWAYS AS IDENTITY (START WITH 10 INCREMENT BY 5),
        name varchar(50) NOT NULL DEFAULT 'n',
        amount numeric(10,2) DEFAULT 0.00,
        ratio double precision DEFAULT -1.5,
        small smallint DEFAULT -1,
        flag boolean DEFAULT false,
        created timestamptz DEFAULT now(),
        day date DEFAULT CURRENT_DATE,
        data jsonb DEFAULT '{}',
        tags text[] DEFAULT '{}',
        mood bulk_mood DEFAULT 'ok',
        ref uuid DEFAULT gen_random_uuid(),
        parent_id integer${previous === undefined ? '' : ` REFERENCES ${previous} (id) ON DELETE CASCADE ON UPDATE SET NULL`},
        other_id integer,
        label text COLLATE "C",
        UNIQUE (name, code),
        CONSTRAINT ${name}_ratio_above CHECK (ratio > -10),
        CHECK (amount >= 0)${references}
      )`,
      `CREATE INDEX ${name}_lower_name ON ${name} (lower(name)) WHERE flag`,
      `CREATE UNIQUE INDEX ${name}_ref ON ${name} (ref) INCLUDE (name)`,
      `CREATE INDEX ${name}_data ON ${name} USING gin (data)`,
      `COMMENT ON TABLE ${name} IS 'table ${position + 1}'`,
      `COMMENT ON COLUMN ${name}.name IS 'the name'`,
    );
  });
  return statements;
}
