/** A fresh revision id: 12 hex characters, as Alembic makes them. */
export function newRevisionId(): string {
  // The Web Crypto global: no `node:crypto` import for every command that never makes an id.
  return globalThis.crypto.randomUUID().replace(/-/g, '').slice(-12);
}
