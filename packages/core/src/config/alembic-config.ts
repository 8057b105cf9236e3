import type { Dialect } from '../dialect/dialect.js';
import type { PostWriteHook } from '../script/post-write-hooks.js';

/**
 * The contents of `alembic.config.ts` (or `.js`, `.mjs`, `.cjs`, `.json`): alembic.ini's
 * `[alembic]` keys in camelCase. Relative paths are relative to the config file's directory.
 * A key not listed here does not compile (a misspelled one would otherwise be ignored); keys of
 * your own for `env.ts` are declared as `defineConfig`'s type argument.
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
  /**
   * Seconds a run waits for the migration lock while another run holds it, then fails
   * (`--lock-timeout` overrides it); `0` fails at once. Default: wait as long as it takes,
   * printing a line that says so after one second.
   */
  readonly lockTimeout?: number;
  /**
   * Seconds any one statement may run before the database cancels it (`--statement-timeout`
   * overrides it): PostgreSQL `statement_timeout`, MariaDB `max_statement_time`, MySQL
   * `max_execution_time` (SELECT statements only), SQL Server's request timeout. SQLite has
   * none. Default: no limit.
   */
  readonly statementTimeout?: number;
  /** Dialect objects to register, ahead of the URL-scheme lookup. */
  readonly dialects?: readonly Dialect[];
  /** TypeORM as the model source of autogenerate (the `typeorm` template's `env.ts` reads it). */
  readonly typeorm?: TypeOrmSettings;
  /** The databases the `multidb` template's `env.ts` migrates: name to URL. */
  readonly databases?: Readonly<Record<string, string>>;
}

/**
 * A config as commands and `env.ts` read it (`context.config.values`): the keys of
 * {@link AlembicConfig}, typed, and any key of your own (declared with `defineConfig`) as
 * `unknown`.
 */
export type AlembicConfigValues = AlembicConfig & { readonly [key: string]: unknown };

/** The `typeorm` key of {@link AlembicConfig}. */
export interface TypeOrmSettings {
  /**
   * The file exporting the TypeORM `DataSource` (as default export, `AppDataSource` or
   * `dataSource`), relative to the config file; default `src/data-source.ts`.
   */
  readonly dataSource?: string;
}

/**
 * Identity function that gives `alembic.config.ts` its type checking: a misspelled or unknown
 * key is a compile error. Keys of your own, read by `env.ts` from `context.config.values`, are
 * declared as the type argument:
 *
 * ```ts
 * export default defineConfig<{ tenants: readonly string[] }>({
 *   scriptLocation: 'migrations',
 *   tenants: ['eu', 'us'],
 * });
 * ```
 *
 * (At run time every key is checked too, for configs written in JavaScript: a known key with a
 * value of the wrong type is an error; other keys are kept for `env.ts`.)
 */
export function defineConfig<Extra extends object = Record<never, never>>(
  config: AlembicConfig & NoInfer<Extra>,
): AlembicConfig & Extra {
  return config as AlembicConfig & Extra;
}
