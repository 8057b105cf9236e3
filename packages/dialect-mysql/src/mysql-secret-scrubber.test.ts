import { inspect } from 'node:util';
import { scrubSecret } from './mysql-secret-scrubber.js';

describe('scrubSecret', () => {
  it('masks the secret in the message, stack, driver fields, cause and aggregated errors', () => {
    const inner = new Error('inner p4ssw0rd!');
    const error = Object.assign(new Error('failed with p4ssw0rd!', { cause: inner }), {
      sqlMessage: 'server said p4ssw0rd!',
      sql: "SET PASSWORD = 'p4ssw0rd!'",
    });
    const aggregate = new AggregateError([error], 'several p4ssw0rd!');
    scrubSecret(aggregate, 'p4ssw0rd!');
    expect(inspect(aggregate, { depth: 10 })).not.toContain('p4ssw0rd!');
    expect(error.message).toBe('failed with ***');
  });

  it('does nothing without a secret', () => {
    const error = new Error('x');
    expect(scrubSecret(error, undefined)).toBe(error);
    expect(scrubSecret(error, '').message).toBe('x');
  });
});
