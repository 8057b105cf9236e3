/**
 * The part of a `mysql2/promise` connection this dialect uses, typed structurally so the
 * package needs no import of `mysql2` to describe it (an application's own connection fits).
 */
export interface MysqlClient {
  /** `[rows or result header, fields]`, with `?` placeholders filled in by the driver. */
  query(sql: string, values?: unknown[]): Promise<[unknown, unknown]>;
}

/** A connection checked out of a `mysql2/promise` pool. */
export interface MysqlPoolClient extends MysqlClient {
  release(): void;
}

/** A `mysql2/promise` pool: the dialect checks one connection out of it and returns it on close. */
export interface MysqlPool {
  getConnection(): Promise<MysqlPoolClient>;
}

/** A callback-style `mysql2` connection or pool, whose `promise()` gives the promise API. */
export interface MysqlCallbackClient {
  promise(): MysqlClient | MysqlPool;
}

/** What `existingClient` may be: a promise connection or pool, or a callback-style one. */
export type MysqlExistingClient = MysqlClient | MysqlPool | MysqlCallbackClient;

function hasMethod(value: unknown, name: string): boolean {
  return typeof value === 'object' && value !== null && typeof (value as Record<string, unknown>)[name] === 'function';
}

/** True for a callback-style `mysql2` connection or pool (it has `promise()`). */
export function isMysqlCallbackClient(value: unknown): value is MysqlCallbackClient {
  return hasMethod(value, 'promise');
}

/** True for a `mysql2/promise` pool (it has `getConnection()`). */
export function isMysqlPool(value: unknown): value is MysqlPool {
  return hasMethod(value, 'getConnection');
}

/** True for anything with a `query()` method. */
export function isMysqlClient(value: unknown): value is MysqlClient {
  return hasMethod(value, 'query');
}
