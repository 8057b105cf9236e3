/**
 * Splits a command line into arguments the way a POSIX shell does, without running one: white
 * space separates arguments; `'...'` is taken literally; inside `"..."` a backslash escapes only
 * `\`, `"`, `$`, `` ` `` and a line break; elsewhere a backslash escapes the next character (and a
 * backslash-newline disappears). No expansion of any kind (`$VAR`, `*`, `~`) happens. Python's
 * `shlex.split`, which Alembic uses, differs only in those shell-specific escapes.
 *
 * ```ts
 * splitCommandLine(`--write "two words" it\\'s ''`); // ['--write', 'two words', "it's", '']
 * ```
 *
 * @throws SyntaxError for an unclosed quote or a trailing backslash.
 */
export function splitCommandLine(commandLine: string): string[] {
  const argumentsFound: string[] = [];
  let current = '';
  let inArgument = false;
  for (let index = 0; index < commandLine.length; index += 1) {
    const character = commandLine[index] as string;
    if (character === ' ' || character === '\t' || character === '\n' || character === '\r') {
      if (inArgument) argumentsFound.push(current);
      current = '';
      inArgument = false;
    } else if (character === "'") {
      const close = commandLine.indexOf("'", index + 1);
      if (close === -1) throw new SyntaxError(`No closing quotation in: ${commandLine}`);
      current += commandLine.slice(index + 1, close);
      index = close;
      inArgument = true;
    } else if (character === '"') {
      let close = index + 1;
      for (; close < commandLine.length && commandLine[close] !== '"'; close += 1) {
        const next = commandLine[close + 1];
        if (commandLine[close] === '\\' && next !== undefined && '\\"$`\n'.includes(next)) {
          if (next !== '\n') current += next;
          close += 1;
        } else {
          current += commandLine[close];
        }
      }
      if (close >= commandLine.length) throw new SyntaxError(`No closing quotation in: ${commandLine}`);
      index = close;
      inArgument = true;
    } else if (character === '\\') {
      const next = commandLine[index + 1];
      if (next === undefined) throw new SyntaxError(`No escaped character in: ${commandLine}`);
      if (next !== '\n') {
        current += next;
        inArgument = true;
      }
      index += 1;
    } else {
      current += character;
      inArgument = true;
    }
  }
  if (inArgument) argumentsFound.push(current);
  return argumentsFound;
}
