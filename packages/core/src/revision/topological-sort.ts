import { ancestorsOf } from './related-revisions.js';
import type { Revision } from './revision.js';
import type { RevisionGraph } from './revision-graph.js';

/**
 * Orders `revisions` newest first so that every revision comes before its parents and
 * dependencies. Starts from `heads` (sorted by load order) and walks one branch at a time,
 * depth first; a revision shared by several branches is emitted only after every branch above
 * it. Upgrades run the reverse of this order, downgrades run it as is.
 *
 * Linear stretches cost O(1) per revision: a head's ancestor set is computed only when another
 * head is pending, and is carried down (minus the head) while the branch has one parent.
 */
export function topologicalSort<T extends Revision>(
  graph: RevisionGraph<T>,
  revisions: Iterable<T>,
  heads: Iterable<T | null | undefined>,
): string[] {
  const todo = new Set<string>();
  for (const revision of revisions) todo.add(revision.revision);
  const orderOf = (id: string): number => graph.loadOrder.get(id) ?? Number.MAX_SAFE_INTEGER;

  const headIds = new Set<string>();
  for (const head of heads) if (head && todo.has(head.revision)) headIds.add(head.revision);
  const currentHeads = [...headIds].sort((left, right) => orderOf(left) - orderOf(right));
  const ancestorsByIndex: (Set<string> | null)[] = currentHeads.map(() => null);
  const ancestorsOfId = (id: string): Set<string> =>
    new Set(ancestorsOf([graph.byId.get(id) as T], graph.byId).map((revision) => revision.revision));

  const output: string[] = [];
  let candidateIndex = 0;
  while (currentHeads.length > 0) {
    const candidate = currentHeads[candidateIndex] as string;
    let blockedBy = -1;
    if (currentHeads.length > 1) {
      for (let index = 0; index < currentHeads.length; index += 1) {
        if (index === candidateIndex) continue;
        let ancestors = ancestorsByIndex[index];
        if (ancestors === null || ancestors === undefined) {
          ancestors = ancestorsOfId(currentHeads[index] as string);
          ancestorsByIndex[index] = ancestors;
        }
        if (ancestors.has(candidate)) {
          blockedBy = index;
          break;
        }
      }
    }
    if (blockedBy >= 0) {
      candidateIndex = blockedBy;
      continue;
    }
    if (todo.delete(candidate)) output.push(candidate);

    const candidateRevision = graph.byId.get(candidate) as T;
    const parents = candidateRevision.normalizedDownRevisions;
    const headsToAdd = parents.filter((id) => todo.has(id) && !currentHeads.includes(id));
    if (headsToAdd.length === 0) {
      currentHeads.splice(candidateIndex, 1);
      ancestorsByIndex.splice(candidateIndex, 1);
      candidateIndex = Math.max(candidateIndex - 1, 0);
      continue;
    }
    const carried = ancestorsByIndex[candidateIndex] ?? null;
    if (carried !== null && parents.length === 1 && headsToAdd.length === 1) {
      carried.delete(candidate);
    } else {
      ancestorsByIndex[candidateIndex] = null;
    }
    currentHeads[candidateIndex] = headsToAdd[0] as string;
    for (const extra of headsToAdd.slice(1)) {
      currentHeads.push(extra);
      ancestorsByIndex.push(null);
    }
  }
  return output;
}
