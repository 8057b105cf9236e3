import { orderColumnsPartially } from './order-columns-partially.js';

const identity = (name: string): string => name;

describe('orderColumnsPartially', () => {
  it('keeps the order when nothing constrains it', () => {
    expect(orderColumnsPartially(['a', 'b', 'c'], identity, [])).toEqual(['a', 'b', 'c']);
  });

  it('moves items to satisfy each ordering, disturbing the rest as little as possible', () => {
    expect(orderColumnsPartially(['a', 'b', 'c'], identity, [['c', 'a']])).toEqual(['b', 'c', 'a']);
    expect(orderColumnsPartially(['id', 'x', 'name', 'email'], identity, [['id', 'name', 'email', 'x']])).toEqual([
      'id',
      'name',
      'email',
      'x',
    ]);
    expect(
      orderColumnsPartially(['a', 'b', 'c', 'd'], identity, [
        ['d', 'c'],
        ['b', 'a'],
      ]),
    ).toEqual(['b', 'a', 'd', 'c']);
  });

  it('refuses unknown names and contradictions', () => {
    expect(() => orderColumnsPartially(['a'], identity, [['a', 'z']])).toThrow("unknown column 'z'");
    expect(() =>
      orderColumnsPartially(['a', 'b'], identity, [
        ['a', 'b'],
        ['b', 'a'],
      ]),
    ).toThrow(/contradictory/);
  });
});
