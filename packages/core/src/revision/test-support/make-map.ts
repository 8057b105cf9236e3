import { Revision, type RevisionReference } from '../revision.js';
import { RevisionMap } from '../revision-map.js';

/** Builds a revision for tests: `r('b', 'a', { dependsOn: 'x', branchLabels: 'lbl' })`. */
export function r(
  revision: string,
  downRevision: RevisionReference = null,
  extra: { dependsOn?: RevisionReference; branchLabels?: RevisionReference } = {},
): Revision {
  return new Revision({ revision, downRevision, ...extra });
}

/** Builds a map and a helper returning revision ids from `iterateRevisions`. */
export function makeMap(
  revisions: Revision[],
  warnings: string[] = [],
): RevisionMap & {
  ids: (...args: Parameters<RevisionMap['iterateRevisions']>) => string[];
} {
  const map = new RevisionMap(revisions, { onWarning: (message) => warnings.push(message) });
  return Object.assign(map, {
    ids: (...args: Parameters<RevisionMap['iterateRevisions']>) =>
      map.iterateRevisions(...args).map((revision) => revision.revision),
  });
}
