import { existsSync, mkdirSync, readFileSync, realpathSync, statSync, writeFileSync } from 'node:fs';
import { basename, dirname, join, normalize, relative, resolve } from 'node:path';
import type { Config } from '../config/config.js';
import { CommandError } from '../errors/command-error.js';
import { MissingRevisionError } from '../errors/missing-revision-error.js';
import { describeEnd } from '../errors/range-not-ancestor-error.js';
import { ScriptFileError } from '../errors/script-file-error.js';
import { RevisionMap } from '../revision/revision-map.js';
import { assertValidRevisionId, toRevisionReference } from '../revision/revision.js';
import { isRevision, type RevisionTarget } from '../revision/revision-target.js';
import { catchRevisionErrors, toCommandError } from './catch-revision-errors.js';
import { resolveCreateDate } from './create-date.js';
import { listScriptFiles } from './list-script-files.js';
import { runPostWriteHooks, type PostWriteHook } from './post-write-hooks.js';
import { DEFAULT_FILE_TEMPLATE, DEFAULT_TRUNCATE_SLUG_LENGTH, renderRevisionFileName } from './revision-file-name.js';
import { HeaderCache } from './header-cache.js';
import { readTextFile } from './read-text-file.js';
import { readScriptHeader } from './script-header.js';
import { Script } from './script.js';
import { renderScriptTemplate } from './script-template.js';

/** Names a script template may have in the environment directory, in order of preference. */
const TEMPLATE_NAMES = ['script.ts.tmpl', 'script.mts.tmpl', 'script.js.tmpl', 'script.mjs.tmpl', 'script.cts.tmpl'];

/** What `generateRevision` needs. */
export interface GenerateRevisionOptions {
  readonly revisionId: string;
  readonly message?: string | null;
  /** Parent(s): an identifier or list; default `head`. */
  readonly head?: RevisionTarget;
  /** Allow parents that are not heads (start a new branch). */
  readonly splice?: boolean;
  readonly branchLabels?: readonly string[] | null;
  /** Which version location to write to. */
  readonly versionPath?: string | null;
  readonly dependsOn?: readonly string[] | null;
  /** Extra template variables (`imports`, `upgrades`, `downgrades`, ...). */
  readonly templateArguments?: Readonly<Record<string, unknown>>;
  /** The moment of creation; default now. */
  readonly now?: Date;
}

/**
 * The migration environment on disk: the script location, its version locations and the
 * scripts in them. Reads script headers (never executes scripts) and builds the revision map
 * on first use; writes new revision files from the environment's template.
 */
export class ScriptDirectory {
  /** The environment directory (`scriptLocation`), absolute. */
  readonly directory: string;
  /** Where revision files live, absolute, in configured order. */
  readonly versionLocations: readonly string[];
  readonly fileTemplate: string;
  readonly truncateSlugLength: number;
  readonly timezone: string | undefined;
  readonly recursiveVersionLocations: boolean;
  readonly postWriteHooks: readonly PostWriteHook[];
  readonly #config: Config;
  #revisionMap: RevisionMap<Script> | undefined;

  private constructor(config: Config) {
    const values = config.values;
    this.#config = config;
    this.directory = config.scriptLocation;
    this.versionLocations = (values.versionLocations ?? ['versions']).map((location) =>
      values.versionLocations === undefined ? join(this.directory, location) : config.resolvePath(location),
    );
    this.fileTemplate = values.fileTemplate ?? DEFAULT_FILE_TEMPLATE;
    this.truncateSlugLength = values.truncateSlugLength ?? DEFAULT_TRUNCATE_SLUG_LENGTH;
    this.timezone = values.timezone;
    this.recursiveVersionLocations = values.recursiveVersionLocations ?? false;
    this.postWriteHooks = values.postWriteHooks ?? [];
  }

  /** Opens the environment a config names; it must exist. */
  static fromConfig(config: Config): ScriptDirectory {
    const directory = config.scriptLocation;
    if (!existsSync(directory)) {
      throw new CommandError(
        `Path doesn't exist: ${directory}.  Please use the 'init' command to create a new scripts folder.`,
        { code: 'ALEMBIC_NO_SCRIPT_LOCATION' },
      );
    }
    return new ScriptDirectory(config);
  }

  /** The revision graph of every script, built on first use. */
  get revisionMap(): RevisionMap<Script> {
    if (this.#revisionMap === undefined) this.#revisionMap = this.#loadRevisionMap();
    return this.#revisionMap;
  }

  /** Forgets the loaded scripts (after writing a new one). */
  refresh(): void {
    this.#revisionMap = undefined;
  }

  #loadRevisionMap(): RevisionMap<Script> {
    const scripts: Script[] = [];
    const pathById = new Map<string, string>();
    const cache = HeaderCache.open(
      JSON.stringify([this.versionLocations, this.recursiveVersionLocations]),
      this.#config.directory,
    );
    for (const path of listScriptFiles(this.versionLocations, this.recursiveVersionLocations)) {
      const stats = statSync(path);
      let header = cache.lookup(path, stats);
      if (header === undefined) {
        const read = readScriptHeader(readTextFile(path), path);
        cache.store(path, stats, read);
        header = read;
      }
      const script = Script.fromHeader(header, path, cache);
      script.fileStamp = `${stats.mtimeMs}:${stats.size}`;
      const previous = pathById.get(script.revision);
      if (previous !== undefined) {
        throw new ScriptFileError(
          path,
          undefined,
          `Revision ${script.revision} is present more than once: in ${this.displayPath(previous)} and ${this.displayPath(path)}`,
        );
      }
      pathById.set(script.revision, path);
      scripts.push(script);
    }
    cache.save();
    try {
      return new RevisionMap(scripts, { onWarning: (message) => this.#config.warn(message) });
    } catch (error) {
      if (error instanceof MissingRevisionError) {
        const path = pathById.get(error.referencedFrom) ?? '?';
        throw new ScriptFileError(
          path,
          undefined,
          `Revision ${error.missing} referenced from ${error.referencedFrom} (in ${this.displayPath(path)}) is not present`,
        );
      }
      throw toCommandError(error);
    }
  }

  /** A path for messages: relative to the working directory when inside it. */
  displayPath(path: string): string {
    const fromCwd = relative(process.cwd(), path);
    return fromCwd.startsWith('..') || fromCwd === '' ? path : fromCwd;
  }

  /** The heads (including effective heads), in load order. */
  getHeads(): readonly string[] {
    return this.revisionMap.heads;
  }

  /** The bases, in load order. */
  getBases(): readonly string[] {
    return this.revisionMap.bases;
  }

  /** The one script an identifier names (`null` for base), errors as `CommandError`s. */
  getRevision(identifier: string | null): Script | null {
    return catchRevisionErrors(() => this.revisionMap.getRevision(identifier));
  }

  /** The scripts an identifier (or list) names, errors as `CommandError`s. */
  getRevisions(identifier: RevisionTarget): Script[] {
    return catchRevisionErrors(() => this.revisionMap.getRevisions(identifier)).filter((value): value is Script =>
      isRevision(value),
    );
  }

  /** The scripts from `base` up to `head`, newest first (what `history` lists). */
  walkRevisions(base: RevisionTarget = 'base', head: RevisionTarget = 'heads'): Script[] {
    return catchRevisionErrors(
      () => this.revisionMap.iterateRevisions(head, base, { inclusive: true, assertRelativeLength: false }),
      { start: describeEnd(base), end: describeEnd(head) },
    );
  }

  /** The script template of this environment: its path and the extension new files get. */
  #findTemplate(): { path: string; extension: string } {
    for (const name of TEMPLATE_NAMES) {
      const path = join(this.directory, name);
      if (existsSync(path)) return { path, extension: `.${name.split('.')[1] as string}` };
    }
    throw new CommandError(
      `No script template in ${this.directory} (looked for ${TEMPLATE_NAMES.join(', ')}); ` +
        "copy one from a fresh 'alembic init'",
      { code: 'ALEMBIC_NO_SCRIPT_TEMPLATE' },
    );
  }

  #chooseVersionPath(requested: string | null | undefined, heads: readonly (Script | null)[]): string {
    let versionPath = requested ?? undefined;
    if (versionPath === undefined) {
      if (this.versionLocations.length > 1) {
        const firstHead = heads.find((head): head is Script => head !== null);
        if (firstHead === undefined) {
          throw new CommandError('Multiple version locations present, please specify --version-path', {
            code: 'ALEMBIC_VERSION_PATH_REQUIRED',
          });
        }
        versionPath = dirname(firstHead.path);
        const owner = this.versionLocations.find(
          (location) => versionPath === location || versionPath?.startsWith(`${location}/`),
        );
        if (owner !== undefined) versionPath = owner;
      } else {
        versionPath = this.versionLocations[0] as string;
      }
    }
    const wanted = normalize(resolve(this.#config.directory, versionPath));
    if (!this.versionLocations.some((location) => normalize(location) === wanted)) {
      throw new CommandError(`Path ${versionPath} is not represented in current version locations`, {
        code: 'ALEMBIC_UNKNOWN_VERSION_PATH',
      });
    }
    return wanted;
  }

  /**
   * Writes a new revision file from the environment's template and returns its script.
   * Checks everything before writing: the id, the parents (heads unless `splice`), the version
   * path and the dependencies.
   */
  async generateRevision(options: GenerateRevisionOptions): Promise<Script> {
    const revisionId = options.revisionId;
    catchRevisionErrors(() => assertValidRevisionId(revisionId));
    if (this.revisionMap.lookup(revisionId)?.revision === revisionId) {
      throw new CommandError(`Revision ${revisionId} is already present in ${this.displayPath((this.revisionMap.lookup(revisionId) as Script).path)}`, {
        code: 'ALEMBIC_DUPLICATE_REVISION',
      });
    }
    const heads = catchRevisionErrors(() => this.revisionMap.getRevisions(options.head ?? 'head'), {
      multipleHeads:
        'Multiple heads are present; please specify the head revision on which the new revision should be based, or perform a merge.',
    }).map((head) => (isRevision(head) ? head : null));
    const parentIds = heads.filter((head): head is Script => head !== null).map((head) => head.revision);
    if (new Set(parentIds).size !== parentIds.length) {
      throw new CommandError('Duplicate head revisions specified', { code: 'ALEMBIC_DUPLICATE_HEADS' });
    }
    const createDate = resolveCreateDate(options.now ?? new Date(), this.timezone);
    const versionPath = this.#chooseVersionPath(options.versionPath, heads);
    const template = this.#findTemplate();
    const fileName = renderRevisionFileName({
      fileTemplate: this.fileTemplate,
      revisionId,
      message: options.message,
      truncateSlugLength: this.truncateSlugLength,
      date: createDate,
      extension: template.extension,
    });
    const path = join(versionPath, fileName);

    if (!options.splice) {
      for (const head of heads) {
        if (head !== null && !head.isHead) {
          throw new CommandError(
            `Revision ${head.revision} is not a head revision; please specify --splice to create a new branch from this revision`,
            { code: 'ALEMBIC_NOT_A_HEAD' },
          );
        }
      }
    }
    const dependsOn = options.dependsOn?.length
      ? catchRevisionErrors(() =>
          (options.dependsOn as readonly string[]).map((dependency) => {
            const target = this.revisionMap.getRevision(dependency) as Script;
            return target.branchLabels.has(dependency) ? dependency : target.revision;
          }),
        )
      : null;

    const source = renderScriptTemplate(
      readFileSync(template.path, 'utf8'),
      {
        message: options.message ?? 'empty message',
        upRevision: revisionId,
        downRevision: toRevisionReference(parentIds),
        branchLabels: options.branchLabels?.length ? options.branchLabels : null,
        dependsOn: dependsOn === null ? null : toRevisionReference(dependsOn),
        createDate: createDate.text,
        imports: '',
        upgrades: '',
        downgrades: '',
        ...options.templateArguments,
      },
      template.path,
    );
    const parent = dirname(path);
    if (!existsSync(parent)) {
      this.#status(`Creating directory ${parent}`, () => mkdirSync(parent, { recursive: true }));
    }
    this.#status(`Generating ${path}`, () => writeFileSync(path, source));
    await runPostWriteHooks(path, this.postWriteHooks, {
      cwd: this.#config.directory,
      print: (line) => this.#config.print(line),
    });

    const script = Script.fromFile(realpathSync(path));
    if (options.branchLabels?.length && script.declaredBranchLabels.length === 0) {
      throw new CommandError(
        `Version ${script.revision} specified branch_labels ${options.branchLabels.join(', ')}, however the ` +
          `migration file ${basename(path)} does not have them; have you upgraded your script template to include the 'branchLabels' export?`,
        { code: 'ALEMBIC_TEMPLATE_WITHOUT_BRANCH_LABELS' },
      );
    }
    this.refresh();
    return script;
  }

  #status(text: string, work: () => void): void {
    try {
      work();
    } catch (error) {
      this.#config.print(`${text} ...  FAILED`);
      throw error;
    }
    this.#config.print(`${text} ...  done`);
  }
}
