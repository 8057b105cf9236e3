import {
  bigInteger,
  boolean,
  checkConstraint,
  column,
  constraintNameText,
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
  primaryKeyConstraint,
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
import type { ColumnModel, ColumnType, ServerDefault, TableElement, TableModel } from '@alembic/core/dialect';

/** Table names of the bulk schema: `bulk_00` ... `bulk_29`. */
export function bulkTableName(position: number): string {
  return `bulk_${String(position).padStart(2, '0')}`;
}

const TYPES: readonly ColumnType[] = [
  string(40),
  string(12, { collation: 'NOCASE' }),
  text(),
  text({ collation: 'RTRIM' }),
  date(),
  dateTime(),
  dateTime({ timezone: true }),
  time(),
  numeric(10, 2),
  numeric(),
  numeric(8),
  float(),
  float(53),
  json(),
  largeBinary(),
  uuid(),
  bigInteger(),
  smallInteger(),
  rawType('REAL'),
  rawType('CHAR(3)'),
  string(),
];

const DEFAULTS: readonly (ServerDefault | undefined)[] = [
  'abc',
  "it's",
  '',
  sql('CURRENT_TIMESTAMP'),
  sql('current_date'),
  sql('0'),
  sql('-1.5'),
  sql("datetime('now')"),
  sql('(1 + 2)'),
  undefined,
];

/**
 * Thirty model tables covering what SQLite introspection reads, in the explicit form autogenerate
 * compares (every constraint and index written out, no column flags), each table referring only
 * to itself and to earlier tables so they can be created in order: every column type, string
 * and SQL defaults, NOT NULL, AUTOINCREMENT, single and composite (named) primary keys, named
 * and unnamed unique constraints, foreign keys (named, unnamed, with actions, deferrable,
 * self-referencing), named and unnamed checks, boolean and enum types with their CHECKs,
 * plain, unique, partial and expression indexes.
 */
export function bulkSchema(count = 30): TableModel[] {
  return Array.from({ length: count }, (_, position) => bulkTable(position));
}

function bulkTable(position: number): TableModel {
  const name = bulkTableName(position);
  const composite = position % 7 === 3;
  const elements: TableElement[] = [];
  if (composite) {
    elements.push(column('id', integer(), { nullable: false }), column('code', string(8), { nullable: false }));
    elements.push(primaryKeyConstraint(['id', 'code'], position % 2 === 0 ? { name: `pk_${name}` } : {}));
    elements.push(uniqueConstraint(['id']));
  } else {
    elements.push(column('id', integer(), { primaryKey: true, autoincrement: position % 3 === 0 ? true : 'auto' }));
  }
  const columns: ColumnModel[] = [];
  for (let offset = 0; offset < 4; offset += 1) {
    const type = TYPES[(position * 4 + offset) % TYPES.length] as ColumnType;
    const serverDefault = DEFAULTS[(position + offset) % DEFAULTS.length];
    const usable = serverDefault === undefined || type.kind !== 'largeBinary';
    columns.push(
      column(`c${offset}`, type, {
        nullable: (position + offset) % 3 !== 0,
        ...(usable && serverDefault !== undefined ? { serverDefault } : {}),
      }),
    );
  }
  columns.push(
    column(
      'active',
      boolean({ createConstraint: true, ...(position % 2 === 0 ? { name: `ck_${name}_active` } : {}) }),
      {
        nullable: false,
        serverDefault: sql(position % 2 === 0 ? '1' : 'TRUE'),
      },
    ),
    column(
      'mood',
      enumType(['sad', 'ok', 'happy'], {
        createConstraint: position % 3 !== 2,
        ...(position % 4 === 0 ? { name: `ck_${name}_mood` } : {}),
      }),
    ),
    column('email', string(100)),
    column('amount', numeric(12, 3), { serverDefault: sql('0') }),
    column('parent_id', integer()),
  );
  if (position > 0) {
    columns.push(column('previous_id', integer(), { nullable: position % 2 === 0 }));
  }
  elements.push(...columns);
  elements.push(uniqueConstraint(['email'], position % 2 === 0 ? { name: `uq_${name}_email` } : {}));
  if (position % 5 === 1) {
    elements.push(uniqueConstraint(['c0', 'c1']));
  }
  if (position % 6 === 2) {
    // SQLite creates one index for both: the named one is what it reflects.
    elements.push(uniqueConstraint(['email']), uniqueConstraint(['email'], { name: `uq_${name}_email_again` }));
  }
  elements.push(checkConstraint('amount >= 0', position % 2 === 1 ? { name: `ck_${name}_amount` } : {}));
  if (!composite) {
    elements.push(
      foreignKeyConstraint(['parent_id'], name, ['id'], {
        onDelete: 'SET NULL',
        ...(position % 2 === 0 ? { name: `fk_${name}_parent` } : {}),
      }),
    );
  }
  if (position > 0) {
    const actions = [
      {},
      { onDelete: 'CASCADE' },
      { onDelete: 'NO ACTION', onUpdate: 'CASCADE' },
      { deferrable: true, initially: 'DEFERRED' },
    ][position % 4];
    elements.push(
      foreignKeyConstraint(['previous_id'], bulkTableName(position - 1), ['id'], {
        ...actions,
        ...(position % 3 === 0 ? { name: `fk_${name}_previous` } : {}),
      }),
    );
  }
  elements.push(index(`ix_${name}_email_lower`, [sql('lower(email)')]));
  elements.push(index(`ix_${name}_c0`, ['c0', 'c2'], { unique: position % 2 === 0 }));
  if (position % 3 === 1) {
    elements.push(index(`ix_${name}_partial`, ['amount'], { where: 'amount > 0' }));
  }
  return table(name, elements);
}

/**
 * The named CHECKs a model table's boolean and enum types create (`createConstraint` with a
 * name): compare lists them with the model table's constraints, so the tests do too.
 */
export function withTypeChecks(model: TableModel): TableModel {
  const checks = model.columns.flatMap((entry) => {
    const { type } = entry;
    if ((type.kind === 'boolean' || type.kind === 'enum') && type.createConstraint && type.name !== undefined) {
      const values = type.kind === 'boolean' ? '0, 1' : type.values.map((value) => `'${value}'`).join(', ');
      return [checkConstraint(`${entry.name} IN (${values})`, { name: type.name })];
    }
    return [];
  });
  return { ...model, constraints: [...model.constraints, ...checks] };
}

function sorted(values: readonly string[]): string[] {
  return [...values].sort();
}

/**
 * What autogenerate compares of a normalized table, in a form `toEqual` can check: columns
 * (type, server default, nullable), primary key columns, unique constraints by name or columns,
 * foreign keys by signature, indexes by name, named checks by name.
 */
export function comparedParts(model: TableModel): unknown {
  return {
    name: model.name,
    columns: model.columns.map((entry) => ({
      name: entry.name,
      type: entry.type,
      serverDefault:
        entry.serverDefault === undefined
          ? undefined
          : typeof entry.serverDefault === 'string'
            ? entry.serverDefault
            : entry.serverDefault.text,
      nullable: entry.nullable,
      autoincrement: entry.autoincrement,
    })),
    primaryKey: model.primaryKey?.columns,
    uniques: sorted(
      model.constraints.flatMap((constraint) =>
        constraint.kind === 'uniqueConstraint'
          ? [constraint.name === undefined ? `(${constraint.columns.join(',')})` : constraintNameText(constraint.name)]
          : [],
      ),
    ),
    foreignKeys: sorted(
      model.constraints.flatMap((constraint) => {
        if (constraint.kind !== 'foreignKeyConstraint') return [];
        const { name: _name, ...signature } = constraint;
        return [JSON.stringify(signature)];
      }),
    ),
    checks: sorted(
      model.constraints.flatMap((constraint) =>
        constraint.kind === 'checkConstraint' && constraint.name !== undefined
          ? [constraintNameText(constraint.name)]
          : [],
      ),
    ),
    indexes: sorted(
      model.indexes.map((entry) =>
        JSON.stringify({
          name: entry.name === undefined ? undefined : constraintNameText(entry.name),
          columns: entry.columns.map((element) => (typeof element === 'string' ? element : element.text)),
          unique: entry.unique,
          where: entry.where,
        }),
      ),
    ),
  };
}
