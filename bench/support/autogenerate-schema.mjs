/**
 * The schema of the autogenerate benchmark (bench/autogenerate.mjs), written for each tool from
 * one seeded plan:
 *
 * - `planSchema({ tables, seed })`: N tables `tbl_0001` ... with an `id SERIAL` primary key and
 *   6-11 more columns of mixed types (integer, bigint, smallint, varchar(n), text, boolean,
 *   numeric(p,s), timestamp, timestamptz, date, double precision, uuid, jsonb), about 40%
 *   nullable, some server defaults (numbers, strings, booleans, `now()`); from the second table
 *   on, about 19 in 20 have one many-to-one foreign key to an earlier table with an `ON DELETE`
 *   action; 1-2 indexes per table (one or two columns, some unique); about 1 in 7 a unique
 *   constraint. Every constraint and index is named explicitly, the same in every tool, so that
 *   no tool's naming scheme decides the outcome. The first tables of a plan do not depend on N:
 *   the 50-table plan is the 500-table plan's first 50 tables.
 * - `writeTypeOrmFiles(dir, plan)`: `src/entities/<table>.js` (plain CommonJS `EntitySchema`s,
 *   which the TypeORM CLI loads without ts-node), `src/entities/index.js`, `src/data-source.js`
 *   (a PostgreSQL `DataSource` named `AppDataSource`, URL from `DATABASE_URL`) and a
 *   `package.json`.
 * - `writePythonFiles(dir, plan)`: `models.py` (the same schema as SQLAlchemy `Table`s),
 *   `migrations/env.py` (`target_metadata`, `compare_type` and `compare_server_default` True,
 *   TypeORM's `migrations` table left out, URL from `DATABASE_URL`), `migrations/script.py.mako`,
 *   and `renderPythonIni` / `renderPythonBaseline` for a run.
 * - `renderSchemaSql(plan, { revision })`: the DDL TypeORM would run for these entities, plus
 *   TypeORM's `migrations` table with one row and `alembic_version` at `revision`.
 *
 * Avoided on purpose (each makes one of the tools report a difference on an unchanged schema,
 * which would make the timing meaningless): enums, negative or numeric-typed defaults, defaults on
 * json/uuid columns, comments, check constraints.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';

/** Bump when the generated files change, so cached projects are regenerated. */
export const SCHEMA_GENERATOR_VERSION = 1;

/** The seed used when none is given. */
export const DEFAULT_SCHEMA_SEED = 20261204;

/** A 32-bit seeded generator (mulberry32). */
function createRandom(seed) {
  let state = seed >>> 0;
  return function next() {
    state = (state + 0x6d2b79f5) >>> 0;
    let mixed = state;
    mixed = Math.imul(mixed ^ (mixed >>> 15), mixed | 1);
    mixed ^= mixed + Math.imul(mixed ^ (mixed >>> 7), mixed | 61);
    return ((mixed ^ (mixed >>> 14)) >>> 0) / 4294967296;
  };
}

const pick = (random, values) => values[Math.floor(random() * values.length)];
const randomInteger = (random, low, high) => low + Math.floor(random() * (high - low + 1));

/**
 * The column kinds: how each tool spells the type, and the server defaults it may have
 * (`sql` as PostgreSQL stores it, `typeorm` as the entity writes it, `python` as SQLAlchemy's
 * `server_default`).
 */
const COLUMN_KINDS = [
  {
    kind: 'int',
    sql: () => 'integer',
    typeorm: () => ({ type: 'int' }),
    python: () => 'sa.Integer()',
    defaults: [
      { sql: '0', typeorm: 0, python: "sa.text('0')" },
      { sql: '7', typeorm: 7, python: "sa.text('7')" },
    ],
  },
  {
    kind: 'bigint',
    sql: () => 'bigint',
    typeorm: () => ({ type: 'bigint' }),
    python: () => 'sa.BigInteger()',
    defaults: [],
  },
  {
    kind: 'smallint',
    sql: () => 'smallint',
    typeorm: () => ({ type: 'smallint' }),
    python: () => 'sa.SmallInteger()',
    defaults: [{ sql: '1', typeorm: 1, python: "sa.text('1')" }],
  },
  {
    kind: 'varchar',
    parameters: (random) => ({ length: pick(random, [32, 64, 100, 255]) }),
    sql: ({ length }) => `character varying(${length})`,
    typeorm: ({ length }) => ({ type: 'varchar', length }),
    python: ({ length }) => `sa.String(length=${length})`,
    defaults: [
      { sql: "'none'", typeorm: 'none', python: "'none'" },
      { sql: "'draft'", typeorm: 'draft', python: "'draft'" },
    ],
  },
  {
    kind: 'text',
    sql: () => 'text',
    typeorm: () => ({ type: 'text' }),
    python: () => 'sa.Text()',
    defaults: [],
  },
  {
    kind: 'bool',
    sql: () => 'boolean',
    typeorm: () => ({ type: 'boolean' }),
    python: () => 'sa.Boolean()',
    defaults: [
      { sql: 'false', typeorm: false, python: "sa.text('false')" },
      { sql: 'true', typeorm: true, python: "sa.text('true')" },
    ],
  },
  {
    kind: 'numeric',
    parameters: (random) =>
      pick(random, [
        { precision: 10, scale: 2 },
        { precision: 12, scale: 4 },
        { precision: 18, scale: 6 },
      ]),
    sql: ({ precision, scale }) => `numeric(${precision},${scale})`,
    typeorm: ({ precision, scale }) => ({ type: 'numeric', precision, scale }),
    python: ({ precision, scale }) => `sa.Numeric(precision=${precision}, scale=${scale})`,
    defaults: [],
  },
  {
    kind: 'ts',
    sql: () => 'timestamp without time zone',
    typeorm: () => ({ type: 'timestamp' }),
    python: () => 'sa.DateTime()',
    defaults: [{ sql: 'now()', typeorm: 'now()', sqlFunction: true, python: "sa.text('now()')" }],
  },
  {
    kind: 'tstz',
    sql: () => 'timestamp with time zone',
    typeorm: () => ({ type: 'timestamptz' }),
    python: () => 'sa.DateTime(timezone=True)',
    defaults: [{ sql: 'now()', typeorm: 'now()', sqlFunction: true, python: "sa.text('now()')" }],
  },
  {
    kind: 'date',
    sql: () => 'date',
    typeorm: () => ({ type: 'date' }),
    python: () => 'sa.Date()',
    defaults: [],
  },
  {
    kind: 'double',
    sql: () => 'double precision',
    typeorm: () => ({ type: 'double precision' }),
    python: () => 'postgresql.DOUBLE_PRECISION()',
    defaults: [],
  },
  {
    kind: 'uuid',
    sql: () => 'uuid',
    typeorm: () => ({ type: 'uuid' }),
    python: () => 'postgresql.UUID()',
    defaults: [],
  },
  {
    kind: 'jsonb',
    sql: () => 'jsonb',
    typeorm: () => ({ type: 'jsonb' }),
    python: () => 'postgresql.JSONB()',
    defaults: [],
  },
];

const KIND_BY_NAME = new Map(COLUMN_KINDS.map((kind) => [kind.kind, kind]));
const ON_DELETE_ACTIONS = ['CASCADE', 'SET NULL', 'RESTRICT', 'NO ACTION'];

/** The name of table `index` (0-based). */
const tableName = (index) => `tbl_${String(index + 1).padStart(4, '0')}`;

/**
 * Plans the schema: `{ tables, seed, list: [{ name, columns: [{ name, kind, parameters,
 * nullable, serverDefault? }], primaryKeyName, foreignKey?: { name, column, nullable, target,
 * onDelete }, indexes: [{ name, columns, unique }], uniques: [{ name, columns }] }] }`. Each
 * table draws from its own seeded generator, so a plan's first tables do not depend on N.
 */
export function planSchema({ tables, seed = DEFAULT_SCHEMA_SEED }) {
  if (!Number.isInteger(tables) || tables < 1) throw new Error(`tables must be a positive integer, got ${tables}`);
  const list = [];
  for (let index = 0; index < tables; index += 1) {
    const random = createRandom((seed ^ Math.imul(index + 1, 0x9e3779b1)) >>> 0);
    const name = tableName(index);
    const columns = [];
    const count = randomInteger(random, 6, 11);
    for (let position = 1; position <= count; position += 1) {
      const kind = pick(random, COLUMN_KINDS);
      const parameters = kind.parameters?.(random) ?? {};
      const nullable = random() < 0.4;
      const serverDefault = kind.defaults.length > 0 && random() < 0.35 ? pick(random, kind.defaults) : undefined;
      columns.push({
        name: `c${String(position).padStart(2, '0')}_${kind.kind}`,
        kind: kind.kind,
        parameters,
        nullable,
        serverDefault,
      });
    }
    let foreignKey;
    if (index > 0 && random() < 0.95) {
      const target = tableName(randomInteger(random, Math.max(0, index - 40), index - 1));
      const onDelete = pick(random, ON_DELETE_ACTIONS);
      const column = `${target}_id`;
      foreignKey = {
        name: `fk_${name}_${column}`,
        column,
        target,
        onDelete,
        nullable: onDelete === 'SET NULL' || random() < 0.5,
      };
    }
    const indexes = [];
    const indexable = columns.filter((column) => !['text', 'jsonb', 'bool'].includes(column.kind));
    const indexCount = Math.min(indexable.length, randomInteger(random, 1, 2));
    const used = new Set();
    for (let number = 0; number < indexCount; number += 1) {
      const first = pick(
        random,
        indexable.filter((column) => !used.has(column.name)),
      );
      if (first === undefined) break;
      used.add(first.name);
      const indexColumns = [first.name];
      if (random() < 0.3) {
        const second = pick(
          random,
          indexable.filter((column) => !indexColumns.includes(column.name)),
        );
        if (second !== undefined) indexColumns.push(second.name);
      }
      indexes.push({ name: `ix_${name}_${indexColumns.join('_')}`, columns: indexColumns, unique: random() < 0.15 });
    }
    const uniques = [];
    const uniqueCandidates = columns.filter((column) => column.kind === 'varchar' && !used.has(column.name));
    if (uniqueCandidates.length > 0 && random() < 0.35) {
      const column = pick(random, uniqueCandidates);
      uniques.push({ name: `uq_${name}_${column.name}`, columns: [column.name] });
    }
    list.push({ name, columns, primaryKeyName: `pk_${name}`, foreignKey, indexes, uniques });
  }
  return { tables, seed, list };
}

/** Counts of a plan, for the report. */
export function describeSchema(plan) {
  let columns = 0;
  let foreignKeys = 0;
  let indexes = 0;
  let uniques = 0;
  let defaults = 0;
  for (const table of plan.list) {
    columns += 1 + table.columns.length + (table.foreignKey ? 1 : 0);
    foreignKeys += table.foreignKey ? 1 : 0;
    indexes += table.indexes.length;
    uniques += table.uniques.length;
    defaults += table.columns.filter((column) => column.serverDefault).length;
  }
  return { tables: plan.list.length, columns, foreignKeys, indexes, uniques, defaults };
}

// ---------------------------------------------------------------------------------------------
// SQL.

const quote = (identifier) => `"${identifier}"`;

/** TypeORM's own `migrations` table, as its PostgreSQL driver creates it. */
const TYPEORM_MIGRATIONS_DDL =
  'CREATE TABLE "migrations" ("id" SERIAL NOT NULL, "timestamp" bigint NOT NULL, "name" character varying NOT NULL, ' +
  'CONSTRAINT "PK_8c82d7f526340ab734260ea46be" PRIMARY KEY ("id"));';

/**
 * The DDL that brings an empty database to head for all three tools: the tables as TypeORM
 * creates them, then the foreign keys; TypeORM's `migrations` table with one row (an
 * application that has run one migration); `alembic_version` at `revision`, which ours and
 * Python Alembic share (both projects have a baseline revision of that id).
 */
export function renderSchemaSql(plan, { revision }) {
  const lines = ['BEGIN;'];
  for (const table of plan.list) {
    const parts = [`"id" SERIAL NOT NULL`];
    for (const column of table.columns) {
      const kind = KIND_BY_NAME.get(column.kind);
      let text = `${quote(column.name)} ${kind.sql(column.parameters)}`;
      if (!column.nullable) text += ' NOT NULL';
      if (column.serverDefault) text += ` DEFAULT ${column.serverDefault.sql}`;
      parts.push(text);
    }
    if (table.foreignKey)
      parts.push(`${quote(table.foreignKey.column)} integer${table.foreignKey.nullable ? '' : ' NOT NULL'}`);
    for (const unique of table.uniques) {
      parts.push(`CONSTRAINT ${quote(unique.name)} UNIQUE (${unique.columns.map(quote).join(', ')})`);
    }
    parts.push(`CONSTRAINT ${quote(table.primaryKeyName)} PRIMARY KEY ("id")`);
    lines.push(`CREATE TABLE ${quote(table.name)} (${parts.join(', ')});`);
    for (const index of table.indexes) {
      lines.push(
        `CREATE ${index.unique ? 'UNIQUE ' : ''}INDEX ${quote(index.name)} ON ${quote(table.name)} (${index.columns.map(quote).join(', ')});`,
      );
    }
  }
  for (const table of plan.list) {
    const foreignKey = table.foreignKey;
    if (!foreignKey) continue;
    lines.push(
      `ALTER TABLE ${quote(table.name)} ADD CONSTRAINT ${quote(foreignKey.name)} FOREIGN KEY (${quote(foreignKey.column)}) ` +
        `REFERENCES ${quote(foreignKey.target)}("id") ON DELETE ${foreignKey.onDelete} ON UPDATE NO ACTION;`,
    );
  }
  lines.push(TYPEORM_MIGRATIONS_DDL);
  lines.push(`INSERT INTO "migrations" ("timestamp", "name") VALUES (1764800000000, 'Baseline1764800000000');`);
  lines.push(
    'CREATE TABLE alembic_version (version_num VARCHAR(32) NOT NULL, CONSTRAINT alembic_version_pkc PRIMARY KEY (version_num));',
  );
  lines.push(`INSERT INTO alembic_version (version_num) VALUES ('${revision}');`);
  lines.push('COMMIT;');
  return `${lines.join('\n')}\n`;
}

/** TypeORM's `migrations` table and row, and `alembic_version` at `revision` (schema made elsewhere). */
export function renderBookkeepingSql({ revision, withAlembicVersion = true }) {
  const lines = ['BEGIN;', TYPEORM_MIGRATIONS_DDL];
  lines.push(`INSERT INTO "migrations" ("timestamp", "name") VALUES (1764800000000, 'Baseline1764800000000');`);
  if (withAlembicVersion) {
    lines.push(
      'CREATE TABLE alembic_version (version_num VARCHAR(32) NOT NULL, CONSTRAINT alembic_version_pkc PRIMARY KEY (version_num));',
    );
    lines.push(`INSERT INTO alembic_version (version_num) VALUES ('${revision}');`);
  }
  lines.push('COMMIT;');
  return `${lines.join('\n')}\n`;
}

// ---------------------------------------------------------------------------------------------
// TypeORM.

/** Marks JavaScript source text in a value given to {@link renderJavaScript}. */
const RAW_CODE = Symbol('raw code');

/** A value as JavaScript source: objects, arrays, strings, numbers, booleans, raw code. */
function renderJavaScript(value, indent = '') {
  if (value !== null && typeof value === 'object' && RAW_CODE in value) return value[RAW_CODE];
  const inner = `${indent}  `;
  if (Array.isArray(value)) {
    if (value.length === 0) return '[]';
    return `[\n${value.map((item) => `${inner}${renderJavaScript(item, inner)},`).join('\n')}\n${indent}]`;
  }
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value).filter(([, item]) => item !== undefined);
    if (entries.length === 0) return '{}';
    const key = (name) => (/^[A-Za-z_$][\w$]*$/.test(name) ? name : JSON.stringify(name));
    return `{\n${entries.map(([name, item]) => `${inner}${key(name)}: ${renderJavaScript(item, inner)},`).join('\n')}\n${indent}}`;
  }
  return typeof value === 'string' ? `'${value.replace(/\\/g, '\\\\').replace(/'/g, "\\'")}'` : String(value);
}

/** One `EntitySchema` file, CommonJS. */
function renderEntity(table) {
  const columns = {
    id: { type: 'int', primary: true, generated: 'increment', primaryKeyConstraintName: table.primaryKeyName },
  };
  for (const column of table.columns) {
    const kind = KIND_BY_NAME.get(column.kind);
    const options = { ...kind.typeorm(column.parameters), nullable: column.nullable };
    if (column.serverDefault) {
      // `() => 'now()'`: an SQL expression, not a string value.
      options.default = column.serverDefault.sqlFunction
        ? { [RAW_CODE]: `() => '${column.serverDefault.typeorm}'` }
        : column.serverDefault.typeorm;
    }
    columns[column.name] = options;
  }
  const relations = {};
  if (table.foreignKey) {
    const foreignKey = table.foreignKey;
    relations[foreignKey.target] = {
      type: 'many-to-one',
      target: foreignKey.target,
      joinColumn: { name: foreignKey.column, referencedColumnName: 'id', foreignKeyConstraintName: foreignKey.name },
      nullable: foreignKey.nullable,
      onDelete: foreignKey.onDelete,
    };
  }
  const schema = {
    name: table.name,
    tableName: table.name,
    columns,
    relations,
    indices: table.indexes.map((index) => ({ name: index.name, columns: index.columns, unique: index.unique })),
    uniques: table.uniques.map((unique) => ({ name: unique.name, columns: unique.columns })),
  };
  return `// Generated by bench/support/autogenerate-schema.mjs: do not edit.
const { EntitySchema } = require('typeorm');

module.exports = new EntitySchema(${renderJavaScript(schema)});
`;
}

/**
 * Writes the TypeORM side of the project into `dir`: `package.json`, `src/entities/*.js`,
 * `src/entities/index.js` and `src/data-source.js`.
 */
export function writeTypeOrmFiles(dir, plan) {
  const entitiesDir = path.join(dir, 'src', 'entities');
  mkdirSync(entitiesDir, { recursive: true });
  writeFileSync(
    path.join(dir, 'package.json'),
    `${JSON.stringify({ name: 'bench-autogenerate', private: true, type: 'commonjs', description: `${plan.tables} TypeORM EntitySchema entities (bench/autogenerate.mjs)` }, null, 2)}\n`,
  );
  for (const table of plan.list) writeFileSync(path.join(entitiesDir, `${table.name}.js`), renderEntity(table));
  writeFileSync(
    path.join(entitiesDir, 'index.js'),
    `// Generated by bench/support/autogenerate-schema.mjs: do not edit.\nmodule.exports = [\n${plan.list
      .map((table) => `  require('./${table.name}.js'),`)
      .join('\n')}\n];\n`,
  );
  writeFileSync(
    path.join(dir, 'src', 'data-source.js'),
    `// Generated by bench/support/autogenerate-schema.mjs: do not edit.
require('reflect-metadata');
const { DataSource } = require('typeorm');
const entities = require('./entities/index.js');

exports.AppDataSource = new DataSource({
  type: 'postgres',
  url: process.env.DATABASE_URL,
  entities,
  migrations: [],
  migrationsTableName: 'migrations',
  synchronize: false,
  logging: false,
});
`,
  );
}

// ---------------------------------------------------------------------------------------------
// Python Alembic.

/** A Python string literal. */
const pythonString = (text) => `'${text.replace(/\\/g, '\\\\').replace(/'/g, "\\'")}'`;

/** `models.py`: the plan as SQLAlchemy `Table`s on one `MetaData`. */
export function renderModels(plan) {
  const lines = [
    '"""Generated by bench/support/autogenerate-schema.mjs: do not edit."""',
    'import sqlalchemy as sa',
    'from sqlalchemy.dialects import postgresql',
    '',
    'metadata = sa.MetaData()',
    '',
  ];
  for (const table of plan.list) {
    lines.push(`sa.Table(`, `    ${pythonString(table.name)},`, '    metadata,');
    lines.push(`    sa.Column('id', sa.Integer(), primary_key=True, autoincrement=True),`);
    for (const column of table.columns) {
      const kind = KIND_BY_NAME.get(column.kind);
      const extras = [`nullable=${column.nullable ? 'True' : 'False'}`];
      if (column.serverDefault) extras.push(`server_default=${column.serverDefault.python}`);
      lines.push(
        `    sa.Column(${pythonString(column.name)}, ${kind.python(column.parameters)}, ${extras.join(', ')}),`,
      );
    }
    if (table.foreignKey) {
      const foreignKey = table.foreignKey;
      lines.push(
        `    sa.Column(${pythonString(foreignKey.column)}, sa.Integer(), nullable=${foreignKey.nullable ? 'True' : 'False'}),`,
        `    sa.ForeignKeyConstraint([${pythonString(foreignKey.column)}], [${pythonString(`${foreignKey.target}.id`)}], ` +
          `name=${pythonString(foreignKey.name)}, ondelete=${pythonString(foreignKey.onDelete)}),`,
      );
    }
    lines.push(`    sa.PrimaryKeyConstraint('id', name=${pythonString(table.primaryKeyName)}),`);
    for (const unique of table.uniques) {
      lines.push(
        `    sa.UniqueConstraint(${unique.columns.map(pythonString).join(', ')}, name=${pythonString(unique.name)}),`,
      );
    }
    for (const index of table.indexes) {
      lines.push(
        `    sa.Index(${pythonString(index.name)}, ${index.columns.map(pythonString).join(', ')}${index.unique ? ', unique=True' : ''}),`,
      );
    }
    lines.push(')', '');
  }
  return `${lines.join('\n')}\n`;
}

const PYTHON_ENV = `"""Generated by bench/support/autogenerate-schema.mjs: the generic template's env.py, with the
model, type and server default comparison, TypeORM's migrations table left out, and the URL
from DATABASE_URL."""
import os
import sys
from logging.config import fileConfig

from sqlalchemy import create_engine
from sqlalchemy import pool

from alembic import context

config = context.config
if config.config_file_name is not None:
    fileConfig(config.config_file_name)

sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
from models import metadata  # noqa: E402

target_metadata = metadata
url = os.environ["DATABASE_URL"]


def include_name(name, type_, parent_names):
    """TypeORM's own tables are not part of the model."""
    if type_ == "table":
        return name not in ("migrations", "typeorm_metadata")
    return True


def run_migrations_offline() -> None:
    context.configure(
        url=url,
        target_metadata=target_metadata,
        literal_binds=True,
        dialect_opts={"paramstyle": "named"},
    )
    with context.begin_transaction():
        context.run_migrations()


def run_migrations_online() -> None:
    connectable = create_engine(url, poolclass=pool.NullPool)
    with connectable.connect() as connection:
        context.configure(
            connection=connection,
            target_metadata=target_metadata,
            compare_type=True,
            compare_server_default=True,
            include_name=include_name,
        )
        with context.begin_transaction():
            context.run_migrations()


if context.is_offline_mode():
    run_migrations_offline()
else:
    run_migrations_online()
`;

const PYTHON_SCRIPT_TEMPLATE = `"""\${message}

Revision ID: \${up_revision}
Revises: \${down_revision | comma,n}
Create Date: \${create_date}

"""
from alembic import op
import sqlalchemy as sa
\${imports if imports else ""}

# revision identifiers, used by Alembic.
revision = \${repr(up_revision)}
down_revision = \${repr(down_revision)}
branch_labels = \${repr(branch_labels)}
depends_on = \${repr(depends_on)}


def upgrade() -> None:
    \${upgrades if upgrades else "pass"}


def downgrade() -> None:
    \${downgrades if downgrades else "pass"}
`;

/** Writes `models.py`, `migrations/env.py` and `migrations/script.py.mako` into `dir`. */
export function writePythonFiles(dir, plan) {
  mkdirSync(path.join(dir, 'migrations'), { recursive: true });
  writeFileSync(path.join(dir, 'models.py'), renderModels(plan));
  writeFileSync(path.join(dir, 'migrations', 'env.py'), PYTHON_ENV);
  writeFileSync(path.join(dir, 'migrations', 'script.py.mako'), PYTHON_SCRIPT_TEMPLATE);
}

/** The baseline revision `revision` (nothing to do: the schema is made elsewhere), Python. */
export function renderPythonBaseline(revision) {
  return `"""baseline

Revision ID: ${revision}
Revises:
Create Date: 2026-12-04 00:00:00.000000

"""
revision = ${pythonString(revision)}
down_revision = None
branch_labels = None
depends_on = None


def upgrade() -> None:
    pass


def downgrade() -> None:
    pass
`;
}

/** The same baseline for ours (DESIGN 2.1 format). */
export function renderOursBaseline(revision) {
  return `/**
 * baseline
 *
 * Revision ID: ${revision}
 * Revises:
 * Create Date: 2026-12-04 00:00:00.000000
 */
export const revision = '${revision}';
export const downRevision: string | string[] | null = null;
export const branchLabels: string | string[] | null = null;
export const dependsOn: string | string[] | null = null;

/** Upgrade schema. */
export async function upgrade(): Promise<void> {}

/** Downgrade schema. */
export async function downgrade(): Promise<void> {}
`;
}

/**
 * \`alembic.ini\` for one Python run: the project's \`migrations\`, revisions in \`versionsDir\`
 * (a temporary directory holding the baseline), Alembic's INFO logging to stderr (where
 * autogenerate's "Detected ..." lines go).
 */
export function renderPythonIni({ scriptLocation, versionsDir }) {
  return `# Generated by bench/autogenerate.mjs for one run.
[alembic]
script_location = ${scriptLocation}
version_locations = ${versionsDir}
version_path_separator = os
prepend_sys_path = .

[loggers]
keys = root,sqlalchemy,alembic

[handlers]
keys = console

[formatters]
keys = generic

[logger_root]
level = WARN
handlers = console
qualname =

[logger_sqlalchemy]
level = WARN
handlers =
qualname = sqlalchemy.engine

[logger_alembic]
level = INFO
handlers =
qualname = alembic

[handler_console]
class = StreamHandler
args = (sys.stderr,)
level = NOTSET
formatter = generic

[formatter_generic]
format = %(levelname)-5.5s [%(name)s] %(message)s
datefmt = %H:%M:%S
`;
}
