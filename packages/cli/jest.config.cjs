const { availableParallelism } = require('node:os');
const base = require('../../jest.config.base.cjs');

/** @type {import('jest').Config} */
module.exports = {
  ...base,
  displayName: '@alembic/cli',
  // The end-to-end suites spend most of their time waiting on child processes and servers, and
  // are the longest of CI: at least two at a time, also on a two-CPU machine where jest's
  // default (CPUs - 1) would run them one by one. Each suite makes its own projects and databases.
  maxWorkers: Math.max(2, availableParallelism() - 1),
};
