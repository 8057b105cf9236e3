import type { ConstraintModel } from '../schema/constraints.js';
import type { ConstraintName } from '../schema/converted-name.js';
import type { IndexElement, IndexModel } from '../schema/index-model.js';
import type { RenderItemType } from './autogenerate-options.js';
import type { RenderState } from './render-state.js';
import { renderCall, renderList, renderObject, renderString, renderValue } from './render-value.js';

/**
 * A constraint or index name: a plain name as a string, a name that already went through the
 * naming convention as `op.f('name')`, none as `null`.
 *
 * @internal
 */
export function renderConstraintName(name: ConstraintName | undefined): string {
  if (name === undefined) return 'null';
  return typeof name === 'string' ? renderString(name) : `op.f(${renderString(name.name)})`;
}

/** The `{ name }` option of a constraint helper, or `''` when unnamed. */
function nameOption(name: ConstraintName | undefined): readonly [string, string | undefined] {
  return ['name', name === undefined ? undefined : renderConstraintName(name)];
}

/**
 * Index columns and expressions: `['email', sql('lower(name)')]`.
 *
 * @internal
 */
export function renderIndexElements(elements: readonly IndexElement[], state: RenderState): string {
  return renderList(elements.map((element) => renderValue(element, state)));
}

/**
 * A list of column names: `['tenant_id', 'id']`.
 *
 * @internal
 */
export function renderNames(names: readonly string[]): string {
  return renderList(names.map(renderString));
}

const ITEM_TYPE: Readonly<Record<ConstraintModel['kind'], RenderItemType>> = {
  primaryKeyConstraint: 'primary_key',
  uniqueConstraint: 'unique',
  foreignKeyConstraint: 'foreign_key',
  checkConstraint: 'check',
};

/**
 * A constraint as the helper that builds it: `uniqueConstraint(['email'], { name: 'uq_x' })`,
 * `foreignKeyConstraint(['account_id'], 'account', ['id'], { onDelete: 'CASCADE' })`,
 * `checkConstraint('price > 0', { name: 'ck_price' })`, `primaryKeyConstraint(['a', 'b'])`. A
 * `renderItem` hook may replace it (item types `'primary_key'`, `'unique'`, `'foreign_key'`,
 * `'check'`).
 *
 * @internal
 */
export function renderConstraint(constraint: ConstraintModel, state: RenderState): string {
  return state.item(ITEM_TYPE[constraint.kind], constraint, () => {
    switch (constraint.kind) {
      case 'primaryKeyConstraint':
        return renderCall(state.helper('primaryKeyConstraint'), [
          renderNames(constraint.columns),
          renderObject([nameOption(constraint.name)]),
        ]);
      case 'uniqueConstraint':
        return renderCall(state.helper('uniqueConstraint'), [
          renderNames(constraint.columns),
          renderObject([
            nameOption(constraint.name),
            ['deferrable', constraint.deferrable === undefined ? undefined : String(constraint.deferrable)],
            ['initially', constraint.initially === undefined ? undefined : renderString(constraint.initially)],
          ]),
        ]);
      case 'foreignKeyConstraint':
        return renderCall(state.helper('foreignKeyConstraint'), [
          renderNames(constraint.columns),
          renderString(constraint.referredTable),
          renderNames(constraint.referredColumns),
          renderObject([
            nameOption(constraint.name),
            [
              'referredSchema',
              constraint.referredSchema === undefined ? undefined : renderString(constraint.referredSchema),
            ],
            ['onDelete', constraint.onDelete === undefined ? undefined : renderString(constraint.onDelete)],
            ['onUpdate', constraint.onUpdate === undefined ? undefined : renderString(constraint.onUpdate)],
            ['deferrable', constraint.deferrable === undefined ? undefined : String(constraint.deferrable)],
            ['initially', constraint.initially === undefined ? undefined : renderString(constraint.initially)],
            ['match', constraint.match === undefined ? undefined : renderString(constraint.match)],
            [
              'dialectOptions',
              constraint.dialectOptions === undefined ? undefined : renderValue(constraint.dialectOptions, state),
            ],
          ]),
        ]);
      case 'checkConstraint':
        return renderCall(state.helper('checkConstraint'), [
          renderString(constraint.condition),
          renderObject([nameOption(constraint.name)]),
        ]);
    }
  });
}

/**
 * An index as `index('ix_name', ['email'], { unique: true, where: '...' })` (`null` name: the
 * naming convention names it).
 *
 * @internal
 */
export function renderIndex(model: IndexModel, state: RenderState): string {
  return renderCall(state.helper('index'), [
    renderConstraintName(model.name),
    renderIndexElements(model.columns, state),
    renderObject([
      ['unique', model.unique ? 'true' : undefined],
      ['where', model.where === undefined ? undefined : renderString(model.where)],
      ['dialectOptions', model.dialectOptions === undefined ? undefined : renderValue(model.dialectOptions, state)],
    ]),
  ]);
}
