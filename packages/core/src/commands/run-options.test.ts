import { environmentOptions, timeoutOptions } from './run-options.js';

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

describe('environmentOptions', () => {
  it('gives runEnvironment the defaults when nothing is given', () => {
    expect(environmentOptions({})).toStrictEqual({ asSql: false, tag: null, noLock: false });
  });

  it('passes on --sql, --tag, --no-lock and the checked timeouts', () => {
    expect(environmentOptions({ sql: true, tag: 'nightly', noLock: true, lockTimeout: 5 })).toStrictEqual({
      asSql: true,
      tag: 'nightly',
      noLock: true,
      lockTimeout: 5,
    });
    expect(() => environmentOptions({ statementTimeout: -2 })).toThrow('statementTimeout must be');
  });
});
