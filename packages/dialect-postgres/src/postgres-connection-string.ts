/**
 * The connection string pg is given for `url`: a SQLAlchemy-style `postgresql+driver://` as
 * `postgresql://`, with the driver options' `password` put into it when one is given as text.
 *
 * pg reads the user, password, host, port and database of a connection string over the options
 * beside it, and a URL without a password counts as an empty one, so a `driverOptions.password`
 * (from a secret store, say) would be dropped without a word. Putting it into the URL makes it win
 * over the URL's own, as `driverOptions` do on MySQL and SQL Server. A URL that cannot be read
 * is left as it is, for pg to report.
 *
 * ```ts
 * pgConnectionString('postgresql+psycopg2://app@db/shop', { password: 's3cret' });
 * // 'postgresql://app:s3cret@db/shop'
 * ```
 */
export function pgConnectionString(url: string, driverOptions: Readonly<Record<string, unknown>>): string {
  const plain = url.replace(/^(postgres(?:ql)?)\+[a-z0-9_]+:\/\//i, '$1://');
  const { password } = driverOptions;
  if (typeof password !== 'string') {
    return plain;
  }
  let parsed: URL;
  try {
    parsed = new URL(plain);
  } catch {
    return plain;
  }
  parsed.password = encodeURIComponent(password);
  return parsed.href;
}
