import { existsSync, mkdirSync, realpathSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { Config } from '../config/config.js';
import { CommandError } from '../errors/command-error.js';
import { MissingRevisionError } from '../errors/missing-revision-error.js';
import { describeEnd } from '../errors/range-not-ancestor-error.js';
import { ScriptFileError } from '../errors/script-file-error.js';
import { RevisionMap } from '../revision/revision-map.js';
import { isRevision, type RevisionTarget } from '../revision/revision-target.js';
import { catchRevisionErrors, toCommandError } from './catch-revision-errors.js';
import { listScriptFiles } from './list-script-files.js';
import { checkPostWriteHooks, runPostWriteHooks, type PostWriteHook } from './post-write-hooks.js';
import { renderRevision } from './render-revision.js';
import { DEFAULT_FILE_TEMPLATE, DEFAULT_TRUNCATE_SLUG_LENGTH } from './revision-file-name.js';
import { planRevision } from './revision-plan.js';
import { displayPath } from './display-path.js';
import { HeaderCache } from './header-cache.js';
import { readTextFile } from './read-text-file.js';
import { readScriptHeader } from './script-header.js';
import { Script } from './script.js';
import { writeNewFile } from './write-new-file.js';

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
  /** A merge (`alembic merge`): `head` must name at least two revisions. */
  readonly merge?: boolean;
}

/** A new revision, checked and rendered, not yet written. */
export interface PreparedRevision {
  /** Absolute path of the file to write. */
  readonly path: string;
  /** The script's source. */
  readonly source: string;
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
    return displayPath(path);
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

  /**
   * Checks everything a new revision depends on (see `planRevision`: the id, the branch labels,
   * the parents, the version path, the template's presence, the file name and the
   * dependencies; and the post-write hooks) without rendering or writing anything;
   * `revision --autogenerate` calls it before it connects to the database.
   */
  checkRevision(options: GenerateRevisionOptions): void {
    planRevision(this, this.#config, options);
    checkPostWriteHooks(this.postWriteHooks, this.#config.directory);
  }

  /**
   * Checks everything, then renders the script from the template and checks that it parses and
   * declares what was asked; returns where it would go and what it would hold. Writes nothing.
   */
  async prepareRevision(options: GenerateRevisionOptions): Promise<PreparedRevision> {
    const plan = planRevision(this, this.#config, options);
    checkPostWriteHooks(this.postWriteHooks, this.#config.directory);
    return { path: plan.path, source: await renderRevision(plan, options.templateArguments) };
  }

  /**
   * Writes a new revision file from the environment's template and returns its script.
   * Validates, then writes: every check of {@link prepareRevision} runs first, so a failed
   * check writes nothing; the file appears at once (a temporary file renamed), then the
   * post-write hooks run on it.
   */
  async generateRevision(options: GenerateRevisionOptions): Promise<Script> {
    return this.writeRevision(await this.prepareRevision(options));
  }

  /** Writes a revision made by {@link prepareRevision}, runs the post-write hooks, returns its script. */
  async writeRevision(prepared: PreparedRevision): Promise<Script> {
    const { path, source } = prepared;
    const parent = dirname(path);
    if (!existsSync(parent)) {
      this.#status(`Creating directory ${parent}`, () => mkdirSync(parent, { recursive: true }));
    }
    this.#status(`Generating ${path}`, () => writeNewFile(path, source));
    await runPostWriteHooks(path, this.postWriteHooks, {
      cwd: this.#config.directory,
      print: (line) => this.#config.print(line),
    });
    const script = Script.fromFile(realpathSync(path));
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
