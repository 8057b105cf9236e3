import type { RevisionMap } from '../revision/revision-map.js';
import type { Script } from '../script/script.js';

/** What a step changes in the version table, decided against the heads before it runs. */
export type VersionChange =
  | { readonly kind: 'insert'; readonly version: string }
  | { readonly kind: 'delete'; readonly version: string }
  | { readonly kind: 'update'; readonly from: string; readonly to: string };

/**
 * One unit of work of `upgrade`, `downgrade` or `stamp`: run one script's `upgrade()` or
 * `downgrade()` (a {@link RevisionStep}), or only move the version table (a {@link StampStep}).
 */
export interface MigrationStep {
  /** `upgrade`, `downgrade` or `stamp_revision`: the log line's verb. */
  readonly name: string;
  readonly isUpgrade: boolean;
  /** The script this step runs, if any. */
  readonly script: Script | undefined;
  /** Revisions the version table holds before the step (parents only, no dependencies). */
  readonly fromRevisionsNoDependencies: readonly string[];
  /** Revisions it holds after. */
  readonly toRevisionsNoDependencies: readonly string[];
  /** `upgrade aaa1 -> bbb2`: what `--sql` output comments carry. */
  readonly shortLog: string;
  /** `upgrade aaa1 -> bbb2, add a column`: the progress line. */
  readonly description: string;
  /** The version table changes this step makes, given the heads before it. */
  versionChanges(heads: ReadonlySet<string>): VersionChange[];
}

const commaList = (values: readonly string[]): string => values.join(', ');

function describe(name: string, from: readonly string[], to: readonly string[]): string {
  return `${name} ${commaList(from)} -> ${commaList(to)}`;
}

/**
 * The changes for a step that moves from `fromRevisions` to `toRevisions`, following Alembic's
 * rules: delete a branch, create a branch, merge branches, unmerge a merge, or update one row.
 */
function decideChanges(decision: {
  readonly deleteBranch: boolean;
  readonly createBranch: boolean;
  readonly mergeBranches: boolean;
  readonly unmergeBranches: boolean;
  readonly deleteVersion: () => string;
  readonly insertVersion: () => string;
  readonly merge: () => { deletes: string[]; from: string; to: string };
  readonly unmerge: () => { from: string; to: string; inserts: string[] };
  readonly update: () => { from: string; to: string };
}): VersionChange[] {
  if (decision.deleteBranch) return [{ kind: 'delete', version: decision.deleteVersion() }];
  if (decision.createBranch) return [{ kind: 'insert', version: decision.insertVersion() }];
  if (decision.mergeBranches) {
    const { deletes, from, to } = decision.merge();
    return [...deletes.map((version): VersionChange => ({ kind: 'delete', version })), { kind: 'update', from, to }];
  }
  if (decision.unmergeBranches) {
    const { from, to, inserts } = decision.unmerge();
    return [...inserts.map((version): VersionChange => ({ kind: 'insert', version })), { kind: 'update', from, to }];
  }
  const { from, to } = decision.update();
  return [{ kind: 'update', from, to }];
}

/** Runs one script's `upgrade()` or `downgrade()`. */
export class RevisionStep implements MigrationStep {
  readonly script: Script;
  readonly isUpgrade: boolean;
  readonly #revisionMap: RevisionMap<Script>;

  constructor(revisionMap: RevisionMap<Script>, script: Script, isUpgrade: boolean) {
    this.#revisionMap = revisionMap;
    this.script = script;
    this.isUpgrade = isUpgrade;
  }

  get name(): string {
    return this.isUpgrade ? 'upgrade' : 'downgrade';
  }

  /** Revisions (with dependencies) before the step. */
  get fromRevisions(): readonly string[] {
    return this.isUpgrade ? this.script.normalizedDownRevisions : [this.script.revision];
  }

  /** Revisions (with dependencies) after the step. */
  get toRevisions(): readonly string[] {
    return this.isUpgrade ? [this.script.revision] : this.script.normalizedDownRevisions;
  }

  get fromRevisionsNoDependencies(): readonly string[] {
    return this.isUpgrade ? this.script.versionedDownRevisions : [this.script.revision];
  }

  get toRevisionsNoDependencies(): readonly string[] {
    return this.isUpgrade ? [this.script.revision] : this.script.versionedDownRevisions;
  }

  get shortLog(): string {
    return describe(this.name, this.fromRevisionsNoDependencies, this.toRevisionsNoDependencies);
  }

  get description(): string {
    return this.script.doc ? `${this.shortLog}, ${this.script.doc}` : this.shortLog;
  }

  /** Ancestors (ids) of every head other than `exclude`. */
  #ancestorsOfOtherHeads(heads: ReadonlySet<string>, exclude: readonly string[]): Set<string> {
    const others = [...heads].filter((head) => !exclude.includes(head));
    if (others.length === 0) return new Set();
    const revisions = others
      .map((id) => this.#revisionMap.lookup(id))
      .filter((revision): revision is Script => revision !== undefined);
    return new Set(this.#revisionMap.ancestors(revisions).map((revision) => revision.revision));
  }

  #unmergeTargets(heads: ReadonlySet<string>): readonly string[] {
    const ancestors = this.#ancestorsOfOtherHeads(heads, [this.script.revision]);
    return ancestors.size === 0 ? this.toRevisions : this.toRevisions.filter((id) => !ancestors.has(id));
  }

  versionChanges(heads: ReadonlySet<string>): VersionChange[] {
    const downRevisions = this.script.normalizedDownRevisions;
    const isHead = heads.has(this.script.revision);
    return decideChanges({
      deleteBranch:
        !this.isUpgrade && isHead && (downRevisions.length === 0 || this.#unmergeTargets(heads).length === 0),
      createBranch: this.isUpgrade && (downRevisions.length === 0 || !downRevisions.some((id) => heads.has(id))),
      mergeBranches:
        this.isUpgrade && downRevisions.length > 1 && downRevisions.filter((id) => heads.has(id)).length > 1,
      unmergeBranches: !this.isUpgrade && isHead && downRevisions.length > 1,
      deleteVersion: () => this.script.revision,
      insertVersion: () => this.script.revision,
      merge: () => {
        const ancestors = this.#ancestorsOfOtherHeads(heads, this.fromRevisions);
        const from = this.fromRevisions.filter((id) => !ancestors.has(id));
        return { deletes: from.slice(0, -1), from: from.at(-1) as string, to: this.toRevisions[0] as string };
      },
      unmerge: () => {
        const targets = this.#unmergeTargets(heads);
        return { from: this.fromRevisions[0] as string, to: targets.at(-1) as string, inserts: targets.slice(0, -1) };
      },
      update: () => {
        const candidates = downRevisions.length === 1 ? downRevisions : downRevisions.filter((id) => heads.has(id));
        const downRevision = candidates[0] as string;
        return this.isUpgrade
          ? { from: downRevision, to: this.script.revision }
          : { from: this.script.revision, to: downRevision };
      },
    });
  }
}

/** Moves the version table without running any script (`stamp`). */
export class StampStep implements MigrationStep {
  readonly name = 'stamp_revision';
  readonly script = undefined;
  readonly from: readonly string[];
  readonly to: readonly string[];
  readonly isUpgrade: boolean;
  /** Creates or deletes a branch (a row) rather than moving one. */
  readonly branchMove: boolean;

  constructor(from: readonly string[], to: readonly string[], isUpgrade: boolean, branchMove: boolean) {
    this.from = from;
    this.to = to;
    this.isUpgrade = isUpgrade;
    this.branchMove = branchMove;
  }

  get fromRevisionsNoDependencies(): readonly string[] {
    return this.from;
  }

  get toRevisionsNoDependencies(): readonly string[] {
    return this.to;
  }

  get shortLog(): string {
    return describe(this.name, this.from, this.to);
  }

  get description(): string {
    return this.shortLog;
  }

  versionChanges(heads: ReadonlySet<string>): VersionChange[] {
    return decideChanges({
      deleteBranch: !this.isUpgrade && this.branchMove,
      createBranch:
        this.isUpgrade &&
        (this.branchMove || this.from.some((id) => !heads.has(id))) &&
        this.to.some((id) => !heads.has(id)),
      mergeBranches: this.from.length > 1,
      unmergeBranches: this.to.length > 1,
      deleteVersion: () => this.from[0] as string,
      insertVersion: () => this.to[0] as string,
      merge: () => ({ deletes: this.from.slice(0, -1), from: this.from.at(-1) as string, to: this.to[0] as string }),
      unmerge: () => ({ from: this.from[0] as string, to: this.to.at(-1) as string, inserts: this.to.slice(0, -1) }),
      update: () => ({ from: this.from[0] as string, to: this.to[0] as string }),
    });
  }
}
