/**
 * The `kind` tag of a schema model object (`'table'`, `'column'`, `'sqlExpression'`, ...), or
 * `undefined` for anything that is not an object. The `isX()` guards of the schema model test it.
 *
 * ```ts
 * kindOf(table('account', [])); // 'table'
 * kindOf('account'); // undefined
 * ```
 */
export function kindOf(value: unknown): unknown {
  return typeof value === 'object' && value !== null ? (value as { readonly kind?: unknown }).kind : undefined;
}
