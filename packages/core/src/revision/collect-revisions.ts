import { RangeNotAncestorError } from '../errors/range-not-ancestor-error.js';
import { RevisionError } from '../errors/revision-error.js';
import { ancestorsOf, descendantsOf } from './related-revisions.js';
import { parseDowngradeTarget, parseUpgradeTarget, type WarningHandler } from './relative-target.js';
import { getRevision, getRevisions, resolveBranch } from './resolve-identifier.js';
import type { Revision } from './revision.js';
import type { RevisionGraph } from './revision-graph.js';
import { BASE, isRevision, type RevisionTarget } from './revision-target.js';

/** Options shared by the upgrade and downgrade collectors. */
export interface CollectOptions {
  /** Include the lower end itself. */
  readonly inclusive: boolean;
  /** Upgrade: also bring in ancestors not below the lower end. Downgrade: wind other branches back to base. */
  readonly implicitBase: boolean;
  /** A relative identifier that walks past the graph's end is an error (else it stops there). */
  readonly assertRelativeLength: boolean;
  readonly onWarning: WarningHandler;
}

/** The revisions a range selects, and the heads to order them from. */
export interface CollectedRevisions<T extends Revision> {
  readonly revisions: Set<T>;
  readonly heads: readonly (T | null)[];
}

function onlyRevisions<T extends Revision>(values: Iterable<T | typeof BASE | null>): T[] {
  return [...values].filter((value): value is T => isRevision(value));
}

/**
 * The revisions needed to go up from `lower` (the current revisions) to `upper` (the targets):
 * the targets and their ancestors, minus what `lower` already has.
 */
export function collectUpgradeRevisions<T extends Revision>(
  graph: RevisionGraph<T>,
  upper: RevisionTarget,
  lower: RevisionTarget,
  options: CollectOptions,
): CollectedRevisions<T> {
  let targets = onlyRevisions(parseUpgradeTarget(graph, lower, upper, options.assertRelativeLength));
  if (upper === 'heads' && (lower === 'base' || lower === null)) {
    // Every revision lies under some head: the whole graph (what `history` lists), without
    // walking it.
    return { revisions: new Set(graph.byId.values()), heads: targets };
  }

  if (typeof lower === 'string' && lower.includes('@')) {
    let branch = lower.slice(0, lower.indexOf('@'));
    const branchRevision = getRevision(graph, branch);
    if (branchRevision !== null && branchRevision.revision === branch) {
      const labels = [...branchRevision.branchLabels];
      if (labels.length !== 1) {
        throw new RevisionError(`Revision ${branch} does not carry exactly one branch label`, {
          code: 'ALEMBIC_AMBIGUOUS_BRANCH',
        });
      }
      branch = labels[0] as string;
    }
    targets = targets.filter((target) => target.branchLabels.has(branch));
  }

  const required = new Set(ancestorsOf(targets, graph.byKey, { checkOverlap: true }));
  for (const target of targets) required.add(target);

  let currentValues = getRevisions(graph, lower);
  if (!options.implicitBase && currentValues.some((revision) => isRevision(revision) && !required.has(revision))) {
    throw new RangeNotAncestorError(lower, upper);
  }
  let effectiveLower: RevisionTarget = lower;
  if (currentValues.length > 0 && currentValues[0] === null) {
    const { revision } = parseDowngradeTarget(
      graph,
      upper,
      lower as string,
      options.assertRelativeLength,
      options.onWarning,
    );
    if (revision === BASE || revision === null) {
      currentValues = [];
      effectiveLower = null;
    } else {
      currentValues = [revision];
      effectiveLower = revision.revision;
    }
  }
  const current = onlyRevisions(currentValues);
  const currentSet = new Set(ancestorsOf(current, graph.byKey, { checkOverlap: true }));
  for (const revision of current) currentSet.add(revision);

  const needs = new Set([...required].filter((revision) => !currentSet.has(revision)));
  if (options.inclusive) {
    for (const revision of onlyRevisions(getRevisions(graph, effectiveLower))) needs.add(revision);
  }
  if (current.length > 0 && !options.implicitBase) {
    const descendants = new Set(
      descendantsOf(current, graph.byKey, { checkOverlap: true, includeDependencies: false }),
    );
    for (const revision of needs) if (!descendants.has(revision)) needs.delete(revision);
  }
  return { revisions: needs, heads: targets };
}

/**
 * The revisions to undo to go down from `upper` (the current revisions) to `target`: the
 * active descendants of the target (or of every base, for `base`).
 */
export function collectDowngradeRevisions<T extends Revision>(
  graph: RevisionGraph<T>,
  upper: RevisionTarget,
  target: string | null,
  options: CollectOptions,
): CollectedRevisions<T> {
  const parsed = parseDowngradeTarget(graph, upper, target, options.assertRelativeLength, options.onWarning);
  const branchLabel = parsed.branchLabel;
  const targetRevision = isRevision(parsed.revision) ? parsed.revision : null;

  let roots: T[];
  if (targetRevision === null) {
    roots = [...graph.byId.values()].filter((revision) => revision.downRevision === null);
  } else if (options.inclusive) {
    roots = [targetRevision];
  } else {
    roots = onlyRevisions(getRevisions(graph, [...targetRevision.nextRevisions]));
  }

  if (branchLabel !== null && roots.length > 1) {
    const onBranch = new Set(
      ancestorsOf([resolveBranch(graph, branchLabel)], graph.byKey, { includeDependencies: false }),
    );
    roots = roots.filter((root) => onBranch.has(root));
    if (roots.length === 0) {
      throw new RevisionError('Not a valid downgrade target from current heads', {
        code: 'ALEMBIC_RANGE_NOT_ANCESTOR',
      });
    }
  }

  const heads = getRevisions(graph, upper).filter((head): head is T | null => head !== BASE);
  const activeHeads = onlyRevisions(heads);
  const toDrop = new Set(descendantsOf(roots, graph.byKey, { includeDependencies: true }));
  const active = new Set(ancestorsOf(activeHeads, graph.byKey, { includeDependencies: true }));
  for (const revision of toDrop) if (!active.has(revision)) toDrop.delete(revision);

  if (options.implicitBase) {
    const belowRoots = new Set(ancestorsOf(roots, graph.byKey));
    for (const revision of active) if (!belowRoots.has(revision)) toDrop.add(revision);
  }

  if (targetRevision !== null && toDrop.size === 0 && !activeHeads.includes(targetRevision)) {
    throw new RangeNotAncestorError('Nothing to drop', upper);
  }
  return { revisions: toDrop, heads };
}
