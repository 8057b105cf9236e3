import { chmodSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PostWriteHookError } from '../errors/post-write-hook-error.js';
import { checkPostWriteHooks, runPostWriteHooks } from './post-write-hooks.js';
import type { PostWriteHook } from './post-write-hooks.js';

/** A node script that records its arguments and working directory in `<cwd>/arguments.json`. */
const RECORD_ARGUMENTS = `#!/usr/bin/env node
const { writeFileSync } = require('node:fs');
writeFileSync('arguments.json', JSON.stringify({ argv: process.argv.slice(2), cwd: process.cwd() }));
`;

describe('runPostWriteHooks', () => {
  let root: string;
  let project: string;
  let script: string;
  let lines: string[];

  function run(hooks: readonly PostWriteHook[], cwd = project): Promise<void> {
    return runPostWriteHooks(script, hooks, { cwd, print: (line) => lines.push(line) });
  }

  async function failure(hooks: readonly PostWriteHook[], cwd = project): Promise<PostWriteHookError> {
    try {
      await run(hooks, cwd);
    } catch (error) {
      expect(error).toBeInstanceOf(PostWriteHookError);
      expect((error as PostWriteHookError).code).toBe('ALEMBIC_POST_WRITE_HOOK');
      expect((error as PostWriteHookError).message).not.toContain('\n');
      return error as PostWriteHookError;
    }
    throw new Error('expected a PostWriteHookError');
  }

  function recorded(directory: string): { argv: string[]; cwd: string } {
    return JSON.parse(readFileSync(join(directory, 'arguments.json'), 'utf8')) as { argv: string[]; cwd: string };
  }

  beforeEach(() => {
    root = mkdtempSync(join(tmpdir(), 'alembic-hooks-'));
    project = join(root, 'project');
    mkdirSync(join(project, 'migrations', 'versions'), { recursive: true });
    mkdirSync(join(root, 'node_modules', '.bin'), { recursive: true });
    const bin = join(root, 'node_modules', '.bin', 'record-arguments');
    writeFileSync(bin, RECORD_ARGUMENTS);
    chmodSync(bin, 0o755);
    script = join(project, 'migrations', 'versions', 'ae10 add_account.ts');
    writeFileSync(script, "/**\n * empty message\n */\nexport const revision = 'ae10';\n");
    lines = [];
  });

  afterEach(() => {
    rmSync(root, { recursive: true, force: true });
  });

  it('runs an exec hook from PATH on the script, with shell-like options', async () => {
    await run([
      {
        name: 'sed',
        type: 'exec',
        executable: 'sed',
        options: "-i -e 's/empty message/add account/' REVISION_SCRIPT_FILENAME",
      },
    ]);
    expect(readFileSync(script, 'utf8')).toContain(' * add account\n');
    expect(lines).toEqual(["Running post write hook 'sed' ...", '  done']);
  });

  it('runs a bin found in node_modules/.bin walking up from the project directory', async () => {
    await run([
      {
        name: 'record',
        type: 'bin',
        entrypoint: 'record-arguments',
        options: '--write "two words" --file=REVISION_SCRIPT_FILENAME',
      },
    ]);
    expect(recorded(project)).toEqual({ argv: ['--write', 'two words', `--file=${script}`], cwd: project });
  });

  it('puts the script path first when the options do not name it, as Alembic does', async () => {
    await run([{ name: 'record', type: 'bin', entrypoint: 'record-arguments', options: '--check' }]);
    expect(recorded(project).argv).toEqual([script, '--check']);
    await run([{ name: 'record', type: 'bin', entrypoint: 'record-arguments' }]);
    expect(recorded(project).argv).toEqual([script]);
  });

  it("runs in the hook's cwd, relative to the project directory", async () => {
    mkdirSync(join(project, 'tools'));
    await run([{ name: 'record', type: 'bin', entrypoint: 'record-arguments', cwd: 'tools' }]);
    expect(recorded(join(project, 'tools')).cwd).toBe(join(project, 'tools'));
  });

  it('runs an exec hook given as a path relative to the project directory', async () => {
    mkdirSync(join(project, 'scripts'));
    writeFileSync(join(project, 'scripts', 'record.js'), RECORD_ARGUMENTS);
    chmodSync(join(project, 'scripts', 'record.js'), 0o755);
    await run([
      { name: 'local', type: 'exec', executable: './scripts/record.js', options: 'REVISION_SCRIPT_FILENAME x' },
    ]);
    expect(recorded(project).argv).toEqual([script, 'x']);
  });

  it('calls function hooks in order, awaiting them', async () => {
    const calls: string[] = [];
    await run([
      {
        name: 'first',
        type: 'function',
        run: async (filePath) => {
          await new Promise((resolve) => setTimeout(resolve, 10));
          calls.push(`first ${filePath}`);
        },
      },
      { name: 'second', type: 'function', run: (filePath) => void calls.push(`second ${filePath}`) },
    ]);
    expect(calls).toEqual([`first ${script}`, `second ${script}`]);
    expect(lines).toEqual([
      "Running post write hook 'first' ...",
      '  done',
      "Running post write hook 'second' ...",
      '  done',
    ]);
  });

  it('stops at a failing function hook and wraps its error', async () => {
    const cause = new Error('formatter crashed\nstack details');
    let laterRan = false;
    const error = await failure([
      { name: 'broken', type: 'function', run: () => Promise.reject(cause) },
      { name: 'later', type: 'function', run: () => void (laterRan = true) },
    ]);
    expect(error.message).toBe("Post write hook 'broken' failed: formatter crashed");
    expect(error.hookName).toBe('broken');
    expect(error.cause).toBe(cause);
    expect(laterRan).toBe(false);
    expect(lines).toEqual(["Running post write hook 'broken' ...", '  FAILED']);
  });

  it('reports a non-zero exit status', async () => {
    const error = await failure([{ name: 'lint', type: 'exec', executable: 'false' }]);
    expect(error.message).toBe("Post write hook 'lint' failed: 'false' exited with code 1");
  });

  it('reports a program killed by a signal', async () => {
    const error = await failure([
      { name: 'killed', type: 'exec', executable: 'sh', options: "-c 'kill -TERM $$' REVISION_SCRIPT_FILENAME" },
    ]);
    expect(error.message).toBe("Post write hook 'killed' failed: 'sh' was killed by SIGTERM");
  });

  it('reports an unknown executable', async () => {
    const error = await failure([{ name: 'fmt', type: 'exec', executable: 'no-such-formatter-alembic' }]);
    expect(error.message).toBe("Post write hook 'fmt': could not find executable 'no-such-formatter-alembic'");
  });

  it('reports a working directory that does not exist', async () => {
    const error = await failure([{ name: 'fmt', type: 'exec', executable: 'true', cwd: 'missing' }]);
    expect(error.message).toBe(
      `Post write hook 'fmt': its working directory ${join(project, 'missing')} does not exist`,
    );
  });

  it('reports a bin that is not installed', async () => {
    const error = await failure([{ name: 'black', type: 'bin', entrypoint: 'black-formatter' }]);
    expect(error.message).toMatch(
      /^Post write hook 'black': could not find 'black-formatter' in node_modules\/\.bin from /,
    );
  });

  it('reports options that cannot be split', async () => {
    const error = await failure([{ name: 'quote', type: 'exec', executable: 'true', options: "'unclosed" }]);
    expect(error.message).toContain("Post write hook 'quote': cannot split options");
  });

  it.each([
    [
      { name: 'untyped', executable: 'true' },
      "Post write hook 'untyped' has no 'type'; use 'exec', 'bin' or 'function'",
    ],
    [
      { name: 'module', type: 'module', module: 'black' },
      "Post write hook 'module' has an unknown type 'module'; use 'exec', 'bin' or 'function'",
    ],
    [{ name: 'noexec', type: 'exec' }, "Post write hook 'noexec' (type 'exec') needs 'executable'"],
    [{ name: 'noentry', type: 'bin' }, "Post write hook 'noentry' (type 'bin') needs 'entrypoint'"],
    [{ name: 'norun', type: 'function' }, "Post write hook 'norun' (type 'function') needs a 'run' function"],
  ])('rejects the misconfigured hook %j', async (hook, message) => {
    const error = await failure([hook as unknown as PostWriteHook]);
    expect(error.message).toBe(message);
    expect(() => checkPostWriteHooks([hook as unknown as PostWriteHook], project)).toThrow(
      new PostWriteHookError(hook.name, message),
    );
  });

  it('checks without running: a well-formed hook passes the check and runs nothing', () => {
    checkPostWriteHooks([{ name: 'touch', type: 'exec', executable: 'touch', options: 'checked.txt' }], project);
    expect(() => readFileSync(join(project, 'checked.txt'))).toThrow();
  });
});
