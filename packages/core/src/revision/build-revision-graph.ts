import { MissingRevisionError } from '../errors/missing-revision-error.js';
import { CycleDetectedError, DependencyCycleDetectedError } from '../errors/cycle-detected-error.js';
import { RevisionError } from '../errors/revision-error.js';
import { ancestorsOf, collectRelatedRevisions, descendantsOf } from './related-revisions.js';
import type { NeighbourSelector } from './related-revisions.js';
import type { Revision } from './revision.js';
import type { RevisionGraph } from './revision-graph.js';

/**
 * Builds the graph from revisions in load order: links children, resolves `dependsOn`, finds
 * heads and bases, checks for cycles and propagates branch labels. Load order decides every
 * tie later on, so pass revisions sorted as the script directory lists them.
 *
 * Throws a `RevisionError` (code `ALEMBIC_DUPLICATE_REVISION`) for a repeated id,
 * (`ALEMBIC_DUPLICATE_BRANCH_LABEL`) for a label used twice, (`ALEMBIC_MISSING_REVISION`) for a
 * link to an unknown revision, and a `CycleDetectedError` / `DependencyCycleDetectedError`.
 */
export function buildRevisionGraph<T extends Revision>(revisions: Iterable<T>): RevisionGraph<T> {
  const byId = new Map<string, T>();
  const loadOrder = new Map<string, number>();
  const heads = new Set<T>();
  const realHeads = new Set<T>();
  const bases: T[] = [];
  const realBases: T[] = [];
  const labelled: T[] = [];

  for (const revision of revisions) {
    if (byId.has(revision.revision)) {
      throw new RevisionError(`Revision ${revision.revision} is present more than once`, {
        code: 'ALEMBIC_DUPLICATE_REVISION',
      });
    }
    revision.resetGraphLinks();
    byId.set(revision.revision, revision);
    loadOrder.set(revision.revision, loadOrder.size);
    if (revision.declaredBranchLabels.length > 0) labelled.push(revision);
    heads.add(revision);
    realHeads.add(revision);
    if (revision.isBase) bases.push(revision);
    if (revision.isRealBase) realBases.push(revision);
  }

  const byKey = new Map<string, T>(byId);
  for (const revision of labelled) {
    for (const label of revision.declaredBranchLabels) {
      const existing = byKey.get(label);
      if (existing !== undefined) {
        throw new RevisionError(
          `Branch name '${label}' in revision ${revision.revision} already used by revision ${existing.revision}`,
          { code: 'ALEMBIC_DUPLICATE_BRANCH_LABEL' },
        );
      }
      byKey.set(label, revision);
    }
  }

  for (const revision of byId.values()) {
    revision.resolvedDependencies = resolveDependencies(revision, byKey);
  }

  for (const revision of byId.values()) {
    const versioned = revision.versionedDownRevisions;
    for (const downId of revision.allDownRevisions) {
      const parent = byKey.get(downId);
      if (parent === undefined) {
        throw new MissingRevisionError(downId, revision.revision);
      }
      parent.addNextRevision(revision);
      if (versioned.includes(downId)) heads.delete(parent);
      realHeads.delete(parent);
    }
  }

  normalizeDependencies(byId);
  detectCycles(byId, loadOrder, [...heads], bases, [...realHeads], realBases);
  propagateBranchLabels(labelled, byKey);

  const ids = (list: Iterable<T>): string[] => [...list].map((revision) => revision.revision);
  return {
    byId,
    byKey,
    loadOrder,
    heads: ids(heads),
    realHeads: ids(realHeads),
    bases: ids(bases),
    realBases: ids(realBases),
  };
}

function resolveDependencies<T extends Revision>(revision: T, byKey: ReadonlyMap<string, T>): string[] {
  const resolved: string[] = [];
  for (const dependency of revision.dependencies === null
    ? []
    : typeof revision.dependencies === 'string'
      ? [revision.dependencies]
      : revision.dependencies) {
    const target = byKey.get(dependency);
    if (target === undefined) {
      throw new MissingRevisionError(dependency, revision.revision);
    }
    resolved.push(target.revision);
  }
  return resolved;
}

/**
 * Drops from each revision's dependencies those that one of its ancestors (by `downRevision`)
 * already depends on: they add no ordering constraint.
 */
function normalizeDependencies<T extends Revision>(byId: ReadonlyMap<string, T>): void {
  for (const revision of byId.values()) {
    if (revision.resolvedDependencies.length === 0) {
      revision.normalizedResolvedDependencies = [];
      continue;
    }
    const implied = new Set<string>();
    for (const ancestor of ancestorsOf([revision], byId, { includeDependencies: false })) {
      if (ancestor !== revision) for (const id of ancestor.resolvedDependencies) implied.add(id);
    }
    revision.normalizedResolvedDependencies = revision.resolvedDependencies.filter((id) => !implied.has(id));
  }
}

function detectCycles<T extends Revision>(
  byId: ReadonlyMap<string, T>,
  loadOrder: ReadonlyMap<string, number>,
  heads: readonly T[],
  bases: readonly T[],
  realHeads: readonly T[],
  realBases: readonly T[],
): void {
  if (byId.size === 0) return;
  // In a graph without cycles every revision reaches a base going down and a head going up, so
  // the exact (and costlier) search for the revisions caught in a cycle only runs when there is one.
  if (heads.length > 0 && bases.length > 0 && isAcyclic(byId, loadOrder)) return;
  throwWhereWalksMiss(byId, {
    heads,
    bases,
    down: (revision) => revision.versionedDownRevisions,
    up: (revision) => revision.nextRevisions,
    cycleError: (revisions) => new CycleDetectedError(revisions),
  });
  throwWhereWalksMiss(byId, {
    heads: realHeads,
    bases: realBases,
    down: (revision) => revision.allDownRevisions,
    up: (revision) => revision.allNextRevisions,
    cycleError: (revisions) => new DependencyCycleDetectedError(revisions),
  });
}

/** One cycle check: the walk down from the heads and up from the bases, and the error it throws. */
interface CycleWalk<T extends Revision> {
  readonly heads: readonly T[];
  readonly bases: readonly T[];
  readonly down: NeighbourSelector<T>;
  readonly up: NeighbourSelector<T>;
  readonly cycleError: (revisions: readonly string[]) => Error;
}

/**
 * Throws the walk's cycle error naming every revision when there is no head or no base, or
 * naming the revisions that neither the walk down from the heads nor the one up from the bases
 * reaches.
 */
function throwWhereWalksMiss<T extends Revision>(byId: ReadonlyMap<string, T>, walk: CycleWalk<T>): void {
  if (walk.heads.length === 0 || walk.bases.length === 0) throw walk.cycleError([...byId.keys()]);
  const unreachable = outsideOfBothWalks(
    byId,
    collectRelatedRevisions(walk.heads, walk.down, byId),
    collectRelatedRevisions(walk.bases, walk.up, byId),
  );
  if (unreachable.length > 0) throw walk.cycleError(unreachable);
}

/** Kahn's algorithm over every link (`downRevision` and `dependsOn`): true when no cycle. */
function isAcyclic<T extends Revision>(byId: ReadonlyMap<string, T>, loadOrder: ReadonlyMap<string, number>): boolean {
  // Counters by load-order index: a 10,000-revision graph needs no string-keyed map here.
  const remainingParents = new Int32Array(byId.size);
  const ready: T[] = [];
  for (const revision of byId.values()) {
    const count = revision.allDownRevisions.length;
    remainingParents[loadOrder.get(revision.revision) as number] = count;
    if (count === 0) ready.push(revision);
  }
  let visited = 0;
  while (ready.length > 0) {
    const revision = ready.pop() as T;
    visited += 1;
    for (const child of revision.allNextRevisions) {
      const index = loadOrder.get(child) as number;
      remainingParents[index] -= 1;
      if (remainingParents[index] === 0) ready.push(byId.get(child) as T);
    }
  }
  return visited === byId.size;
}

/** Ids reached by neither walk, or by only one of them, sorted. */
function outsideOfBothWalks<T extends Revision>(
  byId: ReadonlyMap<string, T>,
  downFromHeads: readonly T[],
  upFromBases: readonly T[],
): string[] {
  const fromHeads = new Set(downFromHeads);
  const fromBases = new Set(upFromBases);
  return [...byId.values()]
    .filter((revision) => !(fromHeads.has(revision) && fromBases.has(revision)))
    .map((revision) => revision.revision)
    .sort();
}

/**
 * A branch label belongs to the labelled revision, to all its descendants, and to its ancestors
 * back to (not including) the nearest branch point or merge point.
 */
function propagateBranchLabels<T extends Revision>(labelled: readonly T[], byKey: ReadonlyMap<string, T>): void {
  for (const revision of labelled) {
    const labels = revision.declaredBranchLabels;
    let last: T = revision;
    for (const node of descendantsOf([revision], byKey, { includeDependencies: false })) {
      for (const label of labels) node.addBranchLabel(label);
      last = node;
    }
    let parent: T | undefined = last;
    while (parent !== undefined && !parent.isRealBranchPoint && !parent.isMergePoint) {
      for (const label of labels) parent.addBranchLabel(label);
      const downRevision: string | readonly string[] | null = parent.downRevision;
      parent = typeof downRevision === 'string' ? byKey.get(downRevision) : undefined;
    }
  }
}
