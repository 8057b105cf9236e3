import type { DatabaseConnection } from '../dialect/database-connection.js';

/** The methods that talk to the database, and so must come after what waits in a batch. */
const SENDING_METHODS = new Set<PropertyKey>([
  'query',
  'execute',
  'executeBatch',
  'begin',
  'commit',
  'rollback',
  'close',
]);

/**
 * `connection` as seen by everything but the statement batch: each method that talks to the
 * database first calls `flush` (sends the deferred statements). Everything else is the
 * connection's own: its other methods and fields (a driver `client`, say) and its class, so
 * `instanceof` checks still hold.
 */
export function flushingConnection<Connection extends DatabaseConnection>(
  connection: Connection,
  flush: () => Promise<void>,
): Connection {
  const wrapped = new Map<PropertyKey, unknown>();
  return new Proxy(connection, {
    get(target, property) {
      const value: unknown = Reflect.get(target, property, target);
      if (typeof value !== 'function') return value;
      let method = wrapped.get(property);
      if (method === undefined) {
        const original = value as (...arguments_: unknown[]) => unknown;
        method = SENDING_METHODS.has(property)
          ? async (...arguments_: unknown[]) => {
              await flush();
              return original.apply(target, arguments_);
            }
          : (...arguments_: unknown[]) => original.apply(target, arguments_);
        wrapped.set(property, method);
      }
      return method;
    },
  });
}
