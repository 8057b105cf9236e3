import { NeverSettledError } from '../errors/never-settled-error.js';
import { abandonUnsettledWork, trackWork } from './work-in-flight.js';

describe('work in flight', () => {
  afterEach(async () => {
    await abandonUnsettledWork();
  });

  it('is nothing once every piece of work has settled', async () => {
    await trackWork({ subject: 'migrations/env.ts', awaiting: 'it' }, async () => undefined);
    await expect(trackWork({ subject: 'x' }, async () => Promise.reject(new Error('failed')))).rejects.toThrow(
      'failed',
    );
    expect(await abandonUnsettledWork()).toBeUndefined();
  });

  it('names the innermost migration and abandons every piece, innermost first', async () => {
    const order: string[] = [];
    const never = new Promise<void>(() => undefined);
    void trackWork({ subject: 'migrations/env.ts', awaiting: 'it' }, () =>
      trackWork(
        {
          abandon: async () => {
            order.push('transaction');
            return 'its transaction was rolled back';
          },
        },
        () =>
          trackWork(
            { subject: 'upgrade aaaa -> bbbb (migrations/versions/bbbb_x.ts)', awaiting: 'upgrade()' },
            () => never,
          ),
      ),
    );
    const error = await abandonUnsettledWork();
    expect(error).toBeInstanceOf(NeverSettledError);
    expect(error?.code).toBe('ALEMBIC_NEVER_SETTLED');
    expect(error?.work).toBe('upgrade aaaa -> bbbb (migrations/versions/bbbb_x.ts)');
    expect(error?.message).toBe(
      'upgrade aaaa -> bbbb (migrations/versions/bbbb_x.ts) never finished: upgrade() awaited a promise that nothing was left to settle ' +
        '(no query, timer or I/O pending: a promise never resolved, or a callback never called?); its transaction was rolled back',
    );
    expect(order).toEqual(['transaction']);
    expect(await abandonUnsettledWork()).toBeUndefined();
  });

  it('names env.ts when no migration is running, and reports a rollback that fails', async () => {
    void trackWork({ subject: 'migrations/env.ts', awaiting: 'it' }, () =>
      trackWork(
        { abandon: async () => Promise.reject(new Error('connection lost')) },
        () => new Promise(() => undefined),
      ),
    );
    const error = await abandonUnsettledWork();
    expect(error?.message).toMatch(
      /^migrations\/env\.ts never finished: it awaited a promise .*; rolling back failed: connection lost$/,
    );
  });
});
