/**
 * A temporary migration project for end-to-end tests through `@alembic/core`'s runtime: the
 * generic `env.ts`, an `alembic.config.ts` without a `dialects` list (so the URL's scheme finds
 * this package, as a user's install would), version scripts given by the test, and
 * `node_modules/@alembic/{core,dialect-mssql}` linked to the built workspace packages. No database
 * is reached: SQL Server runs are offline (`--sql`) unless a live server is configured.
 * Commands run in a child Node process (ESM, like the CLI), through core's exported commands.
 */
import { spawn } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

const PACKAGE_DIRECTORY = resolve(__dirname, '..', '..');
const CORE_DIRECTORY = resolve(PACKAGE_DIRECTORY, '..', 'core');

/** One version script: its id, parent, and the bodies of `upgrade()` / `downgrade()`. */
export interface VersionScript {
  readonly revision: string;
  readonly downRevision: string | null;
  /** Names imported from `@alembic/core` besides `op`. */
  readonly imports?: readonly string[];
  /** Names imported from `@alembic/dialect-mssql`. */
  readonly dialectImports?: readonly string[];
  readonly upgrade: string;
  readonly downgrade?: string;
}

/** What a command printed, and how it ended. */
export interface CommandOutcome {
  readonly status: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

const DRIVER = `
import { Config, current, downgrade, loadConfig, upgrade } from '@alembic/core';

const [command, target, mode] = process.argv.slice(2);
const loaded = await loadConfig(process.cwd());
const config = new Config({
  configFile: loaded.configFile,
  directory: loaded.directory,
  values: loaded.values,
  output: { stdout: (line) => process.stdout.write(line + '\\n'), stderr: (line) => process.stderr.write(line + '\\n') },
});
const options = { sql: mode === 'sql', noLock: mode === 'no-lock' };
try {
  if (command === 'upgrade') await upgrade(config, target, options);
  else if (command === 'downgrade') await downgrade(config, target, options);
  else if (command === 'current') await current(config, {});
  else throw new Error('unknown command ' + command);
} catch (error) {
  const cause = error.cause;
  process.stderr.write('FAILED: ' + error.message + '\\n');
  if (cause !== undefined) process.stderr.write('CAUSE: ' + cause.name + ' ' + cause.code + '\\n');
  process.exitCode = 1;
}
`;

/** The default `alembic.config.ts`: the URL's scheme finds this package, as a user's install would. */
export const DEFAULT_CONFIG =
  "import { defineConfig } from '@alembic/core';\n\nexport default defineConfig({ scriptLocation: 'migrations', url: process.env.DATABASE_URL });\n";

function requireBuilt(directory: string): void {
  if (!existsSync(join(directory, 'dist', 'index.js'))) {
    throw new Error(`${directory}/dist is missing: build the workspace first (pnpm build, or turbo run build)`);
  }
}

/** A temporary project directory; remove it with {@link MigrationProject.dispose}. */
export class MigrationProject {
  readonly root: string;

  /**
   * `config` is the body of `alembic.config.ts` (default: the script location and
   * `DATABASE_URL`, no `dialects` list).
   */
  constructor(scripts: readonly VersionScript[], config: string = DEFAULT_CONFIG) {
    requireBuilt(CORE_DIRECTORY);
    requireBuilt(PACKAGE_DIRECTORY);
    this.root = mkdtempSync(join(tmpdir(), 'alembic-mssql-'));
    const modules = join(this.root, 'node_modules', '@alembic');
    mkdirSync(modules, { recursive: true });
    symlinkSync(CORE_DIRECTORY, join(modules, 'core'), 'dir');
    symlinkSync(PACKAGE_DIRECTORY, join(modules, 'dialect-mssql'), 'dir');
    mkdirSync(join(this.root, 'migrations', 'versions'), { recursive: true });
    copyFileSync(join(CORE_DIRECTORY, 'templates', 'generic', 'env.ts'), join(this.root, 'migrations', 'env.ts'));
    copyFileSync(join(CORE_DIRECTORY, 'templates', 'generic', 'script.ts.tmpl'), join(this.root, 'migrations', 'script.ts.tmpl'));
    writeFileSync(join(this.root, 'alembic.config.ts'), config);
    writeFileSync(join(this.root, 'driver.mjs'), DRIVER);
    for (const script of scripts) {
      this.writeScript(script);
    }
  }

  /** Writes (or replaces) one version script. */
  writeScript(script: VersionScript): void {
    const imports = ['op', ...(script.imports ?? [])].join(', ');
    const dialectImports =
      script.dialectImports === undefined ? '' : `import { ${script.dialectImports.join(', ')} } from '@alembic/dialect-mssql';\n`;
    writeFileSync(
      join(this.root, 'migrations', 'versions', `${script.revision}_step.ts`),
      `import { ${imports} } from '@alembic/core';
${dialectImports}
export const revision = ${JSON.stringify(script.revision)};
export const downRevision: string | null = ${JSON.stringify(script.downRevision)};
export const branchLabels = null;
export const dependsOn = null;

export async function upgrade(): Promise<void> {
${script.upgrade}
}

export async function downgrade(): Promise<void> {
${script.downgrade ?? ''}
}
`,
    );
  }

  /** Runs `upgrade` / `downgrade` / `current` against `url`; `mode` `'sql'` prints the SQL instead. */
  run(url: string, command: 'upgrade' | 'downgrade' | 'current', target = '', mode: 'sql' | 'no-lock' | '' = ''): Promise<CommandOutcome> {
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

/** The statements of offline output: non-empty lines, comments left out, terminators dropped. */
export function offlineStatements(output: string): string[] {
  return output
    .split(/;\s*\n/)
    .map((statement) => statement.replace(/^(\s*--[^\n]*\n)+/g, '').replace(/\s+/g, ' ').trim())
    .filter((statement) => statement !== '' && !statement.startsWith('--'));
}
