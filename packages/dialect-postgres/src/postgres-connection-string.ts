/**
 * The connection string pg is given for `url`: a SQLAlchemy-style `postgresql+driver://` as
 * `postgresql://`, with the driver options' `password`, when one is given as non-empty text, added
 * as the `password` parameter.
 *
 * pg reads the user, password, host, port and database of a connection string over the options
 * beside it, and a URL without a password counts as an empty one, so a `driverOptions.password`
 * (from a secret store, say) would be dropped without a word. pg reads a `password` parameter
 * over the URL's user information, so the option wins over the URL's own password, as
 * `driverOptions` do on MySQL and SQL Server. A password given as a function still needs
 * `existingClient`: it cannot go into a URL.
 *
 * ```ts
 * pgConnectionString('postgresql+psycopg2://app@db/shop', { password: 's3cret' });
 * // 'postgresql://app@db/shop?password=s3cret'
 * ```
 */
export function pgConnectionString(url: string, driverOptions: Readonly<Record<string, unknown>>): string {
  const plain = url.replace(/^(postgres(?:ql)?)\+[a-z0-9_]+:\/\//i, '$1://');
  const { password } = driverOptions;
  if (typeof password !== 'string' || password === '') {
    return plain;
  }
  let parsed: URL;
  try {
    parsed = new URL(plain);
  } catch {
    // pg also reads a URL without a host (`postgresql://app@/db?host=/socket`), which URL refuses;
    // any other URL it cannot read either, and reports.
    return plain.includes('@/')
      ? `${plain}${plain.includes('?') ? '&' : '?'}password=${encodeURIComponent(password)}`
      : plain;
  }
  parsed.searchParams.set('password', password);
  return parsed.href;
}
