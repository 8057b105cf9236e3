import { defineCapabilities } from '@alembic/core/dialect';
import { unmetRequirements } from './capability-gate.js';

describe('unmetRequirements', () => {
  const capabilities = defineCapabilities({ transactionalDdl: true, supportsComments: false });

  it('lists each flag whose value differs, as flag=value', () => {
    expect(unmetRequirements(capabilities, { transactionalDdl: false, supportsComments: true })).toEqual([
      'transactionalDdl=false',
      'supportsComments=true',
    ]);
  });

  it('is empty when every flag matches, or nothing is required', () => {
    expect(unmetRequirements(capabilities, { transactionalDdl: true, supportsComments: false })).toEqual([]);
    expect(unmetRequirements(capabilities, {})).toEqual([]);
  });
});
