import type { Revision } from './revision.js';
import type { RevisionGraph } from './revision-graph.js';

/**
 * Orders `revisions` newest first so that every revision comes before its parents and
 * dependencies. Starts from `heads` (sorted by load order) and walks one branch at a time,
 * depth first; a revision shared by several branches is emitted only after every branch above
 * it, and the walk then switches to the first pending head (in load order) that the shared
 * revision lies under. Upgrades run the reverse of this order, downgrades run it as is.
 *
 * Cost: a revision is blocked exactly when one of its children in the set is still waiting to
 * be emitted, which a per-revision counter tells in O(1); only then does the sort walk up from
 * it to find which pending head to switch to. Linear stretches therefore cost O(1) each.
 */
export function topologicalSort<T extends Revision>(
  graph: RevisionGraph<T>,
  revisions: Iterable<T>,
  heads: Iterable<T | null | undefined>,
): string[] {
  const todo = new Set<string>();
  for (const revision of revisions) todo.add(revision.revision);
  const orderOf = (id: string): number => graph.loadOrder.get(id) ?? Number.MAX_SAFE_INTEGER;
  const revisionOf = (id: string): T => graph.byId.get(id) as T;

  // Children (through downRevision or dependsOn) still waiting to be emitted, per revision.
  const pendingChildren = new Map<string, number>();
  for (const id of todo) pendingChildren.set(id, 0);
  for (const id of todo) {
    for (const parent of revisionOf(id).allDownRevisions) {
      const count = pendingChildren.get(parent);
      if (count !== undefined) pendingChildren.set(parent, count + 1);
    }
  }

  const headIds = new Set<string>();
  for (const head of heads) if (head && todo.has(head.revision)) headIds.add(head.revision);
  const currentHeads = [...headIds].sort((left, right) => orderOf(left) - orderOf(right));
  // Revisions of the set that lie under none of the heads (Alembic fails an assertion here,
  // e.g. `history -r <base of a branch another branch depends on>:`): their tips go last.
  const tips = [...todo].filter((id) => pendingChildren.get(id) === 0 && !headIds.has(id));
  currentHeads.push(...tips.sort((left, right) => orderOf(left) - orderOf(right)));

  /** The first pending head (by position) that `blocked` lies under, other than `skipIndex`. */
  const blockingHeadIndex = (blocked: string, skipIndex: number): number => {
    const above = new Set<string>();
    const stack = [blocked];
    while (stack.length > 0) {
      for (const child of revisionOf(stack.pop() as string).allNextRevisions) {
        if (todo.has(child) && !above.has(child)) {
          above.add(child);
          stack.push(child);
        }
      }
    }
    const index = currentHeads.findIndex((head, position) => position !== skipIndex && above.has(head));
    if (index < 0) throw new Error(`Revision ${blocked} waits for a head that is not pending; the revision set is not closed`);
    return index;
  };

  const output: string[] = [];
  let candidateIndex = 0;
  while (currentHeads.length > 0) {
    const candidate = currentHeads[candidateIndex] as string;
    if ((pendingChildren.get(candidate) ?? 0) > 0) {
      candidateIndex = blockingHeadIndex(candidate, candidateIndex);
      continue;
    }
    const candidateRevision = revisionOf(candidate);
    if (todo.delete(candidate)) {
      output.push(candidate);
      for (const parent of candidateRevision.allDownRevisions) {
        const count = pendingChildren.get(parent);
        if (count !== undefined) pendingChildren.set(parent, count - 1);
      }
    }
    const headsToAdd = candidateRevision.normalizedDownRevisions.filter(
      (id) => todo.has(id) && !currentHeads.includes(id),
    );
    if (headsToAdd.length === 0) {
      currentHeads.splice(candidateIndex, 1);
      candidateIndex = Math.max(candidateIndex - 1, 0);
      continue;
    }
    currentHeads[candidateIndex] = headsToAdd[0] as string;
    for (const extra of headsToAdd.slice(1)) currentHeads.push(extra);
  }
  return output;
}
