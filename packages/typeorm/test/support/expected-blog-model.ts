/**
 * The core model the blog fixtures (`fixtures/blog-entities.ts`) must become on each dialect,
 * written out by hand with the core helpers: types as TypeORM's drivers write them, defaults,
 * and the constraint names TypeORM's DefaultNamingStrategy gives.
 */
import type { ColumnModel, MetadataModel, TableElement } from '@alembic/core';
import {
  bigInteger,
  boolean,
  checkConstraint,
  column,
  date,
  dateTime,
  enumType,
  float,
  foreignKeyConstraint,
  index,
  integer,
  json,
  metadata,
  numeric,
  primaryKeyConstraint,
  rawType,
  smallInteger,
  sql,
  string,
  table,
  text,
  time,
  uniqueConstraint,
  uuid,
} from '@alembic/core';
import type { FixtureDialect } from '../fixtures/blog-entities.js';

/** `PK_...` names: PostgreSQL only (MySQL's key is PRIMARY, SQLite's unnamed). */
function primaryKey(dialect: FixtureDialect, columns: string[], name: string): TableElement[] {
  return dialect === 'postgres' ? [primaryKeyConstraint(columns, { name })] : [];
}

function notNull(
  name: string,
  type: Parameters<typeof column>[1],
  options: Parameters<typeof column>[2] = {},
): ColumnModel {
  return column(name, type, { nullable: false, autoincrement: false, ...options });
}

function nullable(
  name: string,
  type: Parameters<typeof column>[1],
  options: Parameters<typeof column>[2] = {},
): ColumnModel {
  return column(name, type, { nullable: true, autoincrement: false, ...options });
}

/** The expected model of the blog entities on `dialect`. */
export function expectedBlogModel(dialect: FixtureDialect): MetadataModel {
  const postgres = dialect === 'postgres';
  const mysql = dialect === 'mysql';
  const sqlite = dialect === 'sqlite';
  const quotedNumber = (value: string): ReturnType<typeof sql> => sql(sqlite ? value : `'${value}'`);
  const uuidKey = postgres ? uuid() : string(mysql ? 36 : undefined);

  const userUniques: TableElement[] = mysql
    ? [
        index('IDX_09ab9eb7b9d1e67990d4c12d8f', ['email'], { unique: true }),
        index('uq_blog_user_name_age', ['name', 'age'], { unique: true }),
      ]
    : [
        uniqueConstraint(['email'], { name: 'UQ_09ab9eb7b9d1e67990d4c12d8fd' }),
        uniqueConstraint(['name', 'age'], { name: 'uq_blog_user_name_age' }),
      ];
  const blogUser = table(
    'blog_user',
    [
      column('id', integer(), { primaryKey: true, autoincrement: true }),
      notNull('email', string(120), sqlite ? {} : { comment: 'login email' }),
      notNull('name', string(mysql ? 255 : undefined)),
      nullable('age', integer(), { serverDefault: quotedNumber('0') }),
      // TypeORM writes a MySQL boolean as a plain tinyint.
      notNull('active', mysql ? rawType('tinyint') : boolean(), { serverDefault: sql(postgres ? 'true' : '1') }),
      notNull(
        'role',
        sqlite
          ? enumType(['admin', 'member'], { nativeEnum: false, createConstraint: true })
          : enumType(['admin', 'member'], postgres ? { name: 'blog_user_role_enum' } : {}),
        { serverDefault: 'member' },
      ),
      notNull('balance', sqlite ? rawType('decimal(10,2)') : numeric(10, 2), {
        serverDefault: sqlite ? sql('0') : sql(mysql ? "'0.00'" : "'0'"),
      }),
      nullable('ratio', postgres ? float(53) : float()),
      nullable('visits', bigInteger()),
      notNull('rank', smallInteger(), { serverDefault: quotedNumber('1') }),
      nullable('bio', text()),
      nullable('birthday', date()),
      nullable('wakesAt', time()),
      nullable('settings', json()),
      notNull('createdAt', mysql ? rawType('datetime(6)') : dateTime(), {
        serverDefault: sql(postgres ? 'now()' : mysql ? 'CURRENT_TIMESTAMP(6)' : "datetime('now')"),
      }),
      nullable('seenAt', dateTime(), { serverDefault: sql('CURRENT_TIMESTAMP') }),
      ...primaryKey(dialect, ['id'], 'PK_08dfe0c802192ba0c499d4cdb9c'),
      ...(mysql ? [] : userUniques),
      checkConstraint('age >= 0', { name: 'ck_blog_user_age' }),
      index('ix_blog_user_adults', ['age'], mysql ? {} : { where: 'age > 17' }),
      index('IDX_9c6217ce86612622e506eeb72e', ['name', 'age']),
      ...(mysql ? userUniques : []),
    ],
    sqlite ? {} : { comment: 'people who write' },
  );
  const blogTag = table('blog_tag', [
    column('label', string(40), { primaryKey: true, autoincrement: false }),
    ...primaryKey(dialect, ['label'], 'PK_c126f1b5556660dbfa1cd9fd08e'),
  ]);
  const blogPost = table('blog_post', [
    column('id', uuidKey, {
      primaryKey: true,
      autoincrement: false,
      ...(postgres ? { serverDefault: sql('uuid_generate_v4()') } : {}),
    }),
    notNull('title', string(200)),
    notNull('author_id', integer()),
    ...primaryKey(dialect, ['id'], 'PK_694e842ad1c2b33f5939de6fede'),
    foreignKeyConstraint(['author_id'], 'blog_user', ['id'], {
      name: 'FK_00b774847194e379a45edef3ffd',
      onDelete: 'CASCADE',
    }),
    index('ix_blog_post_title', ['title'], { unique: true }),
  ]);
  const profileUnique = ['user_id'];
  const blogProfile = table('blog_profile', [
    column('id', integer(), { primaryKey: true, autoincrement: true }),
    nullable('user_id', integer()),
    ...primaryKey(dialect, ['id'], 'PK_23bebf58a5f833bd0a4087cdfdc'),
    ...(mysql ? [] : [uniqueConstraint(profileUnique, { name: 'REL_95091cc13e9911d93129291cb3' })]),
    foreignKeyConstraint(['user_id'], 'blog_user', ['id'], {
      name: 'FK_95091cc13e9911d93129291cb31',
      onDelete: 'SET NULL',
      onUpdate: 'CASCADE',
    }),
    ...(mysql ? [index('REL_95091cc13e9911d93129291cb3', profileUnique, { unique: true })] : []),
  ]);
  const blogEvent = table('blog_event', [
    column('id', integer(), { primaryKey: true, autoincrement: false, identity: { always: true } }),
    notNull('state', enumType(['draft', 'live'], { name: 'event_state' }), { serverDefault: 'draft' }),
    notNull('payload', rawType('jsonb'), { serverDefault: sql(`'{"tags":[]}'`) }),
    notNull('at', dateTime({ timezone: true }), { serverDefault: sql('now()') }),
    nullable('scores', rawType('integer[]')),
    nullable('correlation', uuid()),
    primaryKeyConstraint(['id'], { name: 'PK_ebffc02eed4156065774987bb6a' }),
  ]);
  const postTag = table('blog_post_tag', [
    column('blogPostId', uuidKey, { primaryKey: true, autoincrement: false }),
    column('blogTagLabel', string(40), { primaryKey: true, autoincrement: false }),
    ...primaryKey(dialect, ['blogPostId', 'blogTagLabel'], 'PK_e3488db0b73739048b1908e5027'),
    foreignKeyConstraint(['blogPostId'], 'blog_post', ['id'], {
      name: 'FK_bdc7a8e7c7dcdda17ea8a9136b3',
      onDelete: 'CASCADE',
      onUpdate: 'CASCADE',
    }),
    foreignKeyConstraint(['blogTagLabel'], 'blog_tag', ['label'], {
      name: 'FK_97c9de174f12d5e34daf53e2ff0',
      onDelete: 'CASCADE',
      onUpdate: 'CASCADE',
    }),
    index('IDX_bdc7a8e7c7dcdda17ea8a9136b', ['blogPostId']),
    index('IDX_97c9de174f12d5e34daf53e2ff', ['blogTagLabel']),
  ]);
  return metadata([blogUser, blogTag, blogPost, blogProfile, ...(postgres ? [blogEvent] : []), postTag], {
    namingConvention: {},
  });
}
