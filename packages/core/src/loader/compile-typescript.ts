import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import type * as Esbuild from 'esbuild';
import { pruneCacheDirectory } from '../script/prune-cache-directory.js';
import { replaceCacheFile } from '../script/replace-cache-file.js';
import {
  EXPERIMENTAL_DECORATORS_PROBE,
  decoratorLoadError,
  esbuildFindsDecorators,
  firstDecoratorLine,
  missingDecoratorCompilerError,
  requireDecoratorCompiler,
  resolveDecoratorCompiler,
  type DecoratorCompiler,
} from './decorator-compiler.js';
import { COMMONJS_GLOBALS, mentionsRequire } from './commonjs-globals.js';
import { describeLoadError } from './describe-load-error.js';
import { packageVersion } from './package-version.js';

/** The module kind a TypeScript file is compiled to: for `import` or for `require()`. */
type CompiledFormat = 'esm' | 'cjs';

/**
 * Part of the cache key: a change of compiler settings, here or in {@link COMMONJS_GLOBALS}
 * (which the decorator compiler gets too), must not reuse old output.
 */
const COMPILE_SETTINGS = 'esbuild-node22-inline-sourcemap-4';

let esbuild: typeof Esbuild | undefined;

/** esbuild, loaded only when a file is not in the cache (its service process starts then). */
function loadEsbuild(): typeof Esbuild {
  esbuild ??= createRequire(import.meta.url)('esbuild') as typeof Esbuild;
  return esbuild;
}

/** Cache directories pruned by this process: once each is enough (see `pruneCacheDirectory`). */
const prunedDirectories = new Set<string>();

/**
 * Compiles one TypeScript file to JavaScript with an inline source map (stack traces then name
 * the `.ts` file and line), reusing the output of an identical source from the cache:
 *
 * - esbuild, types stripped, nothing checked, no tsconfig; in an ES module, `__dirname`,
 *   `__filename` and `require` work as in CommonJS;
 * - a file that uses decorators goes to the decorator compiler `@alembic/typeorm` brings, which
 *   emits their metadata (see `decorator-compiler.ts`);
 * - the output is kept in `<cacheDirectory>/compiled/`, named by a hash of the compiler, the
 *   format, the path and the source, so a second run of 2,000 unchanged migrations compiles
 *   nothing.
 *
 * Synchronous, as the module hooks that call it are.
 *
 * @param cacheDirectory the file's alembic cache (`alembicCacheDirectory`)
 * @param fallbackParentUrl a file URL inside the CLI's installation, where the decorator compiler
 *   is looked for when the file's own directory does not find it
 * @throws ScriptFileError naming the file and line of a syntax error, or of a decorated file with
 *   no decorator compiler to be found
 */
export function compileTypeScript(
  source: string,
  path: string,
  format: CompiledFormat,
  cacheDirectory: string,
  fallbackParentUrl: string | undefined,
): string {
  const compiler = decoratorCompilerFor(source, path, fallbackParentUrl);
  const settings =
    compiler === undefined
      ? `${COMPILE_SETTINGS}-esbuild@${packageVersion('esbuild', import.meta.url)}`
      : `${COMPILE_SETTINGS}-decorated-${compiler.transpilerIdentity}`;
  const key = createHash('sha1').update(`${settings}\0${format}\0${path}\0`).update(source).digest('hex');
  const cached = join(cacheDirectory, 'compiled', `${key}.js`);
  try {
    return readFileSync(cached, 'utf8');
  } catch {
    // not compiled yet
  }
  const code =
    compiler === undefined
      ? compileWithEsbuild(source, path, format)
      : compileDecorated(compiler, source, path, format);
  try {
    replaceCacheFile(cached, code);
    if (!prunedDirectories.has(cacheDirectory)) {
      prunedDirectories.add(cacheDirectory);
      pruneCacheDirectory(cacheDirectory);
    }
  } catch {
    // an unwritable cache only costs speed
  }
  return code;
}

function compileWithEsbuild(source: string, path: string, format: CompiledFormat): string {
  try {
    return loadEsbuild().transformSync(source, {
      loader: 'ts',
      format,
      target: 'node22',
      platform: 'node',
      tsconfigRaw: {},
      sourcefile: path,
      sourcemap: 'inline',
      ...(format === 'esm'
        ? {
            define: COMMONJS_GLOBALS.replacements,
            ...(mentionsRequire(source) ? { banner: COMMONJS_GLOBALS.requirePrologue } : {}),
          }
        : {}),
    }).code;
  } catch (error) {
    throw describeLoadError(error, path) ?? error;
  }
}

function compileDecorated(compiler: DecoratorCompiler, source: string, path: string, format: CompiledFormat): string {
  try {
    return compiler.transpileDecorated(source, path, format, COMMONJS_GLOBALS).code;
  } catch (error) {
    // A syntax error it located: a `ScriptFileError`, as esbuild's are.
    throw decoratorLoadError(error) ?? error;
  }
}

/**
 * The decorator compiler for a file that uses decorators; `undefined` for a file without (or
 * whose `@` lines turn out not to be decorators, when there is no compiler to ask).
 */
function decoratorCompilerFor(
  source: string,
  path: string,
  fallbackParentUrl: string | undefined,
): DecoratorCompiler | undefined {
  const decoratorLine = firstDecoratorLine(source);
  if (decoratorLine === undefined) return undefined;
  const compilerPath = resolveDecoratorCompiler(path, fallbackParentUrl);
  if (compilerPath !== undefined) return requireDecoratorCompiler(compilerPath);
  let probe: string;
  try {
    probe = loadEsbuild().transformSync(source, { ...EXPERIMENTAL_DECORATORS_PROBE, sourcefile: path }).code;
  } catch (error) {
    throw describeLoadError(error, path) ?? error;
  }
  if (esbuildFindsDecorators(probe)) throw missingDecoratorCompilerError(path, decoratorLine);
  return undefined;
}
