import { InvalidOperationError } from '../errors/invalid-operation-error.js';
import { deepFreeze } from '../schema/deep-freeze.js';
import type { OperationKind, OperationMap } from './operation.js';
import type { FieldRule } from './operation-field-rules.js';
import { OPERATION_FIELD_RULES } from './operation-field-rules.js';

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

const APPLY_RULE: Readonly<Record<FieldRule, (operationKind: string, field: string, value: unknown) => unknown>> = {
  text: requireText,
  names: requireNames,
  given: (_operationKind, _field, value) => value,
};

type FieldCheck = readonly [field: string, check: (operationKind: string, field: string, value: unknown) => unknown];

/** Each kind's fields in order with their check, worked out once from the rules table. */
const FIELD_CHECKS = new Map<string, readonly FieldCheck[]>(
  Object.entries(OPERATION_FIELD_RULES).map(([kind, rules]) => [
    kind,
    (Object.entries(rules) as [string, FieldRule][]).map(([field, rule]): FieldCheck => [field, APPLY_RULE[rule]]),
  ]),
);

const NOTHING_COMPUTED: Readonly<Record<string, unknown>> = Object.freeze({});

/**
 * Builds an operation of `kind` from `fields` by the kind's {@link OPERATION_FIELD_RULES}: checks
 * each field by its rule, in order (the first failure throws), and keeps only the fields the
 * rules name, in that order; then drops unset fields and deep-freezes the result. A field the
 * builder worked out itself goes in `computed`, which wins over `fields`; the rest are read from
 * `fields` as given (getters and inherited properties included).
 *
 * ```ts
 * buildOperation('renameTable', { oldTableName: 'address', newTableName: 'addresses' });
 * buildOperation('createIndex', fields, { columns, unique: fields.unique ?? false });
 * ```
 *
 * @internal
 */
export function buildOperation<Kind extends OperationKind>(
  kind: Kind,
  fields: { readonly [Field in keyof Omit<OperationMap[Kind], 'kind'>]?: unknown },
  computed?: Partial<Omit<OperationMap[Kind], 'kind'>>,
): OperationMap[Kind] {
  const given = fields as Readonly<Record<string, unknown>>;
  const worked = (computed ?? NOTHING_COMPUTED) as Readonly<Record<string, unknown>>;
  const operation: Record<string, unknown> = { kind };
  for (const [field, check] of FIELD_CHECKS.get(kind) ?? []) {
    const value = check(kind, field, Object.hasOwn(worked, field) ? worked[field] : given[field]);
    if (value !== undefined) operation[field] = value;
  }
  return deepFreeze(operation) as unknown as OperationMap[Kind];
}
