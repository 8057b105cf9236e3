import { copyFileSync, existsSync, mkdirSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { isAbsolute, join, relative, resolve } from 'node:path';
import type { OutputStreams } from '../config/config.js';
import { CONFIG_FILE_NAMES } from '../config/find-config-file.js';
import { CommandError } from '../errors/command-error.js';
import { renderScriptTemplate } from '../script/script-template.js';
import { writeNewFile } from '../script/write-new-file.js';
import { templatesDirectory } from './templates-directory.js';

/** Options of {@link init}. */
export interface InitOptions {
  /** Template name (`generic`, `multidb`); default `generic`. */
  readonly template?: string;
  /** Where `alembic.config.ts` goes and relative paths start; default the process's. */
  readonly cwd?: string;
  readonly output?: Pick<OutputStreams, 'stdout'>;
}

const CONFIG_TEMPLATE = 'alembic.config.ts.tmpl';

/**
 * Creates a migration environment: `<directory>/{env.ts, script.ts.tmpl, README.md, versions/}`
 * and `alembic.config.ts` in the working directory (kept if a config file already exists).
 * Fails on a non-empty directory or an unknown template, before writing anything.
 */
export function init(directory: string, options: InitOptions = {}): void {
  const cwd = options.cwd ?? process.cwd();
  const print = (line: string): void =>
    (options.output ?? { stdout: (text: string) => console.log(text) }).stdout(line);
  const templateName = options.template ?? 'generic';
  const templateDirectory = join(templatesDirectory(), templateName);
  if (!existsSync(templateDirectory)) {
    throw new CommandError(`No such template '${templateName}'; 'alembic list-templates' shows the available ones`, {
      code: 'ALEMBIC_NO_SUCH_TEMPLATE',
    });
  }
  const target = resolve(cwd, directory);
  const existing = statSync(target, { throwIfNoEntry: false });
  if (existing !== undefined && !existing.isDirectory()) {
    throw new CommandError(`${directory} already exists and is not a directory`, {
      code: 'ALEMBIC_DIRECTORY_NOT_EMPTY',
    });
  }
  if (existing !== undefined && readdirSync(target).length > 0) {
    throw new CommandError(`Directory ${directory} already exists and is not empty`, {
      code: 'ALEMBIC_DIRECTORY_NOT_EMPTY',
    });
  }
  // Validate, then write: the config is rendered before the first directory is made.
  const existingConfig = CONFIG_FILE_NAMES.map((name) => join(cwd, name)).find((path) => existsSync(path));
  const configPath = existingConfig ?? join(cwd, 'alembic.config.ts');
  let configSource: string | undefined;
  if (existingConfig === undefined) {
    const scriptLocation = isAbsolute(directory) ? target : relative(cwd, target) || '.';
    const templatePath = join(templateDirectory, CONFIG_TEMPLATE);
    configSource = renderScriptTemplate(
      readFileSync(templatePath, 'utf8'),
      { scriptLocation, versionsPath: join(scriptLocation, 'versions') },
      templatePath,
    );
  }
  const status = (text: string, work: () => void): void => {
    work();
    print(`${text} ...  done`);
  };
  const versions = join(target, 'versions');
  for (const path of [target, versions]) {
    if (!existsSync(path)) status(`Creating directory ${path}`, () => mkdirSync(path, { recursive: true }));
  }
  for (const name of readdirSync(templateDirectory).sort()) {
    if (name === CONFIG_TEMPLATE) continue;
    const destination = join(target, name);
    status(`Generating ${destination}`, () => copyFileSync(join(templateDirectory, name), destination));
  }
  if (configSource === undefined) {
    print(`File ${existingConfig as string} already exists, skipping`);
  } else {
    const source = configSource;
    status(`Generating ${configPath}`, () => writeNewFile(configPath, source));
  }
  print(`Please edit configuration/connection settings in '${configPath}' before proceeding.`);
}
