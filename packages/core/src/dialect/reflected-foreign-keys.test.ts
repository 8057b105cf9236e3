import { foreignKeyConstraint } from '../schema/constraints.js';
import { convertedName } from '../schema/converted-name.js';
import { reflectedForeignKeys } from './reflected-foreign-keys.js';

describe('reflectedForeignKeys', () => {
  it('makes one constraint per name, columns in row order, the rest from its first row', () => {
    const rows = [
      { constraintName: 'fk_line_order', column: 'order_id', referredTable: 'orders', referredColumn: 'id' },
      {
        constraintName: 'fk_line_item',
        column: 'shop',
        referredSchema: 'stock',
        referredTable: 'item',
        referredColumn: 'shop_id',
        onDelete: 'CASCADE',
      },
      { constraintName: 'fk_line_item', column: 'sku', referredTable: 'item', referredColumn: 'sku' },
    ];
    expect(reflectedForeignKeys(rows)).toEqual([
      foreignKeyConstraint(['order_id'], 'orders', ['id'], { name: convertedName('fk_line_order') }),
      foreignKeyConstraint(['shop', 'sku'], 'item', ['shop_id', 'sku'], {
        name: convertedName('fk_line_item'),
        referredSchema: 'stock',
        onDelete: 'CASCADE',
      }),
    ]);
  });
});
