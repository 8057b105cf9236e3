import { AlembicError } from './alembic-error.js';

/** The configured `timezone` is not a time zone this Node.js runtime knows (IANA names). */
export class UnknownTimezoneError extends AlembicError {
  constructor(
    /** The name as configured. */
    readonly timezone: string,
    options?: { cause?: unknown },
  ) {
    super('ALEMBIC_UNKNOWN_TIMEZONE', `Can't locate timezone: ${timezone}`, options);
  }
}
