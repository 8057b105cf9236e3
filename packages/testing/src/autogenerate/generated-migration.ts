import type { MigrationOperations } from '../support/conformance-project.js';

/** A migration autogenerate wrote, ready to run inside a conformance project. */
export interface GeneratedMigration {
  /** The migration's source as rendered, and the plan it came from (shown when a run fails). */
  readonly source: string;
  /** Why the downgrade cannot run, one reason per irreversible operation (none: reversible). */
  readonly irreversible: readonly string[];
  upgrade(op: MigrationOperations): Promise<void>;
  downgrade(op: MigrationOperations): Promise<void>;
}
