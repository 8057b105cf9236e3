import type { DialectConnectOptions } from './dialect.js';

/**
 * The password a connection is opened with, to scrub from its errors: `driverOptions.password`
 * when it is a string (the driver takes it over the URL's), else the URL's own.
 *
 * ```ts
 * connectionPassword({ driverOptions: { password: 'from-vault' } }, 'in-url'); // 'from-vault'
 * connectionPassword({}, 'in-url'); // 'in-url'
 * ```
 */
export function connectionPassword(
  options: DialectConnectOptions,
  urlPassword: string | undefined,
): string | undefined {
  const driverPassword = options.driverOptions?.password;
  return typeof driverPassword === 'string' ? driverPassword : urlPassword;
}
