import { DefaultDdlCompiler, defaultCapabilities } from '@alembic/core/dialect';
import type { Dialect } from '@alembic/core';

/** Core's generic SQL dialect (Alembic's default dialect), offline only: the suite's own subject. */
export const genericDialect: Dialect = Object.freeze({
  specVersion: 1,
  name: 'generic',
  urlSchemes: ['generic'],
  capabilities: defaultCapabilities,
  createDdlCompiler: (options) =>
    new DefaultDdlCompiler({ ...options, dialectName: 'generic', capabilities: defaultCapabilities }),
  connect: async () => {
    throw new Error('the generic dialect has no database');
  },
  createIntrospector: () => {
    throw new Error('the generic dialect has no database');
  },
  acquireMigrationLock: async () => async () => undefined,
  translateError: (error: unknown) => error,
} satisfies Dialect);
