import { CycleDetectedError, DependencyCycleDetectedError } from '../errors/cycle-detected-error.js';
import { RevisionError } from '../errors/revision-error.js';
import { assertValidRevisionId } from './revision.js';
import { makeMap, r } from './test-support/make-map.js';

describe('graph errors', () => {
  it('detects a cycle of downRevisions', () => {
    expect(() => makeMap([r('a', 'c'), r('b', 'a'), r('c', 'b')])).toThrow(CycleDetectedError);
    expect(() => makeMap([r('a', 'c'), r('b', 'a'), r('c', 'b')])).toThrow('Cycle is detected in revisions (a, b, c)');
  });

  it('detects a cycle hanging off an otherwise valid graph', () => {
    expect(() => makeMap([r('root'), r('x', 'z'), r('y', 'x'), r('z', 'y'), r('w', 'root')])).toThrow(
      'Cycle is detected in revisions (x, y, z)',
    );
  });

  it('detects self loops', () => {
    expect(() => r('a', 'a')).toThrow('Self-loop is detected in revisions (a)');
    expect(() => r('a', null, { dependsOn: 'a' })).toThrow('Dependency self-loop is detected in revisions (a)');
  });

  it('detects a dependency cycle', () => {
    const build = () => makeMap([r('a', null, { dependsOn: 'c' }), r('b', 'a'), r('c', 'b')]);
    expect(build).toThrow(DependencyCycleDetectedError);
    expect(build).toThrow('Dependency cycle is detected in revisions (a, b, c)');
  });

  it('refuses a branch label used twice, in either order', () => {
    const labels = { branchLabels: 'xy1' };
    expect(() => makeMap([r('a'), r('b', 'a'), r('c', 'b', labels), r('d', 'c'), r('e', 'd', labels)])).toThrow(
      "Branch name 'xy1' in revision e already used by revision c",
    );
    expect(() => makeMap([r('a'), r('e', 'a', labels), r('c', 'a', labels)])).toThrow(
      "Branch name 'xy1' in revision c already used by revision e",
    );
  });

  it('refuses illegal characters in revision ids', () => {
    expect(() => r('a-b')).toThrow("Character(s) '-' not allowed in revision identifier 'a-b'");
    expect(() => assertValidRevisionId('no@atsigns-ordashes')).toThrow(
      "Character(s) '-, @' not allowed in revision identifier 'no@atsigns-ordashes'",
    );
    expect(() => assertValidRevisionId('a:b+c')).toThrow("Character(s) '+, :' not allowed");
  });

  it('refuses duplicate ids and links to missing revisions', () => {
    expect(() => makeMap([r('a'), r('a')])).toThrow('Revision a is present more than once');
    expect(() => makeMap([r('a'), r('b', 'zzz')])).toThrow('Revision zzz referenced from b is not present');
    expect(() => makeMap([r('a'), r('b', 'a', { dependsOn: 'nope' })])).toThrow(RevisionError);
  });
});
