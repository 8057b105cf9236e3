import fc from 'fast-check';

import { AlembicError } from '../../errors/alembic-error.js';
import { makeMap, r } from './make-map.js';

/**
 * A graph with every shape the identifier grammar cares about: a branch point, a labelled
 * branch, a merge, a second base with its own label and a dependency, two heads sharing a
 * prefix, and ids that look like numbers or symbols.
 *
 * ```
 * a (main) <- b <- c <- d -------- m (merge of d and e)
 *                   \- e (feature) /
 * x (other) <- y (depends on b) <- longerrevision1
 *                              \- longerrevision2
 * 12345 <- cafe
 * ```
 */
export function fuzzGraph(): ReturnType<typeof makeMap> {
  return makeMap([
    r('a', null, { branchLabels: 'main' }),
    r('b', 'a'),
    r('c', 'b'),
    r('d', 'c'),
    r('e', 'c', { branchLabels: 'feature' }),
    r('m', ['d', 'e']),
    r('x', null, { branchLabels: 'other' }),
    r('y', 'x', { dependsOn: 'b' }),
    r('longerrevision1', 'y'),
    r('longerrevision2', 'y'),
    r('12345'),
    r('cafe', '12345'),
  ]);
}

/** Words and characters identifiers are made of, for the graph of {@link fuzzGraph}. */
const IDENTIFIER_TOKENS = [
  // The one-letter revisions of the graph, and two that are not in it.
  ...'abcdemxy',
  'long',
  'longerrevision1',
  'longerrevision2',
  '1234',
  '12345',
  'cafe',
  'caf',
  'main',
  'feature',
  'other',
  'head',
  'heads',
  'base',
  'current',
  '@',
  '@@',
  '+',
  '-',
  ':',
  '0',
  '1',
  '2',
  '3',
  '10',
  '99999999999999999999',
  ' ',
  '',
  '.',
  'e1',
  'NaN',
  'Infinity',
  '__proto__',
  'constructor',
  'toString',
  '\u0000',
];

const LABEL_PART = ['', 'main@', 'feature@', 'other@', 'a@', 'e@', 'nosuch@', '@', 'x@y@'];
const SYMBOL_PART = [...'abcdemy', 'base', 'head', 'heads', 'current', 'long', 'cafe', '1234', 'nosuch'];

/** `[label@]symbol`, `[label@][symbol]+N` / `-N`, and the same garbled, over {@link fuzzGraph}'s names. */
export const structuredIdentifier: fc.Arbitrary<string> = fc.oneof(
  fc.tuple(fc.constantFrom(...LABEL_PART), fc.constantFrom(...SYMBOL_PART)).map((parts) => parts.join('')),
  fc
    .tuple(
      fc.constantFrom(...LABEL_PART),
      fc.constantFrom('', ...SYMBOL_PART),
      fc.constantFrom('+', '-'),
      fc.oneof(fc.nat({ max: 6 }).map(String), fc.constantFrom('0', '007', '99999999999999999999')),
    )
    .map((parts) => parts.join('')),
  fc
    .tuple(
      fc.constantFrom(...LABEL_PART),
      fc.constantFrom('', ...SYMBOL_PART),
      fc.constantFrom('', '+', '-', '++', '+-'),
      fc.constantFrom('', '1', '12'),
      fc.constantFrom('x', ':', ':head', '@', ' ', '.5'),
    )
    .map((parts) => parts.join('')),
);

/** Identifier-like strings: the grammar's shape, tokens glued together, or any string at all. */
export const identifierLike: fc.Arbitrary<string> = fc.oneof(
  { weight: 4, arbitrary: structuredIdentifier },
  {
    weight: 3,
    arbitrary: fc.array(fc.constantFrom(...IDENTIFIER_TOKENS), { maxLength: 4 }).map((tokens) => tokens.join('')),
  },
  { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 30 }) },
);

/** A revision target as commands pass it: one identifier, several, or `null`. */
export const targetLike: fc.Arbitrary<string | string[] | null> = fc.oneof(
  { weight: 6, arbitrary: identifierLike },
  { weight: 2, arbitrary: fc.array(identifierLike, { maxLength: 3 }) },
  { weight: 1, arbitrary: fc.constant(null) },
);

/**
 * Runs `work`; a thrown error must be an `AlembicError` with a non-empty code and message
 * (what the CLI prints as one `FAILED:` line). Returns the error, or `undefined`.
 */
export function onlyTypedErrors(work: () => unknown): AlembicError | undefined {
  try {
    work();
    return undefined;
  } catch (error) {
    if (AlembicError.isInstance(error) && error.code.length > 0 && error.message.length > 0) return error;
    throw error;
  }
}
