import { existsSync, statSync } from 'node:fs';
import { dirname, join, normalize, resolve } from 'node:path';
import type { Config } from '../config/config.js';
import { CommandError } from '../errors/command-error.js';
import {
  assertValidNewBranchLabel,
  assertValidNewRevisionId,
  DEFAULT_VERSION_NUM_WIDTH,
} from '../revision/new-identifier.js';
import { isRevision } from '../revision/revision-target.js';
import { catchRevisionErrors } from './catch-revision-errors.js';
import { resolveCreateDate, type CreateDate } from './create-date.js';
import { checkRevisionFileName } from './check-revision-file-name.js';
import { renderRevisionFileName } from './revision-file-name.js';
import type { GenerateRevisionOptions, ScriptDirectory } from './script-directory.js';
import type { Script } from './script.js';

/** Names a script template may have in the environment directory, in order of preference. */
const TEMPLATE_NAMES = ['script.ts.tmpl', 'script.mts.tmpl', 'script.js.tmpl', 'script.mjs.tmpl', 'script.cts.tmpl'];

/** A new revision, every input checked, not yet rendered or written. @internal */
export interface RevisionPlan {
  readonly revisionId: string;
  readonly message: string | null;
  /** The parents' ids (none for a new base). */
  readonly parentIds: readonly string[];
  /** Branch labels the new revision declares (none: empty). */
  readonly branchLabels: readonly string[];
  /** Dependencies, as they will be written (labels kept as labels), or `null`. */
  readonly dependsOn: readonly string[] | null;
  readonly createDate: CreateDate;
  /** The environment's script template. */
  readonly templatePath: string;
  /** Absolute path of the file to write (not there yet). */
  readonly path: string;
}

/**
 * Checks everything a new revision depends on, in this order, and says where it will go: the id
 * ({@link assertValidNewRevisionId}, not already an id or a label), the branch labels (valid,
 * not already an id or a label, not given twice), the parents (they resolve, no duplicates,
 * heads unless `splice`, at least two for a merge), the create date's time zone, the version
 * path (configured, a directory), the script template (present), the file name (see
 * `checkRevisionFileName`; no file there yet) and the dependencies (they resolve). Reads the
 * file system; writes nothing.
 *
 * @throws CommandError (or another `AlembicError`) with one line naming what to change.
 * @internal
 */
export function planRevision(scripts: ScriptDirectory, config: Config, options: GenerateRevisionOptions): RevisionPlan {
  const { revisionId } = options;
  catchRevisionErrors(() =>
    assertValidNewRevisionId(revisionId, config.values.versionNumWidth ?? DEFAULT_VERSION_NUM_WIDTH),
  );
  const map = scripts.revisionMap;
  const holder = map.lookup(revisionId);
  if (holder !== undefined) {
    const where = scripts.displayPath(holder.path);
    throw holder.revision === revisionId
      ? new CommandError(`Revision ${revisionId} is already present in ${where}`, {
          code: 'ALEMBIC_DUPLICATE_REVISION',
        })
      : new CommandError(
          `Revision id '${revisionId}' is a branch label of revision ${holder.revision} (${where}); choose another id`,
          {
            code: 'ALEMBIC_DUPLICATE_REVISION',
          },
        );
  }
  const branchLabels = checkBranchLabels(scripts, options.branchLabels ?? [], revisionId);

  const heads = catchRevisionErrors(() => map.getRevisions(options.head ?? 'head'), {
    multipleHeads:
      'Multiple heads are present; please specify the head revision on which the new revision should be based, or perform a merge.',
  }).map((head) => (isRevision(head) ? head : null));
  const parentIds = heads.filter((head): head is Script => head !== null).map((head) => head.revision);
  if (new Set(parentIds).size !== parentIds.length) {
    throw new CommandError('Duplicate head revisions specified', { code: 'ALEMBIC_DUPLICATE_HEADS' });
  }
  if (options.merge === true && parentIds.length < 2) {
    const named = [options.head ?? 'head'].flat().join(' ');
    const found = parentIds.length === 0 ? 'no revision' : `one revision (${parentIds[0] as string})`;
    throw new CommandError(`Nothing to merge: '${named}' resolves to ${found}; a merge needs at least two revisions`, {
      code: 'ALEMBIC_MERGE_NEEDS_TWO_REVISIONS',
    });
  }
  const createDate = resolveCreateDate(options.now ?? new Date(), scripts.timezone);
  const versionPath = chooseVersionPath(scripts, config, options.versionPath, heads);
  const template = findTemplate(scripts.directory);
  const fileName = renderRevisionFileName({
    fileTemplate: scripts.fileTemplate,
    revisionId,
    message: options.message,
    truncateSlugLength: scripts.truncateSlugLength,
    date: createDate,
    extension: template.extension,
  });
  checkRevisionFileName(fileName, scripts.fileTemplate, scripts.recursiveVersionLocations);
  const path = join(versionPath, fileName);
  if (existsSync(path)) {
    throw new CommandError(
      `File ${scripts.displayPath(path)} already exists; nothing written (does fileTemplate name two revisions alike?)`,
      {
        code: 'ALEMBIC_FILE_EXISTS',
      },
    );
  }

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
          const target = map.getRevision(dependency) as Script;
          return target.branchLabels.has(dependency) ? dependency : target.revision;
        }),
      )
    : null;
  return {
    revisionId,
    message: options.message ?? null,
    parentIds,
    branchLabels,
    dependsOn,
    createDate,
    templatePath: template.path,
    path,
  };
}

/** The labels, checked: valid, each once, not the new id, not an existing id or label. */
function checkBranchLabels(scripts: ScriptDirectory, labels: readonly string[], revisionId: string): readonly string[] {
  const seen = new Set<string>();
  for (const label of labels) {
    catchRevisionErrors(() => assertValidNewBranchLabel(label));
    if (seen.has(label)) {
      throw new CommandError(`Branch label '${label}' is given twice`, { code: 'ALEMBIC_BRANCH_LABEL_IN_USE' });
    }
    seen.add(label);
    if (label === revisionId) {
      throw new CommandError(`Branch label '${label}' is the id of the new revision; choose another label`, {
        code: 'ALEMBIC_BRANCH_LABEL_IN_USE',
      });
    }
    const holder = scripts.revisionMap.lookup(label);
    if (holder !== undefined) {
      const what = holder.revision === label ? 'the id of' : 'already a branch label of';
      throw new CommandError(
        `Branch label '${label}' is ${what} revision ${holder.revision} (${scripts.displayPath(holder.path)}); choose another label`,
        { code: 'ALEMBIC_BRANCH_LABEL_IN_USE' },
      );
    }
  }
  return labels;
}

/** The environment's script template: its path and the extension new files get. */
function findTemplate(directory: string): { path: string; extension: string } {
  for (const name of TEMPLATE_NAMES) {
    const path = join(directory, name);
    if (existsSync(path)) return { path, extension: `.${name.split('.')[1] as string}` };
  }
  throw new CommandError(
    `No script template in ${directory} (looked for ${TEMPLATE_NAMES.join(', ')}); copy one from a fresh 'alembic init'`,
    { code: 'ALEMBIC_NO_SCRIPT_TEMPLATE' },
  );
}

/** The version location to write to: `requested`, else the only one, else the first head's. */
function chooseVersionPath(
  scripts: ScriptDirectory,
  config: Config,
  requested: string | null | undefined,
  heads: readonly (Script | null)[],
): string {
  let versionPath = requested ?? undefined;
  if (versionPath === undefined) {
    if (scripts.versionLocations.length > 1) {
      const firstHead = heads.find((head): head is Script => head !== null);
      if (firstHead === undefined) {
        throw new CommandError('Multiple version locations present, please specify --version-path', {
          code: 'ALEMBIC_VERSION_PATH_REQUIRED',
        });
      }
      versionPath = dirname(firstHead.path);
      const owner = scripts.versionLocations.find(
        (location) => versionPath === location || versionPath?.startsWith(`${location}/`),
      );
      if (owner !== undefined) versionPath = owner;
    } else {
      versionPath = scripts.versionLocations[0] as string;
    }
  }
  const wanted = normalize(resolve(config.directory, versionPath));
  if (!scripts.versionLocations.some((location) => normalize(location) === wanted)) {
    throw new CommandError(`Path ${versionPath} is not represented in current version locations`, {
      code: 'ALEMBIC_UNKNOWN_VERSION_PATH',
    });
  }
  if (existsSync(wanted) && !statSync(wanted).isDirectory()) {
    throw new CommandError(`Version location ${scripts.displayPath(wanted)} is not a directory`, {
      code: 'ALEMBIC_UNKNOWN_VERSION_PATH',
    });
  }
  return wanted;
}
