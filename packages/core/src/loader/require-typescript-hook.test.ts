/**
 * The `require()` hook in a process of its own (jest's module system does not go through
 * Node's `Module._extensions`), through the built `enableTypeScriptRequire()`: `.ts` starts with
 * a handler already there, as on Node >= 22.18 (its type stripping) or with ts-node; `.cts`
 * with none, as on Node 20.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

const CORE_DIST = resolve(__dirname, '../../dist/internal.cjs');

const SCRIPT = `
const Module = require('node:module');
const { join } = require('node:path');
const [coreDist, directory] = process.argv.slice(1);
Module._extensions['.ts'] = (module, filename) => module._compile("module.exports = { by: 'previous' };", filename);
delete Module._extensions['.cts'];
require(coreDist).enableTypeScriptRequire();
const results = {};
for (const file of ['plain.ts', 'decorated.ts', 'plain.cts']) {
  try {
    results[file] = { exports: { ...require(join(directory, file)) } };
  } catch (error) {
    results[file] = { error: error.constructor.name + ': ' + error.message };
  }
}
console.log(JSON.stringify(results));
`;

describe('the require() hook for TypeScript', () => {
  let directory: string;

  beforeAll(() => {
    directory = mkdtempSync(join(tmpdir(), 'alembic-require-hook-'));
    writeFileSync(join(directory, 'plain.ts'), 'export const value: number = 1;\n');
    writeFileSync(
      join(directory, 'decorated.ts'),
      'function Entity() { return (target: unknown) => target; }\n\n@Entity()\nexport class User {}\n',
    );
    writeFileSync(
      join(directory, 'plain.cts'),
      'enum Size { Small = 1 }\nexport const value: number = Size.Small + 1;\n',
    );
  });

  afterAll(() => rmSync(directory, { recursive: true, force: true }));

  function run(): Record<string, { exports?: unknown; error?: string }> {
    // Without NODE_PATH (npx sets one that reaches @alembic/typeorm): no decorator compiler resolves.
    const { NODE_PATH: _nodePath, ...environment } = process.env;
    const result = spawnSync(process.execPath, ['-e', SCRIPT, CORE_DIST, directory], {
      encoding: 'utf8',
      env: environment,
    });
    if (result.status !== 0) throw new Error(`the script failed: ${result.stderr}`);
    return JSON.parse(result.stdout) as Record<string, { exports?: unknown; error?: string }>;
  }

  it('leaves the files without decorators to a handler that was there, compiles decorated ones itself, and every file where there was none', () => {
    const results = run();
    expect(results['plain.ts']).toEqual({ exports: { by: 'previous' } });
    // No decorator compiler resolves from a temporary directory: ours says so, naming the line.
    expect(results['decorated.ts']).toEqual({
      error: `ScriptFileError: ${join(directory, 'decorated.ts')}:3 uses decorators: install @alembic/typeorm, which brings a compiler that emits their metadata`,
    });
    expect(results['plain.cts']).toEqual({ exports: { value: 2 } });
  });
});
