import { MultipleHeadsError } from '../errors/multiple-heads-error.js';
import { ResolutionError } from '../errors/resolution-error.js';
import { RevisionError } from '../errors/revision-error.js';
import { ancestorsOf, descendantsOf } from './related-revisions.js';
import type { Revision } from './revision.js';
import type { RevisionGraph } from './revision-graph.js';
import { BASE, type RevisionTarget, type WalkResult } from './revision-target.js';

/** Shortest prefix length that partial ids match against (shorter ids only match exactly). */
const MINIMUM_PREFIX_KEY_LENGTH = 4;
const INTEGER = /^[+-]?\d+$/;

/** An identifier split into the ids it names and the branch label it was narrowed to. */
export interface ResolvedIdentifier {
  readonly ids: readonly string[];
  readonly branchLabel: string | null;
}

/**
 * Splits `label@symbol` and expands the symbols `head`, `heads` and `base` to revision ids.
 * Other identifiers are returned as given, to be looked up by {@link revisionForIdentifier}.
 */
export function resolveRevisionNumber<T extends Revision>(
  graph: RevisionGraph<T>,
  identifier: RevisionTarget,
): ResolvedIdentifier {
  let branchLabel: string | null = null;
  let symbol: RevisionTarget = identifier;
  if (typeof identifier === 'string' && identifier.includes('@')) {
    const at = identifier.indexOf('@');
    branchLabel = identifier.slice(0, at);
    symbol = identifier.slice(at + 1);
  } else if (identifier !== null && typeof identifier !== 'string' && !Array.isArray(identifier)) {
    throw new RevisionError(
      `revision identifier ${String(identifier)} is not a string; ensure database driver settings are correct`,
    );
  }
  if (symbol === 'heads') {
    return {
      ids: branchLabel ? filterForLineage(graph, graph.heads, branchLabel) : graph.realHeads,
      branchLabel,
    };
  }
  if (symbol === 'head') {
    const head = currentHead(graph, branchLabel);
    return { ids: head === null ? [] : [head], branchLabel };
  }
  if (symbol === 'base' || symbol === null) return { ids: [], branchLabel };
  return { ids: typeof symbol === 'string' ? [symbol] : symbol, branchLabel };
}

/**
 * The single head (of the branch `branchLabel`, when given); `null` on an empty graph.
 * Throws `MultipleHeadsError` when there are several.
 */
export function currentHead<T extends Revision>(graph: RevisionGraph<T>, branchLabel: string | null): string | null {
  const heads = branchLabel ? filterForLineage(graph, graph.heads, branchLabel) : graph.heads;
  if (heads.length > 1) throw new MultipleHeadsError(heads, branchLabel ? `${branchLabel}@head` : 'head');
  return heads[0] ?? null;
}

/** The revision a branch label names, or the revision an id names when used as a label. */
export function resolveBranch<T extends Revision>(graph: RevisionGraph<T>, branchLabel: string): T {
  const labelled = graph.byKey.get(branchLabel);
  if (labelled !== undefined) return labelled;
  try {
    const revision = revisionForIdentifier(graph, branchLabel, null);
    if (revision === null) throw new ResolutionError(`No such branch: '${branchLabel}'`, branchLabel);
    return revision;
  } catch (error) {
    if (error instanceof ResolutionError) {
      throw new ResolutionError(`No such branch: '${branchLabel}'`, branchLabel);
    }
    throw error;
  }
}

/**
 * Looks up one id, label or unique prefix (of at least... any length, against keys longer than
 * three characters), optionally checking that it lies on the branch `checkBranch`.
 */
export function revisionForIdentifier<T extends Revision>(
  graph: RevisionGraph<T>,
  identifier: string | null,
  checkBranch: string | null,
): T | null {
  const branchRevision = checkBranch ? resolveBranch(graph, checkBranch) : null;
  if (identifier === null) return null;
  let revision = graph.byKey.get(identifier);
  if (revision === undefined) {
    let candidates: string[] = [];
    if (identifier !== '') {
      for (const key of graph.byKey.keys()) {
        if (key.length >= MINIMUM_PREFIX_KEY_LENGTH && key.startsWith(identifier)) candidates.push(key);
      }
    }
    if (branchRevision !== null && checkBranch !== null) {
      candidates = filterForLineage(graph, candidates, checkBranch);
    }
    if (candidates.length === 0) {
      const hint =
        identifier.length < MINIMUM_PREFIX_KEY_LENGTH
          ? '; please ensure at least four characters are present for partial revision identifier matches'
          : '';
      throw new ResolutionError(`No such revision or branch '${identifier}'${hint}`, identifier);
    }
    if (candidates.length > 1) {
      throw new ResolutionError(
        `Multiple revisions start with '${identifier}': ${candidates
          .slice(0, 3)
          .map((candidate) => `'${candidate}'`)
          .join(', ')}...`,
        identifier,
        candidates,
      );
    }
    revision = graph.byKey.get(candidates[0] as string) as T;
  }
  if (branchRevision !== null && !sharesLineage(graph, revision, [branchRevision])) {
    throw new ResolutionError(`Revision ${revision.revision} is not a member of branch '${checkBranch}'`, identifier);
  }
  return revision;
}

/**
 * True when `target` is an ancestor or descendant of (or equal to) any of `testAgainst`
 * (ids, labels or revisions); always true for an empty `testAgainst`.
 */
export function sharesLineage<T extends Revision>(
  graph: RevisionGraph<T>,
  target: string | T,
  testAgainst: readonly (string | T)[],
  includeDependencies = false,
): boolean {
  if (testAgainst.length === 0) return true;
  const resolvedTarget = typeof target === 'string' ? revisionForIdentifier(graph, target, null) : target;
  if (resolvedTarget === null) return false;
  const others = new Set(
    testAgainst.map((other) => (typeof other === 'string' ? revisionForIdentifier(graph, other, null) : other)),
  );
  const options = { includeDependencies };
  for (const revision of descendantsOf([resolvedTarget], graph.byKey, options)) {
    if (others.has(revision)) return true;
  }
  for (const revision of ancestorsOf([resolvedTarget], graph.byKey, options)) {
    if (others.has(revision)) return true;
  }
  return false;
}

/** The members of `targets` on the same line of descent as the identifier `checkAgainst`. */
export function filterForLineage<T extends Revision, X extends string | T>(
  graph: RevisionGraph<T>,
  targets: readonly X[],
  checkAgainst: string,
  includeDependencies = false,
): X[] {
  const { ids, branchLabel } = resolveRevisionNumber(graph, checkAgainst);
  const shares = branchLabel ? [branchLabel, ...ids] : [...ids];
  return targets.filter((target) => sharesLineage(graph, target, shares, includeDependencies));
}

/**
 * Every revision an identifier (or list of them) names. A negative relative identifier
 * (`-2`, `label@-1`) walks down from the heads; the result may then hold the base marker or
 * `null` for a walk past the base.
 */
export function getRevisions<T extends Revision>(graph: RevisionGraph<T>, identifier: RevisionTarget): WalkResult<T>[] {
  if (Array.isArray(identifier)) {
    return (identifier as readonly string[]).flatMap((element) => getRevisions(graph, element));
  }
  const { ids, branchLabel } = resolveRevisionNumber(graph, identifier);
  if (ids.length === 1 && INTEGER.test(ids[0] as string)) {
    const steps = Number.parseInt(ids[0] as string, 10);
    if (steps < 0) {
      let heads = getRevisions(graph, 'heads') as T[];
      if (branchLabel !== null) heads = heads.filter((head) => head.branchLabels.has(branchLabel));
      return heads.map((head) => walk(graph, head, steps));
    }
  }
  return ids.map((id) => revisionForIdentifier(graph, id, branchLabel));
}

/**
 * The one revision an identifier names; `null` for base. Throws `MultipleHeadsError` when it
 * names several.
 */
export function getRevision<T extends Revision>(graph: RevisionGraph<T>, identifier: string | null): T | null {
  const { ids, branchLabel } = resolveRevisionNumber(graph, identifier);
  if (ids.length > 1) throw new MultipleHeadsError(ids, String(identifier));
  return revisionForIdentifier(graph, ids[0] ?? null, branchLabel);
}

/**
 * Walks `steps` revisions up (positive) or down (negative) from `start` (`null`: from before the
 * bases going up, from the heads going down). Returns `null` when the walk runs out of
 * revisions and `noOverwalk` is set (else it stays on the last one); throws `Ambiguous walk`
 * when the way up or down forks.
 */
export function walk<T extends Revision>(
  graph: RevisionGraph<T>,
  start: string | WalkResult<T>,
  steps: number,
  branchLabel: string | null = null,
  noOverwalk = true,
): WalkResult<T> {
  let current: WalkResult<T> =
    typeof start === 'string' && start !== BASE ? getRevision(graph, start) : (start as WalkResult<T>);
  if (start === BASE) current = null;
  for (let step = 0; step < Math.abs(steps); step += 1) {
    let children: WalkResult<T>[];
    if (steps > 0) {
      const up = getRevisions(graph, current === null || current === BASE ? graph.bases : [...current.nextRevisions]);
      children = branchLabel ? filterForLineage(graph, up as T[], branchLabel) : up;
    } else if (current === BASE) {
      children = [];
    } else {
      const down = current === null ? graph.heads : current.versionedDownRevisions;
      children = getRevisions(graph, down);
      if (children.length === 0) children = [BASE];
    }
    if (children.length === 0) return noOverwalk ? null : current;
    if (children.length > 1) throw new RevisionError('Ambiguous walk', { code: 'ALEMBIC_AMBIGUOUS_WALK' });
    current = children[0] as WalkResult<T>;
  }
  return current;
}

/**
 * The current revisions plus everything they imply, reduced to the tips: what `current`
 * reports. Ordered by load order.
 */
export function allCurrent<T extends Revision>(graph: RevisionGraph<T>, identifiers: RevisionTarget): T[] {
  const top = getRevisions(graph, identifiers).filter(
    (revision): revision is T => revision !== null && revision !== BASE,
  );
  const withAncestors = new Set(ancestorsOf(top, graph.byKey, { includeDependencies: true }));
  for (const revision of top) withAncestors.add(revision);
  const tips = [...withAncestors].filter(
    (revision) => ![...revision.nextRevisions].some((child) => withAncestors.has(graph.byKey.get(child) as T)),
  );
  return tips.sort(
    (left, right) => (graph.loadOrder.get(left.revision) ?? 0) - (graph.loadOrder.get(right.revision) ?? 0),
  );
}
