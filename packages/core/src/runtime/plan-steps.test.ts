import { RevisionMap } from '../revision/revision-map.js';
import type { RevisionReference } from '../revision/revision.js';
import { Script } from '../script/script.js';
import { HeadMaintainer, type VersionTableWriter } from './head-maintainer.js';
import type { MigrationStep, VersionChange } from './migration-step.js';
import { planDowngrade, planStamp, planUpgrade } from './plan-steps.js';

function script(revision: string, downRevision: RevisionReference = null, branchLabels?: string): Script {
  return new Script({ revision, downRevision, branchLabels: branchLabels ?? null }, `/versions/${revision}.ts`, '', '');
}

function source(scripts: Script[]): { revisionMap: RevisionMap<Script> } {
  return { revisionMap: new RevisionMap(scripts) };
}

/** `up(b)`, `down(c)`, `stamp(a->b)` for compact expectations. */
function label(step: MigrationStep): string {
  if (step.script) return `${step.isUpgrade ? 'up' : 'down'}(${step.script.revision})`;
  return `stamp(${step.fromRevisionsNoDependencies.join(',')}->${step.toRevisionsNoDependencies.join(',')})`;
}

class RecordingWriter implements VersionTableWriter {
  readonly tableName = 'alembic_version';
  readonly checksRowCount = false;
  readonly changes: VersionChange[] = [];
  async apply(change: VersionChange): Promise<number | undefined> {
    this.changes.push(change);
    return undefined;
  }
}

async function headsAfter(steps: MigrationStep[], heads: string[]): Promise<string[]> {
  const maintainer = new HeadMaintainer(heads, new RecordingWriter());
  for (const step of steps) await maintainer.updateToStep(step);
  return [...maintainer.heads].sort();
}

describe('planning steps on a linear chain', () => {
  const chain = source([script('a'), script('b', 'a'), script('c', 'b'), script('d', 'c'), script('e', 'd')]);

  it('upgrades relative to the current revision and to symbols', async () => {
    const plusTwo = planUpgrade(chain, '+2', ['a']);
    expect(plusTwo.map(label)).toEqual(['up(b)', 'up(c)']);
    expect(await headsAfter(plusTwo, ['a'])).toEqual(['c']);
    expect(planUpgrade(chain, 'b+2', ['a']).map(label)).toEqual(['up(b)', 'up(c)', 'up(d)']);
    expect(planUpgrade(chain, 'd-2', ['a']).map(label)).toEqual(['up(b)']);
  });

  it('refuses relative upgrades that do not produce enough migrations', () => {
    expect(() => planUpgrade(chain, '-2', ['b'])).toThrow("Relative revision -2 didn't produce 2 migrations");
    expect(() => planUpgrade(chain, '+5', ['b'])).toThrow("Relative revision +5 didn't produce 5 migrations");
  });

  it('downgrades relative to the current revision and to symbols', async () => {
    expect(planDowngrade(chain, '-1', ['c']).map(label)).toEqual(['down(c)']);
    expect(await headsAfter(planDowngrade(chain, '-1', ['c']), ['c'])).toEqual(['b']);
    const minusThree = planDowngrade(chain, '-3', ['e']);
    expect(minusThree.map(label)).toEqual(['down(e)', 'down(d)', 'down(c)']);
    expect(await headsAfter(minusThree, ['e'])).toEqual(['b']);
    expect(planDowngrade(chain, 'a+2', ['d']).map(label)).toEqual(['down(d)']);
    const cMinusTwo = planDowngrade(chain, 'c-2', ['d']);
    expect(cMinusTwo.map(label)).toEqual(['down(d)', 'down(c)', 'down(b)']);
    expect(await headsAfter(cMinusTwo, ['d'])).toEqual(['a']);
  });

  it('refuses downgrades that walk too far or the wrong way', () => {
    expect(() => planDowngrade(chain, '-5', ['b'])).toThrow("Relative revision -5 didn't produce 5 migrations");
    expect(() => planDowngrade(chain, '+2', ['b'])).toThrow("Relative revision +2 didn't produce 2 migrations");
    expect(() => planDowngrade(chain, 'c', [])).toThrow(
      'Destination c is not a valid downgrade target from current head(s)',
    );
  });

  it('does nothing when downgrading to the current revision', () => {
    expect(planDowngrade(chain, 'c', ['c'])).toEqual([]);
  });
});

describe('planning steps across branches', () => {
  const branched = source([
    script('a'),
    script('b', 'a'),
    script('c1', 'b', 'c1branch'),
    script('d1', 'c1'),
    script('c2', 'b', 'c2branch'),
    script('d2', 'c2'),
  ]);

  it('upgrades to both heads one branch at a time', async () => {
    const steps = planUpgrade(branched, ['d1', 'd2'], ['a']);
    expect(steps.map(label)).toEqual(['up(b)', 'up(c2)', 'up(d2)', 'up(c1)', 'up(d1)']);
    expect(await headsAfter(steps, ['a'])).toEqual(['d1', 'd2']);
  });

  it('downgrades both branches to the branch point', async () => {
    const steps = planDowngrade(branched, 'a', ['d1', 'd2']);
    expect(steps.map(label)).toEqual(['down(d1)', 'down(c1)', 'down(d2)', 'down(c2)', 'down(b)']);
    expect(await headsAfter(steps, ['d1', 'd2'])).toEqual(['a']);
  });

  it('moves along one branch by label', async () => {
    expect(planUpgrade(branched, 'c2branch@head-1', ['b']).map(label)).toEqual(['up(c2)']);
    const down = planDowngrade(branched, 'c2branch@base+2', ['d2', 'd1']);
    expect(down.map(label)).toEqual(['down(d2)', 'down(c2)']);
    expect(await headsAfter(down, ['d2', 'd1'])).toEqual(['d1']);
    const oneBack = planDowngrade(branched, 'c1branch@-1', ['d1', 'd2']);
    expect(oneBack.map(label)).toEqual(['down(d1)']);
    expect(await headsAfter(oneBack, ['d1', 'd2'])).toEqual(['c1', 'd2']);
    expect(planUpgrade(branched, 'c2branch@+1', ['c1', 'c2']).map(label)).toEqual(['up(d2)']);
  });

  it('refuses an ambiguous relative upgrade and handles base', () => {
    expect(() => planUpgrade(branched, '+1', ['c1', 'c2'])).toThrow(
      'Ambiguous upgrade from multiple current revisions',
    );
    expect(planUpgrade(branched, 'base+1', []).map(label)).toEqual(['up(a)']);
    expect(() => planDowngrade(branched, '-1', [])).toThrow("Relative revision -1 didn't produce 1 migrations");
  });

  it('warns and picks the first head for downgrade -1 from two heads', async () => {
    const warnings: string[] = [];
    const map = new RevisionMap(branched.revisionMap.revisions, { onWarning: (message) => warnings.push(message) });
    const steps = planDowngrade({ revisionMap: map }, '-1', ['d2', 'd1']);
    expect(warnings).toEqual([
      'downgrade -1 from multiple heads is ambiguous; this usage will be disallowed in a future release.',
    ]);
    expect(steps.map(label)).toEqual(['down(d2)']);
    expect(await headsAfter(steps, ['d2', 'd1'])).toEqual(['c2', 'd1']);
  });

  it('stamps to base, across branches and by label', async () => {
    const chain = source([script('a'), script('b', 'a'), script('c', 'b'), script('d', 'c')]);
    const toBase = planStamp(chain, ['base'], ['d']);
    expect(toBase.map(label)).toEqual(['stamp(d->)']);
    expect(await headsAfter(toBase, ['d'])).toEqual([]);

    const toB = planStamp(branched, ['b'], ['d1', 'c2']);
    expect(toB.map(label)).toEqual(['stamp(d1,c2->b)']);
    const writer = new RecordingWriter();
    const maintainer = new HeadMaintainer(['d1', 'c2'], writer);
    for (const step of toB) await maintainer.updateToStep(step);
    expect(writer.changes).toEqual([
      { kind: 'delete', version: 'd1' },
      { kind: 'update', from: 'c2', to: 'b' },
    ]);

    const labelBase = planStamp(branched, ['c1branch@base'], ['d1', 'c2']);
    expect(await headsAfter(labelBase, ['d1', 'c2'])).toEqual(['c2']);
  });
});

describe('the version table rows', () => {
  it('keeps one row per head through branches, merges and unmerges', async () => {
    const map = new RevisionMap([
      script('a'),
      script('b', 'a'),
      script('c'),
      script('d', 'c'),
      script('e1', 'd'),
      script('e2', 'd'),
    ]);
    const up = (id: string) => planUpgrade({ revisionMap: map }, id, []).at(-1) as MigrationStep;
    const maintainer = new HeadMaintainer([], new RecordingWriter());
    for (const id of ['a', 'b', 'c', 'd', 'e1', 'e2']) await maintainer.updateToStep(up(id));
    expect([...maintainer.heads].sort()).toEqual(['b', 'e1', 'e2']);

    const merged = new RevisionMap([script('d1'), script('d2'), script('e', ['d1', 'd2'])]);
    const mergeStep = planUpgrade({ revisionMap: merged }, 'e', ['d1', 'd2']);
    const writer = new RecordingWriter();
    const mergeHeads = new HeadMaintainer(['d1', 'd2'], writer);
    for (const step of mergeStep) await mergeHeads.updateToStep(step);
    expect([...mergeHeads.heads]).toEqual(['e']);
    expect(writer.changes).toEqual([
      { kind: 'delete', version: 'd1' },
      { kind: 'update', from: 'd2', to: 'e' },
    ]);
    for (const step of planDowngrade({ revisionMap: merged }, 'd1', ['e'])) await mergeHeads.updateToStep(step);
    expect([...mergeHeads.heads].sort()).toEqual(['d1', 'd2']);
  });
});
