import { createHash } from 'node:crypto';

/**
 * The 64-bit key of an advisory lock named `lockName`: the first eight bytes of its SHA-256, as
 * a signed integer in decimal (what `pg_advisory_lock(bigint)` takes). Stable across processes,
 * versions and machines, so every run on one database computes the same key.
 *
 * ```ts
 * advisoryLockKey('alembic:.alembic_version'); // '-4075389410163335418' (say)
 * ```
 */
export function advisoryLockKey(lockName: string): string {
  return createHash('sha256').update(lockName, 'utf8').digest().readBigInt64BE(0).toString();
}
