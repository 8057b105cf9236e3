import { AlembicError } from './alembic-error.js';

/**
 * The `fileTemplate` that names new revision files cannot be rendered: it uses a token that does
 * not exist, or a `%` directive outside the supported subset of Python `%`-formatting.
 */
export class FileTemplateError extends AlembicError {
  constructor(
    /** The template as configured. */
    readonly template: string,
    /** The token the failing directive names, when it got that far. */
    readonly key: string | undefined,
    message: string,
  ) {
    super('ALEMBIC_FILE_TEMPLATE', message);
  }
}
