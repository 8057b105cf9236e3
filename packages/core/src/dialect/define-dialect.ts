import type { Dialect } from './dialect.js';

/**
 * What a dialect states about itself for {@link defineDialect}: the {@link Dialect} contract
 * without `specVersion`, which the helper fills in, and with `urlSchemes` optional.
 */
export type DialectDefinition = Omit<Dialect, 'specVersion' | 'urlSchemes'> & {
  /** URL schemes it serves; `[name]` when left out. */
  readonly urlSchemes?: readonly string[];
};

/**
 * A dialect object out of its definition: version 1 of the contract (`specVersion: 1`), the URL
 * schemes defaulting to the dialect's name, and the object and its schemes frozen.
 *
 * ```ts
 * export function example(options: ExampleDialectOptions = {}): Dialect {
 *   return defineDialect({
 *     name: 'example', // serves example:// URLs
 *     capabilities: exampleCapabilities,
 *     createDdlCompiler: (compilerOptions) => new ExampleDdlCompiler(compilerOptions),
 *     connect: (url, connectOptions) => connectExample(url, connectOptions, options),
 *     createIntrospector: (connection) => new ExampleIntrospector(connection),
 *     acquireMigrationLock: acquireExampleMigrationLock,
 *     translateError: translateExampleError,
 *   });
 * }
 * ```
 */
export function defineDialect(definition: DialectDefinition): Dialect {
  // A `specVersion` a JavaScript caller passes is left out: the object is version 1.
  const {
    name,
    urlSchemes = [name],
    specVersion: _given,
    ...members
  } = definition as DialectDefinition & { readonly specVersion?: unknown };
  return Object.freeze({ specVersion: 1, name, urlSchemes: Object.freeze([...urlSchemes]), ...members });
}
