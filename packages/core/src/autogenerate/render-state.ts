import type { AutogenerateOptions, RenderContext, RenderItemType } from './autogenerate-options.js';

/**
 * What rendering a migration collects and consults: the `@alembic/core` helpers the code uses
 * (for the import line), extra import lines added by `renderItem` hooks, and the hook itself.
 *
 * @internal
 */
export class RenderState implements RenderContext {
  readonly imports = new Set<string>();
  readonly coreImports = new Set<string>();
  readonly #renderItem: AutogenerateOptions['renderItem'];

  constructor(renderItem?: AutogenerateOptions['renderItem']) {
    this.#renderItem = renderItem;
  }

  /** Records that the code uses the `@alembic/core` helper `name`, and returns the name. */
  helper(name: string): string {
    this.coreImports.add(name);
    return name;
  }

  /** The `renderItem` hook's text for `object`, or the default rendering when it returns false. */
  item(type: RenderItemType, object: unknown, renderDefault: () => string): string {
    const custom = this.#renderItem?.(type, object, this);
    return typeof custom === 'string' ? custom : renderDefault();
  }
}
