import { InvalidOperationError } from '../errors/invalid-operation-error.js';
import { deepFreeze, withoutUndefined } from '../schema/deep-freeze.js';

/**
 * Drops unset optional fields and deep-freezes an operation object.
 *
 * @internal
 */
export function buildOperation<T extends { readonly kind: string }>(operation: T): T {
  return deepFreeze(withoutUndefined(operation));
}

/**
 * Throws an {@link InvalidOperationError} unless `value` is a non-empty string.
 *
 * @internal
 */
export function requireText(operationKind: string, field: string, value: unknown): string {
  if (typeof value !== 'string' || value.length === 0) {
    throw new InvalidOperationError(`${operationKind}: '${field}' must be a non-empty string`);
  }
  return value;
}

/**
 * Throws an {@link InvalidOperationError} unless `value` is a non-empty list of strings.
 *
 * @internal
 */
export function requireNames(operationKind: string, field: string, value: unknown): readonly string[] {
  if (
    !Array.isArray(value) ||
    value.length === 0 ||
    value.some((item) => typeof item !== 'string' || item.length === 0)
  ) {
    throw new InvalidOperationError(`${operationKind}: '${field}' must be a non-empty list of column names`);
  }
  return [...(value as string[])];
}
