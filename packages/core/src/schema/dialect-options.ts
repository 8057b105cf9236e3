/**
 * Dialect-specific extras, keyed by dialect name, then by option name; a dialect reads its own
 * entry and ignores the others (as Alembic ignores `postgresql_*` keywords on MySQL).
 *
 * ```ts
 * const options: DialectOptions = { postgresql: { include: ['total'], concurrently: true } };
 * ```
 */
export type DialectOptions = Readonly<Record<string, Readonly<Record<string, unknown>>>>;
