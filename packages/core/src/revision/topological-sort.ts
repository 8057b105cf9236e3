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
  // Revisions are numbered by load order; per-revision state lives in typed arrays (a
  // 10,000-revision history would otherwise build string-keyed maps and sets).
  const size = graph.loadOrder.size;
  const indexOf = (id: string): number => graph.loadOrder.get(id) ?? -1;
  const revisionOf = (id: string): T => graph.byId.get(id) as T;
  const inTodo = new Uint8Array(size);
  const todoIds: string[] = [];
  for (const revision of revisions) {
    const index = indexOf(revision.revision);
    if (index >= 0 && inTodo[index] === 0) {
      inTodo[index] = 1;
      todoIds.push(revision.revision);
    }
  }
  const isTodo = (id: string): boolean => {
    const index = indexOf(id);
    return index >= 0 && inTodo[index] === 1;
  };

  // Children (through downRevision or dependsOn) still waiting to be emitted, per revision.
  const pendingChildren = new Int32Array(size);
  for (const id of todoIds) {
    for (const parent of revisionOf(id).allDownRevisions) {
      const parentIndex = indexOf(parent);
      if (parentIndex >= 0 && inTodo[parentIndex] === 1) pendingChildren[parentIndex] += 1;
    }
  }
  const pendingOf = (id: string): number => {
    const index = indexOf(id);
    return index >= 0 ? (pendingChildren[index] as number) : 0;
  };

  const headIds = new Set<string>();
  for (const head of heads) if (head && isTodo(head.revision)) headIds.add(head.revision);
  const byLoadOrder = (left: string, right: string): number => indexOf(left) - indexOf(right);
  const currentHeads = [...headIds].sort(byLoadOrder);
  // Revisions of the set that lie under none of the heads (Alembic fails an assertion here,
  // e.g. `history -r <base of a branch another branch depends on>:`): their tips go last.
  const tips = todoIds.filter((id) => pendingOf(id) === 0 && !headIds.has(id));
  currentHeads.push(...tips.sort(byLoadOrder));

  /** The first pending head (by position) that `blocked` lies under, other than `skipIndex`. */
  const blockingHeadIndex = (blocked: string, skipIndex: number): number => {
    const above = new Set<string>();
    const stack = [blocked];
    while (stack.length > 0) {
      for (const child of revisionOf(stack.pop() as string).allNextRevisions) {
        if (isTodo(child) && !above.has(child)) {
          above.add(child);
          stack.push(child);
        }
      }
    }
    const index = currentHeads.findIndex((head, position) => position !== skipIndex && above.has(head));
    if (index < 0)
      throw new Error(`Revision ${blocked} waits for a head that is not pending; the revision set is not closed`);
    return index;
  };

  const output: string[] = [];
  let candidateIndex = 0;
  while (currentHeads.length > 0) {
    const candidate = currentHeads[candidateIndex] as string;
    if (pendingOf(candidate) > 0) {
      candidateIndex = blockingHeadIndex(candidate, candidateIndex);
      continue;
    }
    const candidateRevision = revisionOf(candidate);
    const candidatePosition = indexOf(candidate);
    if (candidatePosition >= 0 && inTodo[candidatePosition] === 1) {
      inTodo[candidatePosition] = 0;
      output.push(candidate);
      for (const parent of candidateRevision.allDownRevisions) {
        const parentIndex = indexOf(parent);
        if (parentIndex >= 0 && inTodo[parentIndex] === 1) pendingChildren[parentIndex] -= 1;
      }
    }
    let replaced = false;
    for (const id of candidateRevision.normalizedDownRevisions) {
      if (!isTodo(id) || currentHeads.includes(id)) continue;
      if (!replaced) {
        currentHeads[candidateIndex] = id;
        replaced = true;
      } else {
        currentHeads.push(id);
      }
    }
    if (!replaced) {
      currentHeads.splice(candidateIndex, 1);
      candidateIndex = Math.max(candidateIndex - 1, 0);
    }
  }
  return output;
}
