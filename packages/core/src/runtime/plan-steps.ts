import { isRevision, type RevisionTarget } from '../revision/revision-target.js';
import { catchRevisionErrors } from '../script/catch-revision-errors.js';
import type { Script } from '../script/script.js';
import type { RevisionMap } from '../revision/revision-map.js';
import { RevisionStep, StampStep, type MigrationStep } from './migration-step.js';

/** Where the steps come from: a script directory, or anything holding a revision map. */
export interface StepSource {
  readonly revisionMap: RevisionMap<Script>;
}

/**
 * The steps that bring the database from `currentHeads` up to `destination` (any identifier:
 * `head`, `heads`, an id, `label@head`, `+2`, `ae10+1`...), oldest first. Missing ancestors of
 * the destination are included, even on other branches.
 */
export function planUpgrade(
  scripts: StepSource,
  destination: RevisionTarget,
  currentHeads: readonly string[],
): MigrationStep[] {
  return revisionSteps(
    scripts,
    true,
    (map) => map.iterateRevisions(destination, currentHeads, { implicitBase: true }).reverse(),
    typeof destination === 'string' ? destination : String(destination),
  );
}

/** The steps that bring the database from `currentHeads` down to `destination`, newest first. */
export function planDowngrade(
  scripts: StepSource,
  destination: string | null,
  currentHeads: readonly string[],
): MigrationStep[] {
  return revisionSteps(
    scripts,
    false,
    (map) => map.iterateRevisions(currentHeads, destination, { selectForDowngrade: true }),
    destination ?? 'base',
  );
}

/** One step per script `select` gives, in its order, with revision errors worded for `end`. */
function revisionSteps(
  scripts: StepSource,
  upgrade: boolean,
  select: (map: RevisionMap<Script>) => Script[],
  end: string,
): MigrationStep[] {
  const map = scripts.revisionMap;
  return catchRevisionErrors(() => select(map).map((script) => new RevisionStep(map, script, upgrade)), {
    ancestor: `Destination %(end)s is not a valid ${upgrade ? 'upgrade' : 'downgrade'} target from current head(s)`,
    end,
  });
}

/**
 * The version table moves that `stamp` makes to reach `destinations` from `currentHeads`,
 * without running migrations: `base` deletes the heads of its lineage, a revision below the
 * heads moves them down in one step, one above moves them up, one unrelated adds a row.
 */
export function planStamp(
  scripts: StepSource,
  destinations: readonly string[],
  currentHeads: readonly string[],
): MigrationStep[] {
  const map = scripts.revisionMap;
  return catchRevisionErrors(
    () => {
      const headScripts = map.getRevisions(currentHeads).filter((value): value is Script => isRevision(value));
      const wanted = destinations.length === 0 ? ['base'] : destinations;
      const filteredHeads: Script[] = [];
      for (const destination of wanted) {
        for (const head of map.filterForLineage(headScripts, destination, true)) {
          if (!filteredHeads.includes(head)) filteredHeads.push(head);
        }
      }
      const targets: (Script | null)[] = map.getRevisions(wanted).map((value) => (isRevision(value) ? value : null));
      if (targets.length === 0) targets.push(null);
      const headIds = filteredHeads.map((head) => head.revision);
      const steps: MigrationStep[] = [];
      for (const target of targets) {
        if (target === null) {
          for (const head of filteredHeads) steps.push(new StampStep([head.revision], [], false, true));
          continue;
        }
        if (filteredHeads.includes(target)) continue;
        const descendants = new Set(map.descendants([target]));
        const ancestors = new Set(map.ancestors([target]));
        if (filteredHeads.some((head) => descendants.has(head))) {
          steps.push(new StampStep(headIds, [target.revision], false, false));
        } else if (filteredHeads.some((head) => ancestors.has(head))) {
          steps.push(new StampStep(headIds, [target.revision], true, false));
        } else {
          steps.push(new StampStep([], [target.revision], true, true));
        }
      }
      return steps;
    },
    { multipleHeads: 'Multiple heads are present; please specify a single target revision' },
  );
}
