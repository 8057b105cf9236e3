import { scrubSecret } from './mssql-secret-scrubber.js';

describe('scrubSecret', () => {
  it('masks the password in the error and every error it wraps', () => {
    const inner = new Error('server said p4ss');
    const outer = new Error('login p4ss failed', { cause: inner });
    Object.defineProperty(outer, 'originalError', {
      enumerable: true,
      value: new AggregateError([new Error('again p4ss')], 'many p4ss'),
    });
    scrubSecret(outer, 'p4ss');
    expect(outer.message).toBe('login *** failed');
    expect(outer.stack).not.toContain('p4ss');
    expect(inner.message).toBe('server said ***');
    const aggregate = (outer as unknown as { originalError: AggregateError }).originalError;
    expect(aggregate.message).toBe('many ***');
    expect((aggregate.errors[0] as Error).message).toBe('again ***');
  });

  it('does nothing without a secret', () => {
    const error = new Error('keep');
    expect(scrubSecret(error, undefined)).toBe(error);
    expect(scrubSecret(error, '').message).toBe('keep');
  });
});
