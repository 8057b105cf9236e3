/**
 * The blog project a new user brings to `alembic init --template typeorm`: `src/entities/user.ts`
 * and `src/entities/post.ts` (decorated, referring to each other: a ManyToOne with ON DELETE
 * CASCADE, a composite index, a unique column, an enum, defaults, a nullable column) and
 * `src/data-source.ts` exporting `AppDataSource` for SQLite (better-sqlite3) or PostgreSQL, the
 * way a TypeORM project has them, with the packages a user would have installed.
 */
import { mkdirSync, readFileSync, realpathSync, symlinkSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { createTypeOrmProject } from './typeorm-project.js';

const PACKAGE_ROOT = join(__dirname, '..', '..');

/** The databases the new-user flow runs on. */
export type NewUserDatabase = 'sqlite' | 'postgres';

/**
 * `User`: a serial id, a unique email, a `name` of 50, an enum with a default (native on
 * PostgreSQL, a CHECK on SQLite), a nullable bio.
 */
export const NEW_USER_ENTITY = `import { Column, Entity, OneToMany, PrimaryGeneratedColumn } from 'typeorm';
import { Post } from './post';

export enum UserRole {
  Admin = 'admin',
  Editor = 'editor',
  Reader = 'reader',
}

@Entity('app_user')
export class User {
  @PrimaryGeneratedColumn()
  id!: number;

  @Column({ length: 100, unique: true })
  email!: string;

  @Column({ length: 50 })
  name!: string;

  @Column({ type: ROLE_TYPE, enum: UserRole, default: UserRole.Reader })
  role!: UserRole;

  @Column({ type: 'varchar', length: 200, nullable: true })
  bio!: string | null;

  @OneToMany(() => Post, (post) => post.author)
  posts!: Post[];
}
`;

/** `Post`: belongs to a `User` (deleted with it), indexed on (published, title), defaults false and 0. */
export const NEW_POST_ENTITY = `import { Column, Entity, Index, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { User } from './user';

@Entity('app_post')
@Index('ix_post_published_title', ['published', 'title'])
export class Post {
  @PrimaryGeneratedColumn()
  id!: number;

  @Column({ length: 120 })
  title!: string;

  @Column({ default: false })
  published!: boolean;

  @Column({ type: 'int', default: 0 })
  views!: number;

  @ManyToOne(() => User, (user) => user.posts, { onDelete: 'CASCADE', nullable: false })
  author!: User;
}
`;

function link(project: string, name: string, target: string): void {
  const path = join(project, 'node_modules', name);
  mkdirSync(dirname(path), { recursive: true });
  symlinkSync(realpathSync(target), path, 'dir');
}

/** Writes the project in a temporary directory (remove it with `removeProject`). */
export function createNewUserProject(typeormPackage: 'typeorm' | 'typeorm-1', database: NewUserDatabase): string {
  const project = createTypeOrmProject({ typeormPackage });
  const modules = join(PACKAGE_ROOT, 'node_modules');
  if (database === 'postgres') {
    link(project, 'pg', join(modules, 'pg'));
    link(project, '@alembic/dialect-postgres', join(modules, '@alembic', 'dialect-postgres'));
  }
  const entities = join(project, 'src', 'entities');
  writeFileSync(
    join(entities, 'user.ts'),
    NEW_USER_ENTITY.replace('ROLE_TYPE', database === 'postgres' ? "'enum'" : "'simple-enum'"),
  );
  writeFileSync(join(entities, 'post.ts'), NEW_POST_ENTITY);
  writeFileSync(
    join(project, 'src', 'data-source.ts'),
    [
      "import 'reflect-metadata';",
      "import { DataSource } from 'typeorm';",
      "import { User } from './entities/user';",
      "import { Post } from './entities/post';",
      '',
      'export const AppDataSource = new DataSource({',
      ...(database === 'postgres'
        ? ["  type: 'postgres',", '  url: process.env.DATABASE_URL,']
        : ["  type: 'better-sqlite3',", "  database: 'app.db',"]),
      '  entities: [User, Post],',
      '});',
      '',
    ].join('\n'),
  );
  return project;
}

/** Edits an entity file of `project` (`user` or `post`) with `change`, failing when it changes nothing. */
export function editEntity(project: string, entity: 'user' | 'post', change: (source: string) => string): void {
  const file = join(project, 'src', 'entities', `${entity}.ts`);
  const before = readFileSync(file, 'utf8');
  const after = change(before);
  if (after === before) throw new Error(`the edit of ${file} changed nothing`);
  writeFileSync(file, after);
}
