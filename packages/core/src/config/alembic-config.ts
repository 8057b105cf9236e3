import type { PostWriteHook } from '../script/post-write-hooks.js';

/**
 * The contents of `alembic.config.ts` (or `.js`, `.mjs`, `.cjs`, `.json`): alembic.ini's
 * `[alembic]` keys in camelCase. Relative paths are relative to the config file's directory.
 * Any other key is kept and reaches `env.ts` through `context.config`.
 *
 * ```ts
 * import { defineConfig } from '@alembic/core';
 *
 * export default defineConfig({
 *   scriptLocation: 'migrations',
 *   url: process.env.DATABASE_URL ?? 'sqlite:///alembic.db',
 * });
 * ```
 */
export interface AlembicConfig {
  /** The migration environment directory (holds `env.ts`, the script template, `versions/`). */
  readonly scriptLocation: string;
  /** Database URL, e.g. `sqlite:///alembic.db`, `postgresql://user@host/db`. */
  readonly url?: string;
  /** File name template for new revisions; default `%(rev)s_%(slug)s`. */
  readonly fileTemplate?: string;
  /** Longest slug kept in file names; default 40. */
  readonly truncateSlugLength?: number;
  /** IANA time zone for the Create Date of new revisions; default local time. */
  readonly timezone?: string;
  /** Directories holding revision files; default `<scriptLocation>/versions`. */
  readonly versionLocations?: readonly string[];
  /** Also scan subdirectories of the version locations. */
  readonly recursiveVersionLocations?: boolean;
  /** Run `env.ts` for `revision`, `merge` and `history` even without `--autogenerate`. */
  readonly revisionEnvironment?: boolean;
  /** Commands run on each newly written revision file (a formatter, say). */
  readonly postWriteHooks?: readonly PostWriteHook[];
  /** Name of the version table; default `alembic_version`. */
  readonly versionTable?: string;
  /** Schema of the version table. */
  readonly versionTableSchema?: string;
  /** Width of `version_num`; default 32. */
  readonly versionNumWidth?: number;
  /** Dialect objects to register, ahead of the URL-scheme lookup. */
  readonly dialects?: readonly unknown[];
  /** TypeORM as the model source of autogenerate (the `typeorm` template's `env.ts` reads it). */
  readonly typeorm?: TypeOrmSettings;
  /** Anything else, read by `env.ts`. */
  readonly [key: string]: unknown;
}

/** The `typeorm` key of {@link AlembicConfig}. */
export interface TypeOrmSettings {
  /**
   * The file exporting the TypeORM `DataSource` (as default export, `AppDataSource` or
   * `dataSource`), relative to the config file; default `src/data-source.ts`.
   */
  readonly dataSource?: string;
}

/**
 * Identity function that gives `alembic.config.ts` its type checking.
 */
export function defineConfig<T extends AlembicConfig>(config: T): T {
  return config;
}
