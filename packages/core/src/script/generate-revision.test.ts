/**
 * `ScriptDirectory.generateRevision` on real directories: validate, then write. Every refused
 * input leaves the file tree exactly as it was (the versions directory and everything around
 * it, for ids that would escape), and what is written is a script the listing finds, the
 * header reader reads back and the loader imports.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative, resolve } from 'node:path';
import fc from 'fast-check';
import { Config } from '../config/config.js';
import { AlembicError } from '../errors/alembic-error.js';
import { resolveCreateDate } from './create-date.js';
import { listScriptFiles } from './list-script-files.js';
import { ScriptDirectory, type GenerateRevisionOptions } from './script-directory.js';
import { Script } from './script.js';
import { expectedLongDoc, messages, wellFormed } from './test-support/awkward-messages.js';
import { writeNewFile } from './write-new-file.js';

const GENERIC_TEMPLATE = join(__dirname, '..', '..', 'templates', 'generic', 'script.ts.tmpl');
const CORE_DIST = resolve(__dirname, '../../dist');
const NOW = new Date('2026-12-04T10:00:00Z');

const roots: string[] = [];
afterAll(() => {
  for (const root of roots) rmSync(root, { recursive: true, force: true });
});

/** A temporary directory holding `project/` (the config's directory) and nothing else. */
interface Project {
  readonly root: string;
  readonly directory: string;
  readonly versions: string;
  readonly lines: string[];
  scripts(values?: Record<string, unknown>): ScriptDirectory;
}

function makeProject(template = readFileSync(GENERIC_TEMPLATE, 'utf8')): Project {
  const root = mkdtempSync(join(tmpdir(), 'alembic-generate-'));
  roots.push(root);
  const directory = join(root, 'project');
  const versions = join(directory, 'migrations', 'versions');
  mkdirSync(versions, { recursive: true });
  // An empty node_modules keeps the header cache inside the project.
  mkdirSync(join(directory, 'node_modules'));
  writeFileSync(join(directory, 'migrations', 'script.ts.tmpl'), template);
  const lines: string[] = [];
  return {
    root,
    directory,
    versions,
    lines,
    scripts: (values = {}) =>
      ScriptDirectory.fromConfig(
        new Config({
          configFile: null,
          directory,
          values: { scriptLocation: 'migrations', ...values } as never,
          output: { stdout: (line) => lines.push(line), stderr: (line) => lines.push(line) },
        }),
      ),
  };
}

/** Every file and directory under `root` (caches left out), with sizes. */
function tree(root: string): string[] {
  const entries: string[] = [];
  const walk = (directory: string): void => {
    for (const name of readdirSync(directory).sort()) {
      if (name === 'node_modules') continue;
      const path = join(directory, name);
      const stats = statSync(path);
      entries.push(`${relative(root, path)}${stats.isDirectory() ? '/' : ` ${stats.size}`}`);
      if (stats.isDirectory()) walk(path);
    }
  };
  walk(root);
  return entries;
}

async function refusal(work: () => Promise<unknown>): Promise<AlembicError> {
  try {
    await work();
  } catch (error) {
    if (AlembicError.isInstance(error)) return error;
    throw error;
  }
  throw new Error('expected the command to be refused');
}

/** Asserts `options` is refused with `code` and `message`, and that nothing was written. */
async function expectRefused(
  project: Project,
  options: GenerateRevisionOptions,
  code: string,
  message: string | RegExp,
  values?: Record<string, unknown>,
): Promise<void> {
  const before = tree(project.root);
  const error = await refusal(() => project.scripts(values).generateRevision(options));
  expect(error.code).toBe(code);
  expect(error.message).toMatch(typeof message === 'string' ? new RegExp(`^${escapeRegExp(message)}$`) : message);
  expect(error.message).not.toContain('\n');
  expect(tree(project.root)).toEqual(before);
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

describe('generateRevision: validate, then write', () => {
  let project: Project;
  beforeAll(async () => {
    project = makeProject();
    await project.scripts().generateRevision({ revisionId: 'aaa', message: 'first', branchLabels: ['shared'] });
  });

  it.each([
    ['../../../escape', /^Invalid revision id '\.\.\/\.\.\/\.\.\/escape': it starts with '\.', and it contains '\/'/],
    ['..', /^Invalid revision id '\.\.': it starts with '\.'/],
    ['a b', /^Invalid revision id 'a b': it contains ' '/],
    ['x/y', /^Invalid revision id 'x\/y': it contains '\/'/],
    ['a@b', /^Character\(s\) '@' not allowed in revision identifier 'a@b'$/],
  ])('refuses the id %j', async (revisionId, message) => {
    await expectRefused(project, { revisionId, message: 'x' }, 'ALEMBIC_ILLEGAL_REVISION_ID', message);
  });

  it('refuses an id that is already a revision or a branch label', async () => {
    await expectRefused(
      project,
      { revisionId: 'aaa' },
      'ALEMBIC_DUPLICATE_REVISION',
      /^Revision aaa is already present in /,
    );
    await expectRefused(
      project,
      { revisionId: 'shared' },
      'ALEMBIC_DUPLICATE_REVISION',
      /^Revision id 'shared' is a branch label of revision aaa \(.*aaa_first\.ts\); choose another id$/,
    );
  });

  it('refuses branch labels that are ids, labels, the new id, repeated or malformed', async () => {
    const refuse = (branchLabels: string[], message: RegExp, code = 'ALEMBIC_BRANCH_LABEL_IN_USE'): Promise<void> =>
      expectRefused(project, { revisionId: 'bbb', message: 'x', branchLabels }, code, message);
    await refuse(['aaa'], /^Branch label 'aaa' is the id of revision aaa \(.*aaa_first\.ts\); choose another label$/);
    await refuse(
      ['shared'],
      /^Branch label 'shared' is already a branch label of revision aaa \(.*\); choose another label$/,
    );
    await refuse(['bbb'], /^Branch label 'bbb' is the id of the new revision; choose another label$/);
    await refuse(['two', 'two'], /^Branch label 'two' is given twice$/);
    await refuse(['a@b'], /^Invalid branch label 'a@b': it contains '@'/, 'ALEMBIC_ILLEGAL_BRANCH_LABEL');
  });

  it('refuses a merge of fewer than two revisions', async () => {
    await expectRefused(
      project,
      { revisionId: 'mmm', head: ['heads'], merge: true },
      'ALEMBIC_MERGE_NEEDS_TWO_REVISIONS',
      "Nothing to merge: 'heads' resolves to one revision (aaa); a merge needs at least two revisions",
    );
    await expectRefused(
      project,
      { revisionId: 'mmm', head: ['aaa'], merge: true },
      'ALEMBIC_MERGE_NEEDS_TWO_REVISIONS',
      "Nothing to merge: 'aaa' resolves to one revision (aaa); a merge needs at least two revisions",
    );
  });

  it('refuses unknown parents, dependencies and version paths', async () => {
    await expectRefused(
      project,
      { revisionId: 'ccc', head: 'zzz' },
      'ALEMBIC_NO_SUCH_REVISION',
      "Can't locate revision identified by 'zzz'",
    );
    await expectRefused(
      project,
      { revisionId: 'ccc', dependsOn: ['zzz'] },
      'ALEMBIC_NO_SUCH_REVISION',
      "Can't locate revision identified by 'zzz'",
    );
    await expectRefused(
      project,
      { revisionId: 'ccc', versionPath: 'elsewhere' },
      'ALEMBIC_UNKNOWN_VERSION_PATH',
      'Path elsewhere is not represented in current version locations',
    );
  });

  it.each([
    ['../%(rev)s', /names the new file '\.\.\/ccc\.ts', which leaves the version location; nothing written$/],
    ['/%(rev)s', /names the new file '\/ccc\.ts', which is an absolute path; nothing written$/],
    ['%(rev)s//x', /which has an empty path segment; nothing written$/],
    ['.%(rev)s', /which has a segment the script listing skips \('\.ccc\.ts'\); nothing written$/],
    ['%(rev)s.d', /names the new file 'ccc\.d\.ts', which is not a script the listing loads; nothing written$/],
    [
      '%(year)d/%(rev)s',
      /which is in a subdirectory, and scripts there are only loaded with recursiveVersionLocations: true; nothing written$/,
    ],
    [`%(rev)s_${'x'.repeat(300)}`, /which has a segment of 307 bytes, longer than 255/],
  ])('refuses the file name fileTemplate %j gives', async (fileTemplate, message) => {
    await expectRefused(project, { revisionId: 'ccc', message: 'x' }, 'ALEMBIC_FILE_TEMPLATE', message, {
      fileTemplate,
    });
  });

  it('refuses to overwrite a file', async () => {
    const local = makeProject();
    await local.scripts({ fileTemplate: '%(slug)s' }).generateRevision({ revisionId: 'r1', message: 'same words' });
    await expectRefused(
      local,
      { revisionId: 'r2', message: 'same words' },
      'ALEMBIC_FILE_EXISTS',
      /^File .*same_words\.ts already exists; nothing written/,
      { fileTemplate: '%(slug)s' },
    );
  });
});

describe('generateRevision: the template is rendered and checked before writing', () => {
  const generic = readFileSync(GENERIC_TEMPLATE, 'utf8');

  it.each([
    [
      'an unknown variable',
      generic.replace('${createDate}', '${createdOn}'),
      'ALEMBIC_TEMPLATE',
      /uses the variable 'createdOn', which is not defined/,
    ],
    [
      'a syntax error',
      generic.replace(/\}\s*$/, ''),
      'ALEMBIC_TEMPLATE',
      /^The script rendered from .* would not load \(ddd_x\.ts:\d+:\d+: .*\); nothing written$/,
    ],
    [
      'a hard-coded id',
      generic.replace('${literal(upRevision)}', "'other'"),
      'ALEMBIC_TEMPLATE',
      /declares revision "other" instead of "ddd"; nothing written$/,
    ],
    [
      'no downRevision',
      generic.replace(/export const downRevision.*\n/, ''),
      'ALEMBIC_TEMPLATE',
      /would not be read \(Script .* has no 'downRevision' export/,
    ],
    [
      'no branchLabels export',
      generic.replace(/export const branchLabels.*\n/, ''),
      'ALEMBIC_TEMPLATE_WITHOUT_BRANCH_LABELS',
      /^Version ddd specified branch_labels lbl, however the migration file ddd_x\.ts does not have them/,
    ],
  ])('refuses a template with %s', async (_name, template, code, message) => {
    const project = makeProject(template);
    await expectRefused(project, { revisionId: 'ddd', message: 'x', branchLabels: ['lbl'] }, code, message);
  });

  it('runs post-write hooks after the file is in place, under its name', async () => {
    const project = makeProject();
    const seen: string[][] = [];
    const hook = {
      name: 'look',
      type: 'function' as const,
      run: (path: string) => void seen.push([relative(project.versions, path), ...readdirSync(project.versions)]),
    };
    await project.scripts({ postWriteHooks: [hook] }).generateRevision({ revisionId: 'eee', message: 'hooked' });
    expect(seen).toEqual([['eee_hooked.ts', 'eee_hooked.ts']]);
  });
});

describe('writeNewFile', () => {
  it('leaves no partial or temporary file when it fails', () => {
    const root = mkdtempSync(join(tmpdir(), 'alembic-write-'));
    roots.push(root);
    writeNewFile(join(root, 'a.ts'), 'one');
    expect(() => writeNewFile(join(root, 'a.ts'), 'two')).toThrow(
      expect.objectContaining({ code: 'ALEMBIC_FILE_EXISTS' }),
    );
    expect(() => writeNewFile(join(root, 'missing', 'b.ts'), 'two')).toThrow(
      expect.objectContaining({
        code: 'ALEMBIC_WRITE_FAILED',
        message: expect.stringMatching(/^Could not write .*b\.ts: ENOENT: no such file or directory$/),
      }),
    );
    expect(readdirSync(root)).toEqual(['a.ts']);
    expect(readFileSync(join(root, 'a.ts'), 'utf8')).toBe('one');
  });
});

describe('property: any message and any fileTemplate', () => {
  /** fileTemplates built from tokens, safe text and the pieces that go wrong. */
  const fileTemplates = fc
    .array(
      fc.constantFrom(
        '%(rev)s',
        '%(slug)s',
        '%(year)d',
        '%(month).2d',
        '%(epoch)s',
        '%(second)s',
        '_',
        '-',
        'x',
        'é',
        ' ',
        '%%',
        '/',
        '.',
        '..',
        '__',
        '%(nope)s',
        '%(rev)d',
      ),
      { minLength: 1, maxLength: 6 },
    )
    .map((pieces) => pieces.join(''));
  const written: Array<{ path: string; revision: string }> = [];

  it('either refuses with one typed line and writes nothing, or writes a script the listing finds and reads back', async () => {
    let counter = 0;
    await fc.assert(
      fc.asyncProperty(
        messages,
        fileTemplates,
        fc.boolean(),
        async (message, fileTemplate, recursiveVersionLocations) => {
          const project = makeProject();
          const revisionId = `r${(counter += 1)}`;
          const before = tree(project.root);
          const values = { fileTemplate, recursiveVersionLocations, timezone: 'UTC' };
          let script: Script;
          try {
            script = await project.scripts(values).generateRevision({ revisionId, message, now: NOW });
          } catch (error) {
            expect(AlembicError.isInstance(error)).toBe(true);
            expect((error as Error).message).not.toMatch(/[\n\r]/);
            expect(tree(project.root)).toEqual(before);
            return;
          }
          expect(relative(project.versions, script.path).startsWith('..')).toBe(false);
          expect(listScriptFiles([project.versions], recursiveVersionLocations)).toEqual([script.path]);
          const reread = Script.fromFile(script.path);
          expect(reread.revision).toBe(revisionId);
          const tail = `\n\nRevision ID: ${revisionId}\nRevises: \nCreate Date: ${resolveCreateDate(NOW, 'UTC').text}`;
          expect(reread.longDoc).toBe(expectedLongDoc(wellFormed(message), tail));
          expect(project.scripts(values).getHeads()).toEqual([revisionId]);
          written.push({ path: script.path, revision: revisionId });
        },
      ),
      { numRuns: 60 },
    );
    expect(written.length).toBeGreaterThan(0);
  });

  it('the loader imports every script written', () => {
    const program = `
      const entry = async (name) => import(new URL(name, ${JSON.stringify(`file://${CORE_DIST}/`)}).href);
      const { importModule } = (await entry('index.js')).importModule ? await entry('index.js') : await entry('internal.js');
      const results = [];
      for (const path of JSON.parse(process.argv[1])) {
        try { results.push((await importModule(path)).revision); } catch (error) { results.push('error: ' + error.message); }
      }
      console.log(JSON.stringify(results));
    `;
    const result = spawnSync(
      process.execPath,
      ['--input-type=module', '-e', program, JSON.stringify(written.map((entry) => entry.path))],
      {
        encoding: 'utf8',
      },
    );
    expect(result.stderr).toBe('');
    expect(JSON.parse(result.stdout)).toEqual(written.map((entry) => entry.revision));
  });
});
