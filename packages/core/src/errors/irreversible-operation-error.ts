import { AlembicError } from './alembic-error.js';

/**
 * `reverseOperation()` was asked to reverse an operation that does not carry what the reverse
 * needs: a `dropColumn` without the dropped column's definition, an `execute`, a `bulkInsert`.
 * The message names the operation and what is missing, so the author can add it (for example
 * `existingColumn`) or write the downgrade by hand.
 */
export class IrreversibleOperationError extends AlembicError {
  static override readonly instanceMarker: string = 'alembic.error.IrreversibleOperationError';
  /** What the operation lacks (for example `'existingColumn'`), when one thing would suffice. */
  readonly missing: string | undefined;

  constructor(
    /** The `kind` of the operation that could not be reversed. */
    readonly operationKind: string,
    message: string,
    options: { missing?: string; cause?: unknown } = {},
  ) {
    super('ALEMBIC_IRREVERSIBLE_OPERATION', message, { cause: options.cause });
    this.missing = options.missing;
  }
}
