import { existsSync } from 'node:fs';
import { isBuiltin } from 'node:module';
import { dirname, join, resolve, sep } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Plugin } from 'esbuild';

/**
 * Resolves a specifier from the running CLI's installation, as the module hooks' `@alembic/*`
 * fallback does; throws when it cannot.
 */
export type FallbackResolver = (specifier: string) => string;

/** Where the `@alembic/*` packages a module imports come from: `project` or the CLI's URL. */
export type AlembicPackageSources = Readonly<Record<string, string>>;

/** The source of a package the project has installed above the module. */
export const FROM_PROJECT = 'project';

const TYPESCRIPT_FILE = /\.(?:ts|mts|cts)$/;
const RELATIVE_OR_ABSOLUTE = /^(?:\.\.?(?:\/|$)|\/|file:)/;

/**
 * Code that depends on the file's own location (`import.meta`, `require`, `__dirname`, an
 * `import()` of a computed name): such a file only runs as it should from where it is.
 */
export const LOCATION_DEPENDENT = /\bimport\.meta\b|\brequire\s*\(|\b__dirname\b|\b__filename\b|\bimport\s*\(\s*(?!['"])/;

/** Marks the resolutions the plugin asks esbuild for itself (to avoid recursion). */
const OWN_RESOLUTION = Symbol('alembic.relocation.resolution');

/** `@scope/name` or `name` of a bare specifier. */
export function packageNameOf(specifier: string): string {
  const parts = specifier.split('/');
  return specifier.startsWith('@') ? `${parts[0]}/${parts[1] ?? ''}` : (parts[0] as string);
}

/**
 * Whether Node, resolving `packageName` from a module in `directory`, finds it in a
 * `node_modules` folder (it looks in `directory/node_modules`, then in every parent's).
 */
export function isInstalledAbove(directory: string, packageName: string): boolean {
  let current = directory;
  for (;;) {
    if (existsSync(join(current, 'node_modules', packageName))) return true;
    const parent = dirname(current);
    if (parent === current) return false;
    current = parent;
  }
}

/**
 * Where an `@alembic/*` package imported from `directory` comes from: the project when it is
 * installed above the directory, else the CLI's own copy (the URL its entry resolves to), else
 * `missing`.
 */
export function alembicPackageSource(packageName: string, directory: string, fallback: FallbackResolver | undefined): string {
  if (isInstalledAbove(directory, packageName)) return FROM_PROJECT;
  if (fallback === undefined) return 'missing';
  try {
    return fallback(packageName);
  } catch {
    return 'missing';
  }
}

/** Whether the sources recorded when a module was relocated still hold. */
export function sameAlembicPackageSources(
  recorded: AlembicPackageSources,
  directory: string,
  fallback: FallbackResolver | undefined,
): boolean {
  return Object.entries(recorded).every(([name, source]) => alembicPackageSource(name, directory, fallback) === source);
}

/** What relocating one module (or bundle) found. */
export interface RelocationResult {
  /** Why the module must be imported through the module hooks instead; none: it need not. */
  readonly needsHooks: string | undefined;
  /** The `@alembic/*` packages it imports and where each comes from. */
  readonly alembicPackages: AlembicPackageSources;
}

/** What the relocation plugin needs to know. */
export interface RelocationOptions {
  /**
   * Whether the cache directory lies in the `node_modules` folder that the original files
   * find first: bare imports then resolve from the cache as from the files themselves.
   */
  readonly cacheInNearestNodeModules: boolean;
  /** Resolves `@alembic/*` from the CLI when the project has none. */
  readonly fallback: FallbackResolver | undefined;
  /** Files that are part of the output (a bundle's scripts): their imports stay in. */
  readonly bundled?: ReadonlySet<string>;
}

/**
 * An esbuild plugin for output that is written to the cache directory and imported from there
 * without module hooks: every import is rewritten so that it resolves as it would from the
 * original file.
 *
 * - built-ins and bare package names stay as they are (the cache lies in the same
 *   `node_modules` the original files resolve packages from), except `@alembic/*` packages the
 *   project lacks, which point at the CLI's copy, as the hooks would;
 * - relative imports of JavaScript or JSON files become absolute `file:` URLs of those files,
 *   so they stay the same modules, shared with everything else that imports them.
 *
 * Whatever only the hooks can do is recorded instead (`needsHooks`): a relative import of a
 * TypeScript file or one Node would not resolve as written, a package-internal `#import`, a
 * package when the cache is not in the project's `node_modules`, an unresolvable import.
 */
export function relocationPlugin(options: RelocationOptions): { plugin: Plugin; result: () => RelocationResult } {
  let needsHooks: string | undefined;
  const alembicPackages: Record<string, string> = {};
  const plugin: Plugin = {
    name: 'alembic-relocated-imports',
    setup(builder) {
      builder.onResolve({ filter: /.*/ }, async (args) => {
        if (args.pluginData === OWN_RESOLUTION || args.kind === 'entry-point') return undefined;
        const specifier = args.path;
        if (specifier.startsWith('node:') || isBuiltin(specifier)) return { path: specifier, external: true };
        if (specifier.startsWith('#')) {
          needsHooks ??= `package import ${specifier}`;
          return { path: specifier, external: true };
        }
        if (RELATIVE_OR_ABSOLUTE.test(specifier)) {
          const resolved = await builder.resolve(specifier, {
            kind: args.kind,
            resolveDir: args.resolveDir,
            importer: args.importer,
            pluginData: OWN_RESOLUTION,
          });
          if (resolved.errors.length > 0 || resolved.external) {
            needsHooks ??= `unresolved import ${specifier}`;
            return { path: specifier, external: true };
          }
          if (options.bundled?.has(resolved.path)) return { path: resolved.path };
          const asWritten = specifier.startsWith('file:') ? resolved.path : resolve(args.resolveDir, specifier);
          if (TYPESCRIPT_FILE.test(resolved.path) || resolved.path !== asWritten) {
            needsHooks ??= `import ${specifier} needs the TypeScript resolution of the hooks`;
            return { path: specifier, external: true };
          }
          return { path: pathToFileURL(resolved.path).href, external: true };
        }
        const packageName = packageNameOf(specifier);
        if (packageName.startsWith('@alembic/')) {
          const source = (alembicPackages[packageName] ??= alembicPackageSource(packageName, args.resolveDir, options.fallback));
          if (source !== FROM_PROJECT) {
            if (source === 'missing' || options.fallback === undefined) {
              needsHooks ??= `${packageName} is not installed`;
              return { path: specifier, external: true };
            }
            try {
              return { path: options.fallback(specifier), external: true };
            } catch {
              needsHooks ??= `${specifier} does not resolve from the CLI`;
              return { path: specifier, external: true };
            }
          }
        }
        if (!options.cacheInNearestNodeModules) needsHooks ??= `package ${packageName} outside a node_modules cache`;
        return { path: specifier, external: true };
      });
    },
  };
  return { plugin, result: () => ({ needsHooks, alembicPackages: { ...alembicPackages } }) };
}

/** Whether `cacheDirectory` lies inside a `node_modules` folder. */
export function isInNodeModules(cacheDirectory: string): boolean {
  return cacheDirectory.split(sep).includes('node_modules');
}
