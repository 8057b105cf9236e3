/**
 * The compiler `@alembic/core`'s loader uses for TypeScript files that use decorators
 * (`@Entity()`, `@Column()`): swc with legacy decorators and `emitDecoratorMetadata`, which
 * TypeORM needs (`@Column() name: string` takes its type from `design:type`) and esbuild does
 * not emit.
 *
 * Core never imports this module statically: when a file it loads has decorators, it resolves
 * `@alembic/typeorm/transpile` from the file's directory (then from the CLI's installation) and
 * calls {@link transpileDecorated}. Exported as the subpath `@alembic/typeorm/transpile`.
 *
 * @packageDocumentation
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type * as Swc from '@swc/core';

/** The module kind to write. */
export type TranspiledModuleFormat = 'esm' | 'cjs';

/**
 * How an ES module gets CommonJS's `__dirname`, `__filename` and `require`: the free references
 * to replace and the line that defines the replacement of `require`. `@alembic/core` owns them
 * and passes them (its `CommonJsGlobals`); this module applies them. Declared here as well (and
 * the `require` test below written here) so that this entry point imports nothing from core.
 */
export interface CommonJsGlobals {
  /** Free reference to its replacement: `{ __dirname: 'import.meta.dirname', ... }`. */
  readonly replacements: Readonly<Record<string, string>>;
  /** Defines the replacement of `require`; put first (after a hashbang) when the source mentions `require`. */
  readonly requirePrologue: string;
}

/** What {@link transpileDecorated} returns. */
export interface TranspiledModule {
  /** JavaScript, with an inline source map pointing at the TypeScript file. */
  readonly code: string;
}

/**
 * `@alembic/core`'s mark of its errors (what `AlembicError.isInstance()` tests), set here
 * without importing core: this module is loaded on its own, by whichever copy of core found it.
 */
const ALEMBIC_ERROR_MARKER = Symbol.for('alembic.error');

/**
 * A syntax error of the file being compiled, with its 1-based line (and column, when known):
 * `Could not load <file>:<line>:<column>: <reason>`. An `AlembicError` to `@alembic/core` and
 * the CLI (`AlembicError.isInstance()`, stable `code`), which print its one-line message.
 */
export class TranspileSyntaxError extends Error {
  /** Stable identifier of the failure. */
  readonly code = 'ALEMBIC_TYPEORM_SYNTAX_ERROR';
  /** The file that did not compile. */
  readonly filePath: string;
  /** 1-based line of the error, when swc says. */
  readonly line: number | undefined;
  /** 1-based column of the error, when swc says. */
  readonly column: number | undefined;
  private readonly [ALEMBIC_ERROR_MARKER] = true;

  constructor(filePath: string, line: number | undefined, column: number | undefined, reason: string) {
    const where = line === undefined ? filePath : `${filePath}:${line}${column === undefined ? '' : `:${column}`}`;
    super(`Could not load ${where}: ${reason}`);
    this.name = 'TranspileSyntaxError';
    this.filePath = filePath;
    this.line = line;
    this.column = column;
  }
}

/** The installed `@swc/core` release (read from its package.json, without loading it). */
function swcVersion(): string {
  try {
    const manifest = createRequire(import.meta.url).resolve('@swc/core/package.json');
    return String((JSON.parse(readFileSync(manifest, 'utf8')) as { version?: unknown }).version ?? 'unknown');
  } catch {
    return 'unknown';
  }
}

/**
 * Identifies the compiler, its release and its settings, for the loader's cache keys: output of
 * another `@swc/core` release is not reused.
 */
export const transpilerIdentity = `swc-legacy-decorators-metadata-es2022-4@${swcVersion()}`;

let swc: typeof Swc | undefined;

function loadSwc(): typeof Swc {
  // Loaded on first use: the native binding costs time to load, and most files need none.
  swc ??= createRequire(import.meta.url)('@swc/core') as typeof Swc;
  return swc;
}

/**
 * `typeof X === "undefined" ? Object : X` in a `design:type` annotation throws when `X` is an
 * import still in its temporal dead zone (two entities that refer to each other, loaded as
 * ES modules). CommonJS output, which most TypeORM projects run, gives `Object` there; so
 * does this rewrite. TypeORM never reads a relation's type from `design:type`.
 */
const METADATA_TYPE_GUARD = /typeof ([A-Za-z_$][\w$]*(?:\.[A-Za-z_$][\w$]*)*) === "undefined" \? Object : \1/g;

function withoutDeadZoneErrors(code: string): string {
  return code.replace(
    METADATA_TYPE_GUARD,
    (_match, name: string) =>
      `(() => { try { return typeof ${name} === "undefined" ? Object : ${name}; } catch { return Object; } })()`,
  );
}

/**
 * Compiles one TypeScript file that uses decorators: legacy (`experimentalDecorators`)
 * semantics, `design:type` / `design:paramtypes` / `design:returntype` metadata emitted,
 * types stripped, nothing checked; in an ES module given `commonJsGlobals`, `__dirname`,
 * `__filename` and `require` work as in CommonJS. No `.swcrc` or tsconfig is read.
 *
 * ```ts
 * // as @alembic/core's loader calls it, with the globals it owns:
 * const { code } = transpileDecorated(source, '/app/src/entities/user.ts', 'esm', commonJsGlobals);
 * ```
 *
 * @throws TranspileSyntaxError naming the file and line of a syntax error
 */
export function transpileDecorated(
  source: string,
  filePath: string,
  format: TranspiledModuleFormat,
  commonJsGlobals?: CommonJsGlobals,
): TranspiledModule {
  const globals = format === 'esm' ? commonJsGlobals : undefined;
  let code: string;
  try {
    code = loadSwc().transformSync(source, {
      filename: filePath,
      swcrc: false,
      configFile: false,
      sourceMaps: 'inline',
      inlineSourcesContent: true,
      jsc: {
        parser: { syntax: 'typescript', decorators: true, tsx: filePath.endsWith('.tsx') },
        transform: {
          legacyDecorator: true,
          decoratorMetadata: true,
          useDefineForClassFields: false,
          ...(globals === undefined ? {} : { optimizer: { globals: { vars: globals.replacements } } }),
        },
        target: 'es2022',
        keepClassNames: true,
      },
      module: format === 'esm' ? { type: 'es6' } : { type: 'commonjs', ignoreDynamic: true },
    }).code;
  } catch (error) {
    throw describeSwcError(error, filePath);
  }
  code = withoutDeadZoneErrors(code);
  if (globals === undefined || !/\brequire\b/.test(source)) return { code };
  const prologue = globals.requirePrologue;
  if (!code.startsWith('#!')) return { code: `${prologue}${code}` };
  // After a hashbang, which must stay the very first characters: the prologue prefixes line 2.
  const lineEnd = code.indexOf('\n');
  if (lineEnd === -1) return { code: `${code}\n${prologue}` };
  return { code: `${code.slice(0, lineEnd + 1)}${prologue}${code.slice(lineEnd + 1)}` };
}

/**
 * swc reports `x <reason>` and a snippet whose numbered lines (`12 | code`) are followed by a
 * marker line (`   :   ^^^`) under the offending one.
 */
function describeSwcError(error: unknown, filePath: string): Error {
  const message = (error as { message?: unknown } | null)?.message;
  const text = typeof message === 'string' ? message : String(error);
  const reason =
    /^(?:\w*Error:)?\s*[x×]\s+(.+)$/m.exec(text)?.[1]?.trim() ?? text.split('\n')[0]?.trim() ?? 'syntax error';
  const lines = text.split('\n');
  let line: number | undefined;
  let column: number | undefined;
  for (let index = 1; index < lines.length; index += 1) {
    const marker = /^(\s*):(\s*)\^/.exec(lines[index] as string);
    const numbered = /^(\s*)(\d+) \| /.exec(lines[index - 1] as string);
    if (marker !== null && numbered !== null) {
      line = Number(numbered[2]);
      const codeStart = (numbered[0] as string).length;
      const caret = (lines[index] as string).indexOf('^');
      column = caret >= codeStart ? caret - codeStart + 1 : undefined;
      break;
    }
  }
  if (line === undefined) {
    const location = /\[[^\]]*?:(\d+):(\d+)\]/.exec(text);
    if (location !== null) line = Number(location[1]);
  }
  return new TranspileSyntaxError(filePath, line, column, reason);
}
