/**
 * Node module customization hooks, registered by `registerTypeScriptLoader()`, that let
 * migration scripts, `env.ts` and `alembic.config.ts` be imported as they are:
 *
 * - `.ts`, `.mts` and `.cts` files are compiled to ES modules with esbuild (types stripped,
 *   nothing checked) on their way in;
 * - `@alembic/*` imports that the project cannot resolve (a migrations folder with no
 *   `node_modules` near it) resolve from the running CLI's own installation;
 * - a relative `./x.js` import that names a `.ts` file on disk finds it, as TypeScript allows.
 *
 * @internal
 */
import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { transform } from 'esbuild';

interface HookData {
  /** A file URL inside the CLI's installation to resolve `@alembic/*` from. */
  readonly fallbackParentUrl: string;
}

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

/** Receives the data `register()` passed. */
export function initialize(data: HookData | undefined): void {
  fallbackParentUrl = data?.fallbackParentUrl;
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
    if (isRelative && context.parentURL !== undefined && TYPESCRIPT_FILE.test(context.parentURL.split('?', 1)[0] as string)) {
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

/** Compiles TypeScript files to ES modules. */
export async function load(url: string, context: { format?: string | null }, nextLoad: NextLoad): Promise<LoadResult> {
  const withoutQuery = url.split('?', 1)[0] as string;
  if (!url.startsWith('file:') || !TYPESCRIPT_FILE.test(withoutQuery)) return nextLoad(url, context);
  const path = fileURLToPath(url);
  const source = await readFile(path, 'utf8');
  const result = await transform(source, {
    loader: 'ts',
    format: 'esm',
    target: 'node20',
    sourcefile: path,
    sourcemap: 'inline',
  });
  return { format: 'module', source: result.code, shortCircuit: true };
}
