/**
 * A generated schema for the bulk introspection tests: `count` tables named `bulk_00`,
 * `bulk_01`..., each with every feature the MySQL introspector reads, varied from table to
 * table: the neutral types and MySQL's own (unsigned, fractional seconds, TIMESTAMP, MEDIUMTEXT),
 * defaults (values, numbers, CURRENT_TIMESTAMP with and without precision, ON UPDATE),
 * AUTO_INCREMENT, foreign keys with actions (named and unnamed, so MySQL adds their indexes),
 * unique constraints and unique indexes (named and unnamed), indexes (plain, composite, prefix
 * length, FULLTEXT), named and unnamed checks, table and column comments, enums and JSON.
 * Constraints are explicit (as compare sees a model once column flags are resolved).
 */
import {
  bigInteger,
  boolean,
  checkConstraint,
  column,
  date,
  dateTime,
  enumType,
  float,
  foreignKeyConstraint,
  index,
  integer,
  json,
  largeBinary,
  numeric,
  rawType,
  smallInteger,
  sql,
  string,
  table,
  text,
  time,
  uniqueConstraint,
  uuid,
} from '@alembic/core/dialect';
import type { TableElement, TableModel } from '@alembic/core/dialect';

const ACTIONS = ['CASCADE', 'SET NULL', 'RESTRICT', 'NO ACTION'] as const;

/** The name of table `position` of the bulk schema. */
export function bulkTableName(position: number): string {
  return `bulk_${String(position).padStart(2, '0')}`;
}

/** Table `position` of the bulk schema; tables after the first refer to earlier ones. */
export function bulkTable(position: number): TableModel {
  const name = bulkTableName(position);
  const elements: TableElement[] = [
    column('id', position % 2 === 0 ? integer() : bigInteger(), {
      primaryKey: true,
      comment: position % 3 === 0 ? "the row's id" : undefined,
    }),
    column('code', string(20 + position), { nullable: false }),
    column('title', string(100, position % 4 === 0 ? { collation: 'utf8mb4_bin' } : {}), {
      serverDefault: position % 2 === 0 ? "it's" : 'untitled',
    }),
    column('body', text(), { comment: 'free text' }),
    column('active', boolean(), { nullable: false, serverDefault: position % 2 === 0 ? sql('TRUE') : '0' }),
    column('rank', smallInteger(), { serverDefault: sql(String(position)) }),
    column('amount', numeric(12, 2), { nullable: false, serverDefault: '0' }),
    column('plain_number', numeric()),
    column('ratio', float(), { serverDefault: sql('1.5') }),
    column('hits', rawType('INT UNSIGNED'), { nullable: false, serverDefault: '0' }),
    column('legacy_width', rawType(position % 2 === 0 ? 'INT(11)' : 'TINYINT(4)')),
    column('born_on', date()),
    column('opens_at', time()),
    column('created', dateTime(), {
      nullable: false,
      serverDefault: sql(position % 2 === 0 ? 'CURRENT_TIMESTAMP' : 'now()'),
    }),
    column('touched', rawType('TIMESTAMP'), {
      nullable: false,
      serverDefault: sql('CURRENT_TIMESTAMP ON UPDATE CURRENT_TIMESTAMP'),
    }),
    column('precise', rawType('DATETIME(6)'), {
      serverDefault: sql('CURRENT_TIMESTAMP(6) ON UPDATE CURRENT_TIMESTAMP(6)'),
    }),
    column('status', enumType(['draft', 'live', `v${position}`], { name: 'bulk_status' }), { serverDefault: 'draft' }),
    column('doc', json()),
    column('avatar', largeBinary()),
    column('digest', largeBinary(32)),
    column('token', uuid()),
    column('notes', rawType('MEDIUMTEXT')),
    uniqueConstraint(['code'], { name: `uq_${name}_code` }),
    index(`ix_${name}_created`, ['created', 'rank']),
    index(`ix_${name}_title`, ['title'], { dialectOptions: { mysql: { length: { title: 10 } } } }),
    checkConstraint('amount >= 0', { name: `ck_${name}_amount` }),
  ];
  if (position % 3 === 1) {
    elements.push(uniqueConstraint(['token']), index(`ux_${name}_hits`, ['hits', 'rank'], { unique: true }));
  }
  if (position % 5 === 2) {
    elements.push(index(`ix_${name}_fulltext`, ['body'], { dialectOptions: { mysql: { prefix: 'FULLTEXT' } } }));
    elements.push(checkConstraint('`rank` < 1000'));
  }
  if (position > 0) {
    const parentIdType = (position - 1) % 2 === 0 ? integer() : bigInteger();
    elements.push(
      column('parent_id', parentIdType),
      foreignKeyConstraint(['parent_id'], bulkTableName(position - 1), ['id'], {
        name: `fk_${name}_parent`,
        onDelete: ACTIONS[position % ACTIONS.length],
        onUpdate: ACTIONS[(position + 1) % ACTIONS.length],
      }),
    );
  }
  if (position > 1 && position % 2 === 0) {
    elements.push(column('root_id', integer()), foreignKeyConstraint(['root_id'], bulkTableName(0), ['id']));
  }
  if (position > 2 && position % 4 === 3) {
    elements.push(
      column('first_id', integer()),
      foreignKeyConstraint(['first_id'], bulkTableName(0), ['id'], { name: `fk_${name}_first`, onDelete: 'SET NULL' }),
      index(`ix_${name}_first`, ['first_id', 'code']),
    );
  }
  return table(name, elements, position % 2 === 0 ? { comment: `bulk table ${position}` } : {});
}

/** Tables `0 .. count - 1`, in creation order (each refers only to earlier ones). */
export function bulkTables(count: number): TableModel[] {
  return Array.from({ length: count }, (_unused, position) => bulkTable(position));
}
