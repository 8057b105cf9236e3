const MARKER = Symbol.for('alembic.error');

/**
 * Base class of every error `@alembic/core` raises on purpose.
 *
 * Each subclass has a stable string `code` (for example `'ALEMBIC_MULTIPLE_HEADS'`) that callers
 * can test instead of the message. `AlembicError.isInstance()` works across two copies of
 * `@alembic/core` (an ESM and a CJS copy, or two versions), where `instanceof` would not.
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
  /** Stable identifier of the kind of failure. */
  readonly code: string;
  private readonly [MARKER] = true;

  constructor(code: string, message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.code = code;
    this.name = new.target.name;
  }

  /** True when `value` is an `AlembicError` from any copy of `@alembic/core`. */
  static isInstance(value: unknown): value is AlembicError {
    return typeof value === 'object' && value !== null && (value as Record<symbol, unknown>)[MARKER] === true;
  }

  /** True when `value` is an `AlembicError` carrying the given code. */
  static hasCode(value: unknown, code: string): value is AlembicError {
    return AlembicError.isInstance(value) && value.code === code;
  }
}
