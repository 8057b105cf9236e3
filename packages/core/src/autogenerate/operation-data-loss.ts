import type { Operation } from '../operations/operation.js';
import type { PlannedOperation } from './migration-plan.js';
import { typeChangeLoss } from './column-type-comparison.js';
import { describeColumnType } from './describe-column-type.js';

/**
 * The one-line reason an operation loses data, or undefined: dropping a table or a column, and
 * a type change that narrows (`VARCHAR(100)` to `VARCHAR(50)`, `BIGINT` to `INTEGER`, `TEXT` to
 * `VARCHAR(n)`, fewer digits) or converts between unrelated kinds. An `alterColumn` without
 * `existingType` is not judged.
 *
 * ```ts
 * operationDataLoss(dropColumnOperation({ tableName: 'account', columnName: 'name' }));
 * // 'drops column account.name and its data'
 * ```
 */
export function operationDataLoss(operation: Operation): string | undefined {
  switch (operation.kind) {
    case 'dropTable':
      return `drops table ${qualified(operation.schema, operation.tableName)} and its data`;
    case 'dropColumn':
      return `drops column ${qualified(operation.schema, operation.tableName)}.${operation.columnName} and its data`;
    case 'alterColumn': {
      if (operation.type === undefined || operation.existingType === undefined) return undefined;
      const loss = typeChangeLoss(operation.existingType, operation.type);
      if (loss === undefined) return undefined;
      const column = `${qualified(operation.schema, operation.tableName)}.${operation.columnName}`;
      const change = `from ${describeColumnType(operation.existingType)} to ${describeColumnType(operation.type)}`;
      return loss === 'narrows'
        ? `narrows ${column} ${change}; values that do not fit are lost or refused`
        : `converts ${column} ${change}; values may not convert`;
    }
    default:
      return undefined;
  }
}

/** `schema.table`, or `table` in the default schema. */
export function qualified(schema: string | undefined, tableName: string): string {
  return schema === undefined ? tableName : `${schema}.${tableName}`;
}

/**
 * A {@link PlannedOperation} for `operation`, with its data-loss reason filled in.
 *
 * @internal
 */
export function plannedOperation(operation: Operation, comments: readonly string[] = []): PlannedOperation {
  const dataLoss = operationDataLoss(operation);
  return dataLoss === undefined ? { operation, comments } : { operation, comments, dataLoss };
}
