import { AlembicError } from '@alembic/core';

/**
 * Entities or a DataSource that cannot be turned into a model; `code` says why
 * (`ALEMBIC_TYPEORM_UNSUPPORTED_DIALECT`, `ALEMBIC_TYPEORM_BAD_INPUT`,
 * `ALEMBIC_TYPEORM_INVALID_ENTITIES`, `ALEMBIC_TYPEORM_NO_DATA_SOURCE`, `ALEMBIC_TYPEORM_NO_URL`, `ALEMBIC_TYPEORM_NO_ENTITIES`).
 */
export class TypeOrmModelError extends AlembicError {
  constructor(code: string, message: string, options?: { cause?: unknown }) {
    super(code, message, options);
  }
}
