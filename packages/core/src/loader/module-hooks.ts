import Module from 'node:module';
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { CommandError } from '../errors/command-error.js';
import { alembicCacheDirectory } from '../script/cache-directory.js';
import { compileTypeScript } from './compile-typescript.js';
import { realPathOf } from './real-path.js';
import { tsconfigPathFile } from './tsconfig-paths.js';
import { typeScriptSpelling } from './typescript-spelling.js';
import { processWide } from '../runtime/process-wide.js';

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

interface LoadContext {
  readonly format?: string | null;
  readonly conditions?: readonly string[];
}

interface LoadResult {
  readonly format?: string | null;
  readonly source?: string | ArrayBuffer | Uint8Array | null;
  readonly shortCircuit?: boolean;
}

/** `module.registerHooks` (Node >= 22.15), typed here for any `@types/node`. */
type RegisterHooks = (hooks: {
  resolve(
    specifier: string,
    context: ResolveContext,
    nextResolve: (specifier: string, context?: ResolveContext) => ResolveResult,
  ): ResolveResult;
  load(url: string, context: LoadContext, nextLoad: (url: string, context?: LoadContext) => LoadResult): LoadResult;
}) => unknown;

const TYPESCRIPT_FILE = /\.(?:ts|mts|cts)$/;

/**
 * What the hooks know, once per process: on `globalThis`, so that a second copy of core (the
 * project's own, or the CommonJS build next to the ES module one) finds the hooks the first
 * copy registered and the user files they compiled, instead of registering a second set.
 */
interface HooksState {
  registered: boolean;
  fallbackParentUrl: string | undefined;
  /**
   * The files imported by path (config, `env.ts`, migrations) and the TypeScript files the
   * hooks compiled: the user's own code, for `userCodeLocation`.
   */
  readonly userFiles: Set<string>;
  /** Script bundles (see `script-bundle.ts`) by the URL they are served at. */
  readonly servedBundles: Map<string, string>;
}

function state(): HooksState {
  return processWide(
    'alembic.loader.moduleHooks',
    (): HooksState => ({
      registered: false,
      fallbackParentUrl: undefined,
      userFiles: new Set(),
      servedBundles: new Map(),
    }),
  );
}

/** The errors of a module that is not there (the ones `@alembic/*` falls back on). */
const NOT_FOUND = new Set(['ERR_MODULE_NOT_FOUND', 'MODULE_NOT_FOUND']);

/**
 * The errors after which a bare import is looked up in tsconfig.json `paths`: not found, the
 * aliases Node refuses as package names (`@/entities/user`) or as package imports (`#lib`), and
 * a subpath an installed package of the same name does not export (`entities/user`).
 */
const UNRESOLVED_BARE = new Set([
  ...NOT_FOUND,
  'ERR_INVALID_MODULE_SPECIFIER',
  'ERR_PACKAGE_IMPORT_NOT_DEFINED',
  'ERR_PACKAGE_PATH_NOT_EXPORTED',
]);

/**
 * Installs, once per process and in the main thread (no loader thread), the module hooks through which every
 * TypeScript file is loaded, by `import` and by `require()` alike (`alembic.config.ts`, `env.ts`,
 * migrations, helpers they import, TypeORM entity files):
 *
 * - `.ts`, `.mts` and `.cts` files are compiled on the way in (`compile-typescript.ts`: esbuild,
 *   or the decorator compiler for files with decorators; cached by content): to an ES module
 *   when imported, to CommonJS when required (`.mts`: always an ES module; `.cts`: always
 *   CommonJS);
 * - a relative `./x.js` import from a TypeScript file that names a `.ts` file on disk finds it,
 *   as TypeScript allows (and `./x`, `./x/index.ts`);
 * - `@alembic/*` imports that the project cannot resolve (a migrations folder with no
 *   `node_modules` near it) resolve from the running CLI's own installation;
 * - a bare import Node does not resolve (`@/entities/user`, `src/entities/user`) is looked up in
 *   the `paths` and `baseUrl` of the nearest tsconfig.json (`tsconfig-paths.ts`). Unlike
 *   TypeScript, which tries the mapping first, an installed package of the same name wins.
 *
 * Source maps are switched on (`process.setSourceMapsEnabled`), so a stack trace through a
 * compiled file names the `.ts` file and line; modules loaded before (the CLI's own) keep their
 * built positions.
 *
 * @param fallbackParent a file URL inside the installation `@alembic/*` falls back to
 * @throws CommandError `ALEMBIC_NODE_TOO_OLD` on a Node without `module.registerHooks`
 */
export function registerTypeScriptHooks(fallbackParent: string | undefined): void {
  const hooks = state();
  if (hooks.registered) return;
  const registerHooks = (Module as unknown as { registerHooks?: RegisterHooks }).registerHooks;
  if (typeof registerHooks !== 'function') {
    throw new CommandError(`Loading TypeScript files needs Node 22.15 or newer; this is Node ${process.version}`, {
      code: 'ALEMBIC_NODE_TOO_OLD',
    });
  }
  hooks.registered = true;
  hooks.fallbackParentUrl = fallbackParent;
  process.setSourceMapsEnabled(true);
  registerHooks({ resolve, load });
}

/** Records a file loaded by path (JavaScript ones too): user code, for `userCodeLocation`. */
export function addUserFile(path: string): void {
  state().userFiles.add(path);
}

/**
 * Serves `code` (a script bundle) as the ES module at a URL inside `directory`, so that its
 * imports resolve as those of the scripts in that directory do; no file is written there.
 * Returns that URL.
 */
export function serveBundle(directory: string, key: string, code: string): string {
  const url = pathToFileURL(join(directory, `.alembic-script-bundle-${key}.mjs`)).href;
  state().servedBundles.set(url, code);
  return url;
}

/**
 * Whether `path` is a file loaded by path or compiled by the hooks in this process. Stack
 * frames may name the real file of one reached through a symbolic link: those real paths are
 * worked out here, when a path is not found as given (on the failure path), not for every file
 * loaded.
 */
export function isUserFile(path: string): boolean {
  const { userFiles } = state();
  if (userFiles.has(path)) return true;
  if (realUserFiles === undefined || realUserFiles.basis !== userFiles.size) {
    realUserFiles = { basis: userFiles.size, paths: new Set([...userFiles].map(realPathOf)) };
  }
  return realUserFiles.paths.has(path);
}

/** The real paths of the user files, as last worked out, and how many files they came from. */
let realUserFiles: { readonly basis: number; readonly paths: ReadonlySet<string> } | undefined;

function resolve(
  specifier: string,
  context: ResolveContext,
  nextResolve: (specifier: string, context?: ResolveContext) => ResolveResult,
): ResolveResult {
  const hooks = state();
  if (hooks.servedBundles.has(specifier)) return { url: specifier, format: 'module', shortCircuit: true };
  try {
    return nextResolve(specifier, context);
  } catch (error) {
    // Only when the project has no such package: an older @alembic/* of its own that lacks an
    // export is reported as it is, not mixed with the CLI's release.
    const code = (error as NodeJS.ErrnoException).code ?? '';
    const notFound = NOT_FOUND.has(code);
    if (specifier.startsWith('@alembic/') && hooks.fallbackParentUrl !== undefined && notFound) {
      return nextResolve(specifier, { ...context, parentURL: hooks.fallbackParentUrl });
    }
    for (const candidate of typeScriptCandidates(specifier, context)) {
      try {
        return nextResolve(candidate, context);
      } catch {
        // try the next spelling
      }
    }
    const mapped = UNRESOLVED_BARE.has(code) ? tsconfigMapped(specifier, context) : undefined;
    if (mapped !== undefined) return { url: pathToFileURL(mapped).href, shortCircuit: true };
    throw error;
  }
}

/** A bare specifier (not relative, absolute or a URL) that tsconfig.json `paths` may map, and the file it names. */
function tsconfigMapped(specifier: string, context: ResolveContext): string | undefined {
  const parent = context.parentURL?.split('?', 1)[0];
  if (parent === undefined || !parent.startsWith('file:')) return undefined;
  if (specifier.startsWith('.') || specifier.startsWith('/') || /^[A-Za-z][A-Za-z0-9+.-]*:/.test(specifier)) {
    return undefined;
  }
  return tsconfigPathFile(specifier, fileURLToPath(parent));
}

/**
 * The TypeScript files a relative `specifier` that Node did not find may stand for: from a
 * TypeScript file, `./x.js` may name `x.ts` (as TypeScript allows); `require('./x')` finds
 * `x.ts` from any file, as it did when `.ts` was a `require()` extension.
 */
function typeScriptCandidates(specifier: string, context: ResolveContext): string[] {
  const parent = context.parentURL?.split('?', 1)[0];
  if (!(specifier.startsWith('./') || specifier.startsWith('../')) || parent === undefined) return [];
  const extensionless = !/\.(?:[cm]?[jt]s|json|node)$/.test(specifier);
  if (!TYPESCRIPT_FILE.test(parent)) {
    const required = context.conditions?.includes('require') === true;
    return required && extensionless ? [`${specifier}.ts`, `${specifier}.cts`, `${specifier}/index.ts`] : [];
  }
  const spelled = typeScriptSpelling(specifier);
  if (spelled !== undefined) return [spelled];
  if (extensionless) return [`${specifier}.ts`, `${specifier}/index.ts`];
  return [];
}

function load(
  url: string,
  context: LoadContext,
  nextLoad: (url: string, context?: LoadContext) => LoadResult,
): LoadResult {
  if (!url.startsWith('file:')) return nextLoad(url, context);
  const hooks = state();
  const bundle = hooks.servedBundles.get(url);
  if (bundle !== undefined) return { format: 'module', source: bundle, shortCircuit: true };
  const fileUrl = url.split('?', 1)[0] as string;
  if (!TYPESCRIPT_FILE.test(fileUrl)) return nextLoad(url, context);
  const path = fileURLToPath(fileUrl);
  // `.mts` is always an ES module and `.cts` always CommonJS; a `.ts` file is what its loader asks.
  const required =
    path.endsWith('.cts') || (context.conditions?.includes('require') === true && !path.endsWith('.mts'));
  const source = readFileSync(path, 'utf8');
  const format = required ? 'cjs' : 'esm';
  const code = compileTypeScript(source, path, format, alembicCacheDirectory(dirname(path)), hooks.fallbackParentUrl);
  hooks.userFiles.add(path);
  return { format: required ? 'commonjs' : 'module', source: code, shortCircuit: true };
}
