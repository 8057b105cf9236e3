import { randomUUID } from 'node:crypto';

/** A fresh revision id: 12 hex characters, as Alembic makes them. */
export function newRevisionId(): string {
  return randomUUID().replace(/-/g, '').slice(-12);
}
