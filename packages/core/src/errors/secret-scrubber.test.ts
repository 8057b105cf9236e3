import { secretScrubber } from './secret-scrubber.js';

describe('secretScrubber', () => {
  it('masks the secret in message and stack of the error, its cause chain and aggregated errors', () => {
    const inner = new Error('inner s3cret');
    const aggregated = new Error('aggregated s3cret');
    const error = new AggregateError([aggregated], 'outer s3cret', { cause: inner });
    secretScrubber()(error, 's3cret');
    expect([error.message, inner.message, aggregated.message]).toEqual(['outer ***', 'inner ***', 'aggregated ***']);
    expect([error.stack, inner.stack, aggregated.stack].join('\n')).not.toContain('s3cret');
  });

  it("scrubs the driver's own text and nested keys, and only those", () => {
    const wrapped = new Error('wrapped s3cret');
    const error = Object.assign(new Error('login failed'), {
      sql: "SET PASSWORD = 's3cret'",
      note: 'left s3cret',
      originalError: wrapped,
      precedingErrors: [new Error('earlier s3cret')],
    });
    secretScrubber({ textKeys: ['sql'], nestedKeys: ['originalError', 'precedingErrors'] })(error, 's3cret');
    expect(error.sql).toBe("SET PASSWORD = '***'");
    expect(wrapped.message).toBe('wrapped ***');
    expect(error.precedingErrors[0]?.message).toBe('earlier ***');
    expect(error.note).toBe('left s3cret');
  });

  it('survives cycles and read-only properties', () => {
    const error = new Error('cyclic s3cret') as Error & { cause?: unknown };
    error.cause = error;
    const frozen = Object.freeze({ message: 'frozen s3cret' });
    const outer = new Error('outer', { cause: [error, frozen] });
    secretScrubber({ nestedKeys: [] })(error, 's3cret');
    expect(error.message).toBe('cyclic ***');
    expect(() => secretScrubber()(outer, 's3cret')).not.toThrow();
    expect(frozen.message).toBe('frozen s3cret');
  });

  it('does nothing without a secret', () => {
    const scrub = secretScrubber();
    const error = new Error('keep');
    expect(scrub(error, undefined)).toBe(error);
    expect(scrub(error, '').message).toBe('keep');
  });
});
