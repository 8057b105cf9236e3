/**
 * Bad command lines: unknown commands and options, missing and extra arguments, revision
 * identifiers that name nothing or too much, and arguments of the writing commands (revision,
 * merge, init, edit) that must be refused before anything is written.
 */
import type { BadInputCase } from './bad-input-case.js';
import type { CaseProject } from './case-project.js';

/** A chain aaaa <- bbbb on disk, nothing applied. */
function twoRevisions(project: CaseProject): void {
  project.chain(['aaaa', 'bbbb']);
}

export const ARGUMENT_CASES: readonly BadInputCase[] = [
  // ---- the command line itself (usage errors, exit 2)
  {
    name: 'no command at all',
    arguments: [],
    expected: { usage: 'too few arguments' },
  },
  {
    name: 'an unknown command',
    arguments: ['frobnicate'],
    expected: { usage: "invalid choice: 'frobnicate' (run 'alembic --help' for the commands)" },
  },
  {
    name: 'an unknown option',
    arguments: ['upgrade', '--bogus', 'head'],
    expected: { usage: 'unrecognized arguments: --bogus' },
  },
  {
    name: 'upgrade without its revision',
    arguments: ['upgrade'],
    expected: { usage: 'the following arguments are required: revision' },
  },
  {
    name: 'downgrade without its revision',
    arguments: ['downgrade'],
    expected: { usage: 'the following arguments are required: revision' },
  },
  {
    name: 'an extra positional argument',
    arguments: ['current', 'extra'],
    expected: { usage: 'unrecognized arguments: extra' },
  },
  {
    name: 'an option missing its value',
    arguments: ['revision', '-m'],
    expected: { usage: 'argument -m/--message: expected one argument' },
  },
  {
    name: 'a switch given a value',
    arguments: ['upgrade', '--sql=yes', 'head'],
    expected: { usage: "argument --sql: ignored explicit argument 'yes'" },
  },
  {
    name: '--rename without --autogenerate',
    setup: twoRevisions,
    arguments: ['revision', '-m', 'x', '--rename', 'account.name=full_name'],
    expected: { usage: '--rename and --rename-table only apply with --autogenerate' },
  },
  {
    name: '--lock-timeout with a negative value',
    setup: twoRevisions,
    arguments: ['upgrade', 'head', '--lock-timeout', '-1'],
    expected: { usage: /--lock-timeout/ },
  },
  {
    name: '--lock-timeout with a value that is not a number',
    setup: twoRevisions,
    arguments: ['upgrade', 'head', '--lock-timeout', 'soon'],
    expected: { usage: /--lock-timeout/ },
  },

  // ---- identifiers that name nothing, or too much
  {
    name: 'upgrade to an unknown revision',
    setup: twoRevisions,
    arguments: ['upgrade', 'zzzz'],
    expected: { failed: "Can't locate revision identified by 'zzzz'" },
  },
  {
    name: 'upgrade to an ambiguous prefix',
    setup: (project) => project.chain(['abcd1', 'abcd2']),
    arguments: ['upgrade', 'abcd'],
    expected: {
      failed: "Can't locate revision identified by 'abcd'; multiple revisions start with 'abcd': 'abcd1', 'abcd2'",
    },
  },
  {
    name: 'upgrade head with two heads',
    setup: (project) => {
      project.migration({ revision: 'aaaa', downRevision: null });
      project.migration({ revision: 'bbbb', downRevision: null });
    },
    arguments: ['upgrade', 'head'],
    expected: { failed: /^Multiple head revisions are present for given argument 'head'/ },
  },
  {
    name: 'a range without --sql',
    setup: twoRevisions,
    arguments: ['upgrade', 'aaaa:bbbb'],
    expected: { failed: 'Range revision not allowed' },
  },
  {
    name: 'downgrade --sql without a range',
    setup: twoRevisions,
    arguments: ['downgrade', 'base', '--sql'],
    expected: { failed: 'downgrade with --sql requires <fromrev>:<torev>' },
  },
  {
    name: 'stamp an unknown revision',
    setup: twoRevisions,
    arguments: ['stamp', 'nosuch'],
    expected: { failed: "Can't locate revision identified by 'nosuch'" },
  },
  {
    name: 'show an unknown revision',
    setup: twoRevisions,
    arguments: ['show', 'nosuch'],
    expected: { failed: "Can't locate revision identified by 'nosuch'" },
  },
  {
    name: 'history with a malformed range',
    setup: twoRevisions,
    arguments: ['history', '-r', 'a:b:c'],
    expected: { failed: 'History range requires [start]:[end], [start]:, or :[end]' },
  },
  {
    name: 'history with an unknown end',
    setup: twoRevisions,
    arguments: ['history', '-r', 'aaaa:nosuch'],
    expected: { failed: "Can't locate revision identified by 'nosuch'" },
  },
  {
    name: 'a missing -c config file',
    arguments: ['-c', 'nosuch.config.ts', 'current'],
    expected: { failed: "No config file 'nosuch.config.ts' found" },
  },

  // ---- writing commands: refused before anything is written
  {
    name: 'init into a directory that is not empty',
    arguments: ['init', 'migrations'],
    expected: { failed: 'Directory migrations already exists and is not empty' },
  },
  {
    name: 'init with an unknown template',
    arguments: ['init', '--template', 'nosuch', 'other'],
    expected: { failed: "No such template 'nosuch'; 'alembic list-templates' shows the available ones" },
  },
  {
    name: 'revision on an unknown head',
    setup: twoRevisions,
    arguments: ['revision', '-m', 'x', '--head', 'nosuch'],
    expected: { failed: "Can't locate revision identified by 'nosuch'" },
  },
  {
    name: 'revision on a revision that is not a head, without --splice',
    setup: twoRevisions,
    arguments: ['revision', '-m', 'x', '--head', 'aaaa'],
    expected: {
      failed: 'Revision aaaa is not a head revision; please specify --splice to create a new branch from this revision',
    },
  },
  {
    name: 'revision depending on an unknown revision',
    setup: twoRevisions,
    arguments: ['revision', '-m', 'x', '--depends-on', 'nosuch'],
    expected: { failed: "Can't locate revision identified by 'nosuch'" },
  },
  {
    name: 'revision into a version path that is not configured',
    setup: twoRevisions,
    arguments: ['revision', '-m', 'x', '--version-path', 'elsewhere/versions'],
    expected: { failed: /^Path .*elsewhere\/versions is not represented in current version locations$/ },
  },
  {
    name: 'revision with the id of an existing revision',
    setup: twoRevisions,
    arguments: ['revision', '-m', 'x', '--rev-id', 'aaaa'],
    expected: { failed: 'Revision aaaa is already present in migrations/versions/aaaa_rev.ts' },
  },
  {
    name: 'revision --rev-id climbing out of the project',
    setup: twoRevisions,
    arguments: ['revision', '-m', 'x', '--rev-id', '../../../escape'],
    expected: { failed: /^Invalid revision id '\.\.\/\.\.\/\.\.\/escape'/ },
  },
  {
    name: 'revision --rev-id ..',
    setup: twoRevisions,
    arguments: ['revision', '-m', 'x', '--rev-id', '..'],
    expected: { failed: /^Invalid revision id '\.\.'/ },
  },
  {
    name: 'revision --rev-id with a space',
    setup: twoRevisions,
    arguments: ['revision', '-m', 'x', '--rev-id', 'a b'],
    expected: { failed: /^Invalid revision id 'a b'/ },
  },
  {
    name: 'revision --rev-id with a character identifiers give a meaning',
    setup: twoRevisions,
    arguments: ['revision', '-m', 'x', '--rev-id', 'a@b'],
    expected: { failed: "Character(s) '@' not allowed in revision identifier 'a@b'" },
  },
  {
    name: 'revision --branch-label naming an existing revision id',
    setup: twoRevisions,
    arguments: ['revision', '-m', 'x', '--branch-label', 'aaaa'],
    expected: { failed: /^Branch label 'aaaa' is the id of revision aaaa\b/ },
  },
  {
    name: 'merge of a single revision',
    setup: (project) => {
      project.migration({ revision: 'aaaa', downRevision: null });
      project.migration({ revision: 'bbbb', downRevision: null });
    },
    arguments: ['merge', '-m', 'one', 'bbbb'],
    expected: { failed: /at least two/i },
  },
  {
    name: 'edit with no editor to be found',
    setup: twoRevisions,
    arguments: ['edit', 'head'],
    environment: () => ({ EDITOR: undefined, VISUAL: undefined, PATH: '/nonexistent-alembic-test-path' }),
    expected: { failed: /\$EDITOR/ },
  },
];
