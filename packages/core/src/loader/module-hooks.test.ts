/**
 * The module hooks in a process of their own (jest's module system goes through neither Node's
 * `require()` nor its ES module loader), through the built `enableTypeScriptImports()`: one set
 * of in-thread hooks (`module.registerHooks`) serves `require()` and `import` of TypeScript files.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

const CORE_DIST = resolve(__dirname, '../../dist/internal.cjs');

const SCRIPT = `
const { join } = require('node:path');
const { pathToFileURL } = require('node:url');
const [coreDist, directory] = process.argv.slice(1);
require(coreDist).enableTypeScriptImports();
(async () => {
  const results = {};
  for (const file of ['plain.ts', 'decorated.ts', 'plain.cts', 'located.ts', 'requires-entity.cjs']) {
    try {
      results['require ' + file] = { exports: { ...require(join(directory, file)) } };
    } catch (error) {
      results['require ' + file] = { error: error.constructor.name + ': ' + error.message };
    }
  }
  const imported = await import(pathToFileURL(join(directory, 'imports-helper.ts')).href);
  results['import imports-helper.ts'] = { exports: { ...imported } };
  // An imported .ts file is an ES module: CommonJS's location globals still name it, unless it
  // declares its own.
  const locatedModule = await import(pathToFileURL(join(directory, 'located-module.ts')).href);
  results['import located-module.ts'] = { exports: { ...locatedModule } };
  const ownDirname = await import(pathToFileURL(join(directory, 'own-dirname.ts')).href);
  results['import own-dirname.ts'] = { exports: { ...ownDirname } };
  // Bare imports mapped by tsconfig.json (paths, baseUrl), by import and by require().
  const mappedImports = await import(pathToFileURL(join(directory, 'app', 'uses-paths.ts')).href);
  results['import uses-paths.ts'] = { exports: { ...mappedImports } };
  results['require uses-paths.cts'] = { exports: { ...require(join(directory, 'app', 'uses-paths.cts')) } };
  try {
    await import(pathToFileURL(join(directory, 'app', 'unmapped.ts')).href);
  } catch (error) {
    results['import unmapped.ts'] = { error: error.code };
  }
  const ownRequire = await import(pathToFileURL(join(directory, 'own-require.ts')).href);
  results['import own-require.ts'] = { exports: { ...ownRequire } };
  try {
    (await import(pathToFileURL(join(directory, 'throws-module.ts')).href)).fail();
  } catch (error) {
    results['stack of throws-module.ts'] = { frame: error.stack.split('\\n')[1].trim() };
  }
  // .cts is CommonJS however it is reached (__dirname exists), and its exports are named.
  const importedCts = await import(pathToFileURL(join(directory, 'located.cts')).href);
  results['import located.cts'] = { exports: { directoryName: importedCts.directoryName } };
  // The ES module build of core (a second copy in this process) uses the hooks already there.
  const esmCore = await import(pathToFileURL(coreDist.slice(0, -'.cjs'.length) + '.js').href);
  esmCore.enableTypeScriptImports();
  const hookState = globalThis[Symbol.for('alembic.loader.moduleHooks')];
  results['hooks shared'] = { exports: { userFiles: hookState.userFiles.size > 0, registered: hookState.registered } };
  try {
    require(join(directory, 'throws.ts')).fail();
  } catch (error) {
    results['stack of throws.ts'] = { frame: error.stack.split('\\n')[1].trim() };
  }
  console.log(JSON.stringify(results));
})();
`;

describe('the module hooks for TypeScript', () => {
  let directory: string;

  beforeAll(() => {
    directory = mkdtempSync(join(tmpdir(), 'alembic-module-hooks-'));
    writeFileSync(join(directory, 'plain.ts'), 'export const value: number = 1;\n');
    writeFileSync(
      join(directory, 'decorated.ts'),
      'function Entity() { return (target: unknown) => target; }\n\n@Entity()\nexport class User {}\n',
    );
    writeFileSync(
      join(directory, 'plain.cts'),
      'enum Size { Small = 1 }\nexport const value: number = Size.Small + 1;\n',
    );
    writeFileSync(join(directory, 'located.ts'), 'export const directoryName: string = __dirname;\n');
    writeFileSync(join(directory, 'located.cts'), 'export const directoryName: string = __dirname;\n');
    writeFileSync(
      join(directory, 'located-module.ts'),
      [
        "import { join } from 'node:path';",
        'export const entities: string[] = [join(__dirname, "entities", "*.ts"), __dirname + "/more/*.ts"];',
        'export const fileName: string = __filename;',
        'export function shadowed(__dirname: string): string {',
        '  return __dirname;',
        '}',
        'export const shadowedValue: string = shadowed("given");',
        'export const isModule: boolean = typeof import.meta.url === "string";',
        "export const viaRequire: string = require('./helper.ts').helped + typeof require('node:os').tmpdir;",
        '',
      ].join('\n'),
    );
    mkdirSync(join(directory, 'app', 'lib', 'nested'), { recursive: true });
    writeFileSync(
      join(directory, 'app', 'tsconfig.json'),
      // Comments and a trailing comma, as tsconfig.json allows.
      '{\n  // where bare imports start\n  "compilerOptions": { "baseUrl": ".", "paths": { "@/*": ["lib/*"], "#nested": ["lib/nested/index.ts"] }, },\n}\n',
    );
    writeFileSync(join(directory, 'app', 'lib', 'shared.ts'), 'export const shared: string = "shared";\n');
    writeFileSync(join(directory, 'app', 'lib', 'nested', 'index.ts'), 'export const nested: string = "nested";\n');
    writeFileSync(
      join(directory, 'app', 'uses-paths.ts'),
      [
        "import { shared } from '@/shared';",
        "import { shared as viaBaseUrl } from 'lib/shared.js';",
        "import { nested } from '#nested';",
        'export const found: string[] = [shared, viaBaseUrl, nested];',
        '',
      ].join('\n'),
    );
    writeFileSync(
      join(directory, 'app', 'uses-paths.cts'),
      "const { shared } = require('@/shared');\nconst { nested } = require('lib/nested');\nexport const found: string[] = [shared, nested];\n",
    );
    writeFileSync(join(directory, 'app', 'unmapped.ts'), "import { x } from '@nowhere/x';\nexport const y = x;\n");
    writeFileSync(
      join(directory, 'own-require.ts'),
      "import { createRequire } from 'node:module';\nconst require = Object.assign(createRequire(import.meta.url), { mine: true });\nexport const mine: boolean = require.mine;\n",
    );
    writeFileSync(
      join(directory, 'throws-module.ts'),
      "const os = require('node:os');\n\nexport function fail(): void {\n  throw new Error('failing on line 4 ' + typeof os.tmpdir);\n}\n",
    );
    writeFileSync(
      join(directory, 'own-dirname.ts'),
      "import { dirname } from 'node:path';\nconst __dirname = dirname('/own/place/file.ts');\nexport const directoryName: string = __dirname;\n",
    );
    writeFileSync(join(directory, 'user.entity.ts'), 'export const entityName: string = "user";\n');
    writeFileSync(join(directory, 'requires-entity.cjs'), "module.exports = require('./user.entity');\n");
    writeFileSync(join(directory, 'helper.ts'), 'export const helped: string = "yes";\n');
    writeFileSync(
      join(directory, 'imports-helper.ts'),
      "import { helped } from './helper.js';\nexport const viaHelper: string = helped;\n",
    );
    writeFileSync(
      join(directory, 'throws.ts'),
      'interface Shape {\n  name: string;\n}\nexport function fail(): void {\n  throw new Error("failing on line 5");\n}\n',
    );
  });

  afterAll(() => rmSync(directory, { recursive: true, force: true }));

  function run(): Record<string, { exports?: unknown; error?: string; frame?: string }> {
    // Without NODE_PATH (npx sets one that reaches @alembic/typeorm): no decorator compiler resolves.
    const { NODE_PATH: _nodePath, ...environment } = process.env;
    const result = spawnSync(process.execPath, ['-e', SCRIPT, CORE_DIST, directory], {
      encoding: 'utf8',
      env: environment,
    });
    if (result.status !== 0) throw new Error(`the script failed: ${result.stderr}`);
    return JSON.parse(result.stdout) as Record<string, { exports?: unknown; error?: string; frame?: string }>;
  }

  it('require() compiles .ts and .cts files to CommonJS, import() finds ./helper.js as helper.ts and gives ES modules __dirname, and stack traces name the .ts line', () => {
    const results = run();
    expect(results['require plain.ts']).toEqual({ exports: { value: 1 } });
    // No decorator compiler resolves from a temporary directory: ours says so, naming the line.
    expect(results['require decorated.ts']).toEqual({
      error: `ScriptFileError: ${join(directory, 'decorated.ts')}:3 uses decorators: install @alembic/typeorm, which brings a compiler that emits their metadata`,
    });
    expect(results['require plain.cts']).toEqual({ exports: { value: 2 } });
    expect(results['require located.ts']).toEqual({ exports: { directoryName: directory } });
    // As with TypeORM's `require('./user.entity')` in a CommonJS data source.
    expect(results['require requires-entity.cjs']).toEqual({ exports: { entityName: 'user' } });
    expect(results['import imports-helper.ts']).toEqual({ exports: { viaHelper: 'yes' } });
    expect(results['import located.cts']).toEqual({ exports: { directoryName: directory } });
    expect(results['import located-module.ts']).toEqual({
      exports: {
        entities: [join(directory, 'entities', '*.ts'), `${directory}/more/*.ts`],
        fileName: join(directory, 'located-module.ts'),
        shadowedValue: 'given',
        isModule: true,
        viaRequire: 'yesfunction',
      },
    });
    expect(results['import own-dirname.ts']).toEqual({ exports: { directoryName: '/own/place' } });
    expect(results['import own-require.ts']).toEqual({ exports: { mine: true } });
    expect(results['import uses-paths.ts']).toEqual({ exports: { found: ['shared', 'shared', 'nested'] } });
    expect(results['require uses-paths.cts']).toEqual({ exports: { found: ['shared', 'nested'] } });
    expect(results['import unmapped.ts']).toEqual({ error: 'ERR_MODULE_NOT_FOUND' });
    expect(results['stack of throws-module.ts']?.frame).toContain(`${join(directory, 'throws-module.ts')}:4:`);
    expect(results['hooks shared']).toEqual({ exports: { userFiles: true, registered: true } });
    expect(results['stack of throws.ts']?.frame).toContain(`${join(directory, 'throws.ts')}:5:`);
  });
});
