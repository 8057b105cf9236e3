/** The global set (shared by every copy of core) of modules whose own code has started. */
const STARTED_KEY = '@alembic/core.loader.started-modules';

function startedModules(): Set<string> {
  const holder = globalThis as unknown as Record<symbol, Set<string> | undefined>;
  return (holder[Symbol.for(STARTED_KEY)] ??= new Set());
}

/**
 * A statement to put at the top of a module written to the cache: it records that the module's
 * own code started (its imports were all found and evaluated).
 */
export function evaluationMarker(key: string): string {
  return `globalThis[Symbol.for(${JSON.stringify(STARTED_KEY)})]?.add(${JSON.stringify(key)});`;
}

/** What importing a module from the cache gave. */
export type MarkedImport =
  | { readonly started: true; readonly namespace: Record<string, unknown> }
  | { readonly started: false; readonly error: unknown };

/** Module URLs whose own code has started in this process (their errors are their own). */
const startedUrls = new Set<string>();

/**
 * Imports a module that carries `evaluationMarker(key)`. An error thrown once its code has
 * started is the module's own and is rethrown, also when a later import of the same URL gets
 * Node's cached copy of that error; an error before (an import that Node could not find or
 * link, a dependency that threw) is returned: nothing of the module ran, so the caller may
 * import the original file another way.
 */
export async function importMarked(url: string, key: string): Promise<MarkedImport> {
  const started = startedModules();
  started.delete(key);
  try {
    const namespace = (await import(url)) as Record<string, unknown>;
    startedUrls.add(url);
    return { started: true, namespace };
  } catch (error) {
    if (started.has(key) || startedUrls.has(url)) {
      startedUrls.add(url);
      throw error;
    }
    return { started: false, error };
  }
}
