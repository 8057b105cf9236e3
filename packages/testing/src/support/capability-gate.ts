import { it } from '@jest/globals';
import type { DialectCapabilities } from '@alembic/core/dialect';

/** The capability flags that are booleans (`transactionalDdl`, `supportsComments`...). */
export type BooleanCapability = {
  [Key in keyof DialectCapabilities]-?: DialectCapabilities[Key] extends boolean ? Key : never;
}[keyof DialectCapabilities];

/** What a test needs: each named flag must have the given value. */
export type CapabilityRequirement = Partial<Readonly<Record<BooleanCapability, boolean>>>;

/** The requirements `capabilities` does not meet, written `flag=value`. */
export function unmetRequirements(capabilities: DialectCapabilities, requirement: CapabilityRequirement): string[] {
  return (Object.entries(requirement) as [BooleanCapability, boolean][])
    .filter(([flag, wanted]) => capabilities[flag] !== wanted)
    .map(([flag, wanted]) => `${flag}=${String(wanted)}`);
}

/**
 * `it` when the dialect's capabilities meet `requirement`; otherwise the test does not apply to
 * this dialect and is not registered (no skipped test in the report): the suites hold a dialect
 * to the variant for what it declares (`transactionalDdl: false` has its own tests). Tests are
 * chosen by declared capability, never by dialect name.
 */
export function itWhen(
  capabilities: DialectCapabilities,
  requirement: CapabilityRequirement,
  title: string,
  body: () => Promise<void>,
  timeoutMilliseconds?: number,
): void {
  if (unmetRequirements(capabilities, requirement).length === 0) it(title, body, timeoutMilliseconds);
}
