/**
 * A temporary migration project for a dialect package's end-to-end tests through
 * `@alembic/core`'s runtime, as a user's install runs them.
 */
import { spawn } from 'node:child_process';
import {
  copyFileSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  realpathSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { PROJECT_DRIVER } from './project-driver.js';
import type { VersionScript } from './version-script.js';
import { versionScriptSource } from './version-script.js';

/**
 * The default `alembic.config.ts`: the script location and `DATABASE_URL`, no `dialects` list,
 * so the URL's scheme finds the dialect package, as a user's install would.
 */
export const DEFAULT_PROJECT_CONFIG =
  "import { defineConfig } from '@alembic/core';\n\nexport default defineConfig({ scriptLocation: 'migrations', url: process.env.DATABASE_URL });\n";

/** What a command of {@link DialectMigrationProject.run} printed, and how it ended. */
export interface CommandOutcome {
  /** The child process's exit code (`1` after a failure). */
  readonly status: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

/** How a {@link DialectMigrationProject} is made. */
export interface DialectMigrationProjectOptions {
  /** The dialect package's directory (the one holding its `package.json` and built `dist`). */
  readonly dialectPackageDirectory: string;
  /** The version scripts written at creation. */
  readonly scripts: readonly VersionScript[];
  /** The text of `alembic.config.ts` (default {@link DEFAULT_PROJECT_CONFIG}). */
  readonly config?: string;
}

function requireBuilt(directory: string): void {
  if (!existsSync(join(directory, 'dist', 'index.js'))) {
    throw new Error(`${directory}/dist is missing: build the workspace first (pnpm build, or turbo run build)`);
  }
}

function packageName(directory: string): string {
  const manifest = JSON.parse(readFileSync(join(directory, 'package.json'), 'utf8')) as { name?: unknown };
  if (typeof manifest.name !== 'string' || manifest.name === '') {
    throw new Error(`${directory}/package.json has no name`);
  }
  return manifest.name;
}

/** `@alembic/core`'s directory as the dialect package resolves it. */
function coreDirectory(dialectDirectory: string): string {
  const requireFromDialect = createRequire(join(dialectDirectory, 'package.json'));
  return dirname(realpathSync(requireFromDialect.resolve('@alembic/core/package.json')));
}

/**
 * A temporary migration project for a dialect package's end-to-end tests: core's generic
 * `env.ts` and `script.ts.tmpl`, an `alembic.config.ts`, the given version scripts, and
 * `node_modules/@alembic/core` and `node_modules/<dialect package>` linked to the built packages.
 * Commands run in a child Node process (ESM, like the CLI) through core's exported commands.
 * Remove it with {@link DialectMigrationProject.dispose}.
 */
export class DialectMigrationProject {
  /** The project directory (under the system's temporary directory). */
  readonly root: string;
  readonly #dialectPackage: string;

  constructor(options: DialectMigrationProjectOptions) {
    const dialectDirectory = resolve(options.dialectPackageDirectory);
    const dialectPackage = packageName(dialectDirectory);
    const core = coreDirectory(dialectDirectory);
    requireBuilt(core);
    requireBuilt(dialectDirectory);
    this.#dialectPackage = dialectPackage;
    this.root = mkdtempSync(join(tmpdir(), `alembic-${dialectPackage.split('/').pop()}-`));
    const modules = join(this.root, 'node_modules');
    mkdirSync(join(modules, '@alembic'), { recursive: true });
    symlinkSync(core, join(modules, '@alembic', 'core'), 'dir');
    mkdirSync(dirname(join(modules, dialectPackage)), { recursive: true });
    symlinkSync(dialectDirectory, join(modules, dialectPackage), 'dir');
    const migrations = join(this.root, 'migrations');
    mkdirSync(join(migrations, 'versions'), { recursive: true });
    copyFileSync(join(core, 'templates', 'generic', 'env.ts'), join(migrations, 'env.ts'));
    copyFileSync(join(core, 'templates', 'generic', 'script.ts.tmpl'), join(migrations, 'script.ts.tmpl'));
    writeFileSync(join(this.root, 'alembic.config.ts'), options.config ?? DEFAULT_PROJECT_CONFIG);
    writeFileSync(join(this.root, 'driver.mjs'), PROJECT_DRIVER);
    for (const script of options.scripts) {
      this.writeScript(script);
    }
  }

  /** Writes (or replaces) one version script, `migrations/versions/<revision>_step.ts`. */
  writeScript(script: VersionScript): void {
    writeFileSync(
      join(this.root, 'migrations', 'versions', `${script.revision}_step.ts`),
      versionScriptSource(script, this.#dialectPackage),
    );
  }

  /**
   * Runs `upgrade` / `downgrade` / `current` against `url` (given to the config as
   * `DATABASE_URL`); `mode` `'sql'` prints the SQL instead, `'no-lock'` skips the migration lock.
   */
  run(
    url: string,
    command: 'upgrade' | 'downgrade' | 'current',
    target = '',
    mode: 'sql' | 'no-lock' | '' = '',
  ): Promise<CommandOutcome> {
    return new Promise((resolvePromise, reject) => {
      const child = spawn(process.execPath, ['driver.mjs', command, target, mode], {
        cwd: this.root,
        env: { ...process.env, DATABASE_URL: url },
        stdio: ['ignore', 'pipe', 'pipe'],
      });
      let stdout = '';
      let stderr = '';
      child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString('utf8')));
      child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString('utf8')));
      child.on('error', reject);
      child.on('close', (status) => resolvePromise({ status, stdout, stderr }));
    });
  }

  /** Deletes the project directory. */
  dispose(): void {
    rmSync(this.root, { recursive: true, force: true });
  }
}
