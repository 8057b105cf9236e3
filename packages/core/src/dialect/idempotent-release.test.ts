import { idempotentRelease } from './idempotent-release.js';

describe('idempotentRelease', () => {
  it('runs the release on the first call only, also when the calls overlap', async () => {
    let runs = 0;
    const release = idempotentRelease(async () => {
      runs += 1;
    });
    await Promise.all([release(), release()]);
    await release();
    expect(runs).toBe(1);
  });

  it('lets a failing release fail once', async () => {
    const release = idempotentRelease(() => Promise.reject(new Error('connection lost')));
    await expect(release()).rejects.toThrow('connection lost');
    await expect(release()).resolves.toBeUndefined();
  });
});
