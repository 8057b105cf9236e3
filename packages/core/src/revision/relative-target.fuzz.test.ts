/**
 * Fuzzing of the relative target parser (`relative-target.ts`: `+N`, `-N`, `label@-N`,
 * `rev+N`, `base+N`...) and of the range collectors that use it: any destination, from any
 * current revisions, gives a list of revisions or a typed `AlembicError`.
 */
import fc from 'fast-check';

import { parseDowngradeTarget, parseUpgradeTarget } from './relative-target.js';
import { fuzzGraph, identifierLike, onlyTypedErrors, targetLike } from './test-support/fuzz-identifiers.js';

const map = fuzzGraph();
const ignoreWarning = (): void => undefined;

/** Current revisions a database may hold, including ones the graph does not have. */
const currentLike = fc.oneof(
  fc.constant(null),
  fc.constantFrom('a', 'c', 'd', 'e', 'm', 'y', 'longerrevision1', 'cafe'),
  fc.subarray(['d', 'e', 'y', 'longerrevision2', 'cafe', 'm']),
  targetLike,
);

describe('relative targets on arbitrary input', () => {
  it('parseUpgradeTarget: revisions or a typed error', () => {
    fc.assert(
      fc.property(currentLike, identifierLike, fc.boolean(), (current, target, assertLength) => {
        onlyTypedErrors(() => parseUpgradeTarget(map.graph, current, target, assertLength));
      }),
      { numRuns: 3000 },
    );
  });

  it('parseDowngradeTarget: a revision or a typed error', () => {
    fc.assert(
      fc.property(currentLike, identifierLike, fc.boolean(), (current, target, assertLength) => {
        onlyTypedErrors(() => parseDowngradeTarget(map.graph, current, target, assertLength, ignoreWarning));
      }),
      { numRuns: 3000 },
    );
  });

  it('upgrade and downgrade ranges (iterateRevisions): revisions or a typed error', () => {
    fc.assert(
      fc.property(
        currentLike,
        identifierLike,
        fc.record({ inclusive: fc.boolean(), implicitBase: fc.boolean(), assertRelativeLength: fc.boolean() }),
        (current, target, options) => {
          onlyTypedErrors(() => map.iterateRevisions(target, current, options));
          onlyTypedErrors(() => map.iterateRevisions(current, target, { ...options, selectForDowngrade: true }));
        },
      ),
      { numRuns: 2000 },
    );
  });
});
