import type { AlterColumnOperation } from '../operations/alter-column-operation.js';
import type { Operation } from '../operations/operation.js';
import type { ServerDefault } from '../schema/column.js';
import type { ConstraintModel } from '../schema/constraints.js';
import type { ConstraintName } from '../schema/converted-name.js';
import { constraintNameText } from '../schema/converted-name.js';
import type { IndexElement } from '../schema/index-model.js';
import { isSqlExpression } from '../schema/sql-expression.js';
import { describeColumnType } from './describe-column-type.js';
import type { PlannedOperation } from './migration-plan.js';
import { qualified } from './operation-data-loss.js';

/** One change autogenerate found, in the two forms Alembic prints. */
export interface PlanDifference {
  /**
   * Alembic's diff tuple, as Python prints it (`alembic check`'s list):
   * `('add_column', None, 'account', 'email')`. The schema slot is `None` or `'schema'`.
   */
  readonly tuple: string;
  /** Alembic's log line: `Detected added column 'account.email'`. */
  readonly message: string;
}

/**
 * The changes of a plan's upgrade, one per detected difference, as Alembic's `compare_metadata`
 * diff tuples and `Detected ...` log lines, in plan order:
 *
 * - `('add_table', 'account')`, `('remove_table', 'account')`, `('rename_table', None, 'old', 'new')`
 *   (a new table's indexes follow as `add_index`);
 * - `('add_column', None, 'account', 'email')`, `('remove_column', None, 'account', 'email')`;
 * - per changed aspect of an `alterColumn`: `('modify_type', None, 'account', 'name', VARCHAR(50) -> VARCHAR(100))`,
 *   `modify_nullable` (`True -> False`), `modify_default`, `modify_comment`, `modify_identity`,
 *   `('rename_column', None, 'account', 'old', 'new')`;
 * - `('add_index', 'ix_x')`, `('remove_index', 'ix_x')`;
 * - `('add_unique', None, 'account', ('email',))`, `remove_unique`;
 * - `('add_fk', None, 'item', ('account_id',), 'account', ('id',))`, `remove_fk`;
 * - `('add_check', None, 'account', 'ck_x')`, `remove_check`;
 * - `('add_table_comment', None, 'account', 'text')`, `('remove_table_comment', None, 'account')`.
 *
 * ```ts
 * const differences = describePlanDifferences(plan.upgrade);
 * if (differences.length > 0) throw new CommandError(`New upgrade operations detected: ${formatDifferenceList(differences)}`);
 * ```
 */
export function describePlanDifferences(upgrade: readonly PlannedOperation[]): PlanDifference[] {
  return upgrade.flatMap(({ operation }) => differencesOf(operation));
}

/** The tuples as one Python list: `[('add_table', 'account'), ('add_index', 'ix_x')]`. */
export function formatDifferenceList(differences: readonly PlanDifference[]): string {
  return `[${differences.map((difference) => difference.tuple).join(', ')}]`;
}

function differencesOf(operation: Operation): PlanDifference[] {
  switch (operation.kind) {
    case 'createTable': {
      const { table } = operation;
      const name = qualified(table.schema, table.name);
      return [
        difference(['add_table', name], `Detected added table '${name}'`),
        ...table.indexes.map((index) =>
          difference(
            ['add_index', nameText(index.name)],
            `Detected added index ${nameRepr(index.name)} on '${elementsText(index.columns)}'`,
          ),
        ),
      ];
    }
    case 'dropTable': {
      const name = qualified(operation.schema, operation.tableName);
      return [difference(['remove_table', name], `Detected removed table '${name}'`)];
    }
    case 'renameTable':
      return [
        difference(
          ['rename_table', operation.schema, operation.oldTableName, operation.newTableName],
          `Detected renamed table '${qualified(operation.schema, operation.oldTableName)}' to '${operation.newTableName}'`,
        ),
      ];
    case 'addColumn':
      return [
        difference(
          ['add_column', operation.schema, operation.tableName, operation.column.name],
          `Detected added column '${qualified(operation.schema, operation.tableName)}.${operation.column.name}'`,
        ),
      ];
    case 'dropColumn':
      return [
        difference(
          ['remove_column', operation.schema, operation.tableName, operation.columnName],
          `Detected removed column '${qualified(operation.schema, operation.tableName)}.${operation.columnName}'`,
        ),
      ];
    case 'alterColumn':
      return alterationDifferences(operation);
    case 'createIndex':
      return [
        difference(
          ['add_index', nameText(operation.indexName)],
          `Detected added index ${nameRepr(operation.indexName)} on '${elementsText(operation.columns)}'`,
        ),
      ];
    case 'dropIndex':
      return [
        difference(
          ['remove_index', nameText(operation.indexName ?? operation.existingIndex?.name)],
          `Detected removed index ${nameRepr(operation.indexName ?? operation.existingIndex?.name)} on '${qualified(
            operation.schema,
            operation.tableName ?? '',
          )}'`,
        ),
      ];
    case 'createUniqueConstraint':
      return [
        uniqueDifference('add', operation.schema, operation.tableName, operation.constraintName, operation.columns),
      ];
    case 'createForeignKey':
      return [
        foreignKeyDifference('add', operation.sourceSchema, operation.sourceTable, {
          columns: operation.localColumns,
          referredSchema: operation.referentSchema,
          referredTable: operation.referentTable,
          referredColumns: operation.remoteColumns,
        }),
      ];
    case 'createCheckConstraint':
      return [checkDifference('add', operation.schema, operation.tableName, operation.constraintName)];
    case 'dropConstraint':
      return [
        droppedConstraintDifference(
          operation.schema,
          operation.tableName,
          operation.constraintName,
          operation.existingConstraint,
          operation.type,
        ),
      ];
    case 'createTableComment':
      return [
        difference(
          ['add_table_comment', operation.schema, operation.tableName, operation.comment],
          `Detected table comment on '${qualified(operation.schema, operation.tableName)}'`,
        ),
      ];
    case 'dropTableComment':
      return [
        difference(
          ['remove_table_comment', operation.schema, operation.tableName],
          `Detected removed table comment on '${qualified(operation.schema, operation.tableName)}'`,
        ),
      ];
    case 'batchAlterTable':
      return operation.operations.flatMap((inner) => differencesOf(inner));
    case 'createPrimaryKey':
      return [
        difference(
          ['add_pk', operation.schema, operation.tableName, operation.columns],
          `Detected added primary key on '${qualified(operation.schema, operation.tableName)}'`,
        ),
      ];
    // Added by a processRevisionDirectives hook (compare never plans them): named with what they do.
    case 'execute':
      return [
        difference(['execute', operation.sql], `Detected SQL to execute: ${operation.sql.replace(/\s+/g, ' ').trim()}`),
      ];
    case 'bulkInsert': {
      const name = qualified(operation.table.schema, operation.table.name);
      return [difference(['bulk_insert', name], `Detected rows to insert into '${name}'`)];
    }
  }
}

function alterationDifferences(operation: AlterColumnOperation): PlanDifference[] {
  const { schema, tableName, columnName } = operation;
  const column = `${qualified(schema, tableName)}.${columnName}`;
  const slots = (kind: string, change: string): string =>
    tuple([kind, schema, tableName, columnName]).replace(/\)$/, `, ${change})`);
  const result: PlanDifference[] = [];
  if (operation.newColumnName !== undefined) {
    result.push(
      difference(
        ['rename_column', schema, tableName, columnName, operation.newColumnName],
        `Detected renamed column '${column}' to '${operation.newColumnName}'`,
      ),
    );
  }
  if (operation.nullable !== undefined) {
    result.push({
      tuple: slots(
        'modify_nullable',
        `${pythonValue(operation.existingNullable)} -> ${pythonValue(operation.nullable)}`,
      ),
      message: `Detected ${operation.nullable ? 'NULL' : 'NOT NULL'} on column '${column}'`,
    });
  }
  if (operation.type !== undefined) {
    const before = operation.existingType === undefined ? 'None' : describeColumnType(operation.existingType);
    const after = describeColumnType(operation.type);
    result.push({
      tuple: slots('modify_type', `${before} -> ${after}`),
      message: `Detected type change from ${before} to ${after} on '${column}'`,
    });
  }
  if (operation.serverDefault !== undefined) {
    result.push({
      tuple: slots(
        'modify_default',
        `${defaultRepr(operation.existingServerDefault)} -> ${defaultRepr(operation.serverDefault)}`,
      ),
      message:
        operation.serverDefault === null
          ? `Detected removed server default on column '${column}'`
          : `Detected server default on column '${column}'`,
    });
  }
  if (operation.comment !== undefined) {
    result.push({
      tuple: slots('modify_comment', `${pythonValue(operation.existingComment)} -> ${pythonValue(operation.comment)}`),
      message:
        operation.comment === null ? `Detected removed comment '${column}'` : `Detected column comment '${column}'`,
    });
  }
  if (operation.identity !== undefined) {
    result.push({
      tuple: slots(
        'modify_identity',
        `${identityRepr(operation.existingIdentity)} -> ${identityRepr(operation.identity)}`,
      ),
      message: `Detected identity change on column '${column}'`,
    });
  }
  return result;
}

function uniqueDifference(
  change: 'add' | 'remove',
  schema: string | undefined,
  tableName: string,
  name: ConstraintName | undefined,
  columns: readonly string[],
): PlanDifference {
  return difference(
    [`${change}_unique`, schema, tableName, columns],
    `Detected ${change === 'add' ? 'added' : 'removed'} unique constraint ${nameRepr(name)} on '${columns.join(', ')}'`,
  );
}

function foreignKeyDifference(
  change: 'add' | 'remove',
  schema: string | undefined,
  tableName: string,
  foreignKey: {
    readonly columns: readonly string[];
    readonly referredSchema?: string | undefined;
    readonly referredTable: string;
    readonly referredColumns: readonly string[];
  },
): PlanDifference {
  const referred = qualified(foreignKey.referredSchema, foreignKey.referredTable);
  return difference(
    [`${change}_fk`, schema, tableName, foreignKey.columns, referred, foreignKey.referredColumns],
    `Detected ${change === 'add' ? 'added' : 'removed'} foreign key (${foreignKey.columns.join(', ')})(${foreignKey.referredColumns
      .map((column) => `${referred}.${column}`)
      .join(', ')}) on table ${qualified(schema, tableName)}`,
  );
}

function checkDifference(
  change: 'add' | 'remove',
  schema: string | undefined,
  tableName: string,
  name: ConstraintName | undefined,
): PlanDifference {
  return difference(
    [`${change}_check`, schema, tableName, nameText(name)],
    `Detected ${change === 'add' ? 'added' : 'removed'} check constraint ${nameRepr(name)} on '${qualified(schema, tableName)}'`,
  );
}

function droppedConstraintDifference(
  schema: string | undefined,
  tableName: string,
  name: ConstraintName | undefined,
  existing: ConstraintModel | undefined,
  type: string | undefined,
): PlanDifference {
  const constraintName = name ?? existing?.name;
  switch (existing?.kind) {
    case 'uniqueConstraint':
      return uniqueDifference('remove', schema, tableName, constraintName, existing.columns);
    case 'foreignKeyConstraint':
      return foreignKeyDifference('remove', schema, tableName, existing);
    case 'checkConstraint':
      return checkDifference('remove', schema, tableName, constraintName);
    default:
      return difference(
        ['remove_constraint', schema, tableName, nameText(constraintName), type],
        `Detected removed constraint ${nameRepr(constraintName)} on '${qualified(schema, tableName)}'`,
      );
  }
}

function difference(values: readonly unknown[], message: string): PlanDifference {
  return { tuple: tuple(values), message };
}

function tuple(values: readonly unknown[]): string {
  return values.length === 1 ? `(${pythonValue(values[0])},)` : `(${values.map(pythonValue).join(', ')})`;
}

/** A value as Python's `repr` prints it: `'text'`, `None`, `True`, `('a', 'b')`. */
function pythonValue(value: unknown): string {
  if (value === undefined || value === null) return 'None';
  if (typeof value === 'boolean') return value ? 'True' : 'False';
  if (typeof value === 'number') return String(value);
  if (typeof value === 'string') {
    const escaped = value
      .replaceAll('\\', '\\\\')
      .replaceAll("'", "\\'")
      .replaceAll('\n', '\\n')
      .replaceAll('\r', '\\r')
      .replaceAll('\t', '\\t');
    return `'${escaped}'`;
  }
  if (Array.isArray(value)) return tuple(value);
  return String(value);
}

function nameText(name: ConstraintName | undefined): string | undefined {
  return name === undefined ? undefined : constraintNameText(name);
}

function nameRepr(name: ConstraintName | undefined): string {
  return pythonValue(nameText(name));
}

function elementsText(elements: readonly IndexElement[]): string {
  return elements.map((element) => (typeof element === 'string' ? element : element.text)).join(', ');
}

function defaultRepr(value: ServerDefault | null | undefined): string {
  if (value === undefined || value === null) return 'None';
  return isSqlExpression(value) ? value.text : pythonValue(value);
}

function identityRepr(
  value: { readonly always: boolean; readonly start?: number; readonly increment?: number } | null | undefined,
): string {
  if (value === undefined || value === null) return 'None';
  const parts = [`always=${pythonValue(value.always)}`];
  if (value.start !== undefined) parts.push(`start=${value.start}`);
  if (value.increment !== undefined) parts.push(`increment=${value.increment}`);
  return `Identity(${parts.join(', ')})`;
}
