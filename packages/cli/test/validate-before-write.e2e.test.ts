/**
 * Validate, then write (issue 10, points 1, 2 and 4), as a user meets it: every command that
 * writes a file checks its inputs first, so a bad revision id, branch label, merge, file
 * template or script template gives one `FAILED:` line and exit 1, and leaves every file
 * (the versions directory and the directories around it, where an id like `../../x` would
 * have written) and the database as they were. Any message makes a script that loads, lists
 * and applies, and whose doc reads back as the message. `edit` without an editor, and `merge`
 * of fewer than two revisions, say so in one line.
 *
 * The project lives in `<root>/app` so that ids escaping upwards would land inside `<root>`,
 * which is compared whole before and after each refusal.
 */
import { existsSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';

import {
  databaseState,
  expectFailure,
  expectSuccess,
  probes,
  type DatabaseState,
} from './support/migration-project.js';
import { snapshotFiles, type FileSnapshot } from './bad-input/snapshots.js';
import {
  createProject,
  outputLines,
  removeAllProjects,
  type CommandResult,
  type TemporaryProject,
} from './support/run-cli.js';

afterAll(() => {
  removeAllProjects();
});

const RULE = "revision ids use ASCII letters, digits, '_' and '.' (not first), at most 32 characters";
const DATABASE = 'app/alembic.db';

/** A project in `<root>/app` with revision `aaa` (label `shared`) applied to its SQLite database. */
function appProject(namePrefix: string): TemporaryProject {
  const project = createProject(namePrefix);
  mkdirSync(project.path('app'));
  expectSuccess(run(project, ['init', 'migrations']));
  expectSuccess(run(project, ['revision', '-m', 'first', '--rev-id', 'aaa', '--branch-label', 'shared']));
  expectSuccess(run(project, ['upgrade', 'head']));
  return project;
}

function run(
  project: TemporaryProject,
  commandArguments: readonly string[],
  environment?: Record<string, string | undefined>,
): CommandResult {
  return project.run(commandArguments, {
    workingDirectory: 'app',
    ...(environment === undefined ? {} : { environment }),
  });
}

/** What a refusal must leave alone: the files and the database. */
async function snapshot(project: TemporaryProject): Promise<{ files: FileSnapshot; database: DatabaseState }> {
  return { files: snapshotFiles(project.root, new Set()), database: await databaseState(project, DATABASE) };
}

/** Runs a command that must be refused with `message`, changing nothing. */
async function expectRefused(
  project: TemporaryProject,
  commandArguments: readonly string[],
  message: string | RegExp,
): Promise<void> {
  const before = await snapshot(project);
  const result = run(project, commandArguments);
  expectFailure(result, message);
  expect(result.stderr).not.toMatch(/^\s+at /m);
  expect(await snapshot(project)).toEqual(before);
}

describe('revision ids are checked before anything is written', () => {
  let project: TemporaryProject;
  beforeAll(() => {
    project = appProject('validate-ids');
  });

  const escapeName = `escape_${process.pid}`;
  it.each([
    ['../../../escape', `Invalid revision id '../../../escape': it starts with '.', and it contains '/'; ${RULE}`],
    [
      `../../../../${escapeName}`,
      `Invalid revision id '../../../../${escapeName}': it starts with '.', and it contains '/'; ${RULE}`,
    ],
    ['../escape', `Invalid revision id '../escape': it starts with '.', and it contains '/'; ${RULE}`],
    ['..', `Invalid revision id '..': it starts with '.'; ${RULE}`],
    ['.hidden', `Invalid revision id '.hidden': it starts with '.'; ${RULE}`],
    ['a b', `Invalid revision id 'a b': it contains ' '; ${RULE}`],
    ['a/b', `Invalid revision id 'a/b': it contains '/'; ${RULE}`],
    ['a\\b', `Invalid revision id 'a\\b': it contains '\\'; ${RULE}`],
    ['c,d', `Invalid revision id 'c,d': it contains ','; ${RULE}`],
    ['', `Invalid revision id '': it is empty; ${RULE}`],
    ['heads', `Invalid revision id 'heads': it is a reserved word (head, heads, base, current); ${RULE}`],
    [
      'x'.repeat(33),
      `Invalid revision id '${'x'.repeat(33)}': it is 33 characters long, longer than the version table's column (versionNumWidth: 32); ${RULE}`,
    ],
    ['x@y', "Character(s) '@' not allowed in revision identifier 'x@y'"],
    [
      'shared',
      /^Revision id 'shared' is a branch label of revision aaa \(migrations\/versions\/aaa_first\.ts\); choose another id$/,
    ],
    ['aaa', 'Revision aaa is already present in migrations/versions/aaa_first.ts'],
  ])('revision --rev-id %j', async (revisionId, message) => {
    await expectRefused(project, ['revision', '-m', 'x', '--rev-id', revisionId], message);
    expect(existsSync(join(tmpdir(), `${escapeName}_x.ts`))).toBe(false);
  });

  it('merge --rev-id is held to the same rule', async () => {
    expectSuccess(run(project, ['revision', '-m', 'side', '--rev-id', 'bbb', '--head', 'base']));
    await expectRefused(
      project,
      ['merge', 'heads', '-m', 'm', '--rev-id', '../../../escape'],
      `Invalid revision id '../../../escape': it starts with '.', and it contains '/'; ${RULE}`,
    );
    project.remove('app/migrations/versions/bbb_side.ts');
  });

  it('revision --autogenerate refuses before env.ts runs', async () => {
    const environment = project.read('app/migrations/env.ts');
    project.write('app/migrations/env.ts', `console.log('probe: env.ts ran');\n${environment}`);
    const before = await snapshot(project);
    const result = run(project, ['revision', '--autogenerate', '-m', 'x', '--rev-id', 'a b']);
    expectFailure(result, `Invalid revision id 'a b': it contains ' '; ${RULE}`);
    expect(probes(result.stdout)).toEqual([]);
    expect(await snapshot(project)).toEqual(before);
  });
});

describe('branch labels are checked before anything is written', () => {
  let project: TemporaryProject;
  beforeAll(() => {
    project = appProject('validate-labels');
  });

  it.each([
    [
      'aaa',
      /^Branch label 'aaa' is the id of revision aaa \(migrations\/versions\/aaa_first\.ts\); choose another label$/,
    ],
    [
      'shared',
      /^Branch label 'shared' is already a branch label of revision aaa \(migrations\/versions\/aaa_first\.ts\); choose another label$/,
    ],
    ['ccc', "Branch label 'ccc' is the id of the new revision; choose another label"],
    [
      'a@b',
      "Invalid branch label 'a@b': it contains '@'; branch labels use ASCII letters, digits, '_' and '.' (not first)",
    ],
    [
      'head',
      "Invalid branch label 'head': it is a reserved word (head, heads, base, current); branch labels use ASCII letters, digits, '_' and '.' (not first)",
    ],
  ])('revision --branch-label %j', async (label, message) => {
    await expectRefused(project, ['revision', '-m', 'x', '--rev-id', 'ccc', '--branch-label', label], message);
    // The graph still loads: nothing was written that every later command would trip over.
    expect(run(project, ['heads']).stdout).toBe('aaa (shared) (head)\n');
  });
});

describe('merge needs at least two revisions', () => {
  let project: TemporaryProject;
  beforeAll(() => {
    project = appProject('validate-merge');
  });

  it.each([
    [
      ['merge', 'aaa', '-m', 'm'],
      "Nothing to merge: 'aaa' resolves to one revision (aaa); a merge needs at least two revisions",
    ],
    [
      ['merge', 'heads', '-m', 'm'],
      "Nothing to merge: 'heads' resolves to one revision (aaa); a merge needs at least two revisions",
    ],
    [['merge', 'aaa', 'shared', '-m', 'm'], 'Duplicate head revisions specified'],
  ])('%j is refused', async (commandArguments, message) => {
    await expectRefused(project, commandArguments, message);
  });
});

describe('file and script templates are checked before anything is written', () => {
  let project: TemporaryProject;
  beforeAll(() => {
    project = appProject('validate-templates');
  });

  function useConfig(settings: Record<string, unknown>): void {
    project.remove('app/alembic.config.ts');
    project.write('app/alembic.config.json', `${JSON.stringify({ scriptLocation: 'migrations', ...settings })}\n`);
  }

  it.each([
    [
      '../../%(rev)s',
      "fileTemplate '../../%(rev)s' names the new file '../../ccc.ts', which leaves the version location; nothing written",
    ],
    [
      '%(year)d/%(rev)s',
      /^fileTemplate '%\(year\)d\/%\(rev\)s' names the new file '\d{4}\/ccc\.ts', which is in a subdirectory, and scripts there are only loaded with recursiveVersionLocations: true; nothing written$/,
    ],
    [
      '%(nope)s',
      "Unknown token 'nope' in file template '%(nope)s'; available tokens: rev, slug, epoch, year, month, day, hour, minute, second",
    ],
  ])('fileTemplate %j', async (fileTemplate, message) => {
    useConfig({ fileTemplate });
    await expectRefused(project, ['revision', '-m', 'x', '--rev-id', 'ccc'], message);
  });

  it('a script template that would not load', async () => {
    useConfig({});
    const template = project.read('app/migrations/script.ts.tmpl');
    project.write('app/migrations/script.ts.tmpl', template.replace(/\}\s*$/, ''));
    await expectRefused(
      project,
      ['revision', '-m', 'x', '--rev-id', 'ccc'],
      /^The script rendered from .*script\.ts\.tmpl would not load \(ccc_x\.ts:\d+:\d+: .+\); nothing written$/,
    );
    project.write('app/migrations/script.ts.tmpl', template.replace('${createDate}', '${createdOn}'));
    await expectRefused(
      project,
      ['revision', '-m', 'x', '--rev-id', 'ccc'],
      /uses the variable 'createdOn', which is not defined/,
    );
    project.write('app/migrations/script.ts.tmpl', template);
  });
});

describe('any message makes a script that loads, lists and applies', () => {
  /**
   * How a message starts the long doc `show` prints (and, up to its first blank line, the doc
   * `history` prints): `\n` line breaks, leading white space trimmed (the doc comment is).
   */
  function longDocOf(message: string): string {
    return message.replace(/\r\n?/g, '\n').trimStart();
  }

  /** The indented doc lines a verbose entry (`show`, `history -v`) should print for `message`. */
  function expectedDocLines(message: string): string[] {
    return longDocOf(message)
      .split('\n')
      .map((line) => `    ${line}`);
  }

  /** As many doc lines of a verbose entry as `message` should have (after `Path:` and a blank line). */
  function docLines(entry: string, message: string): string[] {
    const body = entry.slice(entry.indexOf('\n\n') + 2);
    return outputLines(body).slice(0, expectedDocLines(message).length);
  }

  const MESSAGES = [
    'fix */ done',
    '/* opened',
    '`${process.exit(1)}` and ${x}',
    `it's "quoted" \\ backslashed \\*/`,
    'two\nlines',
    'carriage\rreturn and\r\nCRLF',
    'separators \u2028 and \u2029 inside',
    'unicode: é 中文 😀 \u00a0',
    ' * looks like a margin\n * and another',
    'paragraph one\n\nparagraph two',
    'ends with a star *',
    'x'.repeat(10_000),
  ];

  it('each message reads back from history and show, and upgrade applies them all', async () => {
    const project = appProject('validate-messages');
    const ids = MESSAGES.map((_message, index) => `m${String(index).padStart(2, '0')}`);
    MESSAGES.forEach((message, index) => {
      expectSuccess(run(project, ['revision', '-m', message, '--rev-id', ids[index] as string]));
    });
    const verbose = run(project, ['history', '-v']);
    expectSuccess(verbose);
    const entries = new Map(
      verbose.stdout.split(/^(?=Rev: )/m).map((entry) => [/^Rev: (\S+)/.exec(entry)?.[1], entry] as const),
    );
    for (const [index, message] of MESSAGES.entries()) {
      expect(docLines(entries.get(ids[index]) ?? '', message)).toEqual(expectedDocLines(message));
    }
    const history = run(project, ['history']);
    expectSuccess(history);
    const expectedHistory = [...ids.keys()].reverse().map((index) => {
      const parent = index === 0 ? 'aaa' : (ids[index - 1] as string);
      const head = index === ids.length - 1 ? ' (head)' : '';
      return `${parent} -> ${ids[index] as string} (shared)${head}, ${longDocOf(MESSAGES[index] as string).split('\n\n')[0] as string}`;
    });
    expect(history.stdout).toBe(`${[...expectedHistory, '<base> -> aaa (shared), first'].join('\n')}\n`);
    expectSuccess(run(project, ['upgrade', 'head']));
    expect(await databaseState(project, DATABASE)).toEqual({ versions: [ids[ids.length - 1]], tables: [] });
  }, 120_000);

  it('property: random messages round-trip through revision, show and upgrade', async () => {
    const project = appProject('validate-property');
    let counter = 0;
    let head = 'aaa';
    // NUL cannot travel in a command-line argument (the core property test covers it), and a
    // leading '-' would read as an option.
    const message = fc
      .string({ unit: 'grapheme', minLength: 1, maxLength: 80 })
      .filter((text) => !text.includes('\u0000') && text.trim() !== '' && !text.startsWith('-'));
    fc.assert(
      fc.property(message, (text) => {
        const id = `p${(counter += 1)}`;
        expectSuccess(run(project, ['revision', '-m', text, '--rev-id', id]));
        const shown = run(project, ['show', id]);
        expectSuccess(shown);
        expect(docLines(shown.stdout, text)).toEqual(expectedDocLines(text));
        head = id;
      }),
      { numRuns: 6 },
    );
    expectSuccess(run(project, ['upgrade', 'head']));
    expect((await databaseState(project, DATABASE)).versions).toEqual([head]);
  }, 120_000);
});

describe('edit without an editor', () => {
  let project: TemporaryProject;
  beforeAll(() => {
    project = appProject('validate-edit');
  });

  it('says to set $EDITOR or $VISUAL when none is found', () => {
    const result = run(project, ['edit', 'aaa'], { PATH: project.path('no-such-bin') });
    expectFailure(result, 'No editor found: set $EDITOR or $VISUAL (tried sensible-editor, editor, nano, vim, code)');
  });

  it('names the variable when its editor is missing', () => {
    expectFailure(
      run(project, ['edit', 'aaa'], { EDITOR: 'no-such-editor --wait' }),
      "Editor 'no-such-editor' (from $EDITOR) was not found; set $EDITOR or $VISUAL to an installed editor",
    );
    expectFailure(
      run(project, ['edit', 'aaa'], { VISUAL: "'unclosed" }),
      /^\$VISUAL cannot be read as a command \(.+\); set \$EDITOR or \$VISUAL to an editor$/,
    );
  });
});

describe('init', () => {
  it('refuses a path that is a file, in one line', () => {
    const project = createProject('validate-init');
    project.write('taken', 'x');
    const result = project.run(['init', 'taken']);
    expectFailure(result, 'taken already exists and is not a directory');
    expect(project.listFiles('.')).toEqual(['taken']);
  });
});
