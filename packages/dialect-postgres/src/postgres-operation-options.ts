import { InvalidOperationError } from '@alembic/core/dialect';

/**
 * The `postgresql` entry of a `createIndex` operation's (or an index model's) `dialectOptions`.
 *
 * ```ts
 * await op.createIndex('ix_order_customer', 'order', ['customer_id'], {
 *   where: 'deleted_at IS NULL',
 *   dialectOptions: { postgresql: { include: ['total'], using: 'btree', concurrently: true } satisfies PostgresIndexOptions },
 * });
 * ```
 */
export interface PostgresIndexOptions {
  /** Non-key columns stored in the index: `INCLUDE (total)`. */
  readonly include?: readonly string[];
  /** The index method: `USING gin`, `gist`, `brin`, `hash` (btree when unset). */
  readonly using?: string;
  /**
   * `CREATE INDEX CONCURRENTLY`: builds without blocking writes. PostgreSQL refuses it inside a
   * transaction, so run it in `op.getContext().autocommitBlock(...)`.
   */
  readonly concurrently?: boolean;
  /** `NULLS NOT DISTINCT` (PostgreSQL 15+): a unique index treats NULLs as equal. */
  readonly nullsNotDistinct?: boolean;
}

/** The `postgresql` entry of a `dropIndex` operation's `dialectOptions`. */
export interface PostgresDropIndexOptions {
  /** `DROP INDEX CONCURRENTLY` (outside a transaction, see {@link PostgresIndexOptions.concurrently}). */
  readonly concurrently?: boolean;
}

/**
 * The `postgresql` entry of an `alterColumn` operation's `dialectOptions` (Alembic's
 * `postgresql_using`).
 *
 * ```ts
 * await op.alterColumn('account', 'balance', {
 *   type: integer(),
 *   existingType: string(20),
 *   dialectOptions: { postgresql: { using: 'balance::integer' } satisfies PostgresAlterColumnOptions },
 * });
 * ```
 */
export interface PostgresAlterColumnOptions {
  /** `ALTER COLUMN c TYPE t USING <expression>`; needs a new `type`. */
  readonly using?: string;
}

/** The `postgresql` entry of a foreign key's `dialectOptions` (Alembic's `postgresql_not_valid`). */
export interface PostgresForeignKeyOptions {
  /** `... NOT VALID`: existing rows are not checked (validate later with `VALIDATE CONSTRAINT`). */
  readonly notValid?: boolean;
}

type OptionKind = 'string' | 'boolean' | 'string list';

const KIND_DESCRIPTIONS: Readonly<Record<OptionKind, string>> = {
  string: 'a non-empty string',
  boolean: 'true or false',
  'string list': 'a non-empty list of column names',
};

const OPTION_KINDS = {
  createIndex: { include: 'string list', using: 'string', concurrently: 'boolean', nullsNotDistinct: 'boolean' },
  dropIndex: { concurrently: 'boolean' },
  alterColumn: { using: 'string' },
  foreignKey: { notValid: 'boolean' },
} as const satisfies Record<string, Record<string, OptionKind>>;

/** What each kind of operation reads from its `postgresql` options. */
export interface PostgresOptionsByTarget {
  readonly createIndex: PostgresIndexOptions;
  readonly dropIndex: PostgresDropIndexOptions;
  readonly alterColumn: PostgresAlterColumnOptions;
  readonly foreignKey: PostgresForeignKeyOptions;
}

function hasKind(value: unknown, kind: OptionKind): boolean {
  switch (kind) {
    case 'string':
      return typeof value === 'string' && value.trim().length > 0;
    case 'boolean':
      return typeof value === 'boolean';
    case 'string list':
      return Array.isArray(value) && value.length > 0 && value.every((item) => typeof item === 'string');
  }
}

/**
 * Checks the `postgresql` options of an operation: a known option of the wrong type is an
 * `InvalidOperationError`; an unknown one is reported through `warn` and ignored (as Alembic
 * ignores keywords it does not know).
 *
 * @internal
 */
export function readPostgresOptions<Target extends keyof PostgresOptionsByTarget>(
  target: Target,
  options: Readonly<Record<string, unknown>>,
  warn: (message: string) => void,
): PostgresOptionsByTarget[Target] {
  const kinds: Readonly<Record<string, OptionKind>> = OPTION_KINDS[target];
  const result: Record<string, unknown> = {};
  for (const [name, value] of Object.entries(options)) {
    const kind = kinds[name];
    if (kind === undefined) {
      warn(
        `The postgresql option '${name}' means nothing to ${target} and is ignored (known: ${Object.keys(kinds).join(', ')})`,
      );
      continue;
    }
    if (value === undefined) {
      continue;
    }
    if (!hasKind(value, kind)) {
      throw new InvalidOperationError(`${target}: the postgresql option '${name}' must be ${KIND_DESCRIPTIONS[kind]}`);
    }
    result[name] = value;
  }
  return result as PostgresOptionsByTarget[Target];
}
