import { buildRevisionGraph } from './build-revision-graph.js';
import { collectDowngradeRevisions, collectUpgradeRevisions } from './collect-revisions.js';
import { ancestorsOf, descendantsOf } from './related-revisions.js';
import type { WarningHandler } from './relative-target.js';
import {
  allCurrent,
  currentHead,
  filterForLineage,
  getRevision,
  getRevisions,
  resolveRevisionNumber,
  sharesLineage,
  walk,
} from './resolve-identifier.js';
import type { Revision } from './revision.js';
import type { RevisionGraph } from './revision-graph.js';
import type { RevisionTarget, WalkResult } from './revision-target.js';
import { topologicalSort } from './topological-sort.js';

/** Options of {@link RevisionMap.iterateRevisions}. */
export interface IterateRevisionsOptions {
  /** Include the lower end itself (default false). */
  readonly inclusive?: boolean;
  /** See `CollectOptions.implicitBase` (default false). */
  readonly implicitBase?: boolean;
  /** A relative identifier that walks too far is an error (default true). */
  readonly assertRelativeLength?: boolean;
  /** Select what a downgrade from `upper` to `lower` undoes, instead of an upgrade's needs. */
  readonly selectForDowngrade?: boolean;
}

/** Options of the {@link RevisionMap} constructor. */
export interface RevisionMapOptions {
  /** Receives warnings (for example an ambiguous `downgrade -1` from several heads). */
  readonly onWarning?: WarningHandler;
}

/**
 * The revision graph: revisions linked by `downRevision` (parents) and `dependsOn`, with
 * branch labels, heads and bases, and the identifier grammar (`head`, `heads`, `base`, ids,
 * unique prefixes, `label@head`, `+N`, `-N`, `rev+N`, `label@-N`). Pure and synchronous.
 *
 * ```ts
 * const map = new RevisionMap([
 *   new Revision({ revision: 'aaa1', downRevision: null }),
 *   new Revision({ revision: 'bbb2', downRevision: 'aaa1' }),
 * ]);
 * map.heads; // ['bbb2']
 * map.iterateRevisions('heads', 'base').map((r) => r.revision); // ['bbb2', 'aaa1']
 * ```
 *
 * The order revisions are given in (load order) breaks every tie.
 */
export class RevisionMap<T extends Revision = Revision> {
  readonly #graph: RevisionGraph<T>;
  readonly #onWarning: WarningHandler;

  constructor(revisions: Iterable<T>, options: RevisionMapOptions = {}) {
    this.#graph = buildRevisionGraph(revisions);
    this.#onWarning = options.onWarning ?? (() => undefined);
  }

  /** The built graph, for the traversal functions. */
  get graph(): RevisionGraph<T> {
    return this.#graph;
  }

  /** Heads: revisions no other names as `downRevision` (includes effective heads). */
  get heads(): readonly string[] {
    return this.#graph.heads;
  }

  /** Heads nothing depends on either: what `heads` as an identifier means. */
  get realHeads(): readonly string[] {
    return this.#graph.realHeads;
  }

  /** Revisions without `downRevision`. */
  get bases(): readonly string[] {
    return this.#graph.bases;
  }

  /** Revisions without `downRevision` and without `dependsOn`. */
  get realBases(): readonly string[] {
    return this.#graph.realBases;
  }

  /** Every revision, in load order. */
  get revisions(): T[] {
    return [...this.#graph.byId.values()];
  }

  /** The revision with exactly this id or branch label, without prefix matching. */
  lookup(key: string): T | undefined {
    return this.#graph.byKey.get(key);
  }

  /** The single head, or of branch `branchLabel`; `null` when empty. Throws on several heads. */
  getCurrentHead(branchLabel: string | null = null): string | null {
    return currentHead(this.#graph, branchLabel);
  }

  /** The one revision an identifier names (`null` for base); throws when it names several. */
  getRevision(identifier: string | null): T | null {
    return getRevision(this.#graph, identifier);
  }

  /** Every revision an identifier (or list) names. */
  getRevisions(identifier: RevisionTarget): WalkResult<T>[] {
    return getRevisions(this.#graph, identifier);
  }

  /** Splits `label@symbol` and expands `head`, `heads`, `base`. */
  resolveRevisionNumber(identifier: RevisionTarget): { ids: readonly string[]; branchLabel: string | null } {
    return resolveRevisionNumber(this.#graph, identifier);
  }

  /** The members of `targets` on the same line of descent as `checkAgainst`. */
  filterForLineage<X extends string | T>(
    targets: readonly X[],
    checkAgainst: string,
    includeDependencies = false,
  ): X[] {
    return filterForLineage(this.#graph, targets, checkAgainst, includeDependencies);
  }

  /** True when `target` is an ancestor or descendant of any of `testAgainst`. */
  sharesLineage(target: string | T, testAgainst: readonly (string | T)[], includeDependencies = false): boolean {
    return sharesLineage(this.#graph, target, testAgainst, includeDependencies);
  }

  /** Walks `steps` revisions up or down from `start`; see `walk()`. */
  walk(
    start: string | WalkResult<T>,
    steps: number,
    branchLabel: string | null = null,
    noOverwalk = true,
  ): WalkResult<T> {
    return walk(this.#graph, start, steps, branchLabel, noOverwalk);
  }

  /** `targets` and all their ancestors. */
  ancestors(targets: Iterable<T>, includeDependencies = true): T[] {
    return ancestorsOf(targets, this.#graph.byKey, { includeDependencies });
  }

  /** `targets` and all their descendants. */
  descendants(targets: Iterable<T>, includeDependencies = true): T[] {
    return descendantsOf(targets, this.#graph.byKey, { includeDependencies });
  }

  /** The current revisions with everything they imply, reduced to branch tips. */
  allCurrent(identifiers: RevisionTarget): T[] {
    return allCurrent(this.#graph, identifiers);
  }

  /**
   * The revisions between `lower` and `upper`, newest first. By default the revisions an
   * upgrade from `lower` to `upper` needs; with `selectForDowngrade`, what a downgrade from
   * `upper` (current revisions) to `lower` (the target) undoes.
   */
  iterateRevisions(upper: RevisionTarget, lower: RevisionTarget, options: IterateRevisionsOptions = {}): T[] {
    const collectOptions = {
      inclusive: options.inclusive ?? false,
      implicitBase: options.implicitBase ?? false,
      assertRelativeLength: options.assertRelativeLength ?? true,
      onWarning: this.#onWarning,
    };
    const { revisions, heads } = options.selectForDowngrade
      ? collectDowngradeRevisions(this.#graph, upper, lower as string | null, collectOptions)
      : collectUpgradeRevisions(this.#graph, upper, lower, collectOptions);
    return topologicalSort(this.#graph, revisions, heads).map((id) => this.#graph.byId.get(id) as T);
  }
}
