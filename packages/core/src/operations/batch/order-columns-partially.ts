import { InvalidOperationError } from '../../errors/invalid-operation-error.js';

/**
 * Reorders `items` so that, for each list in `orderings`, the named items appear in that order;
 * everything else keeps its relative position as far as the orderings allow (a stable
 * topological sort). Throws an {@link InvalidOperationError} for an unknown name or orderings
 * that contradict each other.
 *
 * ```ts
 * orderColumnsPartially(['a', 'b', 'c'], (name) => name, [['c', 'a']]); // ['b', 'c', 'a']
 * ```
 */
export function orderColumnsPartially<Item>(
  items: readonly Item[],
  nameOf: (item: Item) => string,
  orderings: readonly (readonly string[])[],
): Item[] {
  const positionByName = new Map(items.map((item, position) => [nameOf(item), position]));
  const predecessors = items.map(() => new Set<number>());
  for (const ordering of orderings) {
    const positions = ordering.map((name) => {
      const position = positionByName.get(name);
      if (position === undefined) {
        throw new InvalidOperationError(`partialReordering names unknown column '${name}'`);
      }
      return position;
    });
    for (let step = 1; step < positions.length; step += 1) {
      (predecessors[positions[step] as number] as Set<number>).add(positions[step - 1] as number);
    }
  }
  const placed = new Set<number>();
  const result: Item[] = [];
  while (result.length < items.length) {
    const next = items.findIndex(
      (_item, position) =>
        !placed.has(position) && [...(predecessors[position] as Set<number>)].every((before) => placed.has(before)),
    );
    if (next < 0) {
      throw new InvalidOperationError('partialReordering contains contradictory orderings');
    }
    placed.add(next);
    result.push(items[next] as Item);
  }
  return result;
}
