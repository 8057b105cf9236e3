import type { ColumnModel, MigrationPlan, Operation, TableModel } from '@alembic/core';
import type { SchemaNormalizer } from '@alembic/core/dialect';

/** One line per planned upgrade operation (its kind, table and what it names), for failure messages. */
export function describePlan(plan: MigrationPlan): string[] {
  return plan.upgrade.map((planned) => describeOperation(planned.operation));
}

/** The plan's upgrade and downgrade, one line per operation. */
export function describeWholePlan(plan: MigrationPlan): string {
  return [
    'upgrade:',
    ...plan.upgrade.map((planned) => `  ${describeOperation(planned.operation)}`),
    'downgrade:',
    ...plan.downgrade.map((planned) => `  ${describeOperation(planned.operation)}`),
    ...(plan.irreversible.length === 0
      ? []
      : ['irreversible:', ...plan.irreversible.map((entry) => `  ${entry.operation.kind}: ${entry.reason}`)]),
  ].join('\n');
}

/** The operation's kind and its data, short: a created table as its name and column names. */
function describeOperation(operation: Operation): string {
  const shortened =
    operation.kind === 'createTable'
      ? {
          name: operation.table.name,
          columns: operation.table.columns.map((entry) => entry.name),
          constraints: operation.table.constraints,
        }
      : operation;
  const data = JSON.stringify(shortened, (key, value: unknown) =>
    key === 'kind' && typeof value === 'string' ? undefined : value,
  );
  const text = `${operation.kind} ${data}`;
  return text.length > 700 ? `${text.slice(0, 700)}...` : text;
}

/** The fields of a column that compare looks at, after normalization. */
function comparedFields(model: ColumnModel): Record<string, unknown> {
  return {
    type: model.type,
    nullable: model.nullable,
    serverDefault: model.serverDefault,
    comment: model.comment,
    identity: model.identity,
  };
}

/**
 * For every column both sides have whose normalized type, nullability, default, comment or
 * identity differ: `table.column: model <json> / database <json>`, both normalized. This is
 * what a failing round trip reports, so that a normalizer's owner sees the two values.
 */
export function normalizedColumnDifferences(
  normalizer: SchemaNormalizer,
  modelTables: readonly TableModel[],
  reflectedTables: readonly TableModel[],
): string[] {
  const lines: string[] = [];
  for (const modelTable of modelTables) {
    const reflected = reflectedTables.find((candidate) => candidate.name === modelTable.name);
    if (reflected === undefined) continue;
    const modelSide = normalizer.normalizeTable(modelTable, 'model');
    const databaseSide = normalizer.normalizeTable(reflected, 'database');
    for (const modelColumn of modelSide.columns) {
      const databaseColumn = databaseSide.columns.find((candidate) => candidate.name === modelColumn.name);
      if (databaseColumn === undefined) continue;
      const left = JSON.stringify(comparedFields(modelColumn));
      const right = JSON.stringify(comparedFields(databaseColumn));
      if (left !== right) lines.push(`${modelTable.name}.${modelColumn.name}: model ${left} / database ${right}`);
    }
  }
  return lines;
}
