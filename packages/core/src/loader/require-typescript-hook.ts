import { readFileSync } from 'node:fs';
import Module, { createRequire } from 'node:module';
import {
  EXPERIMENTAL_DECORATORS_PROBE,
  decoratorLoadError,
  esbuildFindsDecorators,
  firstDecoratorLine,
  missingDecoratorCompilerError,
  requireDecoratorCompiler,
  resolveDecoratorCompiler,
} from './decorator-compiler.js';
import { describeLoadError } from './describe-load-error.js';

interface CompilableModule {
  _compile(code: string, filename: string): unknown;
}

type ExtensionHandler = (module: CompilableModule, filename: string) => void;

interface EsbuildSync {
  transformSync(source: string, options: Record<string, unknown>): { code: string };
}

let esbuild: EsbuildSync | undefined;

/**
 * Compiles a TypeScript file to CommonJS for `require()`: esbuild, or the decorator compiler
 * of `@alembic/typeorm` when the file uses decorators (see `decorator-compiler.ts`).
 *
 * @throws ScriptFileError naming the file and line of a syntax error, or of a decorated file
 *   with no decorator compiler to be found
 */
export function compileForRequire(source: string, filename: string, fallbackParentUrl: string | undefined): string {
  esbuild ??= createRequire(import.meta.url)('esbuild') as EsbuildSync;
  const decoratorLine = firstDecoratorLine(source);
  if (decoratorLine !== undefined) {
    const compilerPath = resolveDecoratorCompiler(filename, fallbackParentUrl);
    if (compilerPath !== undefined) {
      const compiler = requireDecoratorCompiler(compilerPath);
      try {
        return compiler.transpileDecorated(source, filename, 'cjs').code;
      } catch (error) {
        // A syntax error it located: a `ScriptFileError`, as from the module hooks.
        throw decoratorLoadError(error) ?? error;
      }
    }
    const probe = esbuild.transformSync(source, { ...EXPERIMENTAL_DECORATORS_PROBE, sourcefile: filename });
    if (esbuildFindsDecorators(probe.code)) throw missingDecoratorCompilerError(filename, decoratorLine);
  }
  try {
    return esbuild.transformSync(source, {
      loader: 'ts',
      format: 'cjs',
      target: 'node20',
      sourcefile: filename,
      sourcemap: 'inline',
    }).code;
  } catch (error) {
    throw describeLoadError(error, filename) ?? error;
  }
}

let installed = false;

/**
 * Lets `require()` load `.ts` and `.cts` files (Node's module hooks only serve `import`): what
 * TypeORM does with `entities: ['src/entities/*.ts']` in a project whose `package.json` is not
 * `"type": "module"`. Where nothing handles an extension yet (Node 20), every file of it is
 * compiled here. Where something does (Node >= 22.18 / 23.6 strips types itself; ts-node, say),
 * a file that uses decorators is still compiled here, since it needs their metadata emitted,
 * which Node's type stripping cannot do; every other file goes to the handler that was there.
 */
export function registerRequireTypeScriptHook(fallbackParentUrl: string | undefined): void {
  if (installed) return;
  installed = true;
  const extensions = (Module as unknown as { _extensions: Record<string, ExtensionHandler | undefined> })._extensions;
  const compile = (module: CompilableModule, filename: string, source: string): void => {
    module._compile(compileForRequire(source, filename, fallbackParentUrl), filename);
  };
  for (const extension of ['.ts', '.cts']) {
    const previous = extensions[extension];
    extensions[extension] =
      previous === undefined
        ? (module, filename) => compile(module, filename, readFileSync(filename, 'utf8'))
        : (module, filename) => {
            const source = readFileSync(filename, 'utf8');
            if (firstDecoratorLine(source) === undefined) previous(module, filename);
            else compile(module, filename, source);
          };
  }
}
