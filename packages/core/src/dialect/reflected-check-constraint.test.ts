import { checkConstraint } from '../schema/constraints.js';
import { convertedName } from '../schema/converted-name.js';
import { reflectedCheckConstraint } from './reflected-check-constraint.js';

describe('reflectedCheckConstraint', () => {
  it('drops the one pair of parentheses the database adds and keeps the name as read', () => {
    expect(reflectedCheckConstraint('([price]>(0))', 'ck_item_price')).toEqual(
      checkConstraint('[price]>(0)', { name: convertedName('ck_item_price') }),
    );
  });
});
