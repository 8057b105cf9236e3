/**
 * The `Symbol.for` key that marks instances of `kind`: the class's own `instanceMarker` when it
 * declares one, else `alembic.error.<class name>`.
 */
function markerOf(kind: object): symbol {
  const declared = Object.hasOwn(kind, 'instanceMarker')
    ? (kind as { instanceMarker: unknown }).instanceMarker
    : undefined;
  return Symbol.for(typeof declared === 'string' ? declared : `alembic.error.${(kind as { name: string }).name}`);
}

/**
 * Base class of every error `@alembic/core` raises on purpose.
 *
 * Each subclass has a stable string `code` (for example `'ALEMBIC_MULTIPLE_HEADS'`) that callers
 * can test instead of the message. `isInstance()`, called on this class or any subclass, works
 * across two copies of the package that defines the class (an ESM and a CJS copy, or two
 * versions), where `instanceof` would not: each instance is marked with a `Symbol.for` key per
 * class from its own up to this one, `alembic.error.<class name>` unless the class declares
 * another in a static `instanceMarker`.
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
  /** The key (of `Symbol.for`) marking instances of this class. */
  static readonly instanceMarker: string = 'alembic.error';

  /** Stable identifier of the kind of failure. */
  readonly code: string;

  constructor(code: string, message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.code = code;
    this.name = new.target.name;
    const fields = this as unknown as Record<symbol, boolean>;
    for (let kind: object = new.target; ; kind = Object.getPrototypeOf(kind)) {
      Object.defineProperty(fields, markerOf(kind), { value: true });
      if (kind === AlembicError) break;
    }
  }

  /**
   * True when `value` is an instance of the class this is called on (`AlembicError`: any error
   * of the tool), from any copy of the package that defines it.
   */
  static isInstance<T extends AlembicError>(this: abstract new (...args: never[]) => T, value: unknown): value is T {
    // biome-ignore lint/complexity/noThisInStatic: `this` is the class called on
    const marker = markerOf(this);
    return typeof value === 'object' && value !== null && (value as Record<symbol, unknown>)[marker] === true;
  }

  /** True when `value` is an `AlembicError` carrying the given code. */
  static hasCode(value: unknown, code: string): value is AlembicError {
    return AlembicError.isInstance(value) && value.code === code;
  }
}
