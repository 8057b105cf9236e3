import { genericDialect } from '../autogenerate/compare-test-support.js';
import { defineDialect, type DialectDefinition } from './define-dialect.js';

/** A dialect's members without the two defineDialect fills in. */
function definition(): DialectDefinition {
  const { specVersion: _specVersion, urlSchemes: _urlSchemes, ...members } = genericDialect();
  return members;
}

describe('defineDialect', () => {
  it('fills in version 1 of the contract and serves the dialect name as its URL scheme', () => {
    const members = definition();
    const dialect = defineDialect(members);
    expect(dialect.specVersion).toBe(1);
    expect(dialect.urlSchemes).toEqual(['generic']);
    expect(Object.keys(dialect)).toEqual([
      'specVersion',
      'name',
      'urlSchemes',
      'capabilities',
      'createDdlCompiler',
      'connect',
      'createIntrospector',
      'acquireMigrationLock',
      'translateError',
    ]);
    expect(dialect.translateError).toBe(members.translateError);
  });

  it('keeps the URL schemes it is given, copied', () => {
    const urlSchemes = ['generic', 'gen'];
    const dialect = defineDialect({ ...definition(), urlSchemes });
    expect(dialect.urlSchemes).toEqual(['generic', 'gen']);
    expect(Object.isFrozen(urlSchemes)).toBe(false);
  });

  it('freezes the dialect and its URL schemes', () => {
    const dialect = defineDialect(definition());
    expect(Object.isFrozen(dialect)).toBe(true);
    expect(Object.isFrozen(dialect.urlSchemes)).toBe(true);
  });

  it('is version 1 even when a JavaScript caller passes another specVersion', () => {
    const dialect = defineDialect({ ...definition(), specVersion: 2 } as Parameters<typeof defineDialect>[0]);
    expect(dialect.specVersion).toBe(1);
    expect(Object.keys(dialect).slice(0, 3)).toEqual(['specVersion', 'name', 'urlSchemes']);
  });
});
