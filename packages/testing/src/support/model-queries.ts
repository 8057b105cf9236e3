import { constraintNameText } from '@alembic/core/dialect';
import type { ColumnModel, TableModel } from '@alembic/core';

/** The column names of a table, in order. */
export function columnNames(model: TableModel): string[] {
  return model.columns.map((entry) => entry.name);
}

/** One column; fails when it is missing. */
export function columnOf(model: TableModel, name: string): ColumnModel {
  const found = model.columns.find((entry) => entry.name === name);
  if (found === undefined)
    throw new Error(`column '${name}' not found in '${model.name}' (${columnNames(model).join(', ')})`);
  return found;
}

/** Names of the table's unique, foreign key and check constraints of `kind` (all kinds when unset). */
export function constraintNames(model: TableModel, kind?: TableModel['constraints'][number]['kind']): string[] {
  return model.constraints
    .filter((constraint) => kind === undefined || constraint.kind === kind)
    .flatMap((constraint) => (constraint.name === undefined ? [] : [constraintNameText(constraint.name)]));
}

/** Names of the table's indexes. */
export function indexNames(model: TableModel): string[] {
  return model.indexes.flatMap((entry) => (entry.name === undefined ? [] : [constraintNameText(entry.name)]));
}

/**
 * Whether the table has a uniqueness rule named `name`: a unique constraint, or a unique index
 * (some databases, MySQL among them, keep unique constraints as unique indexes).
 */
export function hasUniqueNamed(model: TableModel, name: string): boolean {
  return (
    constraintNames(model, 'uniqueConstraint').includes(name) ||
    model.indexes.some((entry) => entry.unique && entry.name !== undefined && constraintNameText(entry.name) === name)
  );
}
