import { advisoryLockKey } from './postgres-lock-key.js';

describe('advisoryLockKey', () => {
  it('is a stable signed 64-bit integer per lock name', () => {
    const key = advisoryLockKey('alembic:.alembic_version');
    expect(key).toBe(advisoryLockKey('alembic:.alembic_version'));
    expect(key).toMatch(/^-?\d+$/);
    expect(BigInt(key)).toBe(BigInt.asIntN(64, BigInt(key)));
    expect(advisoryLockKey('alembic:billing.alembic_version')).not.toBe(key);
  });

  it('is the first eight bytes of the name’s SHA-256', () => {
    // sha256('') = e3b0c44298fc1c14..., read as a signed big-endian integer
    expect(advisoryLockKey('')).toBe(BigInt.asIntN(64, 0xe3b0c44298fc1c14n).toString());
  });
});
