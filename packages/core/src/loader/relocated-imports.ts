import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
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

/**
 * Code that depends on the file's own location (`import.meta`, `require`, `__dirname`, an
 * `import()` of a computed name): such a file only runs as it should from where it is.
 */
export const LOCATION_DEPENDENT =
  /\bimport\.meta\b|\brequire\s*\(|\b__dirname\b|\b__filename\b|\bimport\s*\(\s*(?!['"])/;

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
export function alembicPackageSource(
  packageName: string,
  directory: string,
  fallback: FallbackResolver | undefined,
): string {
  if (isInstalledAbove(directory, packageName)) return FROM_PROJECT;
  if (fallback === undefined) return 'missing';
  try {
    return fallback(packageName);
  } catch {
    return 'missing';
  }
}

/** The `@alembic/*` package names a source mentions (in imports, and anywhere else). */
export function mentionedAlembicPackages(source: string, into: Set<string> = new Set()): Set<string> {
  for (const match of source.matchAll(/@alembic\/[\w.-]+/g)) into.add(match[0]);
  return into;
}

/** Where each of `packageNames`, imported from `directory`, comes from. */
export function alembicPackageSources(
  packageNames: Iterable<string>,
  directory: string,
  fallback: FallbackResolver | undefined,
): AlembicPackageSources {
  const sources: Record<string, string> = {};
  for (const name of [...packageNames].sort()) sources[name] = alembicPackageSource(name, directory, fallback);
  return sources;
}

/** Whether the sources recorded when a module was relocated still hold. */
export function sameAlembicPackageSources(
  recorded: AlembicPackageSources,
  directory: string,
  fallback: FallbackResolver | undefined,
): boolean {
  return Object.entries(recorded).every(([name, source]) => alembicPackageSource(name, directory, fallback) === source);
}

/** What the relocation plugin needs to know. */
export interface RelocationOptions {
  /** Where the `@alembic/*` packages the sources mention come from (`alembicPackageSources`). */
  readonly alembicPackages: AlembicPackageSources;
  /** Resolves `@alembic/*` from the CLI when the project has none. */
  readonly fallback: FallbackResolver | undefined;
  /**
   * Files that are part of the output (a bundle's scripts, imported by absolute path): their
   * imports stay in, and absolute imports are left to esbuild (one callback per import of
   * thousands of scripts would cost seconds).
   */
  readonly bundled?: ReadonlySet<string>;
}

/**
 * An esbuild plugin (to use with `packages: 'external'`) for output that is written to the
 * cache directory and imported from there without module hooks: every import is rewritten so
 * that it resolves as it would from the original file.
 *
 * - built-ins and bare package names stay as they are: the cache lies in the `node_modules`
 *   folder the original files resolve packages from (or, under the temp directory, where no
 *   package resolves from them either), except `@alembic/*` packages the project lacks, which
 *   point at the CLI's copy, as the hooks would;
 * - relative imports of JavaScript or JSON files become absolute `file:` URLs of those files,
 *   so they stay the same modules, shared with everything else that imports them.
 *
 * Whatever only the hooks can do is recorded (`needsHooks`): a relative import of a TypeScript
 * file or one Node would not resolve as written (it becomes the absolute URL of the file the
 * hooks would find, so the output still loads through them), a package-internal `#import`, an
 * unresolvable import.
 */
export function relocationPlugin(options: RelocationOptions): { plugin: Plugin; needsHooks: () => string | undefined } {
  let needsHooks: string | undefined;
  const alembicPackages: Record<string, string> = { ...options.alembicPackages };
  const everyAlembicPackageFromProject = Object.values(alembicPackages).every((source) => source === FROM_PROJECT);
  const plugin: Plugin = {
    name: 'alembic-relocated-imports',
    setup(builder) {
      builder.onResolve({ filter: /^#/ }, (args) => {
        needsHooks ??= `package import ${args.path}`;
        return { path: args.path, external: true };
      });
      // Left to `packages: 'external'` when the project has them all (one callback per import
      // of thousands of scripts would cost seconds).
      if (!everyAlembicPackageFromProject) {
        builder.onResolve({ filter: /^@alembic\// }, (args) => {
          const specifier = args.path;
          const packageName = packageNameOf(specifier);
          const source = (alembicPackages[packageName] ??= alembicPackageSource(
            packageName,
            args.resolveDir,
            options.fallback,
          ));
          if (source === FROM_PROJECT) return { path: specifier, external: true };
          if (source !== 'missing' && options.fallback !== undefined) {
            try {
              return { path: options.fallback(specifier), external: true };
            } catch {
              // reported below
            }
          }
          needsHooks ??= `${specifier} is not installed`;
          return { path: specifier, external: true };
        });
      }
      const filesFilter = options.bundled === undefined ? /^(?:\.\.?(?:\/|$)|\/|file:)/ : /^\.\.?(?:\/|$)/;
      builder.onResolve({ filter: filesFilter }, async (args) => {
        if (args.pluginData === OWN_RESOLUTION || args.kind === 'entry-point') return undefined;
        const specifier = args.path;
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
          // The file the hooks would find, by absolute URL: right from wherever the output is.
          needsHooks ??= `import ${specifier} needs the TypeScript resolution of the hooks`;
        }
        return { path: pathToFileURL(resolved.path).href, external: true };
      });
    },
  };
  return { plugin, needsHooks: () => needsHooks };
}
