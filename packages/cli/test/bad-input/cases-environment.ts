/**
 * Bad `env.ts`: missing, unloadable, throwing, importing what does not exist, forgetting
 * `context.configure`, or awaiting a promise that never settles.
 */
import type { BadInputCase } from './bad-input-case.js';

export const ENVIRONMENT_CASES: readonly BadInputCase[] = [
  {
    name: 'no env.ts',
    setup: (project) => {
      project.chain(['aaaa']);
      project.remove('migrations/env.ts');
    },
    arguments: ['upgrade', 'head'],
    expected: { failed: "No env.ts in <project>/migrations; 'alembic init' writes one" },
  },
  {
    name: 'env.ts throws an Error',
    setup: (project) => {
      project.chain(['aaaa']);
      project.addToEnvironment("throw new Error('env exploded');");
    },
    arguments: ['upgrade', 'head'],
    expected: { failed: /env exploded/ },
  },
  {
    name: 'env.ts throws something that is not an Error',
    setup: (project) => {
      project.chain(['aaaa']);
      project.addToEnvironment("throw 'a plain string';");
    },
    arguments: ['upgrade', 'head'],
    expected: { failed: /a plain string/ },
  },
  {
    name: 'a syntax error in env.ts',
    setup: (project) => {
      project.chain(['aaaa']);
      project.addToEnvironment('const = ;');
    },
    arguments: ['upgrade', 'head'],
    expected: { failed: /^Could not load migrations\/env\.ts:\d+:\d+: / },
  },
  {
    name: 'env.ts importing an export @alembic/core does not have',
    setup: (project) => {
      project.chain(['aaaa']);
      project.addToEnvironment("import { noSuchExport } from '@alembic/core';\nconsole.log(noSuchExport);");
    },
    arguments: ['upgrade', 'head'],
    expected: { failed: /does not provide an export named 'noSuchExport'/ },
  },
  {
    name: 'env.ts importing a missing module',
    setup: (project) => {
      project.chain(['aaaa']);
      project.addToEnvironment("import './missing-module.js';");
    },
    arguments: ['upgrade', 'head'],
    expected: { failed: /Cannot find module '<project>\/migrations\/missing-module\.js'/ },
  },
  {
    name: 'env.ts running migrations without context.configure',
    setup: (project) => {
      project.chain(['aaaa']);
      project.edit('migrations/env.ts', 'context.configure({ connection, targetMetadata });', '');
    },
    arguments: ['upgrade', 'head'],
    expected: { failed: 'env.ts must call context.configure({ ... }) before context.runMigrations()' },
  },
  {
    name: 'env.ts awaiting a promise that never settles',
    setup: (project) => {
      project.chain(['aaaa']);
      project.addToEnvironment('await new Promise(() => undefined);');
    },
    arguments: ['upgrade', 'head'],
    expected: { failed: /env\.ts/ },
  },
];
