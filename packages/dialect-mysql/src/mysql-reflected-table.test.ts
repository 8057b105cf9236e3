import {
  checkConstraint,
  column,
  convertedName,
  foreignKeyConstraint,
  index,
  integer,
  json,
  primaryKeyConstraint,
  sql,
  string,
  table,
  uniqueConstraint,
} from '@alembic/core/dialect';
import type { MysqlColumnRow, MysqlIndexRow, MysqlTableRows } from './mysql-reflected-table.js';
import { buildReflectedTable } from './mysql-reflected-table.js';

function columnRow(name: string, columnType: string, fields: Partial<MysqlColumnRow> = {}): MysqlColumnRow {
  return {
    column_name: name,
    column_type: columnType,
    is_nullable: 'YES',
    column_default: null,
    extra: '',
    column_comment: '',
    collation_name: null,
    ...fields,
  };
}

function indexRow(name: string, columnName: string | null, fields: Partial<MysqlIndexRow> = {}): MysqlIndexRow {
  return {
    index_name: name,
    non_unique: 1,
    column_name: columnName,
    sub_part: null,
    index_type: 'BTREE',
    expression: null,
    ...fields,
  };
}

const BASE: MysqlTableRows = {
  flavour: 'mariadb',
  tableName: 'child',
  actualSchema: 'shop',
  comment: 'kids',
  collation: 'utf8mb4_general_ci',
  columns: [
    columnRow('id', 'int(11)', { is_nullable: 'NO', extra: 'auto_increment' }),
    columnRow('parent_id', 'int(11)', { is_nullable: 'NO' }),
    columnRow('name', 'varchar(20)', { column_default: "'x'", column_comment: 'the name' }),
    columnRow('payload', 'longtext', { collation_name: 'utf8mb4_bin' }),
  ],
  indexes: [
    indexRow('PRIMARY', 'id', { non_unique: 0 }),
    indexRow('fk_parent', 'parent_id'),
    indexRow('uq_name', 'name', { non_unique: 0 }),
    indexRow('ix_name_prefix', 'name', { sub_part: 5 }),
    indexRow('ix_ft', 'name', { index_type: 'FULLTEXT' }),
  ],
  foreignKeys: [
    {
      constraint_name: 'fk_parent',
      column_name: 'parent_id',
      referenced_schema: 'shop',
      referenced_table: 'parent',
      referenced_column: 'id',
      update_rule: 'RESTRICT',
      delete_rule: 'CASCADE',
    },
  ],
  checks: [
    { constraint_name: 'payload', check_clause: 'json_valid(`payload`)', level: 'Column' },
    { constraint_name: 'ck_name', check_clause: "`name` <> 'y'", level: 'Table' },
  ],
};

describe('buildReflectedTable', () => {
  it('builds the neutral model, keeping the index behind a foreign key and leaving out json_valid checks', () => {
    expect(buildReflectedTable(BASE)).toEqual(
      table(
        'child',
        [
          column('id', integer(), { primaryKey: true, nullable: false, autoincrement: true }),
          column('parent_id', integer(), { nullable: false, autoincrement: false }),
          column('name', string(20), { serverDefault: 'x', comment: 'the name', autoincrement: false }),
          column('payload', json(), { autoincrement: false }),
          primaryKeyConstraint(['id']),
          index(convertedName('fk_parent'), ['parent_id']),
          uniqueConstraint(['name'], { name: convertedName('uq_name') }),
          index(convertedName('ix_name_prefix'), ['name'], { dialectOptions: { mysql: { length: { name: 5 } } } }),
          index(convertedName('ix_ft'), ['name'], { dialectOptions: { mysql: { prefix: 'FULLTEXT' } } }),
          foreignKeyConstraint(['parent_id'], 'parent', ['id'], {
            name: convertedName('fk_parent'),
            onDelete: 'CASCADE',
          }),
          checkConstraint("`name` <> 'y'", { name: convertedName('ck_name') }),
        ],
        { comment: 'kids' },
      ),
    );
  });

  it('strips the outer parentheses of MySQL 8 checks, reads functional index parts and other databases', () => {
    const model = buildReflectedTable({
      ...BASE,
      flavour: 'mysql',
      schema: 'shop',
      comment: '',
      columns: [columnRow('id', 'int', { is_nullable: 'NO' }), columnRow('parent_id', 'int')],
      indexes: [indexRow('ix_expr', null, { expression: 'abs(`id`)' })],
      foreignKeys: [
        {
          ...(BASE.foreignKeys[0] as MysqlTableRows['foreignKeys'][number]),
          referenced_schema: 'other',
          delete_rule: 'NO ACTION',
        },
      ],
      checks: [{ constraint_name: 'ck_id', check_clause: '(`id` > 0)', level: 'Table' }],
    });
    expect(model.schema).toBe('shop');
    expect(model.comment).toBeUndefined();
    expect(model.indexes).toEqual([index(convertedName('ix_expr'), [sql('(abs(`id`))')])]);
    expect(model.constraints).toEqual([
      foreignKeyConstraint(['parent_id'], 'parent', ['id'], {
        name: convertedName('fk_parent'),
        referredSchema: 'other',
      }),
      checkConstraint('`id` > 0', { name: convertedName('ck_id') }),
    ]);
  });
});
