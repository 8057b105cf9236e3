import type { ConstraintModel, PrimaryKeyConstraintModel } from '../schema/constraints.js';
import type { ConstraintName } from '../schema/converted-name.js';
import type { IndexModel } from '../schema/index-model.js';
import type { TableConstraintModel } from '../schema/table.js';
import type { CreateCheckConstraintOperation } from './create-check-constraint-operation.js';
import { createCheckConstraintOperation } from './create-check-constraint-operation.js';
import type { CreateForeignKeyOperation } from './create-foreign-key-operation.js';
import { createForeignKeyOperation } from './create-foreign-key-operation.js';
import type { CreateIndexOperation } from './create-index-operation.js';
import type { CreatePrimaryKeyOperation } from './create-primary-key-operation.js';
import { createPrimaryKeyOperation } from './create-primary-key-operation.js';
import type { CreateUniqueConstraintOperation } from './create-unique-constraint-operation.js';
import { createUniqueConstraintOperation } from './create-unique-constraint-operation.js';

/** The operations that add a constraint to an existing table. */
export type ConstraintCreatingOperation =
  | CreateUniqueConstraintOperation
  | CreateForeignKeyOperation
  | CreateCheckConstraintOperation
  | CreatePrimaryKeyOperation;

function named(name: ConstraintName | undefined): { name?: ConstraintName } {
  return name === undefined ? {} : { name };
}

/**
 * The constraint a constraint-creating operation adds, as a schema model (what a later
 * `dropConstraint` carries as `existingConstraint`).
 *
 * ```ts
 * constraintOfOperation(createUniqueConstraintOperation({ constraintName: 'uq', tableName: 't', columns: ['a'] }));
 * // { kind: 'uniqueConstraint', name: 'uq', columns: ['a'] }
 * ```
 */
export function constraintOfOperation(operation: CreatePrimaryKeyOperation): PrimaryKeyConstraintModel;
export function constraintOfOperation(
  operation: Exclude<ConstraintCreatingOperation, CreatePrimaryKeyOperation>,
): TableConstraintModel;
export function constraintOfOperation(operation: ConstraintCreatingOperation): ConstraintModel;
export function constraintOfOperation(operation: ConstraintCreatingOperation): ConstraintModel {
  switch (operation.kind) {
    case 'createUniqueConstraint':
      return {
        kind: 'uniqueConstraint',
        ...named(operation.constraintName),
        columns: operation.columns,
        ...(operation.deferrable === undefined ? {} : { deferrable: operation.deferrable }),
        ...(operation.initially === undefined ? {} : { initially: operation.initially }),
      };
    case 'createForeignKey': {
      const {
        kind: _kind,
        constraintName,
        sourceTable: _table,
        sourceSchema: _schema,
        referentTable,
        referentSchema,
        localColumns,
        remoteColumns,
        ...options
      } = operation;
      return {
        kind: 'foreignKeyConstraint',
        ...named(constraintName),
        columns: localColumns,
        referredTable: referentTable,
        ...(referentSchema === undefined ? {} : { referredSchema: referentSchema }),
        referredColumns: remoteColumns,
        ...options,
      };
    }
    case 'createCheckConstraint':
      return { kind: 'checkConstraint', ...named(operation.constraintName), condition: operation.condition };
    case 'createPrimaryKey':
      return { kind: 'primaryKeyConstraint', ...named(operation.constraintName), columns: operation.columns };
  }
}

/**
 * The operation that adds `constraint` to `tableName`; the inverse of {@link constraintOfOperation}.
 * `fallbackName` is used when the constraint model has no name of its own.
 */
export function operationOfConstraint(
  target: { tableName: string; schema?: string | undefined },
  constraint: ConstraintModel,
  fallbackName?: ConstraintName,
): ConstraintCreatingOperation {
  const { tableName, schema } = target;
  const constraintName = constraint.name ?? fallbackName;
  switch (constraint.kind) {
    case 'uniqueConstraint':
      return createUniqueConstraintOperation({
        constraintName,
        tableName,
        schema,
        columns: constraint.columns,
        deferrable: constraint.deferrable,
        initially: constraint.initially,
      });
    case 'foreignKeyConstraint':
      return createForeignKeyOperation({
        constraintName,
        sourceTable: tableName,
        sourceSchema: schema,
        referentTable: constraint.referredTable,
        referentSchema: constraint.referredSchema,
        localColumns: constraint.columns,
        remoteColumns: constraint.referredColumns,
        onDelete: constraint.onDelete,
        onUpdate: constraint.onUpdate,
        deferrable: constraint.deferrable,
        initially: constraint.initially,
        match: constraint.match,
        dialectOptions: constraint.dialectOptions,
      });
    case 'checkConstraint':
      return createCheckConstraintOperation({ constraintName, tableName, schema, condition: constraint.condition });
    case 'primaryKeyConstraint':
      return createPrimaryKeyOperation({ constraintName, tableName, schema, columns: constraint.columns });
  }
}

/** The index a `createIndex` operation creates, as a schema model. */
export function indexOfOperation(operation: CreateIndexOperation): IndexModel {
  return {
    kind: 'index',
    ...named(operation.indexName),
    columns: operation.columns,
    unique: operation.unique,
    ...(operation.where === undefined ? {} : { where: operation.where }),
    ...(operation.dialectOptions === undefined ? {} : { dialectOptions: operation.dialectOptions }),
  };
}
