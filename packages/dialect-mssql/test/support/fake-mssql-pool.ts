/**
 * An in-memory stand-in for an `mssql` `ConnectionPool`, recording every request: which way it
 * was sent (`batch` or `query`), on the pool or inside a transaction, with which inputs. Each
 * request answers with the next queued result (or no rows).
 */
import type { MssqlDriverResult, MssqlPool, MssqlRequest, MssqlTransaction } from '../../src/mssql-client.js';

/** One request the fake received. */
export interface RecordedRequest {
  readonly method: 'batch' | 'query';
  readonly sql: string;
  readonly inputs: Readonly<Record<string, unknown>>;
  /** `'pool'`, or the number of the transaction (1, 2, ...) it ran in. */
  readonly on: 'pool' | number;
}

/** The fake pool; `log` also lists transaction events (`BEGIN 1`, `COMMIT 1`, `ROLLBACK 1`). */
export class FakeMssqlPool implements MssqlPool {
  readonly requests: RecordedRequest[] = [];
  readonly log: string[] = [];
  readonly results: (MssqlDriverResult | Error)[] = [];
  readonly config: { readonly pool: { readonly max: number }; readonly requestTimeout: number | undefined };
  connected = true;
  closed = false;
  /** The error `rollback()` fails with, if any. */
  rollbackError: Error | undefined;
  #transactions = 0;

  /** `requestTimeout` default 0 (no limit), as in the pools this package opens. */
  constructor(options: { readonly max?: number; readonly requestTimeout?: number } = {}) {
    this.config = {
      pool: { max: options.max ?? 1 },
      requestTimeout: 'requestTimeout' in options ? options.requestTimeout : 0,
    };
  }

  #request(on: 'pool' | number): MssqlRequest {
    const inputs: Record<string, unknown> = {};
    const send = async (method: 'batch' | 'query', sql: string): Promise<MssqlDriverResult> => {
      this.requests.push({ method, sql, inputs, on });
      const next = this.results.shift() ?? {};
      if (next instanceof Error) {
        throw next;
      }
      return next;
    };
    const request: MssqlRequest = {
      input: (name, value) => {
        inputs[name] = value;
        return request;
      },
      query: (sql) => send('query', sql),
      batch: (sql) => send('batch', sql),
    };
    return request;
  }

  request(): MssqlRequest {
    return this.#request('pool');
  }

  transaction(): MssqlTransaction {
    this.#transactions += 1;
    const number = this.#transactions;
    return {
      begin: async () => this.log.push(`BEGIN ${number}`),
      commit: async () => this.log.push(`COMMIT ${number}`),
      rollback: async () => {
        this.log.push(`ROLLBACK ${number}`);
        if (this.rollbackError !== undefined) {
          throw this.rollbackError;
        }
      },
      request: () => this.#request(number),
    };
  }

  async connect(): Promise<void> {
    this.log.push('CONNECT');
    this.connected = true;
  }

  async close(): Promise<void> {
    this.log.push('CLOSE');
    this.closed = true;
  }
}
