/**
 * Names MySQL and MariaDB give constraints that were created without one, so that
 * autogenerate can leave them unnamed (and match them by their columns):
 *
 * - unique keys: the first column (`email`), then `email_2`, `email_3`...;
 * - foreign keys: `<table>_ibfk_<n>`, and the index created for one: the first column (with the
 *   same numbering), or the constraint's own name;
 * - checks: MariaDB `CONSTRAINT_<n>` (table level) or the column name (column level); MySQL 8
 *   `<table>_chk_<n>`.
 *
 * ```ts
 * isMysqlGeneratedName('email_2', { kind: 'unique', tableName: 'account', columns: ['email'] }); // true
 * isMysqlGeneratedName('CONSTRAINT_1', { kind: 'check', tableName: 'account', columns: [] }); // true
 * ```
 */
export function isMysqlGeneratedName(
  name: string,
  owner: {
    readonly kind: 'unique' | 'foreignKey' | 'check' | 'index';
    readonly tableName: string;
    readonly columns: readonly string[];
  },
): boolean {
  switch (owner.kind) {
    case 'unique':
    case 'index':
      return owner.columns[0] !== undefined && isNumberedName(name, owner.columns[0]);
    case 'foreignKey':
      return new RegExp(`^${escapeRegExp(owner.tableName)}_ibfk_\\d+$`).test(name);
    case 'check':
      return (
        /^CONSTRAINT_\d+$/.test(name) ||
        owner.columns.includes(name) ||
        new RegExp(`^${escapeRegExp(owner.tableName)}_chk_\\d+$`).test(name)
      );
  }
}

/** `base`, or `base_<n>` with n ≥ 2. */
function isNumberedName(name: string, base: string): boolean {
  if (name === base) return true;
  const suffix = name.startsWith(`${base}_`) ? name.slice(base.length + 1) : '';
  return /^\d+$/.test(suffix) && Number(suffix) >= 2;
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
