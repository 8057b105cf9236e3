import type { ColumnType, ColumnTypeKind } from '../schema/column-types.js';
import type { RenderState } from './render-state.js';
import { renderCall, renderList, renderObject, renderString } from './render-value.js';

type TypeRenderers = {
  readonly [Kind in ColumnTypeKind]: (type: Extract<ColumnType, { kind: Kind }>, state: RenderState) => string;
};

const optional = (value: number | undefined): string => (value === undefined ? 'undefined' : String(value));

const collationOptions = (collation: string | undefined): string =>
  renderObject([['collation', collation === undefined ? undefined : renderString(collation)]]);

/** One renderer per type kind (`tsc` reports a kind without one). */
const TYPE_RENDERERS: TypeRenderers = {
  integer: (_type, state) => `${state.helper('integer')}()`,
  bigInteger: (_type, state) => `${state.helper('bigInteger')}()`,
  smallInteger: (_type, state) => `${state.helper('smallInteger')}()`,
  string: (type, state) => {
    const options = collationOptions(type.collation);
    return renderCall(
      state.helper('string'),
      options === '' ? [type.length === undefined ? '' : String(type.length)] : [optional(type.length), options],
    );
  },
  text: (type, state) => renderCall(state.helper('text'), [collationOptions(type.collation)]),
  boolean: (type, state) =>
    renderCall(state.helper('boolean'), [
      renderObject([
        ['createConstraint', type.createConstraint ? 'true' : undefined],
        ['name', type.name === undefined ? undefined : renderString(type.name)],
      ]),
    ]),
  date: (_type, state) => `${state.helper('date')}()`,
  dateTime: (type, state) => renderCall(state.helper('dateTime'), [type.timezone ? '{ timezone: true }' : '']),
  time: (type, state) => renderCall(state.helper('time'), [type.timezone ? '{ timezone: true }' : '']),
  numeric: (type, state) =>
    renderCall(
      state.helper('numeric'),
      type.scale === undefined
        ? [type.precision === undefined ? '' : String(type.precision)]
        : [optional(type.precision), String(type.scale)],
    ),
  float: (type, state) =>
    renderCall(state.helper('float'), [type.precision === undefined ? '' : String(type.precision)]),
  json: (_type, state) => `${state.helper('json')}()`,
  largeBinary: (type, state) =>
    renderCall(state.helper('largeBinary'), [type.length === undefined ? '' : String(type.length)]),
  enum: (type, state) =>
    renderCall(state.helper('enumType'), [
      renderList(type.values.map(renderString)),
      renderObject([
        ['name', type.name === undefined ? undefined : renderString(type.name)],
        ['nativeEnum', type.nativeEnum ? undefined : 'false'],
        ['createConstraint', type.createConstraint ? 'true' : undefined],
      ]),
    ]),
  uuid: (_type, state) => `${state.helper('uuid')}()`,
  raw: (type, state) => renderCall(state.helper('rawType'), [renderString(type.sql)]),
};

/**
 * A column type as the helper call that builds it: `integer()`, `string(50)`,
 * `numeric(10, 2)`, `enumType(['a', 'b'], { name: 'status' })`, `rawType('CITEXT')`. A
 * `renderItem` hook may replace it (item type `'type'`).
 *
 * ```ts
 * renderType(string(50), state); // "string(50)"
 * ```
 *
 * @internal
 */
export function renderType(type: ColumnType, state: RenderState): string {
  return state.item('type', type, () => {
    const renderer = TYPE_RENDERERS[type.kind] as (value: ColumnType, state: RenderState) => string;
    return renderer(type, state);
  });
}
