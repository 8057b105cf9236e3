import { DependencyLoopDetectedError, LoopDetectedError } from '../errors/cycle-detected-error.js';
import { RevisionError } from '../errors/revision-error.js';

/** A revision id, a list of them (a merge), or `null` (a base). */
export type RevisionReference = string | readonly string[] | null;

/** Characters that may not appear in a revision id: they carry meaning in identifiers. */
const ILLEGAL_CHARACTERS = ['+', '-', ':', '@'];
const ILLEGAL_CHARACTER = /[+\-:@]/;
const NO_IDS: readonly string[] = Object.freeze([]);
const NO_IDS_SET: ReadonlySet<string> = new Set();

/** What a revision states about itself: its id and its links to other revisions. */
export interface RevisionDeclaration {
  /** The revision id. */
  readonly revision: string;
  /** Parent revision(s); `null` or absent for a base. Several make a merge point. */
  readonly downRevision?: RevisionReference | undefined;
  /** Revisions (ids or branch labels) that must be applied first, without being parents. */
  readonly dependsOn?: RevisionReference | undefined;
  /** Branch labels this revision introduces. */
  readonly branchLabels?: RevisionReference | undefined;
}

/**
 * Throws when `revision` contains a character that identifiers use as syntax (`+ - : @`).
 *
 * ```ts
 * assertValidRevisionId('ae1027a6acf'); // ok
 * assertValidRevisionId('a-b'); // throws: Character(s) '-' not allowed in revision identifier 'a-b'
 * ```
 */
export function assertValidRevisionId(revision: string): void {
  if (!ILLEGAL_CHARACTER.test(revision)) return;
  const found = ILLEGAL_CHARACTERS.filter((character) => revision.includes(character));
  if (found.length > 0) {
    throw new RevisionError(`Character(s) '${found.join(', ')}' not allowed in revision identifier '${revision}'`, {
      code: 'ALEMBIC_ILLEGAL_REVISION_ID',
    });
  }
}

/** Normalises a reference to an array: `null` → `[]`, `'a'` → `['a']`. */
export function toRevisionList(reference: RevisionReference | undefined): readonly string[] {
  if (reference === null || reference === undefined) return [];
  return typeof reference === 'string' ? [reference] : reference;
}

/** The inverse of {@link toRevisionList}: `[]` → `null`, `['a']` → `'a'`, longer stays a list. */
export function toRevisionReference(list: readonly string[]): RevisionReference {
  if (list.length === 0) return null;
  if (list.length === 1) return list[0] as string;
  return list;
}

function unique(values: readonly string[]): string[] {
  return [...new Set(values)];
}

/**
 * One node of the revision graph. The graph (`RevisionMap`) fills in the links to children and
 * the propagated branch labels when it is built; a `Revision` on its own only knows its parents.
 */
export class Revision {
  /** The revision id. */
  readonly revision: string;
  /** Parent id (string), parent ids (merge point) or `null` (base). */
  readonly downRevision: RevisionReference;
  /** Declared dependencies (ids or branch labels), as `downRevision` is shaped. */
  readonly dependencies: RevisionReference;
  /** The `downRevision` ids as a list. */
  readonly versionedDownRevisions: readonly string[];
  /** Branch labels declared by this revision itself. */
  readonly declaredBranchLabels: readonly string[];

  /** `dependsOn` resolved to revision ids. Filled by the graph. */
  resolvedDependencies: readonly string[] = NO_IDS;
  /** Resolved dependencies minus those an ancestor already depends on. Filled by the graph. */
  normalizedResolvedDependencies: readonly string[] = NO_IDS;
  // Most revisions have no labels and one child: the collections are created on first use, and
  // children are short arrays, which keeps a 10,000-revision graph light.
  #branchLabels: Set<string> | undefined;
  #nextRevisions: string[] | undefined;
  #allNextRevisions: string[] | undefined;

  constructor(declaration: RevisionDeclaration) {
    const { revision } = declaration;
    const downRevisions = toRevisionList(declaration.downRevision ?? null);
    const dependencies = toRevisionList(declaration.dependsOn ?? null);
    if (downRevisions.includes(revision)) throw new LoopDetectedError(revision);
    if (dependencies.includes(revision)) throw new DependencyLoopDetectedError(revision);
    assertValidRevisionId(revision);
    this.revision = revision;
    this.downRevision = toRevisionReference(downRevisions);
    this.versionedDownRevisions = downRevisions;
    this.dependencies = toRevisionReference(dependencies);
    this.declaredBranchLabels = toRevisionList(declaration.branchLabels ?? null);
    this.resetGraphLinks();
  }

  /** Branch labels: declared ones plus those propagated by the graph. */
  get branchLabels(): ReadonlySet<string> {
    return this.#branchLabels ?? NO_IDS_SET;
  }

  /** Children that name this revision as a `downRevision`, in load order. Filled by the graph. */
  get nextRevisions(): readonly string[] {
    return this.#nextRevisions ?? NO_IDS;
  }

  /** Children through `downRevision` or `dependsOn`. Filled by the graph. */
  get allNextRevisions(): readonly string[] {
    return this.#allNextRevisions ?? NO_IDS;
  }

  /** Adds a branch label propagated from another revision. */
  addBranchLabel(label: string): void {
    (this.#branchLabels ??= new Set()).add(label);
  }

  /** Forgets everything a previous graph computed, before the revision joins a new graph. */
  resetGraphLinks(): void {
    this.#branchLabels = this.declaredBranchLabels.length > 0 ? new Set(this.declaredBranchLabels) : undefined;
    this.#nextRevisions = undefined;
    this.#allNextRevisions = undefined;
    this.resolvedDependencies = NO_IDS;
    this.normalizedResolvedDependencies = NO_IDS;
  }

  /** Records `child` as depending on this revision (through downRevision or dependsOn). */
  addNextRevision(child: Revision): void {
    const id = child.revision;
    const all = (this.#allNextRevisions ??= []);
    if (!all.includes(id)) all.push(id);
    if (child.versionedDownRevisions.includes(this.revision)) {
      const next = (this.#nextRevisions ??= []);
      if (!next.includes(id)) next.push(id);
    }
  }

  /** Parents and resolved dependencies. */
  get allDownRevisions(): readonly string[] {
    if (this.resolvedDependencies.length === 0) return this.versionedDownRevisions;
    return unique([...this.versionedDownRevisions, ...this.resolvedDependencies]);
  }

  /** Parents and the dependencies not already implied by an ancestor's dependencies. */
  get normalizedDownRevisions(): readonly string[] {
    if (this.normalizedResolvedDependencies.length === 0) return this.versionedDownRevisions;
    return unique([...this.versionedDownRevisions, ...this.normalizedResolvedDependencies]);
  }

  /** No revision names this one as its `downRevision` (it may still be depended on). */
  get isHead(): boolean {
    return this.nextRevisions.length === 0;
  }

  /** Nothing refers to this revision at all, by `downRevision` or `dependsOn`. */
  get isRealHead(): boolean {
    return this.allNextRevisions.length === 0;
  }

  /** Has no `downRevision`. */
  get isBase(): boolean {
    return this.downRevision === null;
  }

  /** Has neither `downRevision` nor `dependsOn`. */
  get isRealBase(): boolean {
    return this.downRevision === null && this.dependencies === null;
  }

  /** More than one revision names this one as `downRevision`. */
  get isBranchPoint(): boolean {
    return this.nextRevisions.length > 1;
  }

  /** More than one revision refers to this one, counting dependencies. */
  get isRealBranchPoint(): boolean {
    return this.allNextRevisions.length > 1;
  }

  /** Has more than one `downRevision`. */
  get isMergePoint(): boolean {
    return this.versionedDownRevisions.length > 1;
  }
}
