/**
 * End-to-end tests of the authoring and listing commands of our CLI, run as a user types them
 * in a temporary project: init, list-templates, revision, merge, heads, branches, history,
 * show, edit. Expected outputs are Alembic's (reference sections 1.4, 2.5, 3, 10.2 cases 7-13
 * and 28-34, Appendix B), with our conventions: `FAILED: <message>` on stderr with exit 1,
 * usage errors exit 2, scripts are `<versions>/<rev>_<slug>.ts`.
 */
import {
  createProject,
  outputLines,
  removeAllProjects,
  type CommandResult,
  type TemporaryProject,
} from './support/run-cli.js';
import { typeScriptScript, type ScriptDescription } from './support/script-files.js';

afterEach(() => {
  removeAllProjects();
});

// ---------------------------------------------------------------------------------------------
// helpers

/** Asserts a command succeeded, showing its output when it did not. */
function expectSuccess(result: CommandResult): void {
  if (result.status !== 0) {
    throw new Error(
      `expected exit 0, got ${String(result.status)}\n--- stdout\n${result.stdout}\n--- stderr\n${result.stderr}`,
    );
  }
}

/** Asserts `FAILED: <message>` on stderr (exactly that line), exit 1, nothing on stdout about it. */
function expectFailed(result: CommandResult, message: string | RegExp): void {
  const stderrLines = outputLines(result.stderr);
  const failedLines = stderrLines.filter((line) => line.startsWith('FAILED:'));
  expect({ status: result.status, failedLines }).toEqual({
    status: 1,
    failedLines: [expect.stringMatching(/^FAILED: /)],
  });
  if (typeof message === 'string') {
    expect(failedLines[0]).toBe(`FAILED: ${message}`);
  } else {
    expect(failedLines[0]).toMatch(message);
  }
  expect(result.stdout).not.toContain('FAILED');
}

/** Asserts a usage error: exit 2, a usage line on stderr, no `FAILED:`. */
function expectUsageError(result: CommandResult): void {
  expect(result.status).toBe(2);
  expect(result.stderr).toMatch(/^usage: /im);
  expect(`${result.stdout}${result.stderr}`).not.toContain('FAILED:');
}

/** A project after `alembic init migrations`. */
function initProject(namePrefix = 'authoring'): TemporaryProject {
  const project = createProject(namePrefix);
  expectSuccess(project.run(['init', 'migrations']));
  return project;
}

/** Replaces the generated `alembic.config.ts` with `alembic.config.json`. */
function useJsonConfig(project: TemporaryProject, settings: Record<string, unknown>): void {
  project.remove('alembic.config.ts');
  project.write('alembic.config.json', `${JSON.stringify({ scriptLocation: 'migrations', ...settings }, null, 2)}\n`);
}

/** Runs a command that must succeed and returns its stdout. */
function runOk(project: TemporaryProject, commandArguments: readonly string[]): string {
  const result = project.run(commandArguments);
  expectSuccess(result);
  return result.stdout;
}

/**
 * Runs `revision`/`merge`, asserts success and the `Generating <path> ...  done` line, and
 * returns the generated file's absolute path.
 */
function generate(project: TemporaryProject, commandArguments: readonly string[]): string {
  const stdout = runOk(project, commandArguments);
  const generatingLine = outputLines(stdout).find((line) => line.startsWith('Generating '));
  const match = /^Generating (\/.+) \.\.\. {2}done$/.exec(generatingLine ?? '');
  if (match === null) {
    throw new Error(`no "Generating <absolute path> ...  done" line in:\n${stdout}`);
  }
  return match[1] as string;
}

/** The value of `export const <name> = <literal>;` in a script, as null / string / list. */
function exportedValue(source: string, name: string): string | string[] | null | undefined {
  const match = new RegExp(`^export const ${name}(?::[^=]*)? = (.*?);?\\s*$`, 'm').exec(source);
  if (match === null) {
    return undefined;
  }
  const literal = (match[1] as string).trim();
  if (literal === 'null') {
    return null;
  }
  const single = /^'([^']*)'$|^"([^"]*)"$/.exec(literal);
  if (single !== null) {
    return single[1] ?? single[2] ?? '';
  }
  const list = /^\[(.*)\]$/.exec(literal);
  if (list !== null) {
    return (list[1] as string)
      .split(',')
      .map((item) => item.trim())
      .filter((item) => item !== '')
      .map((item) => item.replace(/^['"]|['"]$/g, ''));
  }
  return literal;
}

/** A reference as a list (`'a'` and `['a']` mean the same). */
function asList(value: string | string[] | null | undefined): string[] | null | undefined {
  if (value === null || value === undefined) {
    return value;
  }
  return typeof value === 'string' ? [value] : value;
}

/** Writes a hand-made script into `migrations/versions/`. */
function writeScript(project: TemporaryProject, fileName: string, description: ScriptDescription): void {
  project.write(`migrations/versions/${fileName}`, typeScriptScript(description));
}

/** One `log_entry` block (verbose listing), per reference 1.4. */
interface LogEntry {
  readonly revision: string;
  readonly annotations?: string;
  /** `Parent: <x>` (default) or, for merges, `Merges: a, b`. */
  readonly parent?: string;
  readonly merges?: string;
  readonly alsoDependsOn?: string;
  readonly branchesInto?: string;
  readonly branchNames?: string;
  readonly path: string;
  readonly message: string;
  readonly revises: string;
}

/** The lines of a verbose entry, docstring trailing spaces trimmed and the date masked. */
function logEntryLines(entry: LogEntry): string[] {
  const lines = [`Rev: ${entry.revision}${entry.annotations ?? ''}`];
  lines.push(entry.merges === undefined ? `Parent: ${entry.parent ?? '<base>'}` : `Merges: ${entry.merges}`);
  if (entry.alsoDependsOn !== undefined) {
    lines.push(`Also depends on: ${entry.alsoDependsOn}`);
  }
  if (entry.branchesInto !== undefined) {
    lines.push(`Branches into: ${entry.branchesInto}`);
  }
  if (entry.branchNames !== undefined) {
    lines.push(`Branch names: ${entry.branchNames}`);
  }
  lines.push(
    `Path: ${entry.path}`,
    '',
    `    ${entry.message}`,
    '',
    `    Revision ID: ${entry.revision}`,
    `    Revises: ${entry.revises}`.trimEnd(),
    '    Create Date: <date>',
    '',
  );
  return lines;
}

/** Verbose output with trailing spaces trimmed and Create Date values masked. */
function maskVerbose(output: string): string[] {
  return outputLines(output).map((line) => line.trimEnd().replace(/^(\s*Create Date:).*$/, '$1 <date>'));
}

/** Today's date parts in UTC (the children run with TZ=UTC). */
function utcParts(date: Date): { year: number; month: number; day: number } {
  return { year: date.getUTCFullYear(), month: date.getUTCMonth() + 1, day: date.getUTCDate() };
}

const pad2 = (value: number): string => String(value).padStart(2, '0');

// ---------------------------------------------------------------------------------------------
// init, list-templates, usage errors

describe('init and list-templates', () => {
  it('init writes alembic.config.ts, env.ts, script.ts.tmpl, README.md and versions/', () => {
    const project = createProject('init');
    expectSuccess(project.run(['init', 'migrations']));
    expect(project.exists('alembic.config.ts')).toBe(true);
    expect(project.exists('migrations/env.ts')).toBe(true);
    expect(project.exists('migrations/script.ts.tmpl')).toBe(true);
    expect(project.exists('migrations/README.md')).toBe(true);
    expect(project.isDirectory('migrations/versions')).toBe(true);
    expect(project.listFiles('migrations/versions')).toEqual([]);
    // a fresh project lists nothing and is a usable script directory
    expect(runOk(project, ['heads'])).toBe('');
    expect(runOk(project, ['history'])).toBe('');
  });

  it('init --template multidb writes the multidb environment', () => {
    const project = createProject('init-multidb');
    expectSuccess(project.run(['init', '--template', 'multidb', 'migrations']));
    expect(project.exists('alembic.config.ts')).toBe(true);
    expect(project.exists('migrations/env.ts')).toBe(true);
    expect(project.exists('migrations/script.ts.tmpl')).toBe(true);
    expect(project.isDirectory('migrations/versions')).toBe(true);
  });

  it('init into an existing empty directory is allowed', () => {
    const project = createProject('init-empty');
    project.write('migrations/.keep-me-not', '');
    project.remove('migrations/.keep-me-not');
    expectSuccess(project.run(['init', 'migrations']));
    expect(project.exists('migrations/env.ts')).toBe(true);
  });

  it('init into a non-empty directory fails and writes nothing (case 37)', () => {
    const project = createProject('init-nonempty');
    project.write('migrations/notes.txt', 'mine\n');
    const result = project.run(['init', 'migrations']);
    expectFailed(result, 'Directory migrations already exists and is not empty');
    expect(project.listFiles('.')).toEqual(['migrations/notes.txt']);
  });

  it('init with an unknown template fails and writes nothing', () => {
    const project = createProject('init-template');
    const result = project.run(['init', '--template', 'nosuch', 'migrations']);
    expectFailed(result, /^FAILED: No such template /);
    expect(project.listFiles('.')).toEqual([]);
  });

  it('list-templates prints "Available templates:" then generic and multidb', () => {
    const project = createProject('templates');
    const lines = outputLines(runOk(project, ['list-templates']));
    expect(lines[0]).toBe('Available templates:');
    expect(lines).toContainEqual(expect.stringMatching(/^generic - \S.*$/));
    expect(lines).toContainEqual(expect.stringMatching(/^multidb - \S.*$/));
  });
});

describe('usage errors exit 2 with a usage line', () => {
  it('unknown command', () => {
    expectUsageError(createProject('usage').run(['frobnicate']));
  });

  it('unknown flag', () => {
    const project = initProject('usage');
    expectUsageError(project.run(['heads', '--no-such-flag']));
  });

  it('missing argument', () => {
    const project = initProject('usage');
    expectUsageError(project.run(['show']));
  });

  it('option without its value', () => {
    const project = initProject('usage');
    expectUsageError(project.run(['history', '-r']));
  });
});

// ---------------------------------------------------------------------------------------------
// The graph of Appendix B: aaa1 -> bbb2 -> {ccc3, ddd4 [xbranch]}

/** Builds Appendix B's graph through the CLI. */
function appendixBProject(): TemporaryProject {
  const project = initProject('appendix-b');
  generate(project, ['revision', '-m', 'create account table', '--rev-id', 'aaa1']);
  generate(project, ['revision', '-m', 'add a column', '--rev-id', 'bbb2']);
  generate(project, ['revision', '-m', 'third', '--rev-id', 'ccc3']);
  generate(project, [
    'revision',
    '-m',
    'branch x',
    '--rev-id',
    'ddd4',
    '--head',
    'bbb2',
    '--splice',
    '--branch-label',
    'xbranch',
  ]);
  return project;
}

const versionsPath = (project: TemporaryProject, fileName: string): string =>
  project.path('migrations', 'versions', fileName);

describe('revision writes <rev>_<slug>.ts', () => {
  it('prints "Generating <absolute path> ...  done" and writes DESIGN 2.1 exports', () => {
    const project = initProject('revision');
    const first = generate(project, ['revision', '-m', 'create account table', '--rev-id', 'aaa1']);
    expect(first).toBe(versionsPath(project, 'aaa1_create_account_table.ts'));
    const second = generate(project, ['revision', '-m', 'add a column', '--rev-id', 'bbb2']);
    expect(second).toBe(versionsPath(project, 'bbb2_add_a_column.ts'));
    expect(project.listFiles('migrations/versions')).toEqual(['aaa1_create_account_table.ts', 'bbb2_add_a_column.ts']);

    const firstSource = project.read('migrations/versions/aaa1_create_account_table.ts');
    expect(firstSource.startsWith('/**')).toBe(true);
    expect(firstSource).toMatch(/^ \* create account table$/m);
    expect(firstSource).toMatch(/^ \* Revision ID: aaa1$/m);
    expect(firstSource).toMatch(/^ \* Create Date: \d{4}-\d\d-\d\d \d\d:\d\d:\d\d\.\d{6}$/m);
    expect(exportedValue(firstSource, 'revision')).toBe('aaa1');
    expect(exportedValue(firstSource, 'downRevision')).toBeNull();
    expect(exportedValue(firstSource, 'branchLabels')).toBeNull();
    expect(exportedValue(firstSource, 'dependsOn')).toBeNull();

    const secondSource = project.read('migrations/versions/bbb2_add_a_column.ts');
    expect(secondSource).toMatch(/^ \* Revises: bbb2$|^ \* Revises: aaa1$/m);
    expect(exportedValue(secondSource, 'revision')).toBe('bbb2');
    expect(exportedValue(secondSource, 'downRevision')).toBe('aaa1');
  });

  it('without -m the message is "empty message" and the slug is empty', () => {
    const project = initProject('revision');
    const written = generate(project, ['revision', '--rev-id', 'e0e0']);
    expect(written).toBe(versionsPath(project, 'e0e0_.ts'));
    expect(runOk(project, ['history'])).toBe('<base> -> e0e0 (head), empty message\n');
  });

  it('--branch-label is written into branchLabels', () => {
    const project = appendixBProject();
    const source = project.read('migrations/versions/ddd4_branch_x.ts');
    expect(asList(exportedValue(source, 'branchLabels'))).toEqual(['xbranch']);
    expect(exportedValue(source, 'downRevision')).toBe('bbb2');
  });

  it('onto a non-head without --splice fails and writes nothing; with --splice it branches (case 28)', () => {
    const project = initProject('splice');
    generate(project, ['revision', '-m', 'a', '--rev-id', 'aaaa']);
    generate(project, ['revision', '-m', 'b', '--rev-id', 'bbbb']);
    generate(project, ['revision', '-m', 'c', '--rev-id', 'cccc']);
    const before = project.listFiles('migrations/versions');
    expectFailed(
      project.run(['revision', '-m', 'd', '--rev-id', 'dddd', '--head', 'bbbb']),
      'Revision bbbb is not a head revision; please specify --splice to create a new branch from this revision',
    );
    expect(project.listFiles('migrations/versions')).toEqual(before);
    generate(project, ['revision', '-m', 'd', '--rev-id', 'dddd', '--head', 'bbbb', '--splice']);
    expect(runOk(project, ['heads'])).toBe('cccc (head)\ndddd (head)\n');
  });

  it('with two heads a plain revision fails; after merge heads it works (case 29)', () => {
    const project = appendixBProject();
    const before = project.listFiles('migrations/versions');
    expectFailed(
      project.run(['revision', '-m', 'next']),
      'Multiple heads are present; please specify the head revision on which the new revision should be based, or perform a merge.',
    );
    expect(project.listFiles('migrations/versions')).toEqual(before);
    generate(project, ['merge', '-m', 'merge it', '--rev-id', 'eee5', 'heads']);
    const next = generate(project, ['revision', '-m', 'next', '--rev-id', 'fff6']);
    expect(exportedValue(project.read(project.relativePath(next)), 'downRevision')).toBe('eee5');
    expect(runOk(project, ['heads'])).toBe('fff6 (xbranch) (head)\n');
  });

  it('--head label@head builds on the head of that branch', () => {
    const project = appendixBProject();
    const written = generate(project, ['revision', '-m', 'more x', '--rev-id', 'fff6', '--head', 'xbranch@head']);
    expect(exportedValue(project.read(project.relativePath(written)), 'downRevision')).toBe('ddd4');
    expect(runOk(project, ['heads'])).toBe('ccc3 (head)\nfff6 (xbranch) (head)\n');
  });

  it('--head base starts a new base (no --splice needed)', () => {
    const project = appendixBProject();
    const written = generate(project, ['revision', '-m', 'other root', '--rev-id', 'r0r0', '--head', 'base']);
    expect(exportedValue(project.read(project.relativePath(written)), 'downRevision')).toBeNull();
    expect(runOk(project, ['heads'])).toBe('ccc3 (head)\nddd4 (xbranch) (head)\nr0r0 (head)\n');
  });

  it('--rev-id with illegal characters fails and writes nothing (case 13)', () => {
    const project = initProject('rev-id');
    expectFailed(
      project.run(['revision', '-m', 'x', '--rev-id', 'no@atsigns-ordashes']),
      "Character(s) '-, @' not allowed in revision identifier 'no@atsigns-ordashes'",
    );
    expectFailed(
      project.run(['revision', '-m', 'x', '--rev-id', 'a+b']),
      "Character(s) '+' not allowed in revision identifier 'a+b'",
    );
    // Alembic 1.19 (the reference) also forbids ':'; Alembic 1.8 allowed it.
    expectFailed(
      project.run(['revision', '-m', 'x', '--rev-id', 'x@y:z+w-v']),
      "Character(s) '+, -, :, @' not allowed in revision identifier 'x@y:z+w-v'",
    );
    expect(project.listFiles('migrations/versions')).toEqual([]);
  });
});

describe("listing Appendix B's graph", () => {
  let project: TemporaryProject;
  beforeEach(() => {
    project = appendixBProject();
  });

  const entries = (current: TemporaryProject): Record<string, LogEntry> => ({
    aaa1: {
      revision: 'aaa1',
      parent: '<base>',
      path: versionsPath(current, 'aaa1_create_account_table.ts'),
      message: 'create account table',
      revises: '',
    },
    bbb2: {
      revision: 'bbb2',
      annotations: ' (branchpoint)',
      parent: 'aaa1',
      branchesInto: 'ccc3, ddd4',
      path: versionsPath(current, 'bbb2_add_a_column.ts'),
      message: 'add a column',
      revises: 'aaa1',
    },
    ccc3: {
      revision: 'ccc3',
      annotations: ' (head)',
      parent: 'bbb2',
      path: versionsPath(current, 'ccc3_third.ts'),
      message: 'third',
      revises: 'bbb2',
    },
    ddd4: {
      revision: 'ddd4',
      annotations: ' (head)',
      parent: 'bbb2',
      branchNames: 'xbranch',
      path: versionsPath(current, 'ddd4_branch_x.ts'),
      message: 'branch x',
      revises: 'bbb2',
    },
  });

  it('history', () => {
    expect(runOk(project, ['history'])).toBe(
      [
        'bbb2 -> ccc3 (head), third',
        'bbb2 -> ddd4 (xbranch) (head), branch x',
        'aaa1 -> bbb2 (branchpoint), add a column',
        '<base> -> aaa1, create account table',
        '',
      ].join('\n'),
    );
  });

  it('history -v', () => {
    const expected = entries(project);
    expect(maskVerbose(runOk(project, ['history', '-v']))).toEqual([
      ...logEntryLines(expected['ccc3'] as LogEntry),
      ...logEntryLines(expected['ddd4'] as LogEntry),
      ...logEntryLines(expected['bbb2'] as LogEntry),
      ...logEntryLines(expected['aaa1'] as LogEntry),
    ]);
  });

  it('heads and heads -v', () => {
    expect(runOk(project, ['heads'])).toBe('ccc3 (head)\nddd4 (xbranch) (head)\n');
    const expected = entries(project);
    expect(maskVerbose(runOk(project, ['heads', '-v']))).toEqual([
      ...logEntryLines(expected['ccc3'] as LogEntry),
      ...logEntryLines(expected['ddd4'] as LogEntry),
    ]);
  });

  it('branches and branches -v', () => {
    expect(runOk(project, ['branches'])).toBe(
      ['bbb2 (branchpoint)', '     -> ccc3 (head)', '     -> ddd4 (xbranch) (head)', '', ''].join('\n'),
    );
    expect(maskVerbose(runOk(project, ['branches', '-v']))).toEqual([
      ...logEntryLines(entries(project)['bbb2'] as LogEntry),
      '     -> ccc3 (head), third',
      '     -> ddd4 (xbranch) (head), branch x',
      '',
    ]);
  });

  it('show by id, prefix, label, label@head, heads', () => {
    const expected = entries(project);
    const aaa1 = logEntryLines(expected['aaa1'] as LogEntry);
    expect(maskVerbose(runOk(project, ['show', 'aaa1']))).toEqual(aaa1);
    expect(maskVerbose(runOk(project, ['show', 'aaa']))).toEqual(aaa1);
    // a prefix shorter than four characters resolves when it is unique
    expect(maskVerbose(runOk(project, ['show', 'aa']))).toEqual(aaa1);
    const ddd4 = logEntryLines(expected['ddd4'] as LogEntry);
    expect(maskVerbose(runOk(project, ['show', 'xbranch']))).toEqual(ddd4);
    expect(maskVerbose(runOk(project, ['show', 'xbranch@head']))).toEqual(ddd4);
    expect(maskVerbose(runOk(project, ['show', 'heads']))).toEqual([
      ...logEntryLines(expected['ccc3'] as LogEntry),
      ...ddd4,
    ]);
  });

  it("show head with two heads fails with Alembic's message", () => {
    expectFailed(
      project.run(['show', 'head']),
      "Multiple head revisions are present for given argument 'head'; please specify a specific target revision, '<branchname>@head' to narrow to a specific head, or 'heads' for all heads",
    );
  });

  it('show of unknown revisions and branches', () => {
    expectFailed(project.run(['show', 'zzzz']), "Can't locate revision identified by 'zzzz'");
    expectFailed(project.run(['show', 'xbranch@qpr']), "Can't locate revision identified by 'qpr'");
    // Alembic names the unknown part only (the branch, or the revision outside the branch)
    expectFailed(project.run(['show', 'nob@head']), "Can't locate revision identified by 'nob'");
    expectFailed(project.run(['show', 'xbranch@ccc3']), "Can't locate revision identified by 'ccc3'");
  });

  it('history -r ranges on a branchy graph', () => {
    expect(runOk(project, ['history', '-r', 'aaa1:bbb2'])).toBe(
      'aaa1 -> bbb2 (branchpoint), add a column\n<base> -> aaa1, create account table\n',
    );
    expect(runOk(project, ['history', '-r', 'bbb2:'])).toBe(
      [
        'bbb2 -> ccc3 (head), third',
        'bbb2 -> ddd4 (xbranch) (head), branch x',
        'aaa1 -> bbb2 (branchpoint), add a column',
        '',
      ].join('\n'),
    );
    expectFailed(
      project.run(['history', '-r', 'ccc3:ddd4']),
      'Requested range ccc3:ddd4 does not refer to ancestor/descendant revisions along the same branch',
    );
    expectFailed(project.run(['history', '-r', 'bbb2:+1']), 'Ambiguous walk');
    expectFailed(project.run(['history', '-r', 'zzzz:']), "Can't locate revision identified by 'zzzz'");
  });

  it('merge heads writes a merge revision inheriting the branch label', () => {
    const written = generate(project, ['merge', '-m', 'merge it', '--rev-id', 'eee5', 'heads']);
    expect(written).toBe(versionsPath(project, 'eee5_merge_it.ts'));
    const source = project.read('migrations/versions/eee5_merge_it.ts');
    expect(exportedValue(source, 'downRevision')).toEqual(['ccc3', 'ddd4']);
    expect(source).toMatch(/^ \* Revises: ccc3, ddd4$/m);
    expect(outputLines(runOk(project, ['history']))[0]).toBe(
      'ccc3, ddd4 -> eee5 (xbranch) (head) (mergepoint), merge it',
    );
    expect(runOk(project, ['heads'])).toBe('eee5 (xbranch) (head)\n');
    expect(runOk(project, ['branches'])).toBe(
      ['bbb2 (branchpoint)', '     -> ccc3', '     -> ddd4 (xbranch)', '', ''].join('\n'),
    );
    expect(maskVerbose(runOk(project, ['show', 'head']))).toEqual(
      logEntryLines({
        revision: 'eee5',
        annotations: ' (head) (mergepoint)',
        merges: 'ccc3, ddd4',
        branchNames: 'xbranch',
        path: written,
        message: 'merge it',
        revises: 'ccc3, ddd4',
      }),
    );
  });
});

describe('merge of named revisions with --branch-label', () => {
  it('merges the given revisions and labels the merge', () => {
    const project = initProject('merge');
    generate(project, ['revision', '-m', 'root', '--rev-id', 'r0r0']);
    generate(project, ['revision', '-m', 'left', '--rev-id', 'l1l1']);
    generate(project, ['revision', '-m', 'right', '--rev-id', 'q1q1', '--head', 'r0r0', '--splice']);
    generate(project, ['revision', '-m', 'other', '--rev-id', 'o1o1', '--head', 'r0r0', '--splice']);
    const written = generate(project, [
      'merge',
      '-m',
      'join left right',
      '--rev-id',
      'j1j1',
      '--branch-label',
      'joined',
      'l1l1',
      'q1q1',
    ]);
    expect(written).toBe(versionsPath(project, 'j1j1_join_left_right.ts'));
    const source = project.read(project.relativePath(written));
    expect(exportedValue(source, 'downRevision')).toEqual(['l1l1', 'q1q1']);
    expect(asList(exportedValue(source, 'branchLabels'))).toEqual(['joined']);
    expect(runOk(project, ['heads'])).toBe('j1j1 (joined) (head)\no1o1 (head)\n');
    expect(outputLines(runOk(project, ['show', 'joined']))[0]).toBe('Rev: j1j1 (head) (mergepoint)');
    expect(outputLines(runOk(project, ['history']))).toContain(
      'l1l1, q1q1 -> j1j1 (joined) (head) (mergepoint), join left right',
    );
  });

  it('merge of an unknown revision fails and writes nothing', () => {
    const project = initProject('merge');
    generate(project, ['revision', '-m', 'root', '--rev-id', 'r0r0']);
    expectFailed(
      project.run(['merge', '-m', 'bad', '--rev-id', 'j1j1', 'r0r0', 'zzzz']),
      "Can't locate revision identified by 'zzzz'",
    );
    expect(project.listFiles('migrations/versions')).toEqual(['r0r0_root.ts']);
  });
});

// ---------------------------------------------------------------------------------------------
// Dependencies and effective heads (cases 12 and 30)

describe('dependencies', () => {
  /** Case 12: a1a1 [acct] -> a2a2; n1n1 [net] -> n2n2, n2n2 depends on a2a2. */
  function case12Project(): TemporaryProject {
    const project = initProject('depends');
    generate(project, ['revision', '-m', 'a one', '--rev-id', 'a1a1', '--branch-label', 'acct']);
    generate(project, ['revision', '-m', 'a two', '--rev-id', 'a2a2']);
    generate(project, ['revision', '-m', 'n one', '--rev-id', 'n1n1', '--head', 'base', '--branch-label', 'net']);
    generate(project, ['revision', '-m', 'n two', '--rev-id', 'n2n2', '--head', 'net@head', '--depends-on', 'a2a2']);
    return project;
  }

  it('heads shows the effective head; --resolve-dependencies does not (case 12)', () => {
    const project = case12Project();
    expect(runOk(project, ['heads'])).toBe('a2a2 (acct) (effective head)\nn2n2 (net) (head)\n');
    expect(runOk(project, ['heads', '--resolve-dependencies'])).toBe('n2n2 (net) (head)\n');
    expect(runOk(project, ['history'])).toBe(
      [
        'n1n1 (a2a2) -> n2n2 (net) (head), n two',
        '<base> -> n1n1 (net), n one',
        'a1a1 -> a2a2 (acct) (effective head), a two',
        '<base> -> a1a1 (acct), a one',
        '',
      ].join('\n'),
    );
  });

  it('heads -v and show heads', () => {
    const project = case12Project();
    const a2a2 = logEntryLines({
      revision: 'a2a2',
      annotations: ' (head)',
      parent: 'a1a1',
      branchNames: 'acct',
      path: versionsPath(project, 'a2a2_a_two.ts'),
      message: 'a two',
      revises: 'a1a1',
    });
    const n2n2 = logEntryLines({
      revision: 'n2n2',
      annotations: ' (head)',
      parent: 'n1n1',
      alsoDependsOn: 'a2a2',
      branchNames: 'net',
      path: versionsPath(project, 'n2n2_n_two.ts'),
      message: 'n two',
      revises: 'n1n1',
    });
    expect(maskVerbose(runOk(project, ['heads', '-v']))).toEqual([...a2a2, ...n2n2]);
    // `heads` as an identifier means the real heads only
    expect(maskVerbose(runOk(project, ['show', 'heads']))).toEqual(n2n2);
  });

  it('--depends-on: a partial id is written in full, a label is kept, an unknown id fails (case 30)', () => {
    const project = case12Project();
    const byPrefix = generate(project, [
      'revision',
      '-m',
      'n three',
      '--rev-id',
      'n3n3',
      '--head',
      'net@head',
      '--depends-on',
      'a1a',
    ]);
    expect(asList(exportedValue(project.read(project.relativePath(byPrefix)), 'dependsOn'))).toEqual(['a1a1']);
    const byLabel = generate(project, [
      'revision',
      '-m',
      'n four',
      '--rev-id',
      'n4n4',
      '--head',
      'net@head',
      '--depends-on',
      'acct',
    ]);
    expect(asList(exportedValue(project.read(project.relativePath(byLabel)), 'dependsOn'))).toEqual(['acct']);
    expect(outputLines(runOk(project, ['history']))[0]).toBe('n3n3 (acct) -> n4n4 (net) (head), n four');
    const twice = generate(project, [
      'revision',
      '-m',
      'shop',
      '--rev-id',
      's1s1',
      '--head',
      'base',
      '--depends-on',
      'n1n1',
      '--depends-on',
      'a1a1',
    ]);
    expect(asList(exportedValue(project.read(project.relativePath(twice)), 'dependsOn'))).toEqual(['n1n1', 'a1a1']);
    expect(outputLines(runOk(project, ['history']))).toContain('<base> (n1n1, a1a1) -> s1s1 (head), shop');

    const before = project.listFiles('migrations/versions');
    expectFailed(
      project.run(['revision', '-m', 'bad', '--rev-id', 'b0b0', '--head', 'base', '--depends-on', 'invalid']),
      "Can't locate revision identified by 'invalid'",
    );
    expect(project.listFiles('migrations/versions')).toEqual(before);
  });
});

// ---------------------------------------------------------------------------------------------
// Identifier errors

describe('identifiers', () => {
  it('an ambiguous prefix lists the candidates', () => {
    const project = initProject('ambiguous');
    generate(project, ['revision', '-m', 'one', '--rev-id', 'abcd1']);
    generate(project, ['revision', '-m', 'two', '--rev-id', 'abcd2']);
    expectFailed(
      project.run(['show', 'abcd']),
      "Can't locate revision identified by 'abcd'; multiple revisions start with 'abcd': 'abcd1', 'abcd2'",
    );
    expectFailed(
      project.run(['revision', '-m', 'three', '--rev-id', 'x1x1', '--head', 'abcd']),
      "Can't locate revision identified by 'abcd'; multiple revisions start with 'abcd': 'abcd1', 'abcd2'",
    );
    expect(project.listFiles('migrations/versions')).toEqual(['abcd1_one.ts', 'abcd2_two.ts']);
  });

  it('ids shorter than four characters match only exactly', () => {
    const project = initProject('short-ids');
    generate(project, ['revision', '-m', 'r one', '--rev-id', 'r1']);
    generate(project, ['revision', '-m', 'r two', '--rev-id', 'r2']);
    expectFailed(project.run(['show', 'r']), "Can't locate revision identified by 'r'");
    expect(outputLines(runOk(project, ['show', 'r1']))[0]).toBe('Rev: r1');
  });

  it('an unknown revision fails', () => {
    const project = appendixBProject();
    expectFailed(project.run(['show', 'ffff']), "Can't locate revision identified by 'ffff'");
    expectFailed(project.run(['revision', '-m', 'x', '--head', 'ffff']), "Can't locate revision identified by 'ffff'");
  });
});

// ---------------------------------------------------------------------------------------------
// Broken graphs and script files (hand-written scripts)

describe('broken graphs', () => {
  /** Runs `heads` and `history` and asserts both fail with the message. */
  function expectGraphError(project: TemporaryProject, message: string | RegExp): void {
    expectFailed(project.run(['heads']), message);
    expectFailed(project.run(['history']), message);
  }

  it('a cycle (case 9)', () => {
    const project = initProject('cycle');
    writeScript(project, 'a_one.ts', { revision: 'a', downRevision: 'c' });
    writeScript(project, 'b_two.ts', { revision: 'b', downRevision: 'a' });
    writeScript(project, 'c_three.ts', { revision: 'c', downRevision: 'b' });
    expectGraphError(project, 'Cycle is detected in revisions (a, b, c)');
  });

  it('a cycle beside a sound branch names the revisions not on a base-to-head path', () => {
    const project = initProject('cycle');
    writeScript(project, 'a_one.ts', { revision: 'a', downRevision: 'c' });
    writeScript(project, 'b_two.ts', { revision: 'b', downRevision: 'a' });
    writeScript(project, 'c_three.ts', { revision: 'c', downRevision: 'b' });
    writeScript(project, 'x_four.ts', { revision: 'x', downRevision: 'b' });
    writeScript(project, 'y_five.ts', { revision: 'y', downRevision: 'z' });
    writeScript(project, 'z_six.ts', { revision: 'z', downRevision: null });
    expectGraphError(project, 'Cycle is detected in revisions (a, b, c, x)');
  });

  it('a self-loop', () => {
    const project = initProject('self-loop');
    writeScript(project, 'a_one.ts', { revision: 'a', downRevision: 'a' });
    expectGraphError(project, 'Self-loop is detected in revisions (a)');
  });

  it('a dependency self-loop and a dependency cycle', () => {
    const project = initProject('dependency-loop');
    writeScript(project, 'a_one.ts', { revision: 'a', downRevision: null, dependsOn: 'a' });
    expectGraphError(project, 'Dependency self-loop is detected in revisions (a)');
    project.remove('migrations/versions/a_one.ts');
    writeScript(project, 'a_one.ts', { revision: 'a', downRevision: null, dependsOn: 'c' });
    writeScript(project, 'b_two.ts', { revision: 'b', downRevision: 'a' });
    writeScript(project, 'c_three.ts', { revision: 'c', downRevision: 'b' });
    expectGraphError(project, 'Dependency cycle is detected in revisions (a, b, c)');
  });

  it('a branch label used twice', () => {
    const project = initProject('duplicate-label');
    writeScript(project, 'a_one.ts', { revision: 'a', downRevision: null });
    writeScript(project, 'c_two.ts', { revision: 'c', downRevision: 'a', branchLabels: 'xy1' });
    writeScript(project, 'e_three.ts', { revision: 'e', downRevision: 'a', branchLabels: 'xy1' });
    // Alembic names them in either order (reference 10.2 case 9)
    expectGraphError(
      project,
      /^FAILED: Branch name 'xy1' in revision (e already used by revision c|c already used by revision e)$/,
    );
  });

  it('a branch label equal to a revision id', () => {
    const project = initProject('label-is-id');
    writeScript(project, 'a_one.ts', { revision: 'a', downRevision: null });
    writeScript(project, 'c_two.ts', { revision: 'c', downRevision: 'a', branchLabels: 'a' });
    expectGraphError(project, "Branch name 'a' in revision c already used by revision a");
  });

  it('a duplicate revision id names both files', () => {
    const project = initProject('duplicate-id');
    writeScript(project, 'a_one.ts', { revision: 'a1a1', downRevision: null });
    writeScript(project, 'b_first.ts', { revision: 'b2b2', downRevision: 'a1a1' });
    writeScript(project, 'b_second.ts', { revision: 'b2b2', downRevision: 'a1a1' });
    for (const command of [['heads'], ['history'], ['revision', '-m', 'next', '--rev-id', 'c3c3']]) {
      const result = project.run(command);
      expectFailed(result, /^FAILED: .*b_first\.ts.*b_second\.ts|^FAILED: .*b_second\.ts.*b_first\.ts/);
      expect(result.stderr).toContain('b2b2');
    }
    expect(project.listFiles('migrations/versions')).toEqual(['a_one.ts', 'b_first.ts', 'b_second.ts']);
  });

  it('a downRevision naming no script names the file and the missing id', () => {
    const project = initProject('dangling');
    writeScript(project, 'a_one.ts', { revision: 'a1a1', downRevision: null });
    writeScript(project, 'b_two.ts', { revision: 'b2b2', downRevision: 'zzzz' });
    for (const command of [['heads'], ['history'], ['show', 'a1a1']]) {
      const result = project.run(command);
      expectFailed(result, /^FAILED: .*b_two\.ts/);
      expect(result.stderr).toContain('zzzz');
    }
  });

  it('an unreadable script file names the file', () => {
    const project = initProject('unreadable');
    writeScript(project, 'a_one.ts', { revision: 'a1a1', downRevision: null });
    project.write(
      'migrations/versions/b_broken.ts',
      [
        '/** broken */',
        "export const revision = 'b2b2';",
        'export const downRevision = pickParent();',
        'export const branchLabels = null;',
        'export const dependsOn = null;',
        '',
      ].join('\n'),
    );
    for (const command of [['heads'], ['history']]) {
      expectFailed(project.run(command), /^FAILED: .*b_broken\.ts/);
    }
  });

  it('a missing revision export falls back to the id at the start of the file name', () => {
    const project = initProject('legacy');
    writeScript(project, 'abc123.ts', {
      revision: 'abc123',
      downRevision: null,
      message: 'legacy one',
      omitRevision: true,
    });
    writeScript(project, 'def456_legacy_two.ts', {
      revision: 'def456',
      downRevision: 'abc123',
      message: 'legacy two',
      omitRevision: true,
    });
    expect(runOk(project, ['history'])).toBe('abc123 -> def456 (head), legacy two\n<base> -> abc123, legacy one\n');
  });
});

// ---------------------------------------------------------------------------------------------
// Version locations (case 31), JSON config and -c

describe('version locations', () => {
  it('--version-path with several locations (case 31)', () => {
    const project = initProject('version-locations');
    useJsonConfig(project, { versionLocations: ['model1', 'model2'] });
    project.write('model1/.gitkeep', '');
    project.write('model2/.gitkeep', '');
    const listAll = (): string[] => [
      ...project.listFiles('model1').map((name) => `model1/${name}`),
      ...project.listFiles('model2').map((name) => `model2/${name}`),
    ];
    expectFailed(
      project.run(['revision', '-m', 'one', '--rev-id', 'm1aa']),
      'Multiple version locations present, please specify --version-path',
    );
    expectFailed(
      project.run(['revision', '-m', 'one', '--rev-id', 'm1aa', '--version-path', 'foo/bar']),
      'Path foo/bar is not represented in current version locations',
    );
    expect(listAll()).toEqual(['model1/.gitkeep', 'model2/.gitkeep']);
    expect(generate(project, ['revision', '-m', 'one', '--rev-id', 'm1aa', '--version-path', 'model1'])).toBe(
      project.path('model1', 'm1aa_one.ts'),
    );
    expect(
      generate(project, ['revision', '-m', 'two', '--rev-id', 'm2aa', '--head', 'base', '--version-path', 'model2']),
    ).toBe(project.path('model2', 'm2aa_two.ts'));
    // on top of a head in model2, without --version-path: written into model2
    expect(generate(project, ['revision', '-m', 'three', '--rev-id', 'm2bb', '--head', 'm2aa'])).toBe(
      project.path('model2', 'm2bb_three.ts'),
    );
    expect(runOk(project, ['heads'])).toBe('m1aa (head)\nm2bb (head)\n');
  });

  it('-c FILE: versionLocations are relative to the config file', () => {
    const project = initProject('config-flag');
    project.remove('alembic.config.ts');
    project.write(
      'conf/alembic.config.json',
      JSON.stringify({ scriptLocation: project.path('migrations'), versionLocations: ['../model1'] }),
    );
    project.write('model1/.gitkeep', '');
    expect(generate(project, ['-c', 'conf/alembic.config.json', 'revision', '-m', 'one', '--rev-id', 'c1c1'])).toBe(
      project.path('model1', 'c1c1_one.ts'),
    );
    expect(runOk(project, ['-c', 'conf/alembic.config.json', 'heads'])).toBe('c1c1 (head)\n');
  });
});

// ---------------------------------------------------------------------------------------------
// File naming, dates, hooks (cases 32, 33)

describe('file names and create dates', () => {
  const longMessage = "this is a really long name with lots of characters and also I'd like it to\nhave\nnewlines";

  it('slugs are truncated at a word boundary to truncateSlugLength (case 32)', () => {
    const project = initProject('slug');
    expect(generate(project, ['revision', '-m', longMessage, '--rev-id', '12345'])).toBe(
      versionsPath(project, '12345_this_is_a_really_long_name_with_lots_of_.ts'),
    );
    useJsonConfig(project, { truncateSlugLength: 60 });
    expect(generate(project, ['revision', '-m', longMessage, '--rev-id', '23456'])).toBe(
      versionsPath(project, '23456_this_is_a_really_long_name_with_lots_of_characters_and_also_.ts'),
    );
  });

  it('fileTemplate date tokens are unpadded with %(x)s (case 32)', () => {
    const project = initProject('file-template');
    useJsonConfig(project, {
      fileTemplate: '%(rev)s_%(slug)s_%(year)s_%(month)s_%(day)s_%(hour)s_%(minute)s_%(second)s',
    });
    const before = Math.floor(Date.now() / 1000);
    const written = generate(project, ['revision', '-m', 'this is a message', '--rev-id', '12345']);
    const after = Math.floor(Date.now() / 1000);
    const candidates: string[] = [];
    for (let second = before; second <= after; second += 1) {
      const date = new Date(second * 1000);
      candidates.push(
        versionsPath(
          project,
          `12345_this_is_a_message_${date.getUTCFullYear()}_${date.getUTCMonth() + 1}_${date.getUTCDate()}_${date.getUTCHours()}_${date.getUTCMinutes()}_${date.getUTCSeconds()}.ts`,
        ),
      );
    }
    expect(candidates).toContain(written);
  });

  it('fileTemplate %(epoch)s', () => {
    const project = initProject('epoch');
    useJsonConfig(project, { fileTemplate: '%(epoch)s_%(rev)s_%(slug)s' });
    const before = Math.floor(Date.now() / 1000);
    const written = generate(project, ['revision', '-m', 'epoch test', '--rev-id', 'ep01']);
    const after = Math.floor(Date.now() / 1000);
    const match = /\/(\d+)_ep01_epoch_test\.ts$/.exec(written);
    expect(match).not.toBeNull();
    const epoch = Number(match?.[1]);
    expect(epoch).toBeGreaterThanOrEqual(before);
    expect(epoch).toBeLessThanOrEqual(after);
  });

  it('a fileTemplate with directories needs recursiveVersionLocations to be found (case 33)', () => {
    const project = initProject('subdirectories');
    useJsonConfig(project, {
      fileTemplate: '%(year)d/%(month).2d/%(day).2d_%(rev)s_%(slug)s',
      recursiveVersionLocations: true,
    });
    const before = utcParts(new Date());
    const written = generate(project, ['revision', '-m', 'test message', '--rev-id', 'sub1']);
    const after = utcParts(new Date());
    const expectedFor = (parts: { year: number; month: number; day: number }): string =>
      versionsPath(project, `${parts.year}/${pad2(parts.month)}/${pad2(parts.day)}_sub1_test_message.ts`);
    expect([expectedFor(before), expectedFor(after)]).toContain(written);
    generate(project, ['revision', '-m', 'second', '--rev-id', 'sub2']);
    expect(runOk(project, ['history'])).toBe('sub1 -> sub2 (head), second\n<base> -> sub1, test message\n');
  });

  it('without recursiveVersionLocations, scripts in subdirectories are not loaded', () => {
    const project = initProject('subdirectories');
    project.write(
      'migrations/versions/2024/12/26_sub1_test_message.ts',
      typeScriptScript({ revision: 'sub1', downRevision: null, message: 'test message' }),
    );
    writeScript(project, 'top1_top.ts', { revision: 'top1', downRevision: null, message: 'top' });
    expect(runOk(project, ['heads'])).toBe('top1 (head)\n');
    useJsonConfig(project, { recursiveVersionLocations: true });
    // Alembic loads a directory's own files (sorted) before its subdirectories (sorted)
    expect(runOk(project, ['heads'])).toBe('top1 (head)\nsub1 (head)\n');
  });

  it('timezone sets the Create Date; an unknown zone fails and writes nothing (case 32)', () => {
    const project = initProject('timezone');
    useJsonConfig(project, { timezone: 'Asia/Tokyo' });
    const written = generate(project, ['revision', '-m', 'tz', '--rev-id', 'tz01']);
    const source = project.read(project.relativePath(written));
    const match = / \* Create Date: (\d{4})-(\d\d)-(\d\d) (\d\d):(\d\d):(\d\d)(?:\.\d{6})?(?:\+09:00)?$/m.exec(source);
    expect(match).not.toBeNull();
    const [, year, month, day, hour, minute, second] = (match as RegExpExecArray).map(Number);
    const writtenAsUtc = Date.UTC(
      year as number,
      (month as number) - 1,
      day as number,
      hour as number,
      minute as number,
      second as number,
    );
    const tokyoNow = Date.now() + 9 * 3600 * 1000;
    expect(Math.abs(writtenAsUtc - tokyoNow)).toBeLessThan(120_000);

    useJsonConfig(project, { timezone: 'fake' });
    expectFailed(project.run(['revision', '-m', 'tz', '--rev-id', 'tz02']), "Can't locate timezone: fake");
    expect(project.listFiles('migrations/versions')).toEqual(['tz01_tz.ts']);
  });

  it('an exec post-write hook runs on the new file', () => {
    const project = initProject('hooks');
    useJsonConfig(project, {
      postWriteHooks: [
        { name: 'x', type: 'exec', executable: 'sed', options: '-i s/foo/bar/ REVISION_SCRIPT_FILENAME' },
      ],
    });
    const result = project.run(['revision', '-m', 'foo thing', '--rev-id', 'h1h1']);
    expectSuccess(result);
    expect(`${result.stdout}${result.stderr}`).toMatch(/Running post write hook ['"]x['"]/);
    const source = project.read('migrations/versions/h1h1_foo_thing.ts');
    expect(source).toContain('bar thing');
    expect(source).not.toContain('foo thing');
    expect(runOk(project, ['history'])).toBe('<base> -> h1h1 (head), bar thing\n');
  });
});

// ---------------------------------------------------------------------------------------------
// edit

describe('edit', () => {
  /** Writes an editor that appends its arguments to `edited.txt`. */
  function recordingEditor(project: TemporaryProject): { EDITOR: string } {
    const editor = project.write(
      'record-editor.sh',
      `#!/bin/sh\nfor argument in "$@"; do printf '%s\\n' "$argument" >> '${project.path('edited.txt')}'; done\n`,
      0o755,
    );
    return { EDITOR: editor };
  }

  it('opens the script of a revision (by prefix) and of every head', () => {
    const project = appendixBProject();
    const environment = recordingEditor(project);
    expectSuccess(project.run(['edit', 'ccc'], { environment }));
    expect(project.read('edited.txt')).toBe(`${versionsPath(project, 'ccc3_third.ts')}\n`);
    project.remove('edited.txt');
    expectSuccess(project.run(['edit', 'heads'], { environment }));
    expect(project.read('edited.txt')).toBe(
      `${versionsPath(project, 'ccc3_third.ts')}\n${versionsPath(project, 'ddd4_branch_x.ts')}\n`,
    );
  });

  it('edit errors', () => {
    const project = appendixBProject();
    const environment = recordingEditor(project);
    expectFailed(project.run(['edit', 'base'], { environment }), "No revision files indicated by symbol 'base'");
    expectFailed(project.run(['edit', 'zzzz'], { environment }), "Can't locate revision identified by 'zzzz'");
    expectFailed(
      project.run(['edit', 'head'], { environment }),
      "Multiple head revisions are present for given argument 'head'; please specify a specific target revision, '<branchname>@head' to narrow to a specific head, or 'heads' for all heads",
    );
    expect(project.exists('edited.txt')).toBe(false);
  });
});

// ---------------------------------------------------------------------------------------------
// history ranges on a chain (case 34)

describe('history -r on a chain (case 34)', () => {
  let project: TemporaryProject;
  beforeEach(() => {
    project = initProject('history');
    generate(project, ['revision', '-m', 'first', '--rev-id', 'aaa1']);
    generate(project, ['revision', '-m', 'second', '--rev-id', 'bbb2']);
    generate(project, ['revision', '-m', 'third', '--rev-id', 'ccc3']);
  });

  const line = {
    c: 'bbb2 -> ccc3 (head), third',
    b: 'aaa1 -> bbb2, second',
    a: '<base> -> aaa1, first',
  };
  const listing = (...lines: string[]): string => `${lines.join('\n')}\n`;

  it.each([
    [
      ['-r', 'aaa1:bbb2'],
      [line.b, line.a],
    ],
    [
      ['-r', ':bbb2'],
      [line.b, line.a],
    ],
    [
      ['-r', 'aaa1:'],
      [line.c, line.b, line.a],
    ],
    [
      ['-r', 'aaa1:+2'],
      [line.c, line.b, line.a],
    ],
    [['-r-2:ccc3'], [line.c, line.b, line.a]],
    [['--rev-range=-5:ccc3'], [line.c, line.b, line.a]],
    [['-r', 'bbb2:bbb2'], [line.b]],
    [['-r', 'base:base'], []],
    // history does not check relative lengths: walking past the head is not an error
    [
      ['-r', 'bbb2:+5'],
      [line.c, line.b],
    ],
    [['-r-1:'], [line.c, line.b]],
  ])('history %j', (rangeArguments, expectedLines) => {
    const stdout = runOk(project, ['history', ...rangeArguments]);
    expect(stdout).toBe(expectedLines.length === 0 ? '' : listing(...expectedLines));
  });

  it('history -v -r bbb2:', () => {
    expect(maskVerbose(runOk(project, ['history', '-v', '-r', 'bbb2:']))).toEqual([
      ...logEntryLines({
        revision: 'ccc3',
        annotations: ' (head)',
        parent: 'bbb2',
        path: versionsPath(project, 'ccc3_third.ts'),
        message: 'third',
        revises: 'bbb2',
      }),
      ...logEntryLines({
        revision: 'bbb2',
        parent: 'aaa1',
        path: versionsPath(project, 'bbb2_second.ts'),
        message: 'second',
        revises: 'aaa1',
      }),
    ]);
  });

  it('a range without a colon fails', () => {
    expectFailed(project.run(['history', '-r', 'foo']), 'History range requires [start]:[end], [start]:, or :[end]');
  });

  it('current: after stamp (needs the default SQLite database of the generic template)', () => {
    expectSuccess(project.run(['stamp', 'bbb2']));
    expect(runOk(project, ['history', '-r', 'current:'])).toBe(listing(line.c, line.b));
  });
});
