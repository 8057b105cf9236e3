import { AlembicError } from './alembic-error.js';

/**
 * A naming convention could not produce a name: it uses `%(constraint_name)s` for a constraint
 * that has no name, refers to columns of a constraint that has none (a check written as SQL),
 * or contains a token that does not exist.
 */
export class NamingConventionError extends AlembicError {
  static override readonly instanceMarker: string = 'alembic.error.NamingConventionError';
  constructor(message: string, options: { cause?: unknown } = {}) {
    super('ALEMBIC_NAMING_CONVENTION', message, options);
  }
}
