import type { VersionScript } from './version-script.js';

/** How a dialect writes the Appendix A scripts. */
export interface AppendixAOptions {
  /**
   * The TypeScript expression for the type of `account.description` (`Unicode(200)` in
   * Alembic's script): core's `'string(200)'`, or a dialect type such as `'nvarchar(200)'`.
   */
  readonly descriptionType: string;
  /** Names imported from the dialect package by both scripts (e.g. `['nvarchar']`). */
  readonly dialectImports?: readonly string[];
}

/**
 * The two scripts of the reference's Appendix A (captured offline SQL per dialect), in the
 * script format of a `DialectMigrationProject`: `1a2b3c4d` creates `account` and
 * `address` and inserts two rows, `5e6f7a8b` adds, alters and renames columns and constraints,
 * then renames `address` to `addresses`.
 */
export function appendixAScripts(options: AppendixAOptions): readonly VersionScript[] {
  const description = options.descriptionType;
  const dialectImports = options.dialectImports === undefined ? {} : { dialectImports: [...options.dialectImports] };
  return [
    {
      revision: '1a2b3c4d',
      downRevision: null,
      imports: ['column', 'dateTime', 'integer', 'sql', 'string', 'uniqueConstraint'],
      ...dialectImports,
      upgrade: `  const account = await op.createTable('account', [
    column('id', integer(), { primaryKey: true }),
    column('name', string(50), { nullable: false }),
    column('description', ${description}),
    column('created', dateTime(), { serverDefault: sql('now()') }),
  ]);
  await op.createTable('address', [
    column('id', integer(), { primaryKey: true }),
    column('account_id', integer(), { nullable: false, references: 'account.id' }),
    column('email', string(100)),
    uniqueConstraint(['email'], { name: 'uq_address_email' }),
  ]);
  await op.createIndex('ix_address_account_id', 'address', ['account_id']);
  await op.bulkInsert(account, [{ id: 1, name: 'John' }, { id: 2, name: "O'Brien" }]);`,
      downgrade: `  await op.dropTable('address');
  await op.dropTable('account');`,
    },
    {
      revision: '5e6f7a8b',
      downRevision: '1a2b3c4d',
      imports: ['column', 'dateTime', 'string'],
      ...dialectImports,
      upgrade: `  await op.addColumn('account', column('last_login', dateTime()));
  await op.alterColumn('account', 'name', { type: string(100), existingType: string(50), existingNullable: false });
  await op.alterColumn('account', 'description', { nullable: false, existingType: ${description} });
  await op.alterColumn('account', 'name', { newColumnName: 'full_name', existingType: string(100), existingNullable: false });
  await op.alterColumn('address', 'email', { serverDefault: 'none' });
  await op.createForeignKey('fk_addr_acct2', 'address', 'account', ['account_id'], ['id'], { onDelete: 'CASCADE' });
  await op.dropConstraint('uq_address_email', 'address', { type: 'unique' });
  await op.createCheckConstraint('ck_name_len', 'account', 'length(full_name) > 2');
  await op.renameTable('address', 'addresses');
  await op.execute("UPDATE account SET description = 'x' WHERE description IS NULL");`,
      downgrade: `  await op.renameTable('addresses', 'address');
  await op.dropConstraint('ck_name_len', 'account', { type: 'check' });
  await op.createUniqueConstraint('uq_address_email', 'address', ['email']);
  await op.dropConstraint('fk_addr_acct2', 'address', { type: 'foreignkey' });
  await op.alterColumn('address', 'email', { serverDefault: null });
  await op.alterColumn('account', 'full_name', { newColumnName: 'name', existingType: string(100), existingNullable: false });
  await op.alterColumn('account', 'description', { nullable: true, existingType: ${description} });
  await op.alterColumn('account', 'name', { type: string(50), existingType: string(100), existingNullable: false });
  await op.dropColumn('account', 'last_login');`,
    },
  ];
}
