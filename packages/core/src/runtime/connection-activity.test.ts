import type { DatabaseConnection } from '../dialect/database-connection.js';
import { stalledForever, watchConnectionActivity } from './connection-activity.js';

/** A connection whose query settles when the test says so. */
function controllableConnection(): { connection: DatabaseConnection; answer: () => void } {
  let answer: () => void = () => undefined;
  const connection: DatabaseConnection = {
    query: () =>
      new Promise((resolve) => {
        answer = () => resolve({ rows: [], rowCount: 0 });
      }),
    execute: async () => undefined,
    begin: async () => undefined,
    commit: async () => undefined,
    rollback: async () => undefined,
    close: async () => undefined,
  };
  return { connection, answer: () => answer() };
}

describe('stalledForever', () => {
  it('is false while no connection core opened is open, true once one is idle with only its socket alive', async () => {
    expect(stalledForever(['TCPSocketWrap'])).toBe(false);
    const { connection, answer } = controllableConnection();
    watchConnectionActivity(connection);
    expect(stalledForever(['TCPSocketWrap', 'PipeWrap', 'PipeWrap'])).toBe(true);

    const pending = connection.query('SELECT 1');
    expect(stalledForever(['TCPSocketWrap'])).toBe(false);
    answer();
    await pending;
    expect(stalledForever(['TCPSocketWrap'])).toBe(true);

    // A timer, a file read, a child process or a second socket may still settle something.
    expect(stalledForever(['TCPSocketWrap', 'Timeout'])).toBe(false);
    expect(stalledForever(['TCPSocketWrap', 'FSReqCallback'])).toBe(false);
    expect(stalledForever(['TCPSocketWrap', 'ProcessWrap'])).toBe(false);
    expect(stalledForever(['TCPSocketWrap', 'TCPSocketWrap'])).toBe(false);

    await connection.close();
    expect(stalledForever(['TCPSocketWrap'])).toBe(false);
  });

  it('keeps the connection itself: the same object, its methods called on it', async () => {
    const { connection, answer } = controllableConnection();
    const seen: unknown[] = [];
    const withThis = Object.assign(connection, {
      execute(this: unknown): Promise<void> {
        seen.push(this);
        return Promise.resolve();
      },
    });
    watchConnectionActivity(withThis);
    await withThis.execute('SELECT 1');
    expect(seen).toEqual([withThis]);
    answer();
    await withThis.close();
  });
});
