import type { Revision } from './revision.js';

/**
 * What a revision identifier may be given as: one identifier (`'head'`, `'ae10'`,
 * `'mybranch@head'`, `'base'`, `'-1'`...), several, or `null` for base.
 */
export type RevisionTarget = string | readonly string[] | null;

/** Marks "before the first revision" in the results of relative walks. */
export const BASE = 'base';

/** A revision, base (before the first revision) or nothing (a walk that went too far). */
export type WalkResult<T extends Revision> = T | typeof BASE | null;

/** True when `value` is a revision rather than the base marker or nothing. */
export function isRevision<T extends Revision>(value: WalkResult<T> | undefined): value is T {
  return value !== null && value !== undefined && value !== BASE;
}
