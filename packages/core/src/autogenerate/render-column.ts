import type { ColumnModel } from '../schema/column.js';
import type { ForeignKeyReference } from '../schema/foreign-key-reference.js';
import type { RenderState } from './render-state.js';
import { renderServerDefault } from './render-server-default.js';
import { renderType } from './render-type.js';
import { renderCall, renderObject, renderString, renderValue } from './render-value.js';

/** How a column sits in its table, for what its options may leave out. */
export interface ColumnPlacement {
  /**
   * The table's primary key is rendered as a separate `primaryKeyConstraint(...)` naming this
   * column: leave out `primaryKey: true` and the NOT NULL it implies.
   */
  readonly keyedByConstraint?: boolean;
}

/**
 * A column as `column('name', type, { options })`, writing only the options that differ from
 * `column()`'s defaults. A `renderItem` hook may replace it (item type `'column'`).
 *
 * ```ts
 * renderColumn(column('id', integer(), { primaryKey: true }), state); // "column('id', integer(), { primaryKey: true })"
 * ```
 *
 * @internal
 */
export function renderColumn(model: ColumnModel, state: RenderState, placement: ColumnPlacement = {}): string {
  return state.item('column', model, () => {
    const keyed = placement.keyedByConstraint === true;
    const primaryKeyFlag = model.primaryKey && !keyed;
    const defaultNullable = !primaryKeyFlag && !keyed;
    const options = renderObject([
      ['primaryKey', primaryKeyFlag ? 'true' : undefined],
      [
        'nullable',
        model.nullable === defaultNullable || (keyed && !model.nullable) ? undefined : String(model.nullable),
      ],
      [
        'serverDefault',
        model.serverDefault === undefined ? undefined : renderServerDefault(model.serverDefault, state),
      ],
      ['autoincrement', model.autoincrement === 'auto' ? undefined : String(model.autoincrement)],
      ['identity', model.identity === undefined ? undefined : renderValue(model.identity, state)],
      ['comment', model.comment === undefined ? undefined : renderString(model.comment)],
      ['unique', model.unique ? 'true' : undefined],
      ['index', model.index ? 'true' : undefined],
      ['references', model.references === undefined ? undefined : renderReference(model.references, state)],
    ]);
    return renderCall(state.helper('column'), [renderString(model.name), renderType(model.type, state), options]);
  });
}

/** `'account.id'` when the reference has nothing else; else the object. */
function renderReference(reference: ForeignKeyReference, state: RenderState): string {
  const { table, column, schema, ...options } = reference;
  const hasOptions = Object.values(options).some((value) => value !== undefined);
  if (!hasOptions && !table.includes('.') && !column.includes('.') && (schema === undefined || !schema.includes('.'))) {
    return renderString(schema === undefined ? `${table}.${column}` : `${schema}.${table}.${column}`);
  }
  return renderValue(reference, state);
}
