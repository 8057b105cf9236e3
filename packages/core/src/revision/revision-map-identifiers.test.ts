import { AlembicError } from '../errors/alembic-error.js';
import { MultipleHeadsError } from '../errors/multiple-heads-error.js';
import { ResolutionError } from '../errors/resolution-error.js';
import { makeMap, r } from './test-support/make-map.js';

const idOf = (value: unknown): string | null =>
  value === null ? null : typeof value === 'string' ? value : (value as { revision: string }).revision;

describe('identifiers', () => {
  describe('branch labels', () => {
    const map = makeMap([
      r('a', null, { branchLabels: 'abranch' }),
      r('b', 'a'),
      r('somelongername', 'b'),
      r('c', 'somelongername'),
      r('d'),
      r('e', 'd', { branchLabels: 'ebranch' }),
      r('someothername', 'e'),
      r('f', 'someothername'),
    ]);

    it('resolves label@symbol forms', () => {
      expect(idOf(map.getRevision('ebranch@head'))).toBe('f');
      expect(map.getRevision('abranch@base')).toBeNull();
      expect(idOf(map.getRevision('abranch'))).toBe('a');
      expect(idOf(map.getRevision('ebranch@ebranch'))).toBe('e');
      expect(idOf(map.getRevision('ebranch@some'))).toBe('someothername');
      expect(idOf(map.getRevision('abranch@some'))).toBe('somelongername');
      expect(idOf(map.getRevision('e@d'))).toBe('d');
    });

    it('propagates a label to descendants and to ancestors up to a branch point', () => {
      expect([...(map.lookup('f')?.branchLabels ?? [])]).toEqual(['ebranch']);
      expect([...(map.lookup('d')?.branchLabels ?? [])]).toEqual(['ebranch']);
      expect([...(map.lookup('c')?.branchLabels ?? [])]).toEqual(['abranch']);
    });

    it('reports revisions outside the branch and unknown branches', () => {
      expect(() => map.getRevision('ebranch@b')).toThrow("Revision b is not a member of branch 'ebranch'");
      expect(() => map.getRevision('x@d')).toThrow("No such branch: 'x'");
      expect(() => map.getRevision('abranch@qpr')).toThrow(
        "No such revision or branch 'qpr'; please ensure at least four characters are present for partial revision identifier matches",
      );
    });

    it('iterates along a branch from its base and relative to its heads', () => {
      expect(map.ids('heads', 'ebranch@base', { inclusive: true })).toEqual(['f', 'someothername', 'e', 'd']);
      expect(map.ids('heads', 'ebranch@-2', { inclusive: true })).toEqual(['f', 'someothername', 'e']);
      expect(map.ids('ebranch@+2', 'base', { inclusive: true })).toEqual(['e', 'd']);
    });
  });

  describe('heads', () => {
    const map = makeMap([r('a'), r('b', 'a'), r('c1', 'b'), r('c2', 'b')]);

    it('refuses head and heads as a single revision when there are two', () => {
      expect(() => map.getRevision('head')).toThrow(MultipleHeadsError);
      expect(() => map.getRevision('head')).toThrow("Multiple heads are present for given argument 'head'; c1, c2");
      expect(() => map.getRevision('heads')).toThrow(MultipleHeadsError);
      expect(map.getRevisions('heads').map(idOf)).toEqual(['c1', 'c2']);
    });

    it('keeps load order when a revision is added on one head', () => {
      const grown = makeMap([...map.revisions, r('d1', 'c1')]);
      expect(grown.heads).toEqual(['c2', 'd1']);
    });

    it('returns null for head on an empty map', () => {
      expect(makeMap([]).getRevision('head')).toBeNull();
    });
  });

  describe('partial ids', () => {
    it('lists the candidates of an ambiguous prefix', () => {
      const map = makeMap([r('abcd1'), r('abcd2', 'abcd1')]);
      let caught: unknown;
      try {
        map.getRevision('abcd');
      } catch (error) {
        caught = error;
      }
      expect(caught).toBeInstanceOf(ResolutionError);
      expect((caught as ResolutionError).message).toBe("Multiple revisions start with 'abcd': 'abcd1', 'abcd2'...");
      expect((caught as ResolutionError).candidates).toEqual(['abcd1', 'abcd2']);
      expect((caught as ResolutionError).code).toBe('ALEMBIC_AMBIGUOUS_REVISION');
    });

    it('matches short prefixes of long ids but never prefixes of short ids', () => {
      const map = makeMap([r('aaa1'), r('r1'), r('r2', 'r1')]);
      expect(idOf(map.getRevision('aa'))).toBe('aaa1');
      expect(() => map.getRevision('r')).toThrow(
        "No such revision or branch 'r'; please ensure at least four characters are present for partial revision identifier matches",
      );
    });

    it('reports an unknown long id without the hint', () => {
      const map = makeMap([r('aaa1')]);
      expect(() => map.getRevision('zzzz')).toThrow(/^No such revision or branch 'zzzz'$/);
    });
  });

  describe('relative identifiers', () => {
    const map = makeMap([r('a'), r('b', 'a'), r('c', 'b'), r('d', 'c'), r('e', 'd')]);

    it('walks up and down from a revision', () => {
      expect(idOf(map.walk('b', 2))).toBe('d');
      expect(idOf(map.walk('d', -2))).toBe('b');
      expect(map.walk('a', -1)).toBe('base');
      expect(map.walk('e', 1)).toBeNull();
      expect(idOf(map.walk('e', 1, null, false))).toBe('e');
      expect(map.getRevisions('-2').map(idOf)).toEqual(['c']);
    });

    it('refuses an ambiguous walk at a branch point or merge point', () => {
      const branched = makeMap([r('a'), r('b1', 'a'), r('b2', 'a'), r('m', ['b1', 'b2'])]);
      expect(() => branched.walk('a', 1)).toThrow('Ambiguous walk');
      expect(() => branched.walk('m', -1)).toThrow('Ambiguous walk');
    });
  });

  it('checks that errors are AlembicErrors with stable codes', () => {
    const map = makeMap([r('a1'), r('a2', 'a1'), r('b2', 'a1')]);
    try {
      map.getRevision('head');
      throw new Error('expected a failure');
    } catch (error) {
      expect(AlembicError.isInstance(error)).toBe(true);
      expect((error as AlembicError).code).toBe('ALEMBIC_MULTIPLE_HEADS');
    }
  });
});
