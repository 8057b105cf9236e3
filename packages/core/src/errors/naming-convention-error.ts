import { AlembicError } from './alembic-error.js';

const MARKER = Symbol.for('alembic.error.NamingConventionError');

/**
 * A naming convention could not produce a name: it uses `%(constraint_name)s` for a constraint
 * that has no name, refers to columns of a constraint that has none (a check written as SQL),
 * or contains a token that does not exist.
 */
export class NamingConventionError extends AlembicError {
  private readonly [MARKER] = true;

  constructor(message: string, options: { cause?: unknown } = {}) {
    super('ALEMBIC_NAMING_CONVENTION', message, options);
  }

  /** True when `value` is a `NamingConventionError` from any copy of `@alembic/core`. */
  static override isInstance(value: unknown): value is NamingConventionError {
    return AlembicError.isInstance(value) && (value as unknown as Record<symbol, unknown>)[MARKER] === true;
  }
}
