/**
 * The names SQL Server makes up for constraints declared without one:
 * `PK__account__3213E83F0AD2A005`, `UQ__account__AB6E6164...`, `FK__child__paren__3B75D760`,
 * `CK__t__amount__...`, `DF__t__c__...` (a prefix, a shortened table and column name, and a hex
 * suffix).
 */
const GENERATED_NAME = /^(?:PK|UQ|FK|CK|DF)__[\s\S]+__[0-9A-F]{8,16}$/;

/**
 * True when `name` is one SQL Server generated (see {@link GENERATED_NAME}): such a constraint
 * compares as unnamed.
 *
 * ```ts
 * isMssqlGeneratedName('PK__account__3213E83F0AD2A005'); // true
 * isMssqlGeneratedName('pk_account'); // false
 * ```
 */
export function isMssqlGeneratedName(name: string): boolean {
  return GENERATED_NAME.test(name);
}
