import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Config } from '../config/config.js';
import { DefaultDdlCompiler } from '../dialect/default-ddl-compiler.js';
import type { Dialect } from '../dialect/dialect.js';
import { defaultCapabilities } from '../dialect/dialect-capabilities.js';
import { ScriptDirectory } from '../script/script-directory.js';
import { MigrationContext } from './migration-context.js';
import { planUpgrade } from './plan-steps.js';

const offlineDialect: Dialect = {
  specVersion: 1,
  name: 'memory',
  urlSchemes: ['memory'],
  capabilities: defaultCapabilities,
  createDdlCompiler: (options) => new DefaultDdlCompiler({ ...options, dialectName: 'memory' }),
  connect: async () => {
    throw new Error('offline only');
  },
  createIntrospector: () => {
    throw new Error('offline only');
  },
  acquireMigrationLock: async () => async () => undefined,
  translateError: (error) => error,
};

describe('MigrationContext loadStepFunction', () => {
  let directory: string;

  beforeEach(() => {
    directory = mkdtempSync(join(tmpdir(), 'alembic-load-step-'));
    mkdirSync(join(directory, 'versions'));
    writeFileSync(
      join(directory, 'versions', 'aaa1_first.mjs'),
      "export const revision = 'aaa1';\nexport const downRevision = null;\nexport async function upgrade() { throw new Error('not imported'); }\n",
    );
  });

  afterEach(() => rmSync(directory, { recursive: true, force: true }));

  it('runs the functions the option supplies instead of importing the script', async () => {
    const lines: string[] = [];
    const config = new Config({
      configFile: null,
      directory,
      values: { scriptLocation: directory },
      output: { stdout: (line) => lines.push(line), stderr: () => undefined },
    });
    const scripts = ScriptDirectory.fromConfig(config);
    const asked: string[] = [];
    const context = new MigrationContext({
      config,
      scripts,
      dialect: offlineDialect,
      loadStepFunction: async (script, name) => {
        asked.push(`${script.revision} ${name}`);
        return async (operations) => operations.execute('UPDATE t SET a = 1');
      },
    });
    await context.runMigrations((heads) => planUpgrade(scripts, 'heads', heads));
    expect(asked).toEqual(['aaa1 upgrade']);
    expect(lines).toContain('UPDATE t SET a = 1;');
  });
});
