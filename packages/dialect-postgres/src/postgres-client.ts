/** What the `pg` driver returns for one statement. */
export interface PostgresDriverResult {
  readonly rows: unknown[];
  readonly rowCount: number | null;
}

/**
 * The part of a `pg.Client` (or of a client checked out of a `pg.Pool`) the dialect uses, typed
 * structurally so that this package needs neither the driver nor its types at run time: an
 * application can hand over the client or pool it already has.
 */
export interface PostgresClient {
  query(text: string, values?: unknown[]): Promise<PostgresDriverResult | PostgresDriverResult[]>;
  connect?(): Promise<unknown>;
  end?(): Promise<void>;
  /** Present on a client checked out of a pool. */
  release?(error?: Error | boolean): void;
  on?(event: 'error', listener: (error: Error) => void): unknown;
}

/** The part of a `pg.Pool` the dialect uses: each connection checks out one client. */
export interface PostgresPool {
  connect(): Promise<PostgresClient & { release(error?: Error | boolean): void }>;
  readonly totalCount: number;
  readonly idleCount: number;
}

function hasMethods(value: unknown, methods: readonly string[]): value is Record<string, unknown> {
  return (
    typeof value === 'object' &&
    value !== null &&
    methods.every((method) => typeof (value as Record<string, unknown>)[method] === 'function')
  );
}

/** True when `value` looks like a `pg.Pool` (`connect()` plus the pool's counters). */
export function isPostgresPool(value: unknown): value is PostgresPool {
  return (
    hasMethods(value, ['connect', 'query']) &&
    typeof value.totalCount === 'number' &&
    typeof value.idleCount === 'number'
  );
}

/** True when `value` looks like a `pg.Client` or a pool's client (it has `query`). */
export function isPostgresClient(value: unknown): value is PostgresClient {
  return hasMethods(value, ['query']) && !isPostgresPool(value);
}
