import { writeSync } from 'node:fs';
import { createInterface } from 'node:readline';

/** What the CLI talks to: its streams, environment and working directory. */
export interface CliIo {
  readonly stdout: (text: string) => void;
  readonly stderr: (text: string) => void;
  /** Writes out whatever `stdout` still holds. */
  readonly flush: () => void;
  readonly env: NodeJS.ProcessEnv;
  readonly cwd: string;
  /**
   * Asks a question on the terminal and resolves to the answer; present only when standard
   * input and standard error are both a terminal (never in CI or a pipe).
   */
  readonly ask?: (question: string) => Promise<string>;
}

/** Standard output is gathered up to this size before it is written. */
const STDOUT_BUFFER_LIMIT = 64 * 1024;

/**
 * The real process's streams and environment. Standard output is buffered (`history` on a long
 * chain prints 10,000 lines; one write each would cost more than building them) and written
 * before anything goes to standard error, so the two stay in order on a terminal.
 */
export function processIo(): CliIo {
  let pending: string[] = [];
  let pendingLength = 0;
  const flush = (): void => {
    if (pending.length === 0) return;
    const text = pending.join('');
    pending = [];
    pendingLength = 0;
    writeAll(1, text);
  };
  return {
    stdout: (text) => {
      pending.push(text);
      pendingLength += text.length;
      if (pendingLength >= STDOUT_BUFFER_LIMIT) flush();
    },
    stderr: (text) => {
      flush();
      process.stderr.write(text);
    },
    flush,
    env: process.env,
    cwd: process.cwd(),
    ...(process.stdin.isTTY && process.stderr.isTTY
      ? {
          ask: (question: string) => {
            flush();
            return askOnTerminal(question);
          },
        }
      : {}),
  };
}

let openQuestions = 0;

/** Whether a question is waiting for the user's answer (a run waiting on the user is not stuck). */
export function isAskingUser(): boolean {
  return openQuestions > 0;
}

/** Writes `question` to standard error and reads one line of standard input. */
function askOnTerminal(question: string): Promise<string> {
  const terminal = createInterface({ input: process.stdin, output: process.stderr });
  openQuestions += 1;
  return new Promise((resolve) => {
    terminal.question(question, (answer) => {
      openQuestions -= 1;
      terminal.close();
      resolve(answer);
    });
  });
}

/** Writes all of `text` to a file descriptor, retrying on a full pipe. */
function writeAll(descriptor: number, text: string): void {
  const buffer = Buffer.from(text, 'utf8');
  let offset = 0;
  while (offset < buffer.length) {
    try {
      offset += writeSync(descriptor, buffer, offset);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'EAGAIN') continue;
      if ((error as NodeJS.ErrnoException).code === 'EPIPE') return;
      throw error;
    }
  }
}
