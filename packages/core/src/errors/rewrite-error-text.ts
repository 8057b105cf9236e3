import { types } from 'node:util';
import type { SecretScrubberOptions } from './secret-scrubber.js';

/**
 * Where {@link rewriteErrorText} looks in an error, besides `message`, `stack`, `cause` and
 * `errors`: a driver's own keys, or every own property.
 *
 * @internal
 */
export interface ErrorTextPlaces extends SecretScrubberOptions {
  /**
   * Every own property too, string- or symbol-keyed: each string is rewritten in place, in any
   * object the walk reaches (so a caller that keeps running sees the change), and each object
   * is walked in turn, down to depth 3, one level beyond what Node prints an uncaught error to by
   * default; for an error whose shape is not known, such as one a user's code threw. Getters
   * are not called (Node does not call them either), binary data (a Buffer, a typed array, an
   * ArrayBuffer) is skipped, and of an array only the first 100 items are walked, as many as Node
   * prints (of a longer one, not its other properties either). The contents of a Map or a Set and
   * boxed strings are left as they are.
   */
  readonly everyProperty?: boolean;
}

/** How deep `everyProperty` walks plain properties (Node's `util.inspect` shows 2 levels). */
const PROPERTY_DEPTH = 3;

/** How many items of an array `everyProperty` walks (Node's `maxArrayLength`). */
const ITEM_LIMIT = 100;

type Rewrite = (text: string) => string;

/** What one walk rewrites, and where. */
interface Walk {
  readonly rewrite: Rewrite;
  readonly textKeys: ReadonlySet<PropertyKey>;
  readonly nestedKeys: readonly string[];
  readonly everyProperty: boolean;
}

/**
 * Rewrites the text of an error and of every error it wraps, in place: `message`, `stack` and
 * the places `places` names, in the error, its `cause`, an `AggregateError`'s `errors`, and so on
 * down; each object once, at the shallowest depth it is reached at. A read-only property is left
 * as it is, and so is an object that cannot be read (a revoked proxy, a getter that throws): the
 * walk never throws. Returns `error`.
 *
 * ```ts
 * throw rewriteErrorText(error, maskPassword, { everyProperty: true });
 * ```
 *
 * @internal
 */
export function rewriteErrorText<T>(error: T, rewrite: Rewrite, places: ErrorTextPlaces = {}): T {
  const walk: Walk = {
    rewrite,
    textKeys: new Set(['message', 'stack', ...(places.textKeys ?? [])]),
    nestedKeys: ['cause', 'errors', ...(places.nestedKeys ?? [])],
    everyProperty: places.everyProperty === true,
  };
  const seen = new Set<object>();
  // Depth by depth, so that an object is first reached by its shallowest path; a wrapped error
  // is at the depth of the error that wraps it, a property one deeper.
  let level: unknown[] = [error];
  for (let depth = 0; level.length > 0; depth += 1) {
    const next: unknown[] = [];
    const deeper = walk.everyProperty && depth < PROPERTY_DEPTH ? next : undefined;
    while (level.length > 0) {
      const current = level.pop();
      if (typeof current !== 'object' || current === null || seen.has(current)) {
        continue;
      }
      seen.add(current);
      try {
        visit(current, walk, level, deeper);
      } catch {
        // a revoked proxy, or a trap that throws: leave the rest of this object
      }
    }
    level = next;
  }
  return error;
}

/** Rewrites the text of `current`; adds the errors it wraps to `same` and its objects to `deeper`. */
function visit(current: object, walk: Walk, same: unknown[], deeper: unknown[] | undefined): void {
  for (const key of walk.textKeys) {
    rewriteProperty(current, key, readProperty(current, key), walk.rewrite);
  }
  for (const key of walk.nestedKeys) {
    try {
      const nested = readProperty(current, key);
      const items: unknown[] = Array.isArray(nested) ? nested : [nested];
      for (const item of walk.everyProperty ? items.slice(0, ITEM_LIMIT) : items) same.push(item);
    } catch {
      // a revoked proxy: nothing to walk
    }
  }
  if (!walk.everyProperty || types.isAnyArrayBuffer(current) || ArrayBuffer.isView(current)) {
    return; // binary data: its bytes are not text, and walking them takes long
  }
  for (const key of ownKeys(current)) {
    const descriptor = walk.textKeys.has(key) ? undefined : Reflect.getOwnPropertyDescriptor(current, key);
    if (
      descriptor !== undefined &&
      'value' in descriptor &&
      !rewriteProperty(current, key, descriptor.value, walk.rewrite)
    ) {
      deeper?.push(descriptor.value);
    }
  }
}

/** The own keys of `value`; of an array longer than `ITEM_LIMIT`, its first items' indices only. */
function ownKeys(value: object): PropertyKey[] {
  return Array.isArray(value) && value.length > ITEM_LIMIT
    ? Array.from({ length: ITEM_LIMIT }, (_, index) => String(index))
    : Reflect.ownKeys(value);
}

/** `record[key]`, or `undefined` when a getter throws. */
function readProperty(record: object, key: PropertyKey): unknown {
  try {
    return Reflect.get(record, key);
  } catch {
    return undefined;
  }
}

/**
 * Stores the rewritten `value` (read from `record[key]`) when it is text; returns whether it
 * was text.
 */
function rewriteProperty(record: object, key: PropertyKey, value: unknown, rewrite: Rewrite): boolean {
  if (typeof value !== 'string') {
    return false;
  }
  const rewritten = rewrite(value);
  if (rewritten !== value) {
    try {
      Reflect.set(record, key, rewritten); // false, and left as it is, when read-only
    } catch {
      // a setter that throws: leave it
    }
  }
  return true;
}
