import { defaultCapabilities, defineCapabilities } from './dialect-capabilities.js';

describe('dialect capabilities', () => {
  it('describes the generic SQL dialect by default', () => {
    expect(defaultCapabilities).toMatchObject({
      transactionalDdl: false,
      requiresBatchRecreate: false,
      supportsAlterConstraints: true,
      batchSeparator: undefined,
      statementTerminator: ';',
      nativeBoolean: false,
    });
    expect(Object.isFrozen(defaultCapabilities)).toBe(true);
  });

  it('applies overrides over the defaults and freezes the result', () => {
    const capabilities = defineCapabilities({ transactionalDdl: true, batchSeparator: 'GO' });
    expect(capabilities.transactionalDdl).toBe(true);
    expect(capabilities.batchSeparator).toBe('GO');
    expect(capabilities.supportsSchemas).toBe(defaultCapabilities.supportsSchemas);
    expect(Object.isFrozen(capabilities)).toBe(true);
  });

  it('ignores overrides left undefined', () => {
    expect(defineCapabilities({ transactionalDdl: undefined }).transactionalDdl).toBe(false);
  });
});
