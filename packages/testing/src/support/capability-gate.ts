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
 * `it` when the dialect's capabilities meet `requirement`, else `it.skip` with the unmet flags
 * in the title (`... [needs supportsComments=true]`), so a skip always says why. Tests are
 * skipped by declared capability, never by dialect name.
 */
export function itWhen(
  capabilities: DialectCapabilities,
  requirement: CapabilityRequirement,
  title: string,
  body: () => Promise<void>,
  timeoutMilliseconds?: number,
): void {
  const unmet = unmetRequirements(capabilities, requirement);
  if (unmet.length === 0) {
    it(title, body, timeoutMilliseconds);
  } else {
    it.skip(`${title} [needs ${unmet.join(', ')}]`, body, timeoutMilliseconds);
  }
}
