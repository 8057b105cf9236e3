/**
 * The two scripts of the reference's Appendix A (captured offline SQL per dialect), in this
 * project's script format. `description` is `Unicode(200)` in Alembic's script: `nvarchar(200)`
 * from this package here (core's `string()` is `VARCHAR`, as SQLAlchemy's `String`).
 */
import type { VersionScript } from './migration-project.js';

export const APPENDIX_A_SCRIPTS: readonly VersionScript[] = [
  {
    revision: '1a2b3c4d',
    downRevision: null,
    imports: ['column', 'dateTime', 'integer', 'sql', 'string', 'uniqueConstraint'],
    dialectImports: ['nvarchar'],
    upgrade: `  const account = await op.createTable('account', [
    column('id', integer(), { primaryKey: true }),
    column('name', string(50), { nullable: false }),
    column('description', nvarchar(200)),
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
    dialectImports: ['nvarchar'],
    upgrade: `  await op.addColumn('account', column('last_login', dateTime()));
  await op.alterColumn('account', 'name', { type: string(100), existingType: string(50), existingNullable: false });
  await op.alterColumn('account', 'description', { nullable: false, existingType: nvarchar(200) });
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
  await op.alterColumn('account', 'description', { nullable: true, existingType: nvarchar(200) });
  await op.alterColumn('account', 'name', { type: string(50), existingType: string(100), existingNullable: false });
  await op.dropColumn('account', 'last_login');`,
  },
];
