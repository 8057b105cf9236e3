import type { MysqlExistingClient } from './mysql-client.js';
import type { MysqlFlavour } from './mysql-flavour.js';

/** Options of the {@link mysql} dialect factory. */
export interface MysqlDialectOptions {
  /**
   * The flavour of SQL to write before any server has been seen, that is, in offline (`--sql`)
   * runs: `'mysql'` (the default) or `'mariadb'`. Online, the flavour of the server the
   * dialect connected to (from its version string) is used instead.
   */
  readonly flavour?: MysqlFlavour;
  /**
   * A mysql2 connection or pool to run on instead of opening the URL (promise or callback
   * style). A pool lends one connection per `connect()`, returned on close; a connection is used
   * as is and never closed by alembic.
   */
  readonly existingClient?: MysqlExistingClient;
}
