/**
 * CommonJS's globals, in a file compiled to an ES module: a TypeScript file that a CommonJS
 * project would run with ts-node or tsx (a TypeORM `data-source.ts` with
 * `entities: [__dirname + '/entities/*.ts']`, or `require('./ormconfig.json')`) keeps working
 * when it is imported. Both compilers apply the same {@link COMMONJS_GLOBALS}: esbuild (in
 * `compile-typescript.ts`), and the decorator compiler, which core hands it to (see
 * `decorator-compiler.ts`).
 *
 * @internal
 */

/** What a compiler does to give an ES module CommonJS's globals. */
export interface CommonJsGlobals {
  /**
   * The free references to replace, by name: `__dirname` and `__filename` with `import.meta`'s,
   * `require` with a `require` made for the module. A file that declares its own keeps it.
   */
  readonly replacements: Readonly<Record<string, string>>;
  /**
   * Defines the replacement of `require`. Goes first (after a hashbang line), on the first line
   * so that source maps need no shift, in a module whose source mentions `require`.
   */
  readonly requirePrologue: string;
}

/** The one definition both compilers use. */
export const COMMONJS_GLOBALS: CommonJsGlobals = Object.freeze({
  replacements: Object.freeze({
    __dirname: 'import.meta.dirname',
    __filename: 'import.meta.filename',
    require: '__alembicRequire',
  }),
  requirePrologue:
    'import { createRequire as __alembicCreateRequire } from "node:module";' +
    'const __alembicRequire = __alembicCreateRequire(import.meta.url);',
});

/** Whether `source` may use `require`, so that its ES module needs the prologue. */
export function mentionsRequire(source: string): boolean {
  return /\brequire\b/.test(source);
}
