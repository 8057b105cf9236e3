import type { DialectConnectOptions } from './dialect.js';

/**
 * The connect function a dialect package exports (`connectPostgres`, `connectSqlite`, ...): the
 * URL, the call's options, and the dialect's own options (those given to `postgres({ ... })`,
 * say), whose `existingClient` the call's own overrides.
 */
export type DialectConnect<DialectOptions, Connection> = (
  url: string,
  options?: DialectConnectOptions,
  dialectOptions?: DialectOptions,
) => Promise<Connection>;

/** The two ways a dialect gets its connection; see {@link defineDialectConnect}. */
export interface DialectConnectWays<DialectOptions, Connection> {
  /** Wraps the application's own client or pool (checked by the dialect, never closed by it). */
  readonly wrapExisting: (
    existingClient: unknown,
    options: DialectConnectOptions,
    dialectOptions: DialectOptions,
  ) => Promise<Connection>;
  /** Opens a session of the dialect's own, through its driver, on the server `url` names. */
  readonly openOwn: (
    url: string,
    options: DialectConnectOptions,
    dialectOptions: DialectOptions,
  ) => Promise<Connection>;
}

/**
 * Makes a dialect's connect function out of its two ways to a connection: when the call or the
 * dialect's options name an application's own client (`existingClient`, the call's first), it is
 * wrapped; otherwise the dialect opens a session of its own. Both options default to `{}`. The
 * function is named `name`, as stack traces then show it.
 *
 * ```ts
 * export const connectExample = defineDialectConnect<ExampleDialectOptions, ExampleConnection>('connectExample', {
 *   wrapExisting: wrapExistingClient,
 *   openOwn: openClient,
 * });
 * ```
 */
export function defineDialectConnect<DialectOptions extends { readonly existingClient?: unknown }, Connection>(
  name: string,
  ways: DialectConnectWays<DialectOptions, Connection>,
): DialectConnect<DialectOptions, Connection> {
  // Every dialect's options are optional field by field, so none given is the empty object.
  const connect: DialectConnect<DialectOptions, Connection> = async (
    url,
    options = {},
    dialectOptions = {} as DialectOptions,
  ) => {
    const existingClient = options.existingClient ?? dialectOptions.existingClient;
    return existingClient === undefined
      ? ways.openOwn(url, options, dialectOptions)
      : ways.wrapExisting(existingClient, options, dialectOptions);
  };
  return Object.defineProperty(connect, 'name', { value: name });
}
