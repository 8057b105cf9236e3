import { statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname } from 'node:path';
import { realPathOf } from './real-path.js';
import { typeScriptSpelling } from './typescript-spelling.js';

interface GetTsconfig {
  getTsconfig(searchPath: string): unknown;
  createPathsMatcher(tsconfig: unknown): ((specifier: string) => string[]) | null;
}

/** The matcher of the tsconfig.json nearest to each directory asked about (`null`: none applies). */
const matchers = new Map<string, ((specifier: string) => string[]) | null>();

let getTsconfig: GetTsconfig | undefined;

/** get-tsconfig, loaded the first time a bare import is not found (never on a run that needs none). */
function loadGetTsconfig(): GetTsconfig {
  getTsconfig ??= createRequire(import.meta.url)('get-tsconfig') as GetTsconfig;
  return getTsconfig;
}

/** What a path from `paths` or `baseUrl` may name, in the order TypeScript and Node try them. */
function fileCandidates(path: string): string[] {
  const candidates = [path];
  const spelled = typeScriptSpelling(path);
  if (spelled !== undefined) candidates.push(spelled);
  for (const extension of ['.ts', '.tsx', '.mts', '.cts', '.js', '.mjs', '.cjs', '.json']) {
    candidates.push(`${path}${extension}`);
  }
  candidates.push(`${path}/index.ts`, `${path}/index.js`);
  return candidates;
}

function isFile(path: string): boolean {
  try {
    return statSync(path).isFile();
  } catch {
    return false;
  }
}

/**
 * The file a bare specifier (`@app/user`, `src/entities/user`) names through the `paths` and
 * `baseUrl` of the tsconfig.json nearest to the importing file, as TypeScript maps it (and tsx,
 * or ts-node with tsconfig-paths, at run time): the first candidate that is a file, with the
 * extensions TypeScript would add, as its real path. `undefined` when no tsconfig.json maps it; files inside
 * `node_modules` are never mapped. Called only after Node found no such package, so a project
 * without `paths` pays nothing.
 *
 * ```ts
 * // tsconfig.json: { "compilerOptions": { "baseUrl": ".", "paths": { "@app/*": ["src/*"] } } }
 * tsconfigPathFile('@app/user', '/project/src/post.ts'); // '/project/src/user.ts'
 * ```
 */
export function tsconfigPathFile(specifier: string, parentPath: string): string | undefined {
  if (parentPath.includes('/node_modules/')) return undefined;
  const directory = dirname(parentPath);
  let matcher = matchers.get(directory);
  if (matcher === undefined) {
    const library = loadGetTsconfig();
    try {
      const tsconfig = library.getTsconfig(directory);
      matcher = tsconfig === null ? null : library.createPathsMatcher(tsconfig);
    } catch {
      // A tsconfig.json that does not parse maps nothing: the import fails as Node reports it.
      matcher = null;
    }
    matchers.set(directory, matcher);
  }
  if (matcher === null) return undefined;
  for (const path of matcher(specifier)) {
    const found = fileCandidates(path).find(isFile);
    // The real path, as Node's resolver gives: one module per file, however it is reached.
    if (found !== undefined) return realPathOf(found);
  }
  return undefined;
}
