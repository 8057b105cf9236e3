import { AlembicError } from './alembic-error.js';

/** The template that writes new migration scripts names a variable that was not given, or is malformed. */
export class ScriptTemplateError extends AlembicError {
  constructor(
    /** The template file. */
    readonly templatePath: string,
    /** The variable the failing placeholder names, when it names one. */
    readonly variable: string | undefined,
    message: string,
  ) {
    super('ALEMBIC_TEMPLATE', message);
  }
}
