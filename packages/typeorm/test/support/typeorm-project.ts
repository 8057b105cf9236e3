/**
 * A TypeORM project in a temporary directory, as a new user has one: `src/entities/*.ts` with
 * decorators (two entities that refer to each other), `src/data-source.ts`, a `package.json`,
 * and `node_modules` linking the packages under test (the chosen TypeORM line as `typeorm`).
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, realpathSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';

const PACKAGE_ROOT = join(__dirname, '..', '..');
const CLI = join(PACKAGE_ROOT, '..', 'cli', 'bin', 'alembic.js');

/** What a project is made with. */
export interface ProjectOptions {
  /** `typeorm` (0.3) or `typeorm-1`, linked as the project's `typeorm`. */
  readonly typeormPackage: 'typeorm' | 'typeorm-1';
  /** `"type": "module"` in package.json. */
  readonly esm?: boolean;
  /**
   * Entities listed as classes (default), or as a glob TypeORM loads itself: relative to the
   * working directory (`glob`) or to the data source's `__dirname` (`dirname-glob`).
   */
  readonly entities?: 'classes' | 'glob' | 'dirname-glob';
  /**
   * A tsconfig.json with `baseUrl: "./"`, and the post entity importing the user entity as
   * `src/entities/user` (as NestJS projects often do).
   */
  readonly baseUrlImports?: boolean;
  /** Link @alembic/typeorm (default true). */
  readonly withAlembicTypeOrm?: boolean;
  /**
   * `ts` (default): `src/data-source.ts`; `cjs`: a plain CommonJS `src/data-source.js` that
   * `require()`s the decorated TypeScript entities (entity classes only).
   */
  readonly dataSource?: 'ts' | 'cjs';
}

/** The result of running a command. */
export interface CommandResult {
  readonly status: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

export const USER_ENTITY = `import { Column, Entity, OneToMany, PrimaryGeneratedColumn } from 'typeorm';
import { Post } from './post';

@Entity('app_user')
export class User {
  @PrimaryGeneratedColumn()
  id!: number;

  @Column({ length: 100, unique: true })
  email!: string;

  @Column()
  name!: string;

  @OneToMany(() => Post, (post) => post.author)
  posts!: Post[];
}
`;

export const POST_ENTITY = `import { Column, Entity, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { User } from './user';

@Entity('app_post')
export class Post {
  @PrimaryGeneratedColumn()
  id!: number;

  @Column()
  title!: string;

  @Column({ default: false })
  published!: boolean;

  @ManyToOne(() => User, (user) => user.posts, { onDelete: 'CASCADE' })
  author!: User;
}
`;

function link(project: string, name: string, target: string): void {
  const path = join(project, 'node_modules', name);
  mkdirSync(dirname(path), { recursive: true });
  symlinkSync(realpathSync(target), path, 'dir');
}

/** Writes a project; returns its directory (remove it with {@link removeProject}). */
export function createTypeOrmProject(options: ProjectOptions): string {
  const project = realpathSync(mkdtempSync(join(tmpdir(), 'alembic-typeorm-project-')));
  const modules = join(PACKAGE_ROOT, 'node_modules');
  link(project, 'typeorm', join(modules, options.typeormPackage));
  link(project, 'reflect-metadata', join(modules, 'reflect-metadata'));
  link(project, 'better-sqlite3', join(modules, 'better-sqlite3'));
  link(project, '@alembic/core', join(modules, '@alembic', 'core'));
  if (options.withAlembicTypeOrm !== false) link(project, '@alembic/typeorm', PACKAGE_ROOT);
  writeFileSync(
    join(project, 'package.json'),
    JSON.stringify({ name: 'blog', private: true, ...(options.esm ? { type: 'module' } : {}) }, null, 2),
  );
  mkdirSync(join(project, 'src', 'entities'), { recursive: true });
  writeFileSync(join(project, 'src', 'entities', 'user.ts'), USER_ENTITY);
  writeFileSync(
    join(project, 'src', 'entities', 'post.ts'),
    options.baseUrlImports ? POST_ENTITY.replace("from './user'", "from 'src/entities/user'") : POST_ENTITY,
  );
  if (options.baseUrlImports) {
    writeFileSync(
      join(project, 'tsconfig.json'),
      '{\n  "compilerOptions": {\n    "baseUrl": "./",\n    "experimentalDecorators": true,\n    "emitDecoratorMetadata": true,\n  },\n}\n',
    );
  }
  const glob = options.entities === 'glob' || options.entities === 'dirname-glob';
  const globText = options.entities === 'dirname-glob' ? "__dirname + '/entities/*.ts'" : "'src/entities/*.ts'";
  if (options.dataSource === 'cjs') {
    writeFileSync(
      join(project, 'src', 'data-source.js'),
      [
        "require('reflect-metadata');",
        "const { DataSource } = require('typeorm');",
        "const { User } = require('./entities/user');",
        "const { Post } = require('./entities/post');",
        '',
        "exports.AppDataSource = new DataSource({ type: 'better-sqlite3', database: 'typeorm-app.db', entities: [User, Post] });",
        '',
      ].join('\n'),
    );
    return project;
  }
  writeFileSync(
    join(project, 'src', 'data-source.ts'),
    [
      "import 'reflect-metadata';",
      "import { DataSource } from 'typeorm';",
      ...(glob ? [] : ["import { User } from './entities/user';", "import { Post } from './entities/post';"]),
      '',
      'export const AppDataSource = new DataSource({',
      "  type: 'better-sqlite3',",
      "  database: 'typeorm-app.db',",
      `  entities: ${glob ? `[${globText}]` : '[User, Post]'},`,
      '});',
      '',
    ].join('\n'),
  );
  return project;
}

/** Removes a project made by {@link createTypeOrmProject}. */
export function removeProject(project: string): void {
  rmSync(project, { recursive: true, force: true });
}

/**
 * The environment of a command run in a project: the test runner's, without `NODE_PATH` (which
 * pnpm points at the workspace's hoisted packages, where every package resolves).
 */
function projectEnvironment(extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  const environment: NodeJS.ProcessEnv = { ...process.env };
  delete environment.NODE_PATH;
  // The project's DataSource says where to connect unless a test says otherwise.
  delete environment.DATABASE_URL;
  return { ...environment, ...extra };
}

/** Runs the built `alembic` CLI in `project`. */
export function runAlembic(
  project: string,
  args: readonly string[],
  environment: Record<string, string> = {},
): CommandResult {
  const result = spawnSync(process.execPath, [CLI, ...args], {
    cwd: project,
    encoding: 'utf8',
    env: projectEnvironment(environment),
  });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

/**
 * Runs a small ES module in `project` that loads the DataSource with `loadDataSource` and prints
 * the model `fromDataSource` builds, as JSON.
 */
export function printModel(project: string, dataSourceFile = 'src/data-source.ts'): CommandResult {
  const script = [
    "import { fromDataSource, loadDataSource } from '@alembic/typeorm';",
    `const dataSource = await loadDataSource(process.argv[1] + '/${dataSourceFile}');`,
    'const model = await fromDataSource(dataSource);',
    'console.log(JSON.stringify({ initialized: dataSource.isInitialized, model }));',
  ].join('\n');
  const result = spawnSync(process.execPath, ['--input-type=module', '-e', script, project], {
    cwd: project,
    encoding: 'utf8',
    env: projectEnvironment(),
  });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}
