import { NamingConventionError } from '../errors/naming-convention-error.js';
import type { ConstraintName } from './converted-name.js';

/** The object kinds a naming convention can name (SQLAlchemy's keys). */
export type NamingConventionKey = 'ix' | 'uq' | 'ck' | 'fk' | 'pk';

/**
 * Templates per object kind, with SQLAlchemy's tokens: `%(table_name)s`, `%(column_0_name)s`,
 * `%(column_0N_name)s` (all columns, joined), `%(column_0_N_name)s` (joined by `_`),
 * `%(column_0_label)s` (`<table>_<column>`), `%(referred_table_name)s`,
 * `%(referred_column_0_name)s` (and its `0N` / `0_N` forms), `%(constraint_name)s`.
 *
 * ```ts
 * const convention: NamingConvention = {
 *   ix: 'ix_%(column_0_label)s',
 *   uq: 'uq_%(table_name)s_%(column_0_name)s',
 *   ck: 'ck_%(table_name)s_%(constraint_name)s',
 *   fk: 'fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s',
 *   pk: 'pk_%(table_name)s',
 * };
 * ```
 */
export type NamingConvention = Readonly<Partial<Record<NamingConventionKey, string>>>;

/** SQLAlchemy's default: only indexes are named (`ix_<table>_<column>`). */
export const defaultNamingConvention: NamingConvention = Object.freeze({ ix: 'ix_%(column_0_label)s' });

/** What a convention template can refer to. */
export interface NamingSubject {
  readonly tableName: string;
  readonly columnNames: readonly string[];
  readonly referredTableName?: string;
  readonly referredColumnNames?: readonly string[];
}

const TOKEN = /%\((\w+)\)s|%%/g;

/**
 * The final name of a constraint or index (SQLAlchemy's rules):
 * a converted name is used verbatim; with no template for `key`, the given name is used (or
 * none); a given name is kept unless the template contains `%(constraint_name)s`; otherwise
 * the template is filled in.
 *
 * ```ts
 * resolveConstraintName(undefined, 'ix', { tableName: 'user', columnNames: ['email'] }, defaultNamingConvention);
 * // 'ix_user_email'
 * ```
 */
export function resolveConstraintName(
  name: ConstraintName | undefined,
  key: NamingConventionKey,
  subject: NamingSubject,
  convention: NamingConvention,
): string | undefined {
  if (name !== undefined && typeof name !== 'string') {
    return name.name;
  }
  const template = convention[key];
  if (template === undefined) {
    return name;
  }
  if (name !== undefined && !template.includes('%(constraint_name)s')) {
    return name;
  }
  return template.replace(TOKEN, (_match, token: string | undefined) =>
    token === undefined ? '%' : tokenValue(token, name, subject, template),
  );
}

function tokenValue(token: string, name: string | undefined, subject: NamingSubject, template: string): string {
  if (token === 'table_name') {
    return subject.tableName;
  }
  if (token === 'constraint_name') {
    if (name === undefined) {
      throw new NamingConventionError(
        `Naming convention '${template}' includes %(constraint_name)s, which requires that the constraint is explicitly named`,
      );
    }
    return name;
  }
  if (token === 'referred_table_name') {
    if (subject.referredTableName === undefined) {
      throw new NamingConventionError(
        `Naming convention '${template}': %(referred_table_name)s applies only to foreign keys`,
      );
    }
    return subject.referredTableName;
  }
  const columnToken = /^(referred_)?column_0(N|_N)?_(name|label|key)$/.exec(token);
  if (columnToken === null) {
    throw new NamingConventionError(`Naming convention '${template}' has an unknown token %(${token})s`);
  }
  const [, referred, multiple, part] = columnToken;
  const columns = referred ? (subject.referredColumnNames ?? []) : subject.columnNames;
  if (columns.length === 0) {
    throw new NamingConventionError(
      `Naming convention '${template}' needs the ${referred ? 'referred ' : ''}columns of the constraint on '${
        subject.tableName
      }', and it names none; give the constraint an explicit name`,
    );
  }
  const tableName = referred ? (subject.referredTableName ?? '') : subject.tableName;
  const render = (columnName: string): string => (part === 'label' ? `${tableName}_${columnName}` : columnName);
  const chosen = multiple === undefined ? columns.slice(0, 1) : columns;
  return chosen.map(render).join(multiple === '_N' ? '_' : '');
}
