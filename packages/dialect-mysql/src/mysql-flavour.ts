/**
 * The two servers this dialect speaks to. They share the wire protocol, the driver and most of
 * the SQL; the differences the dialect knows about are dropping CHECK constraints
 * (`DROP CHECK` on MySQL, `DROP CONSTRAINT` on MariaDB), the native `UUID` type and `IF [NOT]
 * EXISTS` on column, index and constraint DDL (MariaDB only), and how `information_schema`
 * reports defaults, checks and JSON columns.
 */
export type MysqlFlavour = 'mysql' | 'mariadb';

/**
 * The flavour of a server from its version string (`SELECT VERSION()`):
 * `'10.11.19-MariaDB-0+deb12u1'` is MariaDB, anything else is MySQL.
 *
 * ```ts
 * detectMysqlFlavour('8.0.36'); // 'mysql'
 * detectMysqlFlavour('10.11.19-MariaDB-0+deb12u1'); // 'mariadb'
 * ```
 */
export function detectMysqlFlavour(serverVersion: string): MysqlFlavour {
  return /mariadb/i.test(serverVersion) ? 'mariadb' : 'mysql';
}

/**
 * The flavour a URL names by its scheme, for offline (`--sql`) runs that never see a server:
 * `mariadb://` (and `mariadb+driver://`) is MariaDB; `mysql://` is MySQL.
 *
 * ```ts
 * flavourOfUrl('mariadb://app@db/shop'); // 'mariadb'
 * ```
 */
export function flavourOfUrl(url: string): MysqlFlavour {
  return /^mariadb(\+[a-z0-9]+)?:/i.test(url.trim()) ? 'mariadb' : 'mysql';
}
