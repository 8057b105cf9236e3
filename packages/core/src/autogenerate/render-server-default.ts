import type { ServerDefault } from '../schema/column.js';
import type { RenderState } from './render-state.js';
import { renderValue } from './render-value.js';

/**
 * A server default: a value as a quoted string (`'0'`), SQL as `sql('now()')`. A `renderItem`
 * hook may replace it (item type `'server_default'`).
 *
 * @internal
 */
export function renderServerDefault(serverDefault: ServerDefault, state: RenderState): string {
  return state.item('server_default', serverDefault, () => renderValue(serverDefault, state));
}

/**
 * An `alterColumn` default: `null` (none) as `null`, else as {@link renderServerDefault}.
 *
 * @internal
 */
export function renderOptionalServerDefault(
  serverDefault: ServerDefault | null | undefined,
  state: RenderState,
): string | undefined {
  if (serverDefault === undefined) return undefined;
  return serverDefault === null ? 'null' : renderServerDefault(serverDefault, state);
}
