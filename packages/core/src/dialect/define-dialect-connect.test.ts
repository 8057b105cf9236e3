import { defineDialectConnect } from './define-dialect-connect.js';

describe('defineDialectConnect', () => {
  const connect = defineDialectConnect<{ existingClient?: unknown; label?: string }, string>('connectExample', {
    wrapExisting: async (existingClient, _options, dialectOptions) =>
      `wrapped ${String(existingClient)} ${dialectOptions.label}`,
    openOwn: async (url, options) => `opened ${url} ${options.statementTimeoutMilliseconds}`,
  });

  it('opens a session of its own when no existing client is named', async () => {
    await expect(connect('example://db', { statementTimeoutMilliseconds: 5 })).resolves.toBe('opened example://db 5');
    await expect(connect('example://db')).resolves.toBe('opened example://db undefined');
  });

  it("wraps the call's existing client before the dialect's", async () => {
    await expect(
      connect('example://db', { existingClient: 'call' }, { existingClient: 'dialect', label: 'x' }),
    ).resolves.toBe('wrapped call x');
    await expect(connect('example://db', {}, { existingClient: 'dialect', label: 'x' })).resolves.toBe(
      'wrapped dialect x',
    );
  });

  it('is named as the dialect exports it, for stack traces', () => {
    expect(connect.name).toBe('connectExample');
  });
});
