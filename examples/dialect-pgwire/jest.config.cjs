const base = require('../../jest.config.base.cjs');

/** @type {import('jest').Config} */
module.exports = {
  ...base,
  displayName: '@example/alembic-dialect-pgwire',
  // The live suites share one server; the CLI test starts processes of its own.
  testTimeout: 60000,
};
