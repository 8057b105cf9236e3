const base = require('../../jest.config.base.cjs');

/** @type {import('jest').Config} */
module.exports = {
  ...base,
  displayName: '@alembic/typeorm',
  moduleNameMapper: {
    ...base.moduleNameMapper,
    // The live tests connect through the dialects' sources: their built CommonJS loads the
    // driver with import(), which jest's module sandbox refuses without --experimental-vm-modules.
    '^@alembic/dialect-(postgres|mysql|sqlite)$': '<rootDir>/../dialect-$1/src/index.ts',
  },
  // Entity fixtures use decorators with emitted metadata, as TypeORM projects compile them.
  transform: {
    '^.+\\.(t|j)sx?$': [
      '@swc/jest',
      {
        jsc: {
          parser: { syntax: 'typescript', tsx: false, decorators: true },
          transform: { legacyDecorator: true, decoratorMetadata: true, useDefineForClassFields: false },
          target: 'es2022',
          keepClassNames: true,
        },
        module: { type: 'commonjs' },
        sourceMaps: 'inline',
      },
    ],
  },
};
