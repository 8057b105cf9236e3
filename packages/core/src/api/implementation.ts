/**
 * Every export of every entry point, as one module: the build bundles core from here into
 * `dist/core.js` / `dist/core.cjs`, and the entry points (`dist/index`, `dist/dialect`,
 * `dist/internal`) re-export their names from it, so that a process loading two of them loads
 * one copy of each class (see tsup.config.ts). Not an entry point itself.
 */
export * from '../index.js';
export * from './dialect.js';
export * from './internal.js';
