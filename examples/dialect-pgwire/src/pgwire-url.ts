import { ConfigError } from '@alembic/core/dialect';

/** What a `pgwire://` URL says. */
export interface PgwireUrl {
  /** The same URL with the `postgresql:` scheme and without `schema`, for the `pg` driver. */
  readonly connectionString: string;
  /** `?schema=name`: the schema unqualified names land in (`SET search_path`). */
  readonly schema: string | undefined;
}

/**
 * Reads `pgwire://user:password@host:port/database?schema=name`. The scheme's `+driver` suffix
 * is ignored; every other query parameter goes to the driver as it is.
 *
 * ```ts
 * parsePgwireUrl('pgwire://app@db:26257/shop?schema=billing');
 * // { connectionString: 'postgresql://app@db:26257/shop', schema: 'billing' }
 * ```
 */
export function parsePgwireUrl(url: string): PgwireUrl {
  const match = /^pgwire(?:\+[a-z0-9]+)?:\/\/(.*)$/i.exec(url);
  if (match === null) {
    throw new ConfigError(`Not a pgwire URL: expected pgwire://user@host:port/database, got a URL of another scheme`);
  }
  const parsed = new URL(`postgresql://${match[1] ?? ''}`);
  const schema = parsed.searchParams.get('schema') ?? undefined;
  parsed.searchParams.delete('schema');
  return { connectionString: parsed.toString(), schema: schema === '' ? undefined : schema };
}
