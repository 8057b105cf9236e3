import { makeMap, r } from './test-support/make-map.js';

describe('iterateRevisions ordering', () => {
  it('walks a diamond newest first, emitting the branch point after both branches', () => {
    const map = makeMap([r('a'), r('b1', 'a'), r('b2', 'a'), r('c', ['b1', 'b2']), r('d', 'c')]);
    expect(map.ids('d', 'a')).toEqual(['d', 'c', 'b1', 'b2']);
    expect(map.ids('d', 'a', { inclusive: true })).toEqual(['d', 'c', 'b1', 'b2', 'a']);
  });

  it('walks a long and a short branch one at a time', () => {
    const map = makeMap([r('a'), r('b1', 'a'), r('b2', 'a'), r('c1', 'b1'), r('d11', 'c1'), r('d12', 'c1')]);
    expect(map.ids('heads', 'base')).toEqual(['b2', 'd11', 'd12', 'c1', 'b1', 'a']);
  });

  describe('multiple branches', () => {
    const map = makeMap([
      r('a'),
      r('b1', 'a'),
      r('cb1', 'b1'),
      r('d1cb1', 'cb1'),
      r('d2cb1', 'cb1'),
      r('b2', 'a'),
      r('cb2', 'b2'),
      r('d1cb2', 'cb2'),
      r('d2cb2', 'cb2'),
      r('d3cb2', 'cb2'),
      r('d1d2cb2', ['d1cb2', 'd2cb2']),
    ]);

    it('orders two targets from base', () => {
      expect(map.ids(['d3cb2', 'cb1'], 'base')).toEqual(['cb1', 'b1', 'd3cb2', 'cb2', 'b2', 'a']);
    });

    it('omits targets that do not descend from the lower revision', () => {
      expect(map.ids(['d1cb1', 'd2cb2', 'd3cb2'], 'b2', { inclusive: true })).toEqual(['d2cb2', 'd3cb2', 'cb2', 'b2']);
    });

    it('refuses a range running the wrong way', () => {
      expect(() => map.ids('b1', 'd1cb1')).toThrow('Revision d1cb1 is not an ancestor of revision b1');
      expect(() => map.ids('d2cb2', 'b1')).toThrow('Revision b1 is not an ancestor of revision d2cb2');
      expect(() => map.ids(null, 'd1cb1')).toThrow('Revision d1cb1 is not an ancestor of revision base');
    });
  });

  describe('travelling across branches to a merge', () => {
    const map = makeMap([
      r('a1'),
      r('a2', 'a1'),
      r('a3', 'a2'),
      r('b1', 'a3'),
      r('b2', 'a3'),
      r('cb1', 'b1'),
      r('cb2', 'b2'),
      r('db1', 'cb1'),
      r('db2', 'cb2'),
      r('e1b1', 'db1'),
      r('fe1b1', 'e1b1'),
      r('e2b1', 'db1'),
      r('e2b2', 'db2'),
      r('merge', ['e2b1', 'e2b2']),
    ]);

    it('goes up one side of the merge, then the other', () => {
      expect(map.ids('merge', 'a1', { inclusive: true })).toEqual([
        'merge',
        'e2b1',
        'db1',
        'cb1',
        'b1',
        'e2b2',
        'db2',
        'cb2',
        'b2',
        'a3',
        'a2',
        'a1',
      ]);
    });

    it('emits an extra head first', () => {
      expect(map.ids(['merge', 'fe1b1'], 'a1', { inclusive: true })).toEqual([
        'fe1b1',
        'e1b1',
        'merge',
        'e2b1',
        'db1',
        'cb1',
        'b1',
        'e2b2',
        'db2',
        'cb2',
        'b2',
        'a3',
        'a2',
        'a1',
      ]);
    });

    it('with an implicit base brings in the other side of the merge', () => {
      expect(map.ids('merge', 'db1', { inclusive: true, implicitBase: true })).toEqual([
        'merge',
        'e2b1',
        'db1',
        'e2b2',
        'db2',
        'cb2',
        'b2',
      ]);
    });

    it('refuses overlapping targets', () => {
      expect(() => map.ids(['db1', 'b2', 'fe1b1'], [])).toThrow(
        /Requested revision fe1b1 overlaps with other requested revisions db1/,
      );
    });
  });

  describe('multiple bases', () => {
    const map = makeMap([
      r('base1'),
      r('a1a', 'base1'),
      r('b1a', 'a1a'),
      r('a1b', 'base1'),
      r('b1b', 'a1b'),
      r('base2'),
      r('a2', 'base2'),
      r('b2', 'a2'),
      r('c2', 'b2'),
      r('d2', 'c2'),
      r('base3'),
      r('a3', 'base3'),
      r('b3', 'a3'),
      r('mergeb3d2', ['b3', 'd2']),
    ]);

    it('orders every branch of every base', () => {
      expect(map.ids('heads', 'base')).toEqual([
        'b1a',
        'a1a',
        'b1b',
        'a1b',
        'base1',
        'mergeb3d2',
        'b3',
        'a3',
        'base3',
        'd2',
        'c2',
        'b2',
        'a2',
        'base2',
      ]);
    });

    it('selects only what lies above the lower revision', () => {
      expect(map.ids('heads', ['c2'])).toEqual(['mergeb3d2', 'd2']);
    });

    it('refuses overlapping lower revisions', () => {
      expect(() => map.ids(['c2'], ['a2', 'b2'])).toThrow(/overlaps with other requested revisions/);
    });
  });

  it('returns nothing on an empty map', () => {
    expect(makeMap([]).ids('head', 'base')).toEqual([]);
  });

  describe('dependencies', () => {
    const map = makeMap([
      r('a1'),
      r('a2', 'a1'),
      r('a3', 'a2'),
      r('b1'),
      r('b2', 'b1', { dependsOn: 'a3' }),
      r('b3', 'b2'),
      r('b4', 'b3', { dependsOn: 'a3' }),
      r('b5', 'b4', { dependsOn: 'b4' }),
    ]);

    it('drops dependencies an ancestor already has', () => {
      const b4 = map.lookup('b4');
      expect(b4?.allDownRevisions).toEqual(['b3', 'a3']);
      expect(b4?.normalizedDownRevisions).toEqual(['b3']);
    });

    it('orders a downgrade selection across dependencies', () => {
      expect(map.ids('heads', 'base', { selectForDowngrade: true })).toEqual([
        'b5',
        'b4',
        'b3',
        'b2',
        'b1',
        'a3',
        'a2',
        'a1',
      ]);
    });
  });

  describe('effective heads', () => {
    const map = makeMap([
      r('a1', null, { branchLabels: 'a' }),
      r('a2', 'a1'),
      r('n1', null, { branchLabels: 'net' }),
      r('n2', 'n1', { dependsOn: 'a2' }),
    ]);

    it('keeps a depended-on revision as a head but not as a real head', () => {
      expect(map.heads).toEqual(['a2', 'n2']);
      expect(map.realHeads).toEqual(['n2']);
      expect(map.getRevisions('heads').map((revision) => (revision as { revision: string }).revision)).toEqual(['n2']);
    });

    it('upgrades to heads through the dependency', () => {
      expect(map.ids('heads', 'base').reverse()).toEqual(['a1', 'a2', 'n1', 'n2']);
    });
  });

  it('handles a 10,000-revision chain quickly and without deep recursion', () => {
    const revisions = [r('r0')];
    for (let index = 1; index < 10_000; index += 1) revisions.push(r(`r${index}`, `r${index - 1}`));
    const map = makeMap(revisions);
    const ids = map.ids('heads', 'base', { inclusive: true, assertRelativeLength: false });
    expect(ids).toHaveLength(10_000);
    expect(ids[0]).toBe('r9999');
    expect(ids.at(-1)).toBe('r0');
    expect(map.ids('heads', 'base', { selectForDowngrade: true })).toHaveLength(10_000);
  });
});

describe('ranges Alembic cannot order', () => {
  it('lists a branch whose heads are outside the range instead of nothing', () => {
    const map = makeMap([
      r('a1', null, { branchLabels: 'acct' }),
      r('a2', 'a1'),
      r('n1', null, { branchLabels: 'net' }),
      r('n2', 'n1', { dependsOn: 'a2' }),
    ]);
    expect(map.ids('heads', 'a1', { inclusive: true, assertRelativeLength: false })).toEqual(['a2', 'a1']);
  });
});
