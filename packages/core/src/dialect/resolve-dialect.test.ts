import { genericDialect } from '../autogenerate/compare-test-support.js';
import { ConfigError } from '../errors/config-error.js';
import type { Dialect } from './dialect.js';
import { isDialect, resolveDialect } from './resolve-dialect.js';

function listedDialect(name: string, urlSchemes: readonly string[]): Dialect {
  return { ...genericDialect(), name, urlSchemes };
}

describe('resolveDialect', () => {
  it('takes a dialect listed in the config for each of its URL schemes, before any package', async () => {
    const listed = listedDialect('postgresql', ['postgresql', 'postgres']);
    for (const url of ['postgresql://app@db/x', 'postgres://app@db/x']) {
      expect(
        await resolveDialect(url, {
          configured: [listedDialect('other', ['other']), listed],
          projectDirectory: __dirname,
        }),
      ).toBe(listed);
    }
  });

  it('says which package to install when no dialect serves the scheme', async () => {
    const failure = resolveDialect('nosuchdb://host/x', {
      configured: [listedDialect('other', ['other'])],
      projectDirectory: __dirname,
    });
    await expect(failure).rejects.toThrow(ConfigError);
    await expect(failure).rejects.toThrow("No dialect for 'nosuchdb://' URLs: install @alembic/dialect-nosuchdb");
  });
});

describe('isDialect', () => {
  it('recognises version 1 of the contract by shape, and nothing else', () => {
    expect(isDialect(listedDialect('x', ['x']))).toBe(true);
    expect(isDialect({ ...listedDialect('x', ['x']), specVersion: 2 })).toBe(false);
    expect(isDialect({ name: 'x' })).toBe(false);
    expect(isDialect(null)).toBe(false);
  });
});
