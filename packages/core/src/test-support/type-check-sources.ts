import ts from 'typescript';

/** A compile error {@link typeCheckSources} found: where, and TypeScript's message. */
export interface TypeCheckError {
  /** The source's path; empty for an error of the program as a whole. */
  readonly fileName: string;
  /** 1-based; 0 for an error of the program as a whole. */
  readonly line: number;
  readonly message: string;
}

/**
 * Type-checks TypeScript sources held in memory, by absolute path (they may import files on disk,
 * such as `src/index.ts`), as a strict ES2022 / NodeNext project would, and returns the errors in
 * those sources (and the program's own, without a file). For tests of what users' code compiles
 * to: generated migrations, configs.
 */
export function typeCheckSources(
  sources: ReadonlyMap<string, string>,
  options: ts.CompilerOptions = {},
): TypeCheckError[] {
  const compilerOptions: ts.CompilerOptions = {
    strict: true,
    noEmit: true,
    target: ts.ScriptTarget.ES2022,
    module: ts.ModuleKind.NodeNext,
    moduleResolution: ts.ModuleResolutionKind.NodeNext,
    skipLibCheck: true,
    types: [],
    lib: ['lib.es2022.d.ts'],
    ...options,
  };
  const host = ts.createCompilerHost(compilerOptions);
  const readFile = host.readFile.bind(host);
  const fileExists = host.fileExists.bind(host);
  host.readFile = (fileName) => sources.get(fileName) ?? readFile(fileName);
  host.fileExists = (fileName) => sources.has(fileName) || fileExists(fileName);
  const program = ts.createProgram([...sources.keys()], compilerOptions, host);
  return ts
    .getPreEmitDiagnostics(program)
    .filter((diagnostic) => diagnostic.file === undefined || sources.has(diagnostic.file.fileName))
    .map((diagnostic) => ({
      fileName: diagnostic.file?.fileName ?? '',
      line:
        diagnostic.file !== undefined && diagnostic.start !== undefined
          ? diagnostic.file.getLineAndCharacterOfPosition(diagnostic.start).line + 1
          : 0,
      message: ts.flattenDiagnosticMessageText(diagnostic.messageText, '\n'),
    }));
}
