/**
 * TypeScript files that use decorators (TypeORM entities: `@Entity()`, `@Column() name: string`)
 * need a compiler that emits decorator metadata (`design:type`), which esbuild does not. Core
 * does not bring one: `@alembic/typeorm` does, as its subpath `@alembic/typeorm/transpile`
 * (see {@link DecoratorCompiler}). This is the plug point: when a file core loads has
 * decorators, the loader resolves {@link DECORATOR_COMPILER} from the file's own directory,
 * then from the running CLI's installation, and compiles the file with it; when it is found
 * nowhere, loading fails with one line naming the file and line of the first decorator.
 *
 * Every way core loads TypeScript goes through here: the module hooks (`module-hooks.ts`, for
 * `import` and for `require()` of files TypeORM loads itself, `entities: ['src/entities/*.ts']`)
 * compile with `compile-typescript.ts`, and script bundles leave decorated files to them.
 *
 * @internal
 */
import { createRequire } from 'node:module';
import { dirname } from 'node:path';
import { pathToFileURL } from 'node:url';
import { ScriptFileError } from '../errors/script-file-error.js';
import type { CommonJsGlobals } from './commonjs-globals.js';

/** The module specifier of the compiler for decorated files. */
export const DECORATOR_COMPILER = '@alembic/typeorm/transpile';

/** What {@link DECORATOR_COMPILER} exports. */
export interface DecoratorCompiler {
  /**
   * Compiles one file; throws an error whose message names `file:line` on a syntax error. In an
   * ES module it applies `commonJsGlobals` (core passes its `COMMONJS_GLOBALS`). A compiler
   * older than that parameter ignores it and applies its own copy of the same globals; one
   * called without it (by a core older than the parameter) leaves the module as written, which
   * is why `@alembic/typeorm` requires a core that passes it.
   */
  transpileDecorated(
    source: string,
    filePath: string,
    format: 'esm' | 'cjs',
    commonJsGlobals: CommonJsGlobals,
  ): { code: string };
  /** Changes whenever its output for the same input would: part of cache keys. */
  readonly transpilerIdentity: string;
}

/**
 * A decorator at the start of a line or after `{`, `;` or `(` (a parameter decorator):
 * `@Name`, `@a.b`, followed by `(`, the end of the line, or a declaration. Strings and comments
 * are not parsed: a JSDoc `* @param` is not at the start of a line, and a line of a template
 * literal that starts like a decorator is rare enough.
 */
const DECORATOR = /(?:^|[{;(,])[ \t]*@[A-Za-z_$][\w$]*(?:\.[A-Za-z_$][\w$]*)*[ \t]*(?=\(|\r?\n|$|[ \t]+[A-Za-z_$@#[])/m;

/** The 1-based line of the first decorator in `source`, or `undefined` when it has none. */
export function firstDecoratorLine(source: string): number | undefined {
  if (!source.includes('@')) return undefined;
  const match = DECORATOR.exec(source);
  if (match === null) return undefined;
  const at = match.index + match[0].indexOf('@');
  let line = 1;
  for (let index = source.indexOf('\n'); index !== -1 && index < at; index = source.indexOf('\n', index + 1)) line += 1;
  return line;
}

/**
 * Whether esbuild, compiling `source` with `experimentalDecorators`, emits decorator calls:
 * the exact answer where {@link firstDecoratorLine} only looks at text (a line of a SQL
 * template literal such as `  @param int` looks like a decorator). Asked only before failing
 * for a missing compiler.
 */
export function esbuildFindsDecorators(compiledWithExperimentalDecorators: string): boolean {
  return /\b__decorate(?:Class|Param)\(/.test(compiledWithExperimentalDecorators);
}

/** esbuild options that compile legacy decorators (to tell whether a file really has some). */
export const EXPERIMENTAL_DECORATORS_PROBE = {
  loader: 'ts',
  format: 'esm',
  target: 'node22',
  tsconfigRaw: { compilerOptions: { experimentalDecorators: true } },
} as const;

/** The error for a decorated file when no {@link DECORATOR_COMPILER} can be found. */
export function missingDecoratorCompilerError(filePath: string, line: number): ScriptFileError {
  return new ScriptFileError(
    filePath,
    line,
    `${filePath}:${line} uses decorators: install @alembic/typeorm, which brings a compiler that emits their metadata`,
  );
}

/**
 * Where {@link DECORATOR_COMPILER} resolves from `filePath`'s directory, else from
 * `fallbackParentUrl` (a file inside the CLI's installation); `undefined` when from neither.
 */
export function resolveDecoratorCompiler(filePath: string, fallbackParentUrl: string | undefined): string | undefined {
  const directory = dirname(filePath);
  const key = `${directory}\0${fallbackParentUrl ?? ''}`;
  if (resolvedCompilers.has(key)) return resolvedCompilers.get(key);
  const parents = [
    pathToFileURL(`${directory}/`).href,
    ...(fallbackParentUrl === undefined ? [] : [fallbackParentUrl]),
  ];
  let resolved: string | undefined;
  for (const parent of parents) {
    try {
      resolved = createRequire(parent).resolve(DECORATOR_COMPILER);
      break;
    } catch {
      // not installed there
    }
  }
  resolvedCompilers.set(key, resolved);
  return resolved;
}

/**
 * Where the compiler resolved from each directory (and fallback) this process asked about:
 * entity files share a few directories, and a resolution costs about 65 µs.
 */
const resolvedCompilers = new Map<string, string | undefined>();

const loadedCompilers = new Map<string, DecoratorCompiler>();

/** Loads the compiler at `resolvedPath` synchronously (the module hooks are synchronous). */
export function requireDecoratorCompiler(resolvedPath: string): DecoratorCompiler {
  let compiler = loadedCompilers.get(resolvedPath);
  if (compiler === undefined) {
    compiler = createRequire(resolvedPath)(resolvedPath) as DecoratorCompiler;
    loadedCompilers.set(resolvedPath, compiler);
  }
  return compiler;
}

const COULD_NOT_LOAD = /^Could not load (.+?):(\d+)(?::\d+)?: /;
const USES_DECORATORS = /^(.+?):(\d+) uses decorators: /;

/**
 * The errors of a decorator compiler (a syntax error it located, `Could not load <file>:<line>`)
 * and this module's own become a `ScriptFileError`; others give `undefined`.
 */
export function decoratorLoadError(error: unknown): ScriptFileError | undefined {
  if (error instanceof ScriptFileError) return error;
  const message = error instanceof Error ? error.message : typeof error === 'string' ? error : undefined;
  if (message === undefined) return undefined;
  const located = USES_DECORATORS.exec(message) ?? COULD_NOT_LOAD.exec(message);
  if (located === null) return undefined;
  return new ScriptFileError(located[1] as string, Number(located[2]), message.split('\n')[0] as string);
}
