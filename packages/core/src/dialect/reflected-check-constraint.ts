import { checkConstraint } from '../schema/constraints.js';
import type { CheckConstraintModel } from '../schema/constraints.js';
import { convertedName } from '../schema/converted-name.js';
import { withoutEnclosingParentheses } from './sql-parentheses.js';

/**
 * A check constraint read back from a catalog: its clause without the one pair of parentheses
 * the database puts around it, and its name as the database has it (never converted again).
 *
 * ```ts
 * reflectedCheckConstraint('([price]>(0))', 'ck_item_price'); // checkConstraint('[price]>(0)', { name: convertedName('ck_item_price') })
 * ```
 */
export function reflectedCheckConstraint(clause: string, name: string): CheckConstraintModel {
  return checkConstraint(withoutEnclosingParentheses(clause), { name: convertedName(name) });
}
