import fc from 'fast-check';
import { AlembicError } from '../errors/alembic-error.js';
import { RevisionError } from '../errors/revision-error.js';
import { assertValidNewBranchLabel, assertValidNewRevisionId, displayValue } from './new-identifier.js';

function messageOf(run: () => void): string {
  try {
    run();
  } catch (error) {
    expect(error).toBeInstanceOf(RevisionError);
    return (error as RevisionError).message;
  }
  throw new Error('expected a RevisionError');
}

const RULE = "revision ids use ASCII letters, digits, '_' and '.' (not first), at most 32 characters";

describe('assertValidNewRevisionId', () => {
  it.each(['ae1027a6acf', 'aaa1', '0001', 'v1.2', 'release_2024_01', 'a.', 'A'.repeat(32)])('accepts %s', (id) => {
    expect(() => assertValidNewRevisionId(id)).not.toThrow();
  });

  it.each([
    ['../../../escape', `Invalid revision id '../../../escape': it starts with '.', and it contains '/'; ${RULE}`],
    ['..', `Invalid revision id '..': it starts with '.'; ${RULE}`],
    ['.hidden', `Invalid revision id '.hidden': it starts with '.'; ${RULE}`],
    ['a b', `Invalid revision id 'a b': it contains ' '; ${RULE}`],
    ['a\tb\nc', `Invalid revision id 'a\\tb\\nc': it contains '\\t', '\\n'; ${RULE}`],
    ['a\\b', `Invalid revision id 'a\\b': it contains '\\'; ${RULE}`],
    ['c,d', `Invalid revision id 'c,d': it contains ','; ${RULE}`],
    ['a/b@c', `Invalid revision id 'a/b@c': it contains '/', '@'; ${RULE}`],
    ['', `Invalid revision id '': it is empty; ${RULE}`],
    ['head', `Invalid revision id 'head': it is a reserved word (head, heads, base, current); ${RULE}`],
    ['current', `Invalid revision id 'current': it is a reserved word (head, heads, base, current); ${RULE}`],
    ['é1', `Invalid revision id 'é1': it contains 'é'; ${RULE}`],
  ])('refuses %j', (id, message) => {
    expect(messageOf(() => assertValidNewRevisionId(id))).toBe(message);
  });

  it("keeps Alembic's words when the only fault is one of @ + - :", () => {
    expect(messageOf(() => assertValidNewRevisionId('no@atsigns-ordashes'))).toBe(
      "Character(s) '-, @' not allowed in revision identifier 'no@atsigns-ordashes'",
    );
    expect(messageOf(() => assertValidNewRevisionId('x@y:z+w-v'))).toBe(
      "Character(s) '+, -, :, @' not allowed in revision identifier 'x@y:z+w-v'",
    );
  });

  it('refuses an id longer than the version table column, naming versionNumWidth', () => {
    expect(messageOf(() => assertValidNewRevisionId('a'.repeat(33)))).toBe(
      `Invalid revision id '${'a'.repeat(33)}': it is 33 characters long, longer than the version table's column (versionNumWidth: 32); ${RULE}`,
    );
    expect(() => assertValidNewRevisionId('a'.repeat(40), 64)).not.toThrow();
  });

  it('every error has the stable code', () => {
    for (const id of ['a b', 'a@b', '']) {
      expect(() => assertValidNewRevisionId(id)).toThrow(
        expect.objectContaining({ code: 'ALEMBIC_ILLEGAL_REVISION_ID' }),
      );
    }
    expect(() => assertValidNewBranchLabel('a b')).toThrow(
      expect.objectContaining({ code: 'ALEMBIC_ILLEGAL_BRANCH_LABEL' }),
    );
  });
});

describe('assertValidNewBranchLabel', () => {
  it.each(['xbranch', 'acct', 'feature_2', 'v1.0'])('accepts %s', (label) => {
    expect(() => assertValidNewBranchLabel(label)).not.toThrow();
  });

  it.each([
    [
      'a@b',
      "Invalid branch label 'a@b': it contains '@'; branch labels use ASCII letters, digits, '_' and '.' (not first)",
    ],
    [
      'feature-2',
      "Invalid branch label 'feature-2': it contains '-'; branch labels use ASCII letters, digits, '_' and '.' (not first)",
    ],
    [
      'heads',
      "Invalid branch label 'heads': it is a reserved word (head, heads, base, current); branch labels use ASCII letters, digits, '_' and '.' (not first)",
    ],
  ])('refuses %j', (label, message) => {
    expect(messageOf(() => assertValidNewBranchLabel(label))).toBe(message);
  });
});

describe('displayValue', () => {
  it('keeps a message on one line and cuts long values', () => {
    expect(displayValue('a\u2028b\u0000')).toBe("'a\\u2028b\\u0000'");
    expect(displayValue('x'.repeat(200))).toBe(`'${'x'.repeat(77)}...'`);
  });
});

describe('fuzzing the new-identifier rules', () => {
  const reserved = ['head', 'heads', 'base', 'current'];
  const label = /^[A-Za-z0-9_][A-Za-z0-9_.]*$/;

  /** The error a check throws, or undefined. */
  function outcome(check: () => void): unknown {
    try {
      check();
      return undefined;
    } catch (error) {
      return error;
    }
  }

  it('accepts exactly what follows the rule; anything else gets one typed, one-line error', () => {
    const anyText = fc.string({ unit: 'binary', maxLength: 40 });
    const nearMisses = fc.stringMatching(/^[A-Za-z0-9_.@+:\-/ ,]{0,40}$/);
    fc.assert(
      fc.property(fc.oneof(anyText, nearMisses), (value) => {
        const labelOk = label.test(value) && !reserved.includes(value);
        const idOk = labelOk && value.length <= 32;
        for (const [error, ok] of [
          [outcome(() => assertValidNewRevisionId(value)), idOk],
          [outcome(() => assertValidNewBranchLabel(value)), labelOk],
        ] as const) {
          expect(error === undefined).toBe(ok);
          if (error !== undefined) {
            expect(AlembicError.isInstance(error)).toBe(true);
            expect((error as Error).message).not.toMatch(/[\n\r\u2028\u2029]/);
          }
        }
      }),
      { numRuns: 1000 },
    );
  });
});
