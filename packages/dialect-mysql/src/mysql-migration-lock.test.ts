import { mysqlLockName } from './mysql-migration-lock.js';

describe('mysqlLockName', () => {
  it('adds the database and stays within 64 characters', () => {
    expect(mysqlLockName('alembic:.alembic_version', 'shop')).toBe('alembic:.alembic_version@shop');
    expect(mysqlLockName('alembic:.alembic_version', undefined)).toBe('alembic:.alembic_version');
    const long = mysqlLockName(`alembic:.${'v'.repeat(60)}`, 'shop');
    expect(long).toHaveLength(64);
    expect(long).toMatch(/^alembic:[0-9a-f]{56}$/);
    expect(mysqlLockName(`alembic:.${'v'.repeat(60)}`, 'other')).not.toBe(long);
  });
});
