import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { MetadataModel } from '@alembic/core';
import { createTypeOrmProject, printModel, removeProject, runAlembic } from './support/typeorm-project.js';

const projects: string[] = [];
afterAll(() => projects.forEach(removeProject));

function project(options: Parameters<typeof createTypeOrmProject>[0]): string {
  const directory = createTypeOrmProject(options);
  projects.push(directory);
  return directory;
}

/** What the two fixture entities must become, whichever way they were loaded. */
function summary(model: MetadataModel): unknown {
  return model.tables.map((table) => ({
    name: table.name,
    columns: table.columns.map((column) => `${column.name}:${column.type.kind}${column.nullable ? '?' : ''}`),
    constraints: table.constraints.map((constraint) => constraint.kind),
  }));
}

const EXPECTED = [
  { name: 'app_user', columns: ['id:integer', 'email:string', 'name:string'], constraints: ['uniqueConstraint'] },
  {
    name: 'app_post',
    columns: ['id:integer', 'title:string', 'published:boolean', 'authorId:integer?'],
    constraints: ['foreignKeyConstraint'],
  },
];

describe.each([['typeorm'], ['typeorm-1']] as const)('a TypeORM project on %s', (typeormPackage) => {
  it.each([
    ['CommonJS, entity classes', { esm: false, entities: 'classes' }],
    ['CommonJS, entity glob (TypeORM require()s the files)', { esm: false, entities: 'glob' }],
    [
      'CommonJS, entity glob under __dirname (data-source.ts imported as an ES module)',
      { esm: false, entities: 'dirname-glob' },
    ],
    ['CommonJS, entity classes importing each other by tsconfig baseUrl', { esm: false, baseUrlImports: true }],
    [
      'CommonJS, entity glob, entities importing each other by tsconfig baseUrl',
      { esm: false, entities: 'glob', baseUrlImports: true },
    ],
    ['ES modules, entity classes', { esm: true, entities: 'classes' }],
    ['ES modules, entity glob (TypeORM import()s the files)', { esm: true, entities: 'glob' }],
  ] as const)('loads decorated entities with their metadata: %s', (_name, options) => {
    const directory = project({ typeormPackage, ...options });
    const result = printModel(directory);
    expect(result.stderr).toBe('');
    const printed = JSON.parse(result.stdout) as { initialized: boolean; model: MetadataModel };
    expect(printed.initialized).toBe(false);
    const tables = summary(printed.model) as Array<{ name: string }>;
    expect([...tables].sort((a, b) => a.name.localeCompare(b.name))).toEqual(
      [...EXPECTED].sort((a, b) => a.name.localeCompare(b.name)),
    );
    expect(existsSync(join(directory, 'typeorm-app.db'))).toBe(false);
  });

  it('loads a plain CommonJS data-source.js that require()s decorated TypeScript entities', () => {
    const directory = project({ typeormPackage, dataSource: 'cjs' });
    const result = printModel(directory, 'src/data-source.js');
    expect(result.stderr).toBe('');
    const printed = JSON.parse(result.stdout) as { initialized: boolean; model: MetadataModel };
    expect(printed.initialized).toBe(false);
    const tables = summary(printed.model) as Array<{ name: string }>;
    expect([...tables].sort((a, b) => a.name.localeCompare(b.name))).toEqual(
      [...EXPECTED].sort((a, b) => a.name.localeCompare(b.name)),
    );
  });

  it('init --template typeorm writes an environment that builds the model from the DataSource', () => {
    const directory = project({ typeormPackage });
    const templates = runAlembic(directory, ['list-templates']);
    expect(templates.stdout).toMatch(/^typeorm - TypeORM project: autogenerate from the entities of your DataSource/m);
    const init = runAlembic(directory, ['init', '--template', 'typeorm', 'migrations']);
    expect(init.status).toBe(0);
    expect(readFileSync(join(directory, 'alembic.config.ts'), 'utf8')).toContain(
      "typeorm: { dataSource: 'src/data-source.ts' },",
    );
    const environment = readFileSync(join(directory, 'migrations', 'env.ts'), 'utf8');
    expect(environment).toContain("from '@alembic/typeorm'");
    // The environment runs: the DataSource file and its decorated entities load.
    const upgrade = runAlembic(directory, ['upgrade', 'head']);
    expect(upgrade.stderr).not.toMatch(/FAILED|Error/);
    expect(upgrade.status).toBe(0);
    // Without DATABASE_URL, alembic connects where the DataSource does: its SQLite file.
    expect(existsSync(join(directory, 'typeorm-app.db'))).toBe(true);
    expect(existsSync(join(directory, 'alembic.db'))).toBe(false);
    // The model builds for the commands that compare: the entities' tables are missing.
    const check = runAlembic(directory, ['check']);
    expect(check.status).toBe(1);
    expect(check.stderr).toMatch(/^FAILED: New upgrade operations detected: .*add_table/m);
    // DATABASE_URL, when set, wins.
    const elsewhere = runAlembic(directory, ['upgrade', 'head'], { DATABASE_URL: 'sqlite:///elsewhere.db' });
    expect(elsewhere.status).toBe(0);
    expect(existsSync(join(directory, 'elsewhere.db'))).toBe(true);
  });

  it('names the data source file and its exports when none is a DataSource', () => {
    const directory = project({ typeormPackage });
    expect(runAlembic(directory, ['init', '--template', 'typeorm', 'migrations']).status).toBe(0);
    const dataSourceFile = join(directory, 'src', 'data-source.ts');
    writeFileSync(
      dataSourceFile,
      readFileSync(dataSourceFile, 'utf8').replace('export const AppDataSource', 'export const source'),
    );
    const upgrade = runAlembic(directory, ['upgrade', 'head']);
    expect(upgrade.status).not.toBe(0);
    expect(upgrade.stderr).toContain(
      `${dataSourceFile} exports no TypeORM DataSource as default, AppDataSource or dataSource (it exports: source)`,
    );
  });
});

describe('loading decorated files', () => {
  it("gives a decorated entity imported as an ES module CommonJS's __dirname, __filename and require", () => {
    const directory = project({ typeormPackage: 'typeorm', entities: 'classes' });
    const postFile = join(directory, 'src', 'entities', 'post.ts');
    writeFileSync(
      postFile,
      readFileSync(postFile, 'utf8').replace(
        'export class Post {',
        [
          'export class Post {',
          "  static readonly folder: string = __dirname + '/' + require('node:path').basename(__filename);",
          '',
        ].join('\n'),
      ),
    );
    const result = printModel(directory);
    expect(result.stderr).toBe('');
    const printed = JSON.parse(result.stdout) as { model: MetadataModel };
    expect((summary(printed.model) as Array<{ name: string }>).map((entry) => entry.name).sort()).toEqual([
      'app_post',
      'app_user',
    ]);
  });

  it('names file and line of a syntax error in an entity', () => {
    const directory = project({ typeormPackage: 'typeorm' });
    expect(runAlembic(directory, ['init', '--template', 'typeorm', 'migrations']).status).toBe(0);
    const postFile = join(directory, 'src', 'entities', 'post.ts');
    writeFileSync(postFile, readFileSync(postFile, 'utf8').replace('title!: string;', 'title!: string = ;'));
    const upgrade = runAlembic(directory, ['upgrade', 'head']);
    expect(upgrade.status).not.toBe(0);
    expect(upgrade.stderr).toContain(`Could not load ${postFile}:10:20: Expression expected`);
  });

  it('names file and line of a syntax error in an entity a CommonJS project loads through a glob, in one line', () => {
    const directory = project({ typeormPackage: 'typeorm', esm: false, entities: 'glob' });
    expect(runAlembic(directory, ['init', '--template', 'typeorm', 'migrations']).status).toBe(0);
    const postFile = join(directory, 'src', 'entities', 'post.ts');
    writeFileSync(postFile, readFileSync(postFile, 'utf8').replace('title!: string;', 'title!: string = ;'));
    // TypeORM require()s the entity files when the model is built (by the commands that
    // compare): the require() hook compiles them. `upgrade` does not build the model.
    expect(runAlembic(directory, ['upgrade', 'head']).status).toBe(0);
    const check = runAlembic(directory, ['check']);
    expect(check.status).not.toBe(0);
    expect(check.stderr).toBe(`FAILED: Could not load ${postFile}:10:20: Expression expected\n`);
  });

  it('names the missing module and the entity that required it, in one line', () => {
    const directory = project({ typeormPackage: 'typeorm', esm: false, entities: 'glob' });
    expect(runAlembic(directory, ['init', '--template', 'typeorm', 'migrations']).status).toBe(0);
    const postFile = join(directory, 'src', 'entities', 'post.ts');
    // No tsconfig.json maps `src/...` here: the import cannot resolve.
    writeFileSync(postFile, readFileSync(postFile, 'utf8').replace("from './user'", "from 'src/entities/user'"));
    const check = runAlembic(directory, ['check']);
    expect(check.status).toBe(1);
    expect(check.stderr).toBe(
      `FAILED: TypeORM rejected the entities: Cannot find module 'src/entities/user' (required by ${postFile})\n`,
    );
  });

  it('refuses entity globs that find nothing (a build output not built) in one line, writing no revision', () => {
    const directory = project({ typeormPackage: 'typeorm', esm: false, entities: 'glob' });
    expect(runAlembic(directory, ['init', '--template', 'typeorm', 'migrations']).status).toBe(0);
    expect(runAlembic(directory, ['revision', '--autogenerate', '-m', 'init']).status).toBe(0);
    expect(runAlembic(directory, ['upgrade', 'head']).status).toBe(0);
    const dataSourceFile = join(directory, 'src', 'data-source.ts');
    writeFileSync(
      dataSourceFile,
      readFileSync(dataSourceFile, 'utf8').replace("'src/entities/*.ts'", "'dist/entities/*.js'"),
    );
    const versions = join(directory, 'migrations', 'versions');
    const before = readdirSync(versions).sort();
    const revision = runAlembic(directory, ['revision', '--autogenerate', '-m', 'oops']);
    expect(revision.status).toBe(1);
    expect(revision.stderr).toBe(
      `FAILED: The DataSource's entities ('dist/entities/*.js', relative to ${directory}) found no entity class: ` +
        'a build output not built yet, or a path that matches no file? An empty model would drop every table\n',
    );
    expect(readdirSync(versions).sort()).toEqual(before);
  });

  it('without @alembic/typeorm, fails with one line naming the decorated file and line', () => {
    const directory = project({ typeormPackage: 'typeorm', withAlembicTypeOrm: false });
    expect(runAlembic(directory, ['init', 'migrations']).status).toBe(0);
    const environmentFile = join(directory, 'migrations', 'env.ts');
    writeFileSync(
      environmentFile,
      readFileSync(environmentFile, 'utf8').replace(
        "import { context } from '@alembic/core';",
        "import { context } from '@alembic/core';\nimport { AppDataSource } from '../src/data-source';\nvoid AppDataSource;",
      ),
    );
    const upgrade = runAlembic(directory, ['upgrade', 'head']);
    expect(upgrade.status).not.toBe(0);
    const userFile = join(directory, 'src', 'entities', 'user.ts');
    const postFile = join(directory, 'src', 'entities', 'post.ts');
    expect(upgrade.stderr).toMatch(
      new RegExp(
        `(${userFile}|${postFile}):4 uses decorators: install @alembic/typeorm, which brings a compiler that emits their metadata`,
      ),
    );
  });
});
