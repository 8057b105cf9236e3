import type { TableModel } from '../schema/table.js';
import { renderColumn } from './render-column.js';
import { renderConstraint, renderIndex } from './render-constraint.js';
import type { RenderState } from './render-state.js';
import { renderCall, renderList, renderObject, renderString } from './render-value.js';

/**
 * Whether the primary key must be written as `primaryKeyConstraint(...)`: it has a name, or
 * its column order differs from the columns' order (what `primaryKey: true` flags give).
 */
function needsKeyConstraint(model: TableModel): boolean {
  const key = model.primaryKey;
  if (key === undefined) return false;
  const flagged = model.columns.filter((candidate) => candidate.primaryKey).map((candidate) => candidate.name);
  return key.name !== undefined || flagged.join('\u0000') !== key.columns.join('\u0000');
}

/**
 * A table's elements as `table()` takes them, one rendered element each: the columns, the
 * primary key constraint when the flags cannot say it, the constraints, the indexes.
 *
 * @internal
 */
export function renderTableElements(model: TableModel, state: RenderState): string[] {
  const keyConstraint = needsKeyConstraint(model) ? model.primaryKey : undefined;
  const keyed = new Set(keyConstraint?.columns ?? []);
  return [
    ...model.columns.map((entry) => renderColumn(entry, state, { keyedByConstraint: keyed.has(entry.name) })),
    ...(keyConstraint === undefined ? [] : [renderConstraint(keyConstraint, state)]),
    ...model.constraints.map((constraint) => renderConstraint(constraint, state)),
    ...model.indexes.map((entry) => renderIndex(entry, state)),
  ];
}

/**
 * The `{ schema, comment }` options of a table (`''` when it has neither), plus `extra` entries.
 *
 * @internal
 */
export function renderTableOptions(
  model: TableModel,
  extra: readonly (readonly [string, string | undefined])[] = [],
): string {
  return renderObject([
    ['schema', model.schema === undefined ? undefined : renderString(model.schema)],
    ['comment', model.comment === undefined ? undefined : renderString(model.comment)],
    ...extra,
  ]);
}

/**
 * A whole table as `table('name', [elements...], { schema, comment })`, e.g. the table a
 * `dropTable` carries so that the downgrade can create it again.
 *
 * @internal
 */
export function renderTable(model: TableModel, state: RenderState): string {
  return renderCall(state.helper('table'), [
    renderString(model.name),
    renderList(renderTableElements(model, state), true),
    renderTableOptions(model),
  ]);
}
