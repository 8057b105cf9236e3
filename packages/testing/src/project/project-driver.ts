/**
 * The `driver.mjs` of a `DialectMigrationProject`: runs `upgrade` / `downgrade` / `current`
 * through `@alembic/core`'s exported commands in a child Node process (ESM, like the CLI). Its
 * arguments are the command, the target and the mode (`sql`, `no-lock` or empty); a failure
 * prints `FAILED: <message>` and, with a cause, `CAUSE: <name> <code>` to stderr and exits with 1.
 *
 * @internal
 */
export const PROJECT_DRIVER = `
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
