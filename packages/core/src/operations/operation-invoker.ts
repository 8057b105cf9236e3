import type { Operation } from './operation.js';

/**
 * What an {@link Operations} instance hands its operations to. The runtime implements it:
 * online it compiles each operation with the dialect and runs the statements; offline it writes
 * them to the SQL output. `getBind()` and `getContext()` are what `op.getBind()` and
 * `op.getContext()` return (the connection and the migration context), typed by the runtime
 * through the type parameters.
 *
 * ```ts
 * const recorded: Operation[] = [];
 * const op = new Operations({
 *   invoke: async (operation) => { recorded.push(operation); },
 *   getBind: () => undefined,
 *   getContext: () => undefined,
 * });
 * ```
 */
export interface OperationInvoker<Context = unknown, Bind = unknown> {
  /** Carries out one operation (or records it, offline). */
  invoke(operation: Operation): Promise<void>;
  /** The database connection migrations run on (a mock offline). */
  getBind(): Bind;
  /** The migration context of the current run. */
  getContext(): Context;
}
