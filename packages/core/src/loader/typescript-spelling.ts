/**
 * The TypeScript file a `.js`, `.mjs` or `.cjs` path names in TypeScript source, as TypeScript
 * allows (`./user.js` for `user.ts`); `undefined` for another path.
 *
 * ```ts
 * typeScriptSpelling('./user.js'); // './user.ts'
 * ```
 */
export function typeScriptSpelling(path: string): string | undefined {
  if (path.endsWith('.js')) return `${path.slice(0, -3)}.ts`;
  if (path.endsWith('.mjs')) return `${path.slice(0, -4)}.mts`;
  if (path.endsWith('.cjs')) return `${path.slice(0, -4)}.cts`;
  return undefined;
}
