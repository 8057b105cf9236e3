import { RevisionError } from '../errors/revision-error.js';
import { ancestorsOf } from './related-revisions.js';
import { allCurrent, filterForLineage, getRevision, getRevisions, walk } from './resolve-identifier.js';
import { toRevisionList, type Revision } from './revision.js';
import type { RevisionGraph } from './revision-graph.js';
import { isRevision, type RevisionTarget, type WalkResult } from './revision-target.js';

/** `[label@][symbol]+N` or `[label@][symbol]-N`. */
const RELATIVE_DESTINATION = /^(?:(.+?)@)?(\w+)?([+-]\d+)/;

/** Receives warnings the graph raises (Alembic prints them; they do not stop the command). */
export type WarningHandler = (message: string) => void;

interface RelativeParts {
  readonly branchLabel: string | null;
  readonly symbol: string | null;
  readonly relative: string;
  readonly steps: number;
}

function parseRelative(target: string): RelativeParts | null {
  const match = RELATIVE_DESTINATION.exec(target);
  if (match === null) return null;
  const relative = match[3] as string;
  return {
    branchLabel: match[1] ?? null,
    symbol: match[2] ?? null,
    relative,
    steps: Number.parseInt(relative, 10),
  };
}

function didNotProduce(relative: string | number, steps: number): RevisionError {
  return new RevisionError(`Relative revision ${relative} didn't produce ${Math.abs(steps)} migrations`, {
    code: 'ALEMBIC_RELATIVE_OUT_OF_RANGE',
  });
}

function walkedTooFar(): RevisionError {
  return new RevisionError('Walked too far', { code: 'ALEMBIC_RELATIVE_OUT_OF_RANGE' });
}

/** Where a downgrade goes, and along which branch. */
export interface DowngradeTarget<T extends Revision> {
  readonly branchLabel: string | null;
  readonly revision: WalkResult<T>;
}

/**
 * Resolves a downgrade destination: absolute (`ae10`, `base`, `label@base`), relative to the
 * current revisions (`-1`, `label@-2`) or relative to a symbol (`ae10+1`, `base+2`).
 */
export function parseDowngradeTarget<T extends Revision>(
  graph: RevisionGraph<T>,
  currentRevisions: RevisionTarget,
  target: string | null,
  assertRelativeLength: boolean,
  onWarning: WarningHandler,
): DowngradeTarget<T> {
  if (target === null) return { branchLabel: null, revision: null };
  const parts = parseRelative(target);
  if (parts !== null) {
    let { branchLabel, symbol } = parts;
    const { relative, steps } = parts;
    if (steps >= 0) {
      if (symbol === null) throw didNotProduce(relative, steps);
      const revision = walk(graph, symbol, steps, branchLabel, assertRelativeLength);
      if (revision === null) throw walkedTooFar();
      return { branchLabel, revision };
    }
    const relativeToCurrent = symbol === null;
    if (relativeToCurrent) {
      const current = toRevisionList(
        typeof currentRevisions === 'string' || currentRevisions === null ? currentRevisions : [...currentRevisions],
      );
      if (branchLabel !== null) {
        let onBranch: string[] = filterForLineage(graph, current, branchLabel);
        if (onBranch.length === 0) {
          onBranch = filterForLineage(graph, allCurrent(graph, current), branchLabel).map(
            (revision) => revision.revision,
          );
        }
        if (onBranch.length !== 1) {
          throw new RevisionError(
            `Branch '${branchLabel}' has ${onBranch.length === 0 ? 'no' : 'several'} current revisions; give an explicit target`,
            { code: 'ALEMBIC_AMBIGUOUS_WALK' },
          );
        }
        symbol = onBranch[0] as string;
      } else {
        if (current.length === 0) throw didNotProduce(relative, steps);
        if (new Set(current).size > 1) {
          onWarning(
            'downgrade -1 from multiple heads is ambiguous; this usage will be disallowed in a future release.',
          );
        }
        symbol = current[0] as string;
        branchLabel = symbol;
      }
    }
    const start =
      branchLabel === null ? getRevision(graph, symbol) : getRevision(graph, `${branchLabel}@${symbol as string}`);
    const revision = walk(graph, start, steps, null, assertRelativeLength);
    if (revision === null) throw relativeToCurrent ? didNotProduce(relative, steps) : walkedTooFar();
    return { branchLabel, revision };
  }
  const at = target.lastIndexOf('@');
  const branchLabel = at > 0 ? target.slice(0, at) : null;
  return { branchLabel, revision: getRevision(graph, target.slice(at + 1)) };
}

/**
 * Resolves upgrade destinations: absolute identifiers, or `+N` / `label@+N` relative to the
 * current revisions, or `symbol+N` / `symbol-N` relative to a revision.
 */
export function parseUpgradeTarget<T extends Revision>(
  graph: RevisionGraph<T>,
  currentRevisions: RevisionTarget,
  target: RevisionTarget,
  assertRelativeLength: boolean,
): WalkResult<T>[] {
  const parts = typeof target === 'string' ? parseRelative(target) : null;
  if (parts === null) return getRevisions(graph, target);
  const { branchLabel, symbol, relative, steps } = parts;
  if (steps > 0) {
    if (symbol !== null) {
      return [walk(graph, getRevision(graph, symbol), steps, branchLabel, assertRelativeLength)];
    }
    const current: (string | null)[] =
      currentRevisions === null || currentRevisions.length === 0
        ? [null]
        : typeof currentRevisions === 'string'
          ? [currentRevisions]
          : [...currentRevisions];
    let startRevisions: (string | T | null)[] = current;
    if (branchLabel !== null) {
      const currentRevisionObjects = getRevisions(
        graph,
        current.filter((id): id is string => id !== null),
      ).filter((revision): revision is T => isRevision(revision));
      startRevisions = filterForLineage(graph, currentRevisionObjects, branchLabel);
      if (startRevisions.length === 0) {
        const activeOnBranch = filterForLineage(graph, ancestorsOf(currentRevisionObjects, graph.byKey), branchLabel);
        const referenced = new Set(activeOnBranch.flatMap((revision) => revision.normalizedDownRevisions));
        startRevisions = activeOnBranch.map((revision) => revision.revision).filter((id) => !referenced.has(id));
        if (startRevisions.length === 0) startRevisions = [null];
      }
    }
    if (startRevisions.length > 1) {
      throw new RevisionError('Ambiguous upgrade from multiple current revisions', { code: 'ALEMBIC_AMBIGUOUS_WALK' });
    }
    const revision = walk(graph, startRevisions[0] ?? null, steps, branchLabel, assertRelativeLength);
    if (revision === null) throw didNotProduce(relative, steps);
    return [revision];
  }
  if (symbol === null) throw didNotProduce(steps, steps);
  const start = branchLabel === null ? getRevision(graph, symbol) : getRevision(graph, `${branchLabel}@${symbol}`);
  return [walk(graph, start, steps, null, assertRelativeLength)];
}
