import { readFileSync } from 'node:fs';
import Module, { createRequire } from 'node:module';
import {
  EXPERIMENTAL_DECORATORS_PROBE,
  esbuildFindsDecorators,
  firstDecoratorLine,
  missingDecoratorCompilerError,
  requireDecoratorCompiler,
  resolveDecoratorCompiler,
} from './decorator-compiler.js';

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
 */
export function compileForRequire(source: string, filename: string, fallbackParentUrl: string | undefined): string {
  esbuild ??= createRequire(import.meta.url)('esbuild') as EsbuildSync;
  const decoratorLine = firstDecoratorLine(source);
  if (decoratorLine !== undefined) {
    const compilerPath = resolveDecoratorCompiler(filename, fallbackParentUrl);
    if (compilerPath !== undefined) {
      return requireDecoratorCompiler(compilerPath).transpileDecorated(source, filename, 'cjs').code;
    }
    const probe = esbuild.transformSync(source, { ...EXPERIMENTAL_DECORATORS_PROBE, sourcefile: filename });
    if (esbuildFindsDecorators(probe.code)) throw missingDecoratorCompilerError(filename, decoratorLine);
  }
  return esbuild.transformSync(source, {
    loader: 'ts',
    format: 'cjs',
    target: 'node20',
    sourcefile: filename,
    sourcemap: 'inline',
  }).code;
}

let installed = false;

/**
 * Lets `require()` load `.ts` and `.cts` files (Node's module hooks only serve `import`): what
 * TypeORM does with `entities: ['src/entities/*.ts']` in a project whose `package.json` is not
 * `"type": "module"`. An extension some other tool registered (ts-node, say) is left alone.
 */
export function registerRequireTypeScriptHook(fallbackParentUrl: string | undefined): void {
  if (installed) return;
  installed = true;
  const extensions = (Module as unknown as { _extensions: Record<string, ExtensionHandler | undefined> })._extensions;
  const handler: ExtensionHandler = (module, filename) => {
    module._compile(compileForRequire(readFileSync(filename, 'utf8'), filename, fallbackParentUrl), filename);
  };
  for (const extension of ['.ts', '.cts']) extensions[extension] ??= handler;
}
