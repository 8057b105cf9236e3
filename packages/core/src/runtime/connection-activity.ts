import type { DatabaseConnection } from '../dialect/database-connection.js';
import { processWide } from './process-wide.js';

/** The calls of a {@link DatabaseConnection} that send something to the database. */
const SENDING_METHODS = ['query', 'execute', 'executeBatch', 'begin', 'commit', 'rollback'] as const;

interface ActivityRegistry {
  /** Connections opened by `context.connect()` and not yet closed. */
  readonly open: Set<DatabaseConnection>;
  /** Calls sent on those connections whose promise has not settled. */
  inFlight: number;
}

/** Shared by every copy of core in the process, as the work-in-flight registry is. */
function registry(): ActivityRegistry {
  return processWide('alembic.runtime.connectionActivity', (): ActivityRegistry => ({ open: new Set(), inFlight: 0 }));
}

/**
 * Counts the calls in flight on a connection core opened (`context.connect()`), until it is
 * closed: the methods that talk to the database are wrapped on the instance itself, so the
 * connection keeps its identity and class. What the count is for: telling a command that
 * waits on the database from one that waits on nothing (see `stalledForever()`).
 */
export function watchConnectionActivity(connection: DatabaseConnection): void {
  const activity = registry();
  if (activity.open.has(connection)) return;
  activity.open.add(connection);
  const target = connection as unknown as Record<string, unknown>;
  for (const name of SENDING_METHODS) {
    const original = target[name];
    if (typeof original !== 'function') continue;
    target[name] = async (...parameters: unknown[]): Promise<unknown> => {
      activity.inFlight += 1;
      try {
        return await (original as (...values: unknown[]) => Promise<unknown>).apply(connection, parameters);
      } finally {
        activity.inFlight -= 1;
      }
    };
  }
  const close = connection.close;
  target.close = async (): Promise<void> => {
    activity.open.delete(connection);
    await close.call(connection);
  };
}

/** What a connection's socket shows up as among the resources keeping the event loop alive. */
const SOCKET_RESOURCES = new Set(['TCPSocketWrap', 'TLSWrap']);
/** Pipes and terminals: the process's own standard streams (and a database's Unix socket). */
const STREAM_RESOURCES = new Set(['PipeWrap', 'TTYWrap']);

/**
 * Whether the program can no longer make progress on its own although its event loop is
 * alive: every connection core opened is idle (no query, transaction command or batch in
 * flight), and all that keeps the loop alive is sockets, no more of them than those
 * connections, and the standard streams (no timer, no pending file or child process, no
 * other socket). A promise awaited now can then only settle if the database sends something
 * unasked, which it does not. `false` when core opened no connection (an application's own
 * connection is not watched), or when nothing is in flight.
 *
 * The one case this cannot see: a query sent through the driver's own client, around the
 * connection core returned, looks the same as no query.
 *
 * ```ts
 * setInterval(() => { if (hasWorkInFlight() && stalledForever()) report(); }, 250).unref();
 * ```
 */
export function stalledForever(resources: readonly string[] = process.getActiveResourcesInfo()): boolean {
  const activity = registry();
  if (activity.open.size === 0 || activity.inFlight > 0) return false;
  let sockets = 0;
  for (const resource of resources) {
    if (SOCKET_RESOURCES.has(resource)) sockets += 1;
    else if (!STREAM_RESOURCES.has(resource)) return false;
  }
  return sockets <= activity.open.size;
}
