/**
 * Runs one bad-input case on one backend: a fresh sandbox and database, the case's setup,
 * snapshots, the command (in the background, so that cases run side by side), snapshots again.
 * Returns what happened; `observe` and `expectedObservations` turn it into the comparison the
 * runner asserts.
 */
import { startCli } from '../support/migration-project.js';
import { createProject, outputLines } from '../support/run-cli.js';
import type { Backend, BadInputCase } from './bad-input-case.js';
import { provisionCaseDatabase, releaseCaseDatabase } from './case-databases.js';
import { CaseProject, createInitialData, PROJECT_DIRECTORY } from './case-project.js';
import { compareFiles, snapshotDatabase, snapshotFiles, type FileChanges } from './snapshots.js';

/** One case on one backend. */
export interface CaseRun {
  readonly testCase: BadInputCase;
  readonly backend: Backend;
  /** Unique among all runs; numbers the server database. */
  readonly index: number;
}

/** What one run did. */
export interface CaseOutcome {
  readonly status: number | null;
  readonly signal: NodeJS.Signals | null;
  /** Output with the sandbox paths and the database name replaced by placeholders. */
  readonly stdout: string;
  readonly stderr: string;
  readonly files: FileChanges;
  readonly databaseBefore: string;
  readonly databaseAfter: string;
  /** Strings the output must not contain. */
  readonly secrets: readonly string[];
}

/** The longest a command may take before the run kills it and reports a hang. */
const COMMAND_TIMEOUT_MILLISECONDS = 90_000;

/** Replaces the run's paths and names with `<project>`, `<sandbox>` and `<database>`. */
function normalise(text: string, project: CaseProject): string {
  let normalised = text.split(project.path()).join('<project>').split(project.sandbox.root).join('<sandbox>');
  if (project.backend !== 'sqlite') normalised = normalised.split(project.database.name).join('<database>');
  return normalised;
}

/** Runs the command; kills it (and says so in stderr) when it hangs. */
async function runCommand(
  project: CaseProject,
  run: CaseRun,
): Promise<{ status: number | null; signal: NodeJS.Signals | null; stdout: string; stderr: string }> {
  const background = startCli(project.sandbox, run.testCase.arguments, {
    workingDirectory: PROJECT_DIRECTORY,
    environment: run.testCase.environment?.(project) ?? {},
  });
  let hung = false;
  const timer = setTimeout(() => {
    hung = true;
    background.child.kill('SIGKILL');
  }, COMMAND_TIMEOUT_MILLISECONDS);
  try {
    const result = await background.finished;
    return hung
      ? { ...result, stderr: `${result.stderr}\n(killed: no answer after ${COMMAND_TIMEOUT_MILLISECONDS} ms)` }
      : result;
  } finally {
    clearTimeout(timer);
  }
}

/** Runs one case; infrastructure failures (setup, servers) reject. */
export async function runCase(run: CaseRun, templateDirectory: string): Promise<CaseOutcome> {
  const sandbox = createProject(`bad-${run.backend}`);
  const database = await provisionCaseDatabase(run.backend, run.index);
  const project = new CaseProject(sandbox, database, templateDirectory);
  try {
    await createInitialData(project);
    await run.testCase.setup?.(project);
    const ignored = new Set(run.backend === 'sqlite' ? [`${PROJECT_DIRECTORY}/${database.name}`] : []);
    const filesBefore = snapshotFiles(sandbox.root, ignored);
    const databaseBefore = await snapshotDatabase(database, project.path());
    const result = await runCommand(project, run);
    const databaseAfter = await snapshotDatabase(database, project.path());
    const filesAfter = snapshotFiles(sandbox.root, ignored);
    return {
      status: result.status,
      signal: result.signal,
      stdout: normalise(result.stdout, project),
      stderr: normalise(result.stderr, project),
      files: compareFiles(filesBefore, filesAfter),
      databaseBefore,
      databaseAfter,
      secrets: [...(database.password === undefined ? [] : [database.password]), ...(run.testCase.secrets ?? [])],
    };
  } finally {
    await project.stopBackground();
    await releaseCaseDatabase(database);
  }
}

/** The hint the CLI adds under a FAILED line for errors that are not its own. */
const RAISEERR_HINT = '(run with --raiseerr for the stack trace)';

/** The observations the runner compares with {@link expectedObservations}. */
export interface Observations {
  readonly exit: number | string | null;
  /** The message of the answer line (`FAILED: <message>` or `alembic: error: <message>`). */
  readonly message: string | undefined;
  /** Every other line of output, which should not be there. */
  readonly otherOutput: readonly string[];
  readonly stackTraceLines: readonly string[];
  readonly secretsShown: readonly string[];
  readonly database: 'unchanged' | { readonly before: string; readonly after: string };
  readonly files: FileChanges;
}

/** What a case's run showed, in the terms the corpus checks. */
export function observe(testCase: BadInputCase, outcome: CaseOutcome): Observations {
  const usage = 'usage' in testCase.expected;
  const stderrLines = outputLines(outcome.stderr);
  const answerPrefix = usage ? 'alembic: error: ' : 'FAILED: ';
  const answerLines = stderrLines.filter((line) => line.startsWith(answerPrefix));
  const allowed = (line: string): boolean =>
    line === answerLines[0] ||
    (!usage && line === RAISEERR_HINT) ||
    (usage && line.startsWith('usage: alembic')) ||
    (testCase.allowedLines ?? []).some((pattern) => pattern.test(line));
  const everything = `${outcome.stdout}\n${outcome.stderr}`;
  return {
    exit: outcome.status ?? outcome.signal,
    message: answerLines[0]?.slice(answerPrefix.length),
    otherOutput: [
      ...stderrLines.filter((line) => !allowed(line)),
      ...outputLines(outcome.stdout)
        .filter((line) => !(testCase.allowedLines ?? []).some((pattern) => pattern.test(line)))
        .map((line) => `(stdout) ${line}`),
    ],
    stackTraceLines: everything.split('\n').filter((line) => /^\s+at /.test(line)),
    secretsShown: outcome.secrets.filter(
      (secret) => everything.includes(secret) || everything.includes(encodeURIComponent(secret)),
    ),
    database:
      outcome.databaseBefore === outcome.databaseAfter
        ? 'unchanged'
        : { before: outcome.databaseBefore, after: outcome.databaseAfter },
    files: outcome.files,
  };
}

/** What every case must show. */
export function expectedObservations(testCase: BadInputCase): Observations {
  const expected = 'usage' in testCase.expected ? testCase.expected.usage : testCase.expected.failed;
  return {
    exit: 'usage' in testCase.expected ? 2 : 1,
    message: typeof expected === 'string' ? expected : (expect.stringMatching(expected) as unknown as string),
    otherOutput: [],
    stackTraceLines: [],
    secretsShown: [],
    database: 'unchanged',
    files: { added: [], removed: [], changed: [] },
  };
}
