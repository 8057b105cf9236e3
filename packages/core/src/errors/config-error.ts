import { AlembicError } from './alembic-error.js';

/** The configuration file is missing, unreadable or holds a bad value. */
export class ConfigError extends AlembicError {
  constructor(message: string, options?: { cause?: unknown }) {
    super('ALEMBIC_CONFIG', message, options);
  }
}
