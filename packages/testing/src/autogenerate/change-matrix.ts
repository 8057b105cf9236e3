import {
  bigInteger,
  checkConstraint,
  column,
  dateTime,
  enumType,
  foreignKeyConstraint,
  index,
  integer,
  metadata,
  numeric,
  sql,
  string,
  table,
  text,
  uniqueConstraint,
} from '@alembic/core';
import type {
  ColumnModel,
  ColumnOptions,
  NamingConvention,
  TableElement,
  TableModel,
  TableOptions,
} from '@alembic/core';
import type { CapabilityRequirement } from '../support/capability-gate.js';
import type { SchemaChange } from './autogenerate-round-trip.js';

/** One case of the change matrix: a named change from one model to another. */
export interface ChangeCase extends SchemaChange {
  /** The test's name: the change, as a user would say it ("adds a nullable column"). */
  readonly title: string;
  /** What the dialect must be able to do for the case to run. */
  readonly requires: CapabilityRequirement;
}

/** The area of the matrix a case belongs to (issue 9, point 3). */
export type ChangeArea =
  | 'tables'
  | 'columns'
  | 'nullable'
  | 'types'
  | 'server defaults'
  | 'indexes'
  | 'unique constraints'
  | 'foreign keys'
  | 'comments'
  | 'check constraints'
  | 'identity'
  | 'enums';

const PARENT = 'ag_parent';
const CHILD = 'ag_child';

const id = (): ColumnModel => column('id', integer(), { primaryKey: true });

/** `ag_parent(id PK, name VARCHAR(50) NOT NULL, code VARCHAR(20))` plus `extra`. */
function parent(extra: readonly TableElement[] = [], options: TableOptions = {}): TableModel {
  return table(
    PARENT,
    [id(), column('name', string(50), { nullable: false }), column('code', string(20)), ...extra],
    options,
  );
}

/** `ag_child(id PK, parent_id, label VARCHAR(30), qty INTEGER, amount NUMERIC(10, 2))` plus `extra`. */
function child(extra: readonly TableElement[] = [], options: TableOptions = {}): TableModel {
  return table(
    CHILD,
    [
      id(),
      column('parent_id', integer()),
      column('label', string(30)),
      column('qty', integer()),
      column('amount', numeric(10, 2)),
      ...extra,
    ],
    options,
  );
}

/** `ag_child` with its columns replaced one by one (same names keep their place). */
function childWith(columns: Readonly<Record<string, ColumnModel>>, extra: readonly TableElement[] = []): TableModel {
  const base = child();
  return table(CHILD, [...base.columns.map((entry) => columns[entry.name] ?? entry), ...extra]);
}

/** The child table with its `label` column declared with `options`. */
function childWithLabel(options: ColumnOptions): TableModel {
  return childWith({ label: column('label', string(30), options) });
}

const CHILD_TO_PARENT = foreignKeyConstraint(['parent_id'], PARENT, ['id'], { name: 'fk_ag_child_parent' });

function change(
  title: string,
  before: readonly TableModel[],
  after: readonly TableModel[],
  requires: CapabilityRequirement = {},
  namingConvention?: NamingConvention,
): ChangeCase {
  const options = namingConvention === undefined ? {} : { namingConvention };
  return { title, requires, before: metadata(before, options), after: metadata(after, options) };
}

/** A change whose downgrade cannot run: an unnamed constraint added to an existing table. */
function irreversible(entry: ChangeCase): ChangeCase {
  return { ...entry, irreversible: true };
}

/** Adds, changes and removals of tables and columns. */
const TABLE_AND_COLUMN_CASES: readonly [ChangeArea, ChangeCase][] = [
  ['tables', change('adds a table', [parent()], [parent(), child()])],
  ['tables', change('drops a table', [parent(), child()], [parent()])],
  [
    'tables',
    change('adds a table with a foreign key to an existing table', [parent()], [parent(), child([CHILD_TO_PARENT])]),
  ],
  ['tables', change('adds two tables with a foreign key between them', [], [parent(), child([CHILD_TO_PARENT])])],
  [
    'tables',
    change('drops a table and the foreign key that refers to it', [parent(), child([CHILD_TO_PARENT])], [child()]),
  ],
  ['tables', change('drops two tables with a foreign key between them', [parent(), child([CHILD_TO_PARENT])], [])],
  ['columns', change('adds a nullable column', [child()], [child([column('note', string(40))])])],
  [
    'columns',
    change(
      'adds a NOT NULL column with a server default',
      [child()],
      [child([column('rank', integer(), { nullable: false, serverDefault: '0' })])],
    ),
  ],
  ['columns', change('drops a column', [child([column('note', string(40))])], [child()])],
  [
    'columns',
    change(
      'drops a column that has an index',
      [child([column('note', string(40)), index('ix_ag_child_note', ['note'])])],
      [child()],
    ),
  ],
  [
    'columns',
    change('adds a column with index: true', [child()], [child([column('note', string(40), { index: true })])]),
  ],
];

/** Nullability, types and server defaults of existing columns. */
const COLUMN_CHANGE_CASES: readonly [ChangeArea, ChangeCase][] = [
  ['nullable', change('makes a column NOT NULL', [child()], [childWithLabel({ nullable: false })])],
  ['nullable', change('makes a NOT NULL column nullable', [childWithLabel({ nullable: false })], [child()])],
  ['types', change('widens a VARCHAR length', [child()], [childWith({ label: column('label', string(60)) })])],
  ['types', change('widens NUMERIC precision', [child()], [childWith({ amount: column('amount', numeric(14, 4)) })])],
  ['types', change('changes INTEGER to BIGINT', [child()], [childWith({ qty: column('qty', bigInteger()) })])],
  ['types', change('changes VARCHAR to TEXT', [child()], [childWith({ label: column('label', text()) })])],
  [
    'server defaults',
    change(
      'adds a server default value',
      [child()],
      [childWith({ qty: column('qty', integer(), { serverDefault: '5' }) })],
    ),
  ],
  [
    'server defaults',
    change(
      'changes a server default value',
      [childWithLabel({ serverDefault: 'new' })],
      [childWithLabel({ serverDefault: 'old' })],
    ),
  ],
  [
    'server defaults',
    change(
      'removes a server default',
      [childWith({ qty: column('qty', integer(), { serverDefault: '5' }) })],
      [child()],
    ),
  ],
  [
    'server defaults',
    change(
      'adds a column with a CURRENT_TIMESTAMP server default',
      [child()],
      [child([column('created_at', dateTime(), { serverDefault: sql('CURRENT_TIMESTAMP') })])],
    ),
  ],
  [
    'server defaults',
    change(
      'removes a CURRENT_TIMESTAMP server default',
      [child([column('created_at', dateTime(), { serverDefault: sql('CURRENT_TIMESTAMP') })])],
      [child([column('created_at', dateTime())])],
    ),
  ],
];

/** Indexes and unique constraints. */
const INDEX_AND_UNIQUE_CASES: readonly [ChangeArea, ChangeCase][] = [
  ['indexes', change('adds an index', [child()], [child([index('ix_ag_child_label', ['label'])])])],
  ['indexes', change('drops an index', [child([index('ix_ag_child_label', ['label'])])], [child()])],
  [
    'indexes',
    change('adds a unique index', [child()], [child([index('ux_ag_child_label', ['label'], { unique: true })])]),
  ],
  [
    'indexes',
    change('adds a multi-column index', [child()], [child([index('ix_ag_child_label_qty', ['label', 'qty'])])]),
  ],
  [
    'indexes',
    change(
      'changes the columns of an index',
      [child([index('ix_ag_child_pair', ['label'])])],
      [child([index('ix_ag_child_pair', ['label', 'qty'])])],
    ),
  ],
  [
    'indexes',
    change(
      'makes an index unique',
      [child([index('ix_ag_child_label', ['label'])])],
      [child([index('ix_ag_child_label', ['label'], { unique: true })])],
    ),
  ],
  [
    'indexes',
    change('adds a partial index', [child()], [child([index('ix_ag_child_positive', ['qty'], { where: 'qty > 0' })])], {
      supportsPartialIndexes: true,
    }),
  ],
  [
    'indexes',
    change(
      'drops a partial index',
      [child([index('ix_ag_child_positive', ['qty'], { where: 'qty > 0' })])],
      [child()],
      { supportsPartialIndexes: true },
    ),
  ],
  [
    'unique constraints',
    change(
      'adds a named unique constraint',
      [parent()],
      [parent([uniqueConstraint(['code'], { name: 'uq_ag_parent_code' })])],
    ),
  ],
  [
    'unique constraints',
    change(
      'drops a named unique constraint',
      [parent([uniqueConstraint(['code'], { name: 'uq_ag_parent_code' })])],
      [parent()],
    ),
  ],
  [
    'unique constraints',
    irreversible(
      change('adds an unnamed unique constraint (irreversible)', [parent()], [parent([uniqueConstraint(['code'])])]),
    ),
  ],
  [
    'unique constraints',
    change('drops an unnamed unique constraint', [parent([uniqueConstraint(['code'])])], [parent()]),
  ],
  [
    'unique constraints',
    change(
      'adds a multi-column unique constraint',
      [parent()],
      [parent([uniqueConstraint(['name', 'code'], { name: 'uq_ag_parent_name_code' })])],
    ),
  ],
  [
    'unique constraints',
    change(
      'adds a unique constraint named by the naming convention',
      [parent()],
      [parent([uniqueConstraint(['code'])])],
      {},
      {
        ix: 'ix_%(column_0_label)s',
        uq: 'uq_%(table_name)s_%(column_0_name)s',
      },
    ),
  ],
  [
    'unique constraints',
    change('adds a column with unique: true', [parent()], [parent([column('slug', string(40), { unique: true })])]),
  ],
];

/** Foreign keys. */
const FOREIGN_KEY_CASES: readonly [ChangeArea, ChangeCase][] = [
  ['foreign keys', change('adds a foreign key', [parent(), child()], [parent(), child([CHILD_TO_PARENT])])],
  [
    'foreign keys',
    change(
      'adds a foreign key with ON DELETE CASCADE',
      [parent(), child()],
      [
        parent(),
        child([
          foreignKeyConstraint(['parent_id'], PARENT, ['id'], { name: 'fk_ag_child_parent', onDelete: 'CASCADE' }),
        ]),
      ],
    ),
  ],
  [
    'foreign keys',
    change(
      'changes ON DELETE of a foreign key',
      [
        parent(),
        child([
          foreignKeyConstraint(['parent_id'], PARENT, ['id'], { name: 'fk_ag_child_parent', onDelete: 'CASCADE' }),
        ]),
      ],
      [
        parent(),
        child([
          foreignKeyConstraint(['parent_id'], PARENT, ['id'], { name: 'fk_ag_child_parent', onDelete: 'SET NULL' }),
        ]),
      ],
    ),
  ],
  [
    'foreign keys',
    irreversible(
      change(
        'changes ON DELETE of an unnamed foreign key (irreversible)',
        [parent(), child([foreignKeyConstraint(['parent_id'], PARENT, ['id'])])],
        [parent(), child([foreignKeyConstraint(['parent_id'], PARENT, ['id'], { onDelete: 'CASCADE' })])],
      ),
    ),
  ],
  ['foreign keys', change('drops a foreign key', [parent(), child([CHILD_TO_PARENT])], [parent(), child()])],
  [
    'foreign keys',
    irreversible(
      change(
        'adds an unnamed foreign key declared on a column (irreversible)',
        [parent(), child()],
        [parent(), childWith({ parent_id: column('parent_id', integer(), { references: `${PARENT}.id` }) })],
      ),
    ),
  ],
  [
    'foreign keys',
    change(
      'adds a foreign key declared on a column, named by the naming convention',
      [parent(), child()],
      [parent(), childWith({ parent_id: column('parent_id', integer(), { references: `${PARENT}.id` }) })],
      {},
      { ix: 'ix_%(column_0_label)s', fk: 'fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s' },
    ),
  ],
];

/** Comments, named checks, identity and enums. */
const OTHER_CASES: readonly [ChangeArea, ChangeCase][] = [
  [
    'comments',
    change('adds a table comment', [parent()], [parent([], { comment: 'the parents' })], { supportsComments: true }),
  ],
  [
    'comments',
    change(
      'changes a table comment',
      [parent([], { comment: 'the parents' })],
      [parent([], { comment: "the parents' table" })],
      { supportsComments: true },
    ),
  ],
  [
    'comments',
    change('drops a table comment', [parent([], { comment: 'the parents' })], [parent()], { supportsComments: true }),
  ],
  [
    'comments',
    change('adds a column comment', [child()], [childWithLabel({ comment: 'shown to users' })], {
      supportsComments: true,
    }),
  ],
  [
    'comments',
    change(
      'changes a column comment',
      [childWithLabel({ comment: 'shown' })],
      [childWithLabel({ comment: 'shown to users' })],
      { supportsComments: true },
    ),
  ],
  [
    'comments',
    change('drops a column comment', [childWithLabel({ comment: 'shown' })], [child()], { supportsComments: true }),
  ],
  [
    'check constraints',
    change(
      'adds a named check constraint',
      [child()],
      [child([checkConstraint('qty >= 0', { name: 'ck_ag_child_qty' })])],
    ),
  ],
  [
    'check constraints',
    change(
      'drops a named check constraint',
      [child([checkConstraint('qty >= 0', { name: 'ck_ag_child_qty' })])],
      [child()],
    ),
  ],
  [
    'identity',
    change(
      'adds a table with an identity column',
      [],
      [
        table('ag_counter', [
          column('id', integer(), { primaryKey: true, identity: { always: false } }),
          column('label', string(20)),
        ]),
      ],
      {
        supportsIdentityColumns: true,
      },
    ),
  ],
  [
    'identity',
    change(
      'changes the increment of an identity column',
      [
        table('ag_counter', [
          column('id', integer(), { primaryKey: true, identity: { always: false, start: 1, increment: 1 } }),
        ]),
      ],
      [
        table('ag_counter', [
          column('id', integer(), { primaryKey: true, identity: { always: false, start: 1, increment: 5 } }),
        ]),
      ],
      { supportsIdentityColumns: true },
    ),
  ],
  [
    'enums',
    change(
      'adds a table with a native enum column',
      [],
      [
        table('ag_mood', [
          id(),
          column('mood', enumType(['happy', 'sad'], { name: 'ag_mood_kind' }), { nullable: false }),
        ]),
      ],
      { nativeEnum: true },
    ),
  ],
  [
    'enums',
    change(
      'adds a native enum column',
      [child()],
      [child([column('mood', enumType(['happy', 'sad'], { name: 'ag_mood_kind' }))])],
      { nativeEnum: true },
    ),
  ],
  [
    'enums',
    change(
      'drops a native enum column',
      [child([column('mood', enumType(['happy', 'sad'], { name: 'ag_mood_kind' }))])],
      [child()],
      { nativeEnum: true },
    ),
  ],
];

/**
 * The change matrix: every kind autogenerate compares (tables, columns, nullable, types,
 * server defaults, indexes, unique constraints, foreign keys, comments, named checks, identity,
 * native enums), each added, changed and removed, by area.
 */
export const CHANGE_MATRIX: readonly (readonly [ChangeArea, ChangeCase])[] = [
  ...TABLE_AND_COLUMN_CASES,
  ...COLUMN_CHANGE_CASES,
  ...INDEX_AND_UNIQUE_CASES,
  ...FOREIGN_KEY_CASES,
  ...OTHER_CASES,
];
