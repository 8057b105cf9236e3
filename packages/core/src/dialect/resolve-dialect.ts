import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { parseDatabaseUrl } from '../config/database-url.js';
import { ConfigError } from '../errors/config-error.js';
import type { Dialect } from './dialect.js';

/** URL schemes whose dialect package has another name. */
const SCHEME_PACKAGES: Readonly<Record<string, string>> = {
  postgres: 'postgres',
  postgresql: 'postgres',
  mariadb: 'mysql',
  mysql: 'mysql',
  sqlserver: 'mssql',
  mssql: 'mssql',
  sqlite: 'sqlite',
};

/** True for an object that implements version 1 of the {@link Dialect} contract (checked by shape). */
export function isDialect(value: unknown): value is Dialect {
  return (
    typeof value === 'object' &&
    value !== null &&
    (value as Dialect).specVersion === 1 &&
    Array.isArray((value as Dialect).urlSchemes) &&
    typeof (value as Dialect).createDdlCompiler === 'function'
  );
}

/** Finds a package's ESM entry from `directory` upwards (honouring its `exports`). */
function locatePackageEntry(packageName: string, fromDirectory: string): string | undefined {
  const requireFrom = createRequire(join(fromDirectory, '__alembic_resolve__.js'));
  let manifestPath: string | undefined;
  try {
    manifestPath = requireFrom.resolve(`${packageName}/package.json`);
  } catch {
    try {
      return requireFrom.resolve(packageName);
    } catch {
      return undefined;
    }
  }
  const manifest = JSON.parse(readFileSync(manifestPath, 'utf8')) as {
    exports?: unknown;
    module?: string;
    main?: string;
  };
  const root = (manifest.exports as Record<string, unknown> | undefined)?.['.'] as
    | Record<string, unknown>
    | string
    | undefined;
  const importEntry =
    typeof root === 'string'
      ? root
      : typeof root?.import === 'string'
        ? root.import
        : ((root?.import as Record<string, unknown> | undefined)?.default as string | undefined);
  const entry = importEntry ?? manifest.module ?? manifest.main ?? 'index.js';
  const path = join(dirname(manifestPath), entry);
  return existsSync(path) ? path : undefined;
}

/**
 * The dialect for a URL: a dialect object listed in the config whose `urlSchemes` include the
 * URL's scheme; else the package `@alembic/dialect-<name>` (postgres, mysql, mssql, sqlite),
 * looked up from the project directory, then from `searchDirectories` (the CLI's
 * installation), then from this package's. A missing package is a
 * `ConfigError` saying which package to install.
 */
export async function resolveDialect(
  url: string,
  options: {
    readonly configured?: readonly unknown[];
    readonly projectDirectory: string;
    readonly searchDirectories?: readonly string[];
  },
): Promise<Dialect> {
  const { scheme } = parseDatabaseUrl(url);
  for (const candidate of options.configured ?? []) {
    if (isDialect(candidate) && candidate.urlSchemes.includes(scheme)) return candidate;
  }
  const packageName = `@alembic/dialect-${SCHEME_PACKAGES[scheme] ?? scheme}`;
  const directories = [
    options.projectDirectory,
    ...(options.searchDirectories ?? []),
    dirname(fileURLToPath(import.meta.url)),
  ];
  let entry: string | undefined;
  for (const directory of directories) {
    entry = locatePackageEntry(packageName, directory);
    if (entry !== undefined) break;
  }
  if (entry === undefined) {
    throw new ConfigError(
      `No dialect for '${scheme}://' URLs: install ${packageName} (npm install ${packageName}), or list a dialect object under 'dialects' in the config`,
    );
  }
  const namespace = (await import(pathToFileURL(entry).href)) as Record<string, unknown>;
  const found = Object.values(namespace).find((value) => isDialect(value) && value.urlSchemes.includes(scheme));
  if (!isDialect(found)) {
    throw new ConfigError(`${packageName} does not export a dialect for '${scheme}://' URLs`);
  }
  return found;
}
