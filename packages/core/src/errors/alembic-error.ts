/**
 * The `Symbol.for` key that marks instances of `kind`: the class's own `instanceMarker` when it
 * declares one, else `alembic.error.<class name>`; none for a class without a name.
 */
function markerOf(kind: object): symbol | undefined {
  const declared = Object.hasOwn(kind, 'instanceMarker')
    ? (kind as { instanceMarker: unknown }).instanceMarker
    : undefined;
  if (typeof declared === 'string') return Symbol.for(declared);
  const { name } = kind as { name?: unknown };
  return typeof name === 'string' && name !== '' ? Symbol.for(`alembic.error.${name}`) : undefined;
}

/**
 * Base class of every error `@alembic/core` raises on purpose.
 *
 * Each subclass has a stable string `code` (for example `'ALEMBIC_MULTIPLE_HEADS'`) that callers
 * can test instead of the message. `isInstance()`, called on this class or any subclass, works
 * across two copies of the package that defines the class (an ESM and a CJS copy, or two
 * versions), where `instanceof` would not: each instance is marked with a `Symbol.for` key per
 * class from its own up to this one. The key is the class's own static `instanceMarker` when it
 * declares one (as the dialects' errors and several of core's do, so that a bundler that
 * renames classes changes nothing for them), else `alembic.error.<class name>`. A copy older than the
 * one that marks every class by name only marks the classes that declare a marker.
 *
 * ```ts
 * try {
 *   await upgrade(config, 'head');
 * } catch (error) {
 *   if (AlembicError.isInstance(error) && error.code === 'ALEMBIC_MULTIPLE_HEADS') {
 *     // ...
 *   }
 * }
 * ```
 */
export class AlembicError extends Error {
  /**
   * The key (of `Symbol.for`) marking instances of this class. Only a class's own declaration
   * counts: a subclass that declares none is marked by its name.
   */
  static readonly instanceMarker: string = 'alembic.error';

  /** Stable identifier of the kind of failure. */
  readonly code: string;

  constructor(code: string, message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.code = code;
    this.name = new.target.name;
    const fields = this as unknown as Record<symbol, boolean>;
    for (let kind: object = new.target; ; kind = Object.getPrototypeOf(kind)) {
      const marker = markerOf(kind);
      if (marker !== undefined) fields[marker] = true;
      if (kind === AlembicError) break;
    }
  }

  /**
   * True when `value` is an instance of the class this is called on (`AlembicError`: any error
   * of the tool), from any copy of the package that defines it. Called detached from a class
   * (`errors.filter(AlembicError.isInstance)`), it answers for `AlembicError`.
   */
  static isInstance<T extends AlembicError>(this: abstract new (...args: never[]) => T, value: unknown): value is T {
    // biome-ignore lint/complexity/noThisInStatic: `this` is the class called on
    const kind: abstract new (...args: never[]) => unknown = typeof this === 'function' ? this : AlembicError;
    const marker = markerOf(kind);
    if (marker === undefined) return value instanceof kind;
    return typeof value === 'object' && value !== null && (value as Record<symbol, unknown>)[marker] === true;
  }

  /** True when `value` is an `AlembicError` carrying the given code. */
  static hasCode(value: unknown, code: string): value is AlembicError {
    return AlembicError.isInstance(value) && value.code === code;
  }
}
