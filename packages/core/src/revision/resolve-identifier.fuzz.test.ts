/**
 * Fuzzing of the identifier resolver (`resolve-identifier.ts` through `RevisionMap`): any string
 * or list of strings given as an identifier resolves or fails with a typed `AlembicError`,
 * and a graph built from arbitrary declarations (cycles, dangling parents, duplicate labels)
 * builds or fails the same way.
 */
import fc from 'fast-check';

import { AlembicError } from '../errors/alembic-error.js';
import { RevisionMap } from './revision-map.js';
import { Revision } from './revision.js';
import { fuzzGraph, identifierLike, onlyTypedErrors, targetLike } from './test-support/fuzz-identifiers.js';

const map = fuzzGraph();

describe('identifiers on arbitrary input', () => {
  it('getRevision, getRevisions and resolveRevisionNumber: a result or a typed error', () => {
    fc.assert(
      fc.property(identifierLike, (identifier) => {
        onlyTypedErrors(() => map.getRevision(identifier));
        onlyTypedErrors(() => map.getRevisions(identifier));
        onlyTypedErrors(() => map.resolveRevisionNumber(identifier));
        onlyTypedErrors(() => map.getCurrentHead(identifier));
      }),
      { numRuns: 3000 },
    );
  });

  it('lists of identifiers: a result or a typed error', () => {
    fc.assert(
      fc.property(targetLike, (target) => {
        onlyTypedErrors(() => map.getRevisions(target));
        onlyTypedErrors(() => map.allCurrent(target));
      }),
      { numRuns: 2000 },
    );
  });

  it('lineage and walks from any identifier: a result or a typed error', () => {
    fc.assert(
      fc.property(identifierLike, identifierLike, fc.integer({ min: -20, max: 20 }), (start, branch, steps) => {
        onlyTypedErrors(() => map.filterForLineage(['a', 'd', 'y', 'cafe'], branch));
        onlyTypedErrors(() => map.sharesLineage(start, [branch]));
        onlyTypedErrors(() => map.walk(start, steps, branch === '' ? null : branch));
        onlyTypedErrors(() => map.walk(start, steps, null, false));
      }),
      { numRuns: 2000 },
    );
  });

  it('identifiers that resolve name revisions of the graph', () => {
    const ids = new Set(map.revisions.map((revision) => revision.revision));
    fc.assert(
      fc.property(identifierLike, (identifier) => {
        let found: Revision | null | undefined;
        if (onlyTypedErrors(() => (found = map.getRevision(identifier))) === undefined && found != null) {
          expect(ids.has(found.revision)).toBe(true);
        }
      }),
      { numRuns: 1000 },
    );
  });
});

/** A small id alphabet, so that arbitrary declarations refer to each other often. */
const smallId = fc.constantFrom('a', 'b', 'c', 'd', 'e', 'ab', 'abcd', 'abce', 'head', 'x@y', 'a-1', '');
const reference = fc.oneof(fc.constant(null), smallId, fc.array(smallId, { maxLength: 3 }));

describe('graphs from arbitrary declarations', () => {
  it('build, list heads and resolve, or fail with a typed error', () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.record({ revision: smallId, downRevision: reference, dependsOn: reference, branchLabels: reference }),
          {
            maxLength: 7,
          },
        ),
        identifierLike,
        (declarations, identifier) => {
          let built: RevisionMap | undefined;
          const failure = onlyTypedErrors(() => {
            built = new RevisionMap(declarations.map((declaration) => new Revision(declaration)));
            return [built.heads, built.bases, built.realHeads];
          });
          if (failure !== undefined || built === undefined) return;
          const graph = built;
          onlyTypedErrors(() => graph.getRevisions(identifier));
          onlyTypedErrors(() => graph.iterateRevisions('heads', 'base'));
          onlyTypedErrors(() => graph.iterateRevisions(identifier, 'base'));
          onlyTypedErrors(() => graph.iterateRevisions('heads', identifier, { selectForDowngrade: true }));
        },
      ),
      { numRuns: 2000 },
    );
  });

  it('a failure is an AlembicError, not a plain Error', () => {
    // The property above accepts only AlembicErrors; this pins that a known bad graph gives one.
    const failure = onlyTypedErrors(() => new RevisionMap([new Revision({ revision: 'a', downRevision: 'a' })]).heads);
    expect(AlembicError.isInstance(failure)).toBe(true);
  });
});
