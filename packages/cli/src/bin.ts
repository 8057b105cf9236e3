import { readFileSync } from 'node:fs';

/** The shape of the fields the CLI reads from its own package.json. */
interface PackageManifest {
  readonly version: string;
}

const manifestPath = new URL('../package.json', import.meta.url);
const manifest = JSON.parse(readFileSync(manifestPath, 'utf8')) as PackageManifest;
const commandArguments = process.argv.slice(2);

if (commandArguments.includes('--version')) {
  process.stdout.write(`alembic ${manifest.version}\n`);
} else {
  process.stderr.write('usage: alembic [--version]\n');
  process.exitCode = 2;
}
