/**
 * Node module customization hooks, registered by `registerTypeScriptLoader()`, that let
 * migration scripts, `env.ts` and `alembic.config.ts` be imported as they are:
 *
 * - `.ts`, `.mts` and `.cts` files are compiled to ES modules with esbuild (types stripped,
 *   nothing checked) on their way in, and the output is kept by content hash so an unchanged
 *   file is not compiled again on the next run;
 * - `@alembic/*` imports that the project cannot resolve (a migrations folder with no
 *   `node_modules` near it) resolve from the running CLI's own installation;
 * - a relative `./x.js` import that names a `.ts` file on disk finds it, as TypeScript allows;
 * - a file that uses decorators is compiled by `@alembic/typeorm/transpile` instead, which
 *   emits their metadata (see `decorator-compiler.ts`).
 *
 * @internal
 */
import { createHash } from 'node:crypto';
import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  EXPERIMENTAL_DECORATORS_PROBE,
  esbuildFindsDecorators,
  firstDecoratorLine,
  importDecoratorCompiler,
  missingDecoratorCompilerError,
  resolveDecoratorCompiler,
} from './decorator-compiler.js';

interface HookData {
  /** A file URL inside the CLI's installation to resolve `@alembic/*` from. */
  readonly fallbackParentUrl: string;
  /** Where compiled files are kept between runs (by content hash); none: compile every time. */
  readonly cacheDirectory?: string;
}

/** Part of the cache key: a change of compiler settings must not reuse old output. */
const COMPILE_SETTINGS = 'esm-node20-inline-sourcemap-1';

interface ResolveContext {
  readonly parentURL?: string;
  readonly conditions?: readonly string[];
  readonly importAttributes?: Record<string, string>;
}

interface ResolveResult {
  readonly url: string;
  readonly format?: string | null;
  readonly shortCircuit?: boolean;
}

type NextResolve = (specifier: string, context?: ResolveContext) => Promise<ResolveResult>;

interface LoadResult {
  readonly format: string;
  readonly source?: string | ArrayBuffer | Uint8Array;
  readonly shortCircuit?: boolean;
}

type NextLoad = (url: string, context?: { format?: string | null }) => Promise<LoadResult>;

const TYPESCRIPT_FILE = /\.(?:ts|mts|cts)$/;
let fallbackParentUrl: string | undefined;
let compiledDirectory: string | undefined;

/** Receives the data `register()` passed. */
export function initialize(data: HookData | undefined): void {
  fallbackParentUrl = data?.fallbackParentUrl;
  compiledDirectory = data?.cacheDirectory === undefined ? undefined : join(data.cacheDirectory, 'compiled');
}

/** Resolves `@alembic/*` from the CLI when the project has none, and `.js` names of `.ts` files. */
export async function resolve(
  specifier: string,
  context: ResolveContext,
  nextResolve: NextResolve,
): Promise<ResolveResult> {
  try {
    return await nextResolve(specifier, context);
  } catch (error) {
    if (specifier.startsWith('@alembic/') && fallbackParentUrl !== undefined) {
      return nextResolve(specifier, { ...context, parentURL: fallbackParentUrl });
    }
    const isRelative = specifier.startsWith('./') || specifier.startsWith('../');
    if (
      isRelative &&
      context.parentURL !== undefined &&
      TYPESCRIPT_FILE.test(context.parentURL.split('?', 1)[0] as string)
    ) {
      for (const candidate of typeScriptCandidates(specifier)) {
        try {
          return await nextResolve(candidate, context);
        } catch {
          // try the next spelling
        }
      }
    }
    throw error;
  }
}

function typeScriptCandidates(specifier: string): string[] {
  if (specifier.endsWith('.js')) return [`${specifier.slice(0, -3)}.ts`];
  if (specifier.endsWith('.mjs')) return [`${specifier.slice(0, -4)}.mts`];
  if (specifier.endsWith('.cjs')) return [`${specifier.slice(0, -4)}.cts`];
  if (!/\.[a-z]+$/i.test(specifier)) return [`${specifier}.ts`, `${specifier}/index.ts`];
  return [];
}

/** Compiles TypeScript files to ES modules, reusing the output of an identical source. */
export async function load(url: string, context: { format?: string | null }, nextLoad: NextLoad): Promise<LoadResult> {
  const withoutQuery = url.split('?', 1)[0] as string;
  if (!url.startsWith('file:') || !TYPESCRIPT_FILE.test(withoutQuery)) return nextLoad(url, context);
  const path = fileURLToPath(url);
  const source = await readFile(path, 'utf8');
  return { format: 'module', source: await compile(source, path), shortCircuit: true };
}

async function compile(source: string, path: string): Promise<string> {
  const decoratorLine = firstDecoratorLine(source);
  if (decoratorLine !== undefined) {
    const decorated = await compileDecorated(source, path, decoratorLine);
    if (decorated !== undefined) return decorated;
  }
  const key = createHash('sha1')
    .update(COMPILE_SETTINGS)
    .update('\0')
    .update(path)
    .update('\0')
    .update(source)
    .digest('hex');
  const cached = compiledDirectory === undefined ? undefined : join(compiledDirectory, `${key}.js`);
  if (cached !== undefined) {
    try {
      return await readFile(cached, 'utf8');
    } catch {
      // not compiled yet
    }
  }
  // esbuild (and its service process) is only started when something needs compiling.
  const { transform } = await import('esbuild');
  const result = await transform(source, {
    loader: 'ts',
    format: 'esm',
    target: 'node20',
    sourcefile: path,
    sourcemap: 'inline',
  });
  await keepCompiled(cached, result.code);
  return result.code;
}

/** Writes compiled output to the cache (when there is one). */
async function keepCompiled(cached: string | undefined, code: string): Promise<void> {
  if (cached === undefined || compiledDirectory === undefined) return;
  try {
    await mkdir(compiledDirectory, { recursive: true });
    const temporary = `${cached}.${process.pid}.tmp`;
    await writeFile(temporary, code);
    await rename(temporary, cached);
  } catch {
    // an unwritable cache only costs speed
  }
}

/**
 * Compiles a file that uses decorators with the compiler `@alembic/typeorm` brings; `undefined`
 * when there is none and the file turns out to have no decorators after all (esbuild then).
 */
async function compileDecorated(source: string, path: string, decoratorLine: number): Promise<string | undefined> {
  const compilerPath = resolveDecoratorCompiler(path, fallbackParentUrl);
  if (compilerPath === undefined) {
    const { transform } = await import('esbuild');
    const probe = await transform(source, { ...EXPERIMENTAL_DECORATORS_PROBE, sourcefile: path });
    if (!esbuildFindsDecorators(probe.code)) return undefined;
    throw missingDecoratorCompilerError(path, decoratorLine);
  }
  const compiler = await importDecoratorCompiler(compilerPath);
  const key = createHash('sha1')
    .update(`decorated-esm-${compiler.transpilerIdentity}`)
    .update('\0')
    .update(path)
    .update('\0')
    .update(source)
    .digest('hex');
  const cached = compiledDirectory === undefined ? undefined : join(compiledDirectory, `${key}.js`);
  if (cached !== undefined) {
    try {
      return await readFile(cached, 'utf8');
    } catch {
      // not compiled yet
    }
  }
  const { code } = compiler.transpileDecorated(source, path, 'esm');
  await keepCompiled(cached, code);
  return code;
}
