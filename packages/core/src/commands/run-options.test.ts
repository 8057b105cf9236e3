import { timeoutOptions } from './run-options.js';

describe('timeoutOptions', () => {
  it('passes on the timeouts given, in seconds, and nothing for those not given', () => {
    expect(timeoutOptions({})).toEqual({});
    expect(timeoutOptions({ lockTimeout: 0, statementTimeout: 2.5 })).toEqual({
      lockTimeout: 0,
      statementTimeout: 2.5,
    });
  });

  it.each([
    [{ lockTimeout: -1 }, 'lockTimeout must be a number of seconds, 0 or more (got -1)'],
    [{ lockTimeout: Number.NaN }, 'lockTimeout must be a number of seconds, 0 or more (got NaN)'],
    [{ lockTimeout: Number.POSITIVE_INFINITY }, 'lockTimeout must be a number of seconds, 0 or more (got Infinity)'],
    [{ statementTimeout: 0 }, 'statementTimeout must be a number of seconds greater than 0 (got 0)'],
  ])('refuses %p', (options, message) => {
    expect(() => timeoutOptions(options)).toThrow(message);
  });
});
