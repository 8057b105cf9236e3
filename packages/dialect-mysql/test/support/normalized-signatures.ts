/**
 * What compare looks at in two normalized tables, as sorted lists of text, so a live test can
 * assert a round trip with `toEqual` and see every difference at once. Follows compare's rules:
 * a type property is compared only when the model side sets it; autoincrement columns'
 * defaults are not compared; unique constraints by name when both are named, else by columns;
 * foreign keys by signature; checks by name (unnamed ones ignored); indexes by name.
 */
import { constraintNameText, isSqlExpression } from '@alembic/core/dialect';
import type { ColumnModel, ConstraintName, TableModel } from '@alembic/core/dialect';

function nameOf(name: ConstraintName | undefined): string | undefined {
  return name === undefined ? undefined : constraintNameText(name);
}

/** The model column as compare sees it, with the type properties the model sets. */
function columnSignature(model: ColumnModel, modelSide: ColumnModel): string {
  const typeProperties = Object.keys(modelSide.type)
    .sort()
    .map((key) => `${key}=${JSON.stringify((model.type as unknown as Record<string, unknown>)[key])}`);
  const serverDefault =
    model.serverDefault === undefined
      ? '-'
      : isSqlExpression(model.serverDefault)
        ? model.serverDefault.text
        : `value:${model.serverDefault}`;
  return [
    model.name,
    typeProperties.join(','),
    modelSide.autoincrement === true ? 'autoincrement' : `default ${serverDefault}`,
    model.nullable ? 'null' : 'not null',
    `comment ${model.comment ?? '-'}`,
  ].join(' | ');
}

/** Column, constraint and index signatures of a normalized table, read with `modelSide`'s properties. */
export function tableSignatures(normalized: TableModel, modelSide: TableModel): Record<string, string[]> {
  const modelColumns = new Map(modelSide.columns.map((model) => [model.name, model]));
  const modelUniqueNames = new Set(
    modelSide.constraints.flatMap((constraint) =>
      constraint.kind === 'uniqueConstraint' && constraint.name !== undefined ? [nameOf(constraint.name)] : [],
    ),
  );
  return {
    columns: normalized.columns.map((model) => columnSignature(model, modelColumns.get(model.name) ?? model)),
    primaryKey: [normalized.primaryKey?.columns.join(',') ?? '-'],
    uniques: normalized.constraints
      .flatMap((constraint) => {
        if (constraint.kind !== 'uniqueConstraint') return [];
        const name = nameOf(constraint.name);
        return [
          name !== undefined && modelUniqueNames.has(name) ? `name ${name}` : `columns ${constraint.columns.join(',')}`,
        ];
      })
      .sort(),
    foreignKeys: normalized.constraints
      .flatMap((constraint) =>
        constraint.kind === 'foreignKeyConstraint'
          ? [
              `${constraint.columns.join(',')} -> ${constraint.referredSchema ?? ''}.${constraint.referredTable}(${constraint.referredColumns.join(',')}) delete ${constraint.onDelete ?? '-'} update ${constraint.onUpdate ?? '-'}`,
            ]
          : [],
      )
      .sort(),
    checks: normalized.constraints
      .flatMap((constraint) =>
        constraint.kind === 'checkConstraint' && constraint.name !== undefined
          ? [nameOf(constraint.name) as string]
          : [],
      )
      .sort(),
    indexes: normalized.indexes
      .map(
        (model) =>
          `${nameOf(model.name) ?? '-'} (${model.columns.map(String).join(',')}) ${model.unique ? 'unique' : ''} ${JSON.stringify(model.dialectOptions ?? {})}`,
      )
      .sort(),
    comment: [normalized.comment ?? '-'],
  };
}
