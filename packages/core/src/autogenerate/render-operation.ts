import { InvalidOperationError } from '../errors/invalid-operation-error.js';
import { ALTER_COLUMN_ASPECTS } from '../operations/alter-column-operation.js';
import type { AlterColumnOptions, AlterableColumnAspects } from '../operations/alter-column-operation.js';
import type { BatchOperation, BatchOperationKind } from '../operations/batch-alter-table-operation.js';
import type { BulkInsertTable } from '../operations/bulk-insert-operation.js';
import type { DropConstraintOperation } from '../operations/drop-constraint-operation.js';
import type { DropIndexOperation } from '../operations/drop-index-operation.js';
import type { OperationKind, OperationMap, Operation } from '../operations/operation.js';
import type { ConstraintName } from '../schema/converted-name.js';
import type { DialectOptions } from '../schema/dialect-options.js';
import { renderColumn } from './render-column.js';
import {
  renderConstraint,
  renderConstraintName,
  renderIndex,
  renderIndexElements,
  renderNames,
} from './render-constraint.js';
import { renderOptionalServerDefault } from './render-server-default.js';
import type { RenderState } from './render-state.js';
import { renderTable, renderTableElements, renderTableOptions } from './render-table.js';
import { renderType } from './render-type.js';
import { indent, renderCall, renderList, renderObject, renderString, renderValue } from './render-value.js';

type Entry = readonly [string, string | undefined];

const text = (value: string | undefined): string | undefined => (value === undefined ? undefined : renderString(value));
const flag = (value: boolean | undefined): string | undefined => (value === undefined ? undefined : String(value));
const nullableText = (value: string | null | undefined): string | undefined =>
  value === undefined ? undefined : value === null ? 'null' : renderString(value);
/** `render(value)`, or no entry when the value is absent. */
const present = <Value>(value: Value | undefined, render: (value: Value) => string): string | undefined =>
  value === undefined ? undefined : render(value);
const dialectOptions = (value: DialectOptions | undefined, state: RenderState): Entry => [
  'dialectOptions',
  value === undefined ? undefined : renderValue(value, state),
];
/** `schema`, then `ifExists`: the options the `op.drop*` calls share. */
const dropEntries = (operation: { readonly schema?: string; readonly ifExists?: boolean }): Entry[] => [
  ['schema', text(operation.schema)],
  ['ifExists', flag(operation.ifExists)],
];

/** `deferrable`, then `initially`: when a unique constraint or a foreign key is checked. */
const deferrableEntries = (operation: { readonly deferrable?: boolean; readonly initially?: string }): Entry[] => [
  ['deferrable', flag(operation.deferrable)],
  ['initially', text(operation.initially)],
];

type AspectName = keyof AlterableColumnAspects;

/** How each aspect `alterColumn` can change is rendered: the change and its `existing*` twin alike. */
const ASPECT_RENDERERS: {
  readonly [Aspect in AspectName]: (value: AlterableColumnAspects[Aspect], state: RenderState) => string | undefined;
} = {
  nullable: flag,
  type: (value, state) => present(value, (type) => renderType(type, state)),
  serverDefault: renderOptionalServerDefault,
  identity: (value, state) => (value === null ? 'null' : present(value, (identity) => renderValue(identity, state))),
  comment: nullableText,
  autoincrement: flag,
};

/** The aspects in the order their changes are rendered. */
const CHANGE_ORDER = ['nullable', 'type', 'serverDefault', 'identity', 'comment', 'autoincrement'] as const;
/** The aspects in the order their `existing*` values are rendered: the type first. */
const EXISTING_ORDER = ['type', 'nullable', 'serverDefault', 'identity', 'comment', 'autoincrement'] as const;

/** Each aspect's `existing*` field, as {@link ALTER_COLUMN_ASPECTS} pairs them. */
const EXISTING_FIELD = Object.fromEntries(ALTER_COLUMN_ASPECTS.map(({ change, existing }) => [change, existing])) as {
  readonly [Aspect in AspectName]: `existing${Capitalize<Aspect>}`;
};

function aspectEntry<Aspect extends AspectName>(
  field: string,
  aspect: Aspect,
  value: AlterableColumnAspects[Aspect],
  state: RenderState,
): Entry {
  return [field, ASPECT_RENDERERS[aspect](value, state)];
}

/** The options of `alterColumn`, in the order a reader expects: changes, then what exists. */
function alterColumnEntries(operation: AlterColumnOptions, state: RenderState): Entry[] {
  return [
    ['newColumnName', text(operation.newColumnName)],
    ...CHANGE_ORDER.map((aspect) => aspectEntry(aspect, aspect, operation[aspect], state)),
    ...EXISTING_ORDER.map((aspect) => {
      const field = EXISTING_FIELD[aspect];
      return aspectEntry(field, aspect, operation[field], state);
    }),
    dialectOptions(operation.dialectOptions, state),
  ];
}

function requiredName(kind: string, name: ConstraintName | undefined, tableName: string | undefined): string {
  if (name === undefined) {
    throw new InvalidOperationError(`Cannot render ${kind} on '${tableName ?? '?'}': it has no name to drop it by`);
  }
  return renderConstraintName(name);
}

const dropIndexName = (operation: DropIndexOperation): string =>
  requiredName('dropIndex', operation.indexName ?? operation.existingIndex?.name, operation.tableName);

const dropConstraintName = (operation: DropConstraintOperation): string =>
  requiredName('dropConstraint', operation.constraintName ?? operation.existingConstraint?.name, operation.tableName);

/**
 * The name a batch drops a constraint by; `null` for an unnamed one that carries the existing
 * constraint (the rebuild finds it by its signature).
 */
const batchDropConstraintName = (operation: DropConstraintOperation): string =>
  operation.constraintName === undefined &&
  operation.existingConstraint !== undefined &&
  operation.existingConstraint.name === undefined
    ? 'null'
    : dropConstraintName(operation);

function renderBulkInsertTable(target: BulkInsertTable, state: RenderState): string {
  if (target.schema === undefined && (target.columns === undefined || target.columns.length === 0)) {
    return renderString(target.name);
  }
  return renderObject([
    ['name', renderString(target.name)],
    ['schema', text(target.schema)],
    [
      'columns',
      target.columns === undefined
        ? undefined
        : renderList(
            target.columns.map((entry) =>
              renderObject([
                ['name', renderString(entry.name)],
                ['type', entry.type === undefined ? undefined : renderType(entry.type, state)],
                ['generated', entry.generated ? 'true' : undefined],
              ]),
            ),
          ),
    ],
  ]);
}

type OperationRenderers = {
  readonly [Kind in OperationKind]: (operation: OperationMap[Kind], state: RenderState) => string;
};

/**
 * One renderer per operation kind, each giving the `op.x(...)` call; `tsc` reports a kind
 * without one.
 */
const OPERATION_RENDERERS: OperationRenderers = {
  createTable: ({ table, ifNotExists }, state) =>
    renderCall('op.createTable', [
      renderString(table.name),
      renderList(renderTableElements(table, state), true),
      renderTableOptions(table, [['ifNotExists', flag(ifNotExists)]]),
    ]),
  dropTable: (operation, state) =>
    renderCall('op.dropTable', [
      renderString(operation.tableName),
      renderObject([
        ...dropEntries(operation),
        ['existingTable', present(operation.existingTable, (value) => renderTable(value, state))],
      ]),
    ]),
  renameTable: (operation) =>
    renderCall('op.renameTable', [
      renderString(operation.oldTableName),
      renderString(operation.newTableName),
      renderObject([['schema', text(operation.schema)]]),
    ]),
  addColumn: (operation, state) =>
    renderCall('op.addColumn', [
      renderString(operation.tableName),
      renderColumn(operation.column, state),
      renderObject([
        ['schema', text(operation.schema)],
        ['ifNotExists', flag(operation.ifNotExists)],
        ['inlineReferences', flag(operation.inlineReferences)],
        ['inlinePrimaryKey', flag(operation.inlinePrimaryKey)],
      ]),
    ]),
  dropColumn: (operation, state) =>
    renderCall('op.dropColumn', [
      renderString(operation.tableName),
      renderString(operation.columnName),
      renderObject([...dropEntries(operation), ...dropColumnEntries(operation, state)]),
    ]),
  alterColumn: (operation, state) =>
    renderCall('op.alterColumn', [
      renderString(operation.tableName),
      renderString(operation.columnName),
      renderObject([...alterColumnEntries(operation, state), ['schema', text(operation.schema)]]) || '{}',
    ]),
  createIndex: (operation, state) =>
    renderCall('op.createIndex', [
      renderConstraintName(operation.indexName),
      renderString(operation.tableName),
      renderIndexElements(operation.columns, state),
      renderObject(createIndexEntries(operation, state, [['schema', text(operation.schema)]])),
    ]),
  dropIndex: (operation, state) =>
    renderCall('op.dropIndex', [
      dropIndexName(operation),
      operation.tableName === undefined ? 'undefined' : renderString(operation.tableName),
      renderObject([
        ...dropEntries(operation),
        dialectOptions(operation.dialectOptions, state),
        ['existingIndex', present(operation.existingIndex, (value) => renderIndex(value, state))],
      ]),
    ]),
  createUniqueConstraint: (operation) =>
    renderCall('op.createUniqueConstraint', [
      renderConstraintName(operation.constraintName),
      renderString(operation.tableName),
      renderNames(operation.columns),
      renderObject([['schema', text(operation.schema)], ...deferrableEntries(operation)]),
    ]),
  createForeignKey: (operation, state) =>
    renderCall('op.createForeignKey', [
      renderConstraintName(operation.constraintName),
      renderString(operation.sourceTable),
      renderString(operation.referentTable),
      renderNames(operation.localColumns),
      renderNames(operation.remoteColumns),
      renderObject([['sourceSchema', text(operation.sourceSchema)], ...foreignKeyEntries(operation, state)]),
    ]),
  createCheckConstraint: (operation) =>
    renderCall('op.createCheckConstraint', [
      renderConstraintName(operation.constraintName),
      renderString(operation.tableName),
      renderString(operation.condition),
      renderObject([['schema', text(operation.schema)]]),
    ]),
  createPrimaryKey: (operation) =>
    renderCall('op.createPrimaryKey', [
      renderConstraintName(operation.constraintName),
      renderString(operation.tableName),
      renderNames(operation.columns),
      renderObject([['schema', text(operation.schema)]]),
    ]),
  dropConstraint: (operation, state) =>
    renderCall('op.dropConstraint', [
      dropConstraintName(operation),
      renderString(operation.tableName),
      renderObject(dropConstraintEntries(operation, state, dropEntries(operation))),
    ]),
  createTableComment: (operation) =>
    renderCall('op.createTableComment', [
      renderString(operation.tableName),
      renderString(operation.comment),
      renderObject([
        ['existingComment', nullableText(operation.existingComment)],
        ['schema', text(operation.schema)],
      ]),
    ]),
  dropTableComment: (operation) =>
    renderCall('op.dropTableComment', [
      renderString(operation.tableName),
      renderObject([
        ['existingComment', text(operation.existingComment)],
        ['schema', text(operation.schema)],
      ]),
    ]),
  bulkInsert: (operation, state) =>
    renderCall('op.bulkInsert', [
      renderBulkInsertTable(operation.table, state),
      renderList(operation.rows.map((row) => renderValue(row, state))),
      operation.multiinsert ? '' : '{ multiinsert: false }',
    ]),
  execute: (operation, state) => {
    const executionOptions = renderObject([
      ['executionOptions', present(operation.executionOptions, (value) => renderValue(value, state))],
    ]);
    return renderCall('op.execute', [
      renderString(operation.sql),
      operation.parameters === undefined
        ? executionOptions === ''
          ? ''
          : 'undefined'
        : renderValue(operation.parameters, state),
      executionOptions,
    ]);
  },
  batchAlterTable: (operation, state) =>
    renderBatchBlock(
      operation.tableName,
      operation.operations.map((inner) => `${renderBatchOperation(inner, state)};`).join('\n'),
      [
        ['schema', text(operation.schema)],
        ['recreate', operation.recreate === 'auto' ? undefined : renderString(operation.recreate)],
        ['copyFrom', present(operation.copyFrom, (value) => renderTable(value, state))],
        ['partialReordering', present(operation.partialReordering, (value) => renderValue(value, state))],
      ],
    ),
};

/** The options of `createIndex`; `schemaEntries` (none in a batch) after `where`. */
function createIndexEntries(
  operation: Extract<BatchOperation, { kind: 'createIndex' }>,
  state: RenderState,
  schemaEntries: readonly Entry[],
): Entry[] {
  return [
    ['unique', operation.unique ? 'true' : undefined],
    ['where', text(operation.where)],
    ...schemaEntries,
    ['ifNotExists', flag(operation.ifNotExists)],
    dialectOptions(operation.dialectOptions, state),
  ];
}

/** The options of `dropColumn`; in `op.dropColumn` after the {@link dropEntries}. */
function dropColumnEntries(operation: Extract<BatchOperation, { kind: 'dropColumn' }>, state: RenderState): Entry[] {
  return [
    ['existingColumn', present(operation.existingColumn, (value) => renderColumn(value, state))],
    dialectOptions(operation.dialectOptions, state),
  ];
}

/** The options of `dropConstraint`; `opEntries` (`schema` and `ifExists`, none in a batch) after `type`. */
function dropConstraintEntries(
  operation: DropConstraintOperation,
  state: RenderState,
  opEntries: readonly Entry[],
): Entry[] {
  return [
    ['type', text(operation.type)],
    ...opEntries,
    ['existingConstraint', present(operation.existingConstraint, (value) => renderConstraint(value, state))],
  ];
}

function foreignKeyEntries(
  operation: Extract<BatchOperation, { kind: 'createForeignKey' }>,
  state: RenderState,
): Entry[] {
  return [
    ['referentSchema', text(operation.referentSchema)],
    ['onDelete', text(operation.onDelete)],
    ['onUpdate', text(operation.onUpdate)],
    ...deferrableEntries(operation),
    ['match', text(operation.match)],
    dialectOptions(operation.dialectOptions, state),
  ];
}

type BatchRenderers = {
  readonly [Kind in BatchOperationKind]: (
    operation: Extract<BatchOperation, { kind: Kind }>,
    state: RenderState,
  ) => string;
};

/** One renderer per operation a batch may hold, each giving the `batch.x(...)` call. */
const BATCH_RENDERERS: BatchRenderers = {
  addColumn: (operation, state) =>
    renderCall('batch.addColumn', [
      renderColumn(operation.column, state),
      renderObject([
        ['insertBefore', text(operation.insertBefore)],
        ['insertAfter', text(operation.insertAfter)],
      ]),
    ]),
  dropColumn: (operation, state) =>
    renderCall('batch.dropColumn', [
      renderString(operation.columnName),
      renderObject(dropColumnEntries(operation, state)),
    ]),
  alterColumn: (operation, state) =>
    renderCall('batch.alterColumn', [
      renderString(operation.columnName),
      renderObject(alterColumnEntries(operation, state)) || '{}',
    ]),
  createIndex: (operation, state) =>
    renderCall('batch.createIndex', [
      renderConstraintName(operation.indexName),
      renderIndexElements(operation.columns, state),
      renderObject(createIndexEntries(operation, state, [])),
    ]),
  dropIndex: (operation, state) =>
    renderCall('batch.dropIndex', [
      dropIndexName(operation),
      renderObject([
        ['existingIndex', present(operation.existingIndex, (value) => renderIndex(value, state))],
        dialectOptions(operation.dialectOptions, state),
      ]),
    ]),
  createUniqueConstraint: (operation) =>
    renderCall('batch.createUniqueConstraint', [
      renderConstraintName(operation.constraintName),
      renderNames(operation.columns),
      renderObject(deferrableEntries(operation)),
    ]),
  createForeignKey: (operation, state) =>
    renderCall('batch.createForeignKey', [
      renderConstraintName(operation.constraintName),
      renderString(operation.referentTable),
      renderNames(operation.localColumns),
      renderNames(operation.remoteColumns),
      renderObject(foreignKeyEntries(operation, state)),
    ]),
  createCheckConstraint: (operation) =>
    renderCall('batch.createCheckConstraint', [
      renderConstraintName(operation.constraintName),
      renderString(operation.condition),
    ]),
  createPrimaryKey: (operation) =>
    renderCall('batch.createPrimaryKey', [
      renderConstraintName(operation.constraintName),
      renderNames(operation.columns),
    ]),
  dropConstraint: (operation, state) =>
    renderCall('batch.dropConstraint', [
      batchDropConstraintName(operation),
      renderObject(dropConstraintEntries(operation, state, [])),
    ]),
  createTableComment: (operation) =>
    renderCall('batch.createTableComment', [
      renderString(operation.comment),
      renderObject([['existingComment', nullableText(operation.existingComment)]]),
    ]),
  dropTableComment: (operation) =>
    renderCall('batch.dropTableComment', [renderObject([['existingComment', text(operation.existingComment)]])]),
  execute: (operation, state) =>
    renderCall('batch.execute', [
      renderString(operation.sql),
      operation.parameters === undefined ? '' : renderValue(operation.parameters, state),
    ]),
};

/**
 * One operation as the `op` call that carries it out, without `await` and `;`:
 * `op.addColumn('account', column('email', string(100)))`.
 *
 * @internal
 */
export function renderOperation(operation: Operation, state: RenderState): string {
  const renderer = OPERATION_RENDERERS[operation.kind] as (value: Operation, state: RenderState) => string;
  return renderer(operation, state);
}

/**
 * One operation of a batch as the `batch` call that records it: `batch.addColumn(column(...))`.
 *
 * @internal
 */
export function renderBatchOperation(operation: BatchOperation, state: RenderState): string {
  const renderer = BATCH_RENDERERS[operation.kind] as (value: BatchOperation, state: RenderState) => string;
  return renderer(operation, state);
}

/**
 * `op.batchAlterTable('t', { options }, (batch) => {\n  body\n})` around already rendered
 * statements.
 *
 * @internal
 */
export function renderBatchBlock(tableName: string, body: string, options: readonly Entry[]): string {
  return renderCall(
    'op.batchAlterTable',
    [renderString(tableName), renderObject(options), `(batch) => {\n${indent(body)}\n}`].filter(
      (argument, position) => position !== 1 || argument !== '',
    ),
  );
}
