import { MissingRevisionError } from '../errors/missing-revision-error.js';
import { RevisionError } from '../errors/revision-error.js';
import type { Revision } from './revision.js';

/** Which neighbours of a revision a walk follows. */
export type NeighbourSelector<T extends Revision> = (revision: T) => Iterable<string>;

/**
 * Walks from `targets` along `neighbours` (depth first, each revision once) and returns every
 * revision reached, targets included, in visiting order.
 *
 * With `checkOverlap`, a target reachable from another target is an error: asking to upgrade to
 * both a revision and its own ancestor is a mistake.
 */
export function collectRelatedRevisions<T extends Revision>(
  targets: Iterable<T>,
  neighbours: NeighbourSelector<T>,
  lookup: ReadonlyMap<string, T>,
  checkOverlap = false,
): T[] {
  const targetList = [...targets];
  const seen = new Set<T>();
  const visited: T[] = [];
  // Only the other targets matter for overlaps: no need to remember all a walk reached.
  const targetSet = checkOverlap && targetList.length > 1 ? new Set<T>(targetList) : undefined;
  for (const target of targetList) {
    const stack: T[] = [target];
    const reachedTargets = targetSet === undefined ? undefined : new Set<T>();
    while (stack.length > 0) {
      const revision = stack.pop() as T;
      if (targetSet?.has(revision)) reachedTargets?.add(revision);
      if (seen.has(revision)) continue;
      seen.add(revision);
      for (const id of neighbours(revision)) {
        const next = lookup.get(id);
        if (next === undefined) {
          throw new MissingRevisionError(id, revision.revision);
        }
        if (next.revision !== id) {
          throw new RevisionError('Dependency resolution failed; broken map', { code: 'ALEMBIC_BROKEN_MAP' });
        }
        stack.push(next);
      }
      visited.push(revision);
    }
    if (reachedTargets !== undefined) {
      const overlaps = targetList.filter((other) => other !== target && reachedTargets.has(other));
      if (overlaps.length > 0) {
        throw new RevisionError(
          `Requested revision ${target.revision} overlaps with other requested revisions ${overlaps
            .map((revision) => revision.revision)
            .join(', ')}`,
          { code: 'ALEMBIC_OVERLAPPING_TARGETS' },
        );
      }
    }
  }
  return visited;
}

/** Options of {@link ancestorsOf} and {@link descendantsOf}. */
export interface RelationOptions {
  /** Follow `dependsOn` links as well as `downRevision` (default true). */
  readonly includeDependencies?: boolean;
  /** Fail when one target is reachable from another. */
  readonly checkOverlap?: boolean;
}

/** The links a walk in one direction follows: a revision's own, and those with dependencies. */
interface Direction {
  readonly own: NeighbourSelector<Revision>;
  readonly withDependencies: NeighbourSelector<Revision>;
}

const DOWN: Direction = {
  own: (revision) => revision.versionedDownRevisions,
  withDependencies: (revision) => revision.normalizedDownRevisions,
};

const UP: Direction = {
  own: (revision) => revision.nextRevisions,
  withDependencies: (revision) => revision.allNextRevisions,
};

/** The walk in one direction: the targets and every revision its links reach from them. */
function relativesIn(direction: Direction) {
  return <T extends Revision>(
    targets: Iterable<T>,
    lookup: ReadonlyMap<string, T>,
    options: RelationOptions = {},
  ): T[] =>
    collectRelatedRevisions(
      targets,
      options.includeDependencies === false ? direction.own : direction.withDependencies,
      lookup,
      options.checkOverlap,
    );
}

/** `targets` and everything below them. */
export const ancestorsOf = relativesIn(DOWN);

/** `targets` and everything above them. */
export const descendantsOf = relativesIn(UP);
