import type { Revision } from './revision.js';

/**
 * The built revision graph: the data every graph algorithm reads. Produced by
 * `buildRevisionGraph()`; wrapped for callers by `RevisionMap`.
 */
export interface RevisionGraph<T extends Revision = Revision> {
  /** Revisions by id, in load order (the order ties are broken by). */
  readonly byId: ReadonlyMap<string, T>;
  /** Revisions by id and by declared branch label. */
  readonly byKey: ReadonlyMap<string, T>;
  /** Position of each revision id in load order. */
  readonly loadOrder: ReadonlyMap<string, number>;
  /** Revisions no other revision names as `downRevision` (includes effective heads). */
  readonly heads: readonly string[];
  /** Revisions nothing refers to, neither as `downRevision` nor in `dependsOn`. */
  readonly realHeads: readonly string[];
  /** Revisions without `downRevision`. */
  readonly bases: readonly string[];
  /** Revisions without `downRevision` and without `dependsOn`. */
  readonly realBases: readonly string[];
}
