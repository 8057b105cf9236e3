/**
 * Compare's matching rules (issue 9, common brief), written out for the round trip: what of a
 * normalized table must be equal between the model and the database.
 */
import { constraintNameText } from '@alembic/core/dialect';
import type { ColumnModel, ColumnType, ConstraintName, TableModel } from '@alembic/core/dialect';

function nameOf(name: ConstraintName | undefined): string | undefined {
  return name === undefined ? undefined : constraintNameText(name);
}

/** Same kind, and every property the model side sets equal on the database side. */
export function sameType(model: ColumnType, database: ColumnType): boolean {
  return (
    model.kind === database.kind &&
    Object.entries(model).every(
      ([key, value]) =>
        value === undefined ||
        JSON.stringify(value) === JSON.stringify((database as unknown as Record<string, unknown>)[key]),
    )
  );
}

function defaultText(model: ColumnModel): string | undefined {
  const value = model.serverDefault;
  return value === undefined ? undefined : typeof value === 'string' ? `'${value}'` : value.text;
}

/** Per column: name, nullable, default text and comment; `type` true when the types match. */
export function columnSignatures(model: TableModel, database: TableModel): unknown[] {
  return model.columns.map((column) => {
    const other = database.columns.find((candidate) => candidate.name === column.name);
    return {
      name: column.name,
      found: other !== undefined,
      type:
        other === undefined
          ? undefined
          : sameType(column.type, other.type) || { model: column.type, database: other.type },
      nullable: other?.nullable === column.nullable || { model: column.nullable, database: other?.nullable },
      serverDefault: defaultText(column) === (other === undefined ? undefined : defaultText(other)) || {
        model: defaultText(column),
        database: other === undefined ? undefined : defaultText(other),
      },
      comment: other?.comment === column.comment || { model: column.comment, database: other?.comment },
      identity: JSON.stringify(other?.identity) === JSON.stringify(column.identity) || {
        model: column.identity,
        database: other?.identity,
      },
    };
  });
}

/** Unique constraints: by name when named, else by their columns. */
export function uniqueSignatures(model: TableModel): string[] {
  return model.constraints
    .filter((constraint) => constraint.kind === 'uniqueConstraint')
    .map((constraint) => nameOf(constraint.name) ?? `(${constraint.columns.join(', ')})`)
    .sort();
}

/** Foreign keys: by signature, never by name. */
export function foreignKeySignatures(model: TableModel): string[] {
  return model.constraints
    .flatMap((constraint) => (constraint.kind === 'foreignKeyConstraint' ? [constraint] : []))
    .map(
      ({ columns, referredSchema, referredTable, referredColumns, onDelete, onUpdate, deferrable, initially, match }) =>
        JSON.stringify({
          columns,
          referredSchema,
          referredTable,
          referredColumns,
          onDelete,
          onUpdate,
          deferrable,
          initially,
          match,
        }),
    )
    .sort();
}

/** Check constraints: the names of the named ones (unnamed ones are not compared). */
export function checkSignatures(model: TableModel): string[] {
  return model.constraints
    .flatMap((constraint) =>
      constraint.kind === 'checkConstraint' && constraint.name !== undefined ? [nameOf(constraint.name) as string] : [],
    )
    .sort();
}

/** Indexes: by name, with their columns, uniqueness, predicate and options. */
export function indexSignatures(model: TableModel): string[] {
  return model.indexes
    .map(({ name, columns, unique, where, dialectOptions }) =>
      JSON.stringify({
        name: nameOf(name),
        columns: columns.map((element) => (typeof element === 'string' ? element : `sql:${element.text}`)),
        unique,
        where,
        dialectOptions,
      }),
    )
    .sort();
}
