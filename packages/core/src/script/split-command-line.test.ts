import { splitCommandLine } from './split-command-line.js';

describe('splitCommandLine', () => {
  it.each([
    ['', []],
    ['  -l  79 \t REVISION_SCRIPT_FILENAME\n', ['-l', '79', 'REVISION_SCRIPT_FILENAME']],
    [`-i -e 's/empty message/x y/'`, ['-i', '-e', 's/empty message/x y/']],
    [`"two words" "a \\"quoted\\" \\$x \\n" 'single \\ kept'`, ['two words', 'a "quoted" $x \\n', 'single \\ kept']],
    [`it\\'s a\\ b '' ""`, ["it's", 'a b', '', '']],
    [`pre'fix'"ed"post`, ['prefixedpost']],
    ['$HOME ~ *.ts #not-a-comment', ['$HOME', '~', '*.ts', '#not-a-comment']],
    ['line\\\ncontinued', ['linecontinued']],
  ])('splits %j', (commandLine, expected) => {
    expect(splitCommandLine(commandLine)).toEqual(expected);
  });

  it.each([[`'open`], [`"open`], ['trailing\\']])('rejects %j', (commandLine) => {
    expect(() => splitCommandLine(commandLine)).toThrow(SyntaxError);
  });
});
