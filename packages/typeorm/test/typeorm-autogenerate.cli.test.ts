/**
 * Autogenerate as a new TypeORM user tries it (issue 9, "How it is shown"), through the built
 * `alembic` CLI in a fresh project: entities in `src/entities`, `src/data-source.ts`,
 * `alembic init --template typeorm migrations` with its env.ts untouched, then
 * `revision --autogenerate`, `upgrade head`, `check`; an entity changed (a column added, a
 * length widened): `check` fails naming both, `revision --autogenerate` writes them, `upgrade`,
 * `check` passes; `downgrade -1` restores the old columns and `downgrade base` leaves only the
 * version table. On SQLite (a file in the project) and on PostgreSQL (a database of its own per
 * test), with TypeORM 0.3 and 1.x.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { DatabaseConnection, Dialect, TableModel } from '@alembic/core';
import { postgres } from '@alembic/dialect-postgres';
import { sqliteDialect } from '@alembic/dialect-sqlite';
import { createNewUserProject, editEntity, type NewUserDatabase } from './support/new-user-project.js';
import { createPostgresDatabase, describeWhenReachable, postgresUnavailableReason } from './support/live-servers.js';
import type { CommandResult } from './support/typeorm-project.js';
import { removeProject, runAlembic } from './support/typeorm-project.js';

jest.setTimeout(120_000);

const LINES = [['0.3', 'typeorm'] as const, ['1.x', 'typeorm-1'] as const];

/** Fails with the command's whole output unless it exited with `status`. */
function expectStatus(result: CommandResult, status: number, command: string): void {
  if (result.status !== status) {
    throw new Error(
      `alembic ${command} exited ${String(result.status)}, expected ${status}\n--- stdout ---\n${result.stdout}\n--- stderr ---\n${result.stderr}`,
    );
  }
}

/** The revision files of the project, by name. */
function revisionFiles(project: string): string[] {
  return readdirSync(join(project, 'migrations', 'versions'))
    .filter((name) => name.endsWith('.ts'))
    .sort();
}

/** The source of the one revision file whose name ends with `_<slug>.ts`. */
function revisionSource(project: string, slug: string): string {
  const matches = revisionFiles(project).filter((name) => name.endsWith(`_${slug}.ts`));
  expect(matches).toHaveLength(1);
  return readFileSync(join(project, 'migrations', 'versions', matches[0] as string), 'utf8');
}

/** The database as its dialect's introspector reads it: table name -> column name -> type text. */
async function reflectedColumns(dialect: Dialect, url: string): Promise<Record<string, Record<string, string>>> {
  const connection: DatabaseConnection = await dialect.connect(url);
  try {
    const introspector = dialect.createIntrospector(connection);
    const tables: readonly TableModel[] = await introspector.getTables({});
    return Object.fromEntries(
      tables.map((table) => [
        table.name,
        Object.fromEntries(table.columns.map((column) => [column.name, JSON.stringify(column.type)])),
      ]),
    );
  } finally {
    await connection.close();
  }
}

/** PostgreSQL enum types left in the database's public schema. */
async function postgresEnumTypes(url: string): Promise<string[]> {
  const connection = await postgres().connect(url);
  try {
    const { rows } = await connection.query<{ typname: string }>(
      "SELECT t.typname FROM pg_type t JOIN pg_namespace n ON n.oid = t.typnamespace WHERE t.typtype = 'e' AND n.nspname = 'public' ORDER BY 1",
    );
    return rows.map((row) => row.typname);
  } finally {
    await connection.close();
  }
}

interface Flow {
  readonly database: NewUserDatabase;
  readonly typeormPackage: 'typeorm' | 'typeorm-1';
  /** `DATABASE_URL` for the commands (none: where the DataSource connects, its SQLite file). */
  readonly databaseUrl?: string;
}

/** The new-user flow; returns nothing, fails at the first step that goes wrong. */
async function newUserFlow(flow: Flow): Promise<void> {
  const project = createNewUserProject(flow.typeormPackage, flow.database);
  const environment: Record<string, string> = flow.databaseUrl === undefined ? {} : { DATABASE_URL: flow.databaseUrl };
  const url = flow.databaseUrl ?? `sqlite:///${join(project, 'app.db')}`;
  const dialect: Dialect = flow.database === 'postgres' ? postgres() : sqliteDialect;
  const alembic = (args: string[], status: number): CommandResult => {
    const result = runAlembic(project, args, environment);
    expectStatus(result, status, args.join(' '));
    return result;
  };
  try {
    alembic(['init', '--template', 'typeorm', 'migrations'], 0);

    // The first migration, from the entities.
    const init = alembic(['revision', '--autogenerate', '-m', 'init'], 0);
    expect(init.stderr).toContain("Detected added table 'app_user'");
    expect(init.stderr).toContain("Detected added table 'app_post'");
    const initial = revisionSource(project, 'init');
    expect(initial).toContain("await op.createTable('app_user', [");
    expect(initial).toContain("await op.createTable('app_post', [");
    expect(initial).toMatch(
      /foreignKeyConstraint\(\['authorId'\], 'app_user', \['id'\], \{\s*name: op\.f\('FK_[0-9a-f]+'\),\s*onDelete: 'CASCADE',/,
    );
    expect(initial).toContain("index(op.f('ix_post_published_title'), ['published', 'title'])");
    expect(initial.indexOf("createTable('app_user'")).toBeLessThan(initial.indexOf("createTable('app_post'"));
    alembic(['upgrade', 'head'], 0);
    const clean = alembic(['check'], 0);
    expect(clean.stdout).toContain('No new upgrade operations detected.');

    const created = await reflectedColumns(dialect, url);
    expect(Object.keys(created).sort()).toEqual(['alembic_version', 'app_post', 'app_user']);
    expect(Object.keys(created.app_user ?? {}).sort()).toEqual(['bio', 'email', 'id', 'name', 'role']);

    // The user changes an entity: a new nullable column, a wider name.
    editEntity(project, 'user', (source) =>
      source
        .replace('@Column({ length: 50 })\n  name!: string;', '@Column({ length: 80 })\n  name!: string;')
        .replace(
          '  @OneToMany(',
          "  @Column({ type: 'int', nullable: true })\n  age!: number | null;\n\n  @OneToMany(",
        ),
    );
    const changed = alembic(['check'], 1);
    const failure = `${changed.stdout}${changed.stderr}`;
    expect(failure).toContain('FAILED: New upgrade operations detected: [');
    expect(failure).toContain("('add_column', None, 'app_user', 'age')");
    expect(failure).toMatch(/\('modify_type', None, 'app_user', 'name', VARCHAR\(50\) -> VARCHAR\(80\)\)/);
    expect(failure).not.toContain('app_post');

    const revision = alembic(['revision', '--autogenerate', '-m', 'user age and longer name'], 0);
    expect(revision.stderr).toContain("Detected added column 'app_user.age'");
    const second = revisionSource(project, 'user_age_and_longer_name');
    expect(second).toMatch(/addColumn\(\s*(?:'app_user',\s*)?column\('age', integer\(\)/);
    expect(second).toMatch(
      /alterColumn\(\s*(?:'app_user',\s*)?'name', \{\s*type: string\(80\),\s*existingType: string\(50\)/,
    );
    // A length change is never a drop and an add.
    expect(second.slice(0, second.indexOf('export async function downgrade'))).not.toMatch(/dropColumn/);
    if (flow.database === 'sqlite') {
      // The template's env.ts states no renderAsBatch: SQLite changes come as batch blocks anyway.
      expect(second).toContain("await op.batchAlterTable('app_user', (batch) => {");
    }
    alembic(['upgrade', 'head'], 0);
    expect(alembic(['check'], 0).stdout).toContain('No new upgrade operations detected.');
    const upgraded = await reflectedColumns(dialect, url);
    expect(Object.keys(upgraded.app_user ?? {}).sort()).toEqual(['age', 'bio', 'email', 'id', 'name', 'role']);
    expect(upgraded.app_user?.name).toContain('80');

    // Back one step: the database is what the first migration made.
    alembic(['downgrade', '-1'], 0);
    expect(await reflectedColumns(dialect, url)).toEqual(created);

    // Back to nothing: only the version table is left (and no enum type on PostgreSQL).
    alembic(['downgrade', 'base'], 0);
    expect(Object.keys(await reflectedColumns(dialect, url))).toEqual(['alembic_version']);
    if (flow.database === 'postgres') expect(await postgresEnumTypes(url)).toEqual([]);
  } finally {
    removeProject(project);
  }
}

describeWhenReachable(postgresUnavailableReason, 'a TypeORM uuid column on PostgreSQL', () => {
  it('gets a migration that creates the uuid-ossp extension its uuid_generate_v4() default needs, as TypeORM does when it connects', async () => {
    const database = await createPostgresDatabase('cli');
    const project = createNewUserProject('typeorm', 'postgres');
    const environment = { DATABASE_URL: database.url };
    const alembic = (args: string[], status: number): CommandResult => {
      const result = runAlembic(project, args, environment);
      expectStatus(result, status, args.join(' '));
      return result;
    };
    try {
      editEntity(project, 'post', (source) =>
        source.replace(
          '  @PrimaryGeneratedColumn()\n  id!: number;',
          "  @PrimaryGeneratedColumn()\n  id!: number;\n\n  @Column({ type: 'uuid', default: () => 'uuid_generate_v4()' })\n  publicId!: string;",
        ),
      );
      alembic(['init', '--template', 'typeorm', 'migrations'], 0);
      alembic(['revision', '--autogenerate', '-m', 'init'], 0);
      const upgrade = revisionSource(project, 'init').split('export async function downgrade')[0] as string;
      const extension = upgrade.indexOf(`await op.execute('CREATE EXTENSION IF NOT EXISTS "uuid-ossp"');`);
      expect(extension).toBeGreaterThan(-1);
      expect(extension).toBeLessThan(upgrade.indexOf("createTable('app_post'"));
      // The fresh database has no uuid-ossp: the migration runs only because it creates it.
      alembic(['upgrade', 'head'], 0);
      expect(alembic(['check'], 0).stdout).toContain('No new upgrade operations detected.');
      // The downgrade leaves the extension; a second revision needs none.
      alembic(['downgrade', 'base'], 0);
      alembic(['upgrade', 'head'], 0);
    } finally {
      removeProject(project);
      await database.drop();
    }
  });
});

describe.each(LINES)('a new user of TypeORM %s', (_line, typeormPackage) => {
  it('on SQLite: init --template typeorm, autogenerate, upgrade, check, change an entity, repeat, downgrade to base', async () => {
    await newUserFlow({ database: 'sqlite', typeormPackage });
  });

  describeWhenReachable(postgresUnavailableReason, 'on PostgreSQL', () => {
    it('in a fresh database: init --template typeorm, autogenerate, upgrade, check, change an entity, repeat, downgrade to base', async () => {
      const database = await createPostgresDatabase('cli');
      try {
        await newUserFlow({ database: 'postgres', typeormPackage, databaseUrl: database.url });
      } finally {
        await database.drop();
      }
    });
  });
});
