/** The version of `@alembic/core`. */
export const VERSION = '0.1.0';
