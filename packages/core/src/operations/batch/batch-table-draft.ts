import { InvalidOperationError } from '../../errors/invalid-operation-error.js';
import type { ColumnModel } from '../../schema/column.js';
import type {
  ConstraintModel,
  ForeignKeyConstraintModel,
  PrimaryKeyConstraintModel,
} from '../../schema/constraints.js';
import { constraintColumns } from '../../schema/constraints.js';
import type { ConstraintName } from '../../schema/converted-name.js';
import { constraintNameText } from '../../schema/converted-name.js';
import type { IndexModel } from '../../schema/index-model.js';
import { indexColumnNames } from '../../schema/index-model.js';
import type { NamingConvention } from '../../schema/naming-convention.js';
import type { NamingConventionKey, NamingSubject } from '../../schema/naming-convention.js';
import { resolveConstraintName } from '../../schema/naming-convention.js';
import type { TableConstraintModel, TableModel } from '../../schema/table.js';
import { buildTable } from '../../schema/table.js';
import { sameConstraintSignature } from './constraint-signature.js';

/** A column of the draft and the original column its rows come from (none for a new column). */
export interface DraftColumn {
  readonly model: ColumnModel;
  readonly sourceColumn?: string;
}

/**
 * A mutable working copy of a table that batch operations are applied to, one at a time,
 * before it is frozen again as the rebuilt table's model.
 *
 * @internal
 */
export class BatchTableDraft {
  columns: DraftColumn[];
  primaryKey: PrimaryKeyConstraintModel | undefined;
  constraints: TableConstraintModel[];
  indexes: IndexModel[];
  comment: string | undefined;
  readonly #original: TableModel;
  readonly #namingConvention: NamingConvention;

  constructor(original: TableModel, namingConvention: NamingConvention) {
    this.#original = original;
    this.#namingConvention = namingConvention;
    this.columns = original.columns.map((model) => ({ model, sourceColumn: model.name }));
    this.primaryKey = original.primaryKey;
    this.constraints = [...original.constraints];
    this.indexes = [...original.indexes];
    this.comment = original.comment;
  }

  /** The position of a column, or an error naming it. */
  columnIndex(columnName: string): number {
    const position = this.columns.findIndex((entry) => entry.model.name === columnName);
    if (position < 0) {
      throw new InvalidOperationError(`No such column: '${columnName}' in table '${this.#original.name}'`);
    }
    return position;
  }

  /** Replaces the column at `position`. */
  replaceColumn(position: number, model: ColumnModel): void {
    const current = this.columns[position] as DraftColumn;
    this.columns[position] = { ...current, model };
  }

  /** Renames a column everywhere it is referred to by name. */
  renameColumnReferences(oldName: string, newName: string): void {
    const rename = (name: string): string => (name === oldName ? newName : name);
    if (this.primaryKey) {
      this.primaryKey = { ...this.primaryKey, columns: this.primaryKey.columns.map(rename) };
    }
    this.constraints = this.constraints.map((constraint) =>
      constraint.kind === 'checkConstraint' ? constraint : { ...constraint, columns: constraint.columns.map(rename) },
    );
    this.indexes = this.indexes.map((model) => ({
      ...model,
      columns: model.columns.map((element) => (typeof element === 'string' ? rename(element) : element)),
    }));
  }

  /** Forgets a dropped column, with the constraints and indexes that name it. */
  removeColumnReferences(columnName: string): void {
    if (this.primaryKey) {
      const remaining = this.primaryKey.columns.filter((name) => name !== columnName);
      this.primaryKey = remaining.length === 0 ? undefined : { ...this.primaryKey, columns: remaining };
    }
    this.constraints = this.constraints.filter((constraint) => !constraintColumns(constraint).includes(columnName));
    this.indexes = this.indexes.filter((model) => !indexColumnNames(model).includes(columnName));
  }

  /** Drops an index by name: an explicit one, or a column's `index: true` flag. */
  dropIndex(indexName: ConstraintName): void {
    const wanted = constraintNameText(indexName);
    const explicit = this.indexes.findIndex((model) => this.#indexName(model) === wanted);
    if (explicit >= 0) {
      this.indexes.splice(explicit, 1);
      return;
    }
    const flagged = this.columns.findIndex(
      (entry) =>
        entry.model.index &&
        this.#resolve(undefined, 'ix', { tableName: this.#original.name, columnNames: [entry.model.name] }) === wanted,
    );
    if (flagged < 0) {
      throw new InvalidOperationError(`No such index: '${wanted}'`);
    }
    const entry = this.columns[flagged] as DraftColumn;
    this.replaceColumn(flagged, { ...entry.model, index: false });
  }

  /**
   * Drops a constraint by name: explicit, the primary key, or one a column flag declares.
   * Without a name, `existing` (the constraint as it was reflected) finds it by its signature
   * (`sameConstraintSignature`): how an unnamed constraint is dropped, as the rebuild leaves it
   * out.
   */
  dropConstraint(
    constraintName: ConstraintName | undefined,
    type: string | undefined,
    existing?: ConstraintModel,
  ): void {
    if (constraintName === undefined) {
      if (type === 'primary' && this.primaryKey) {
        this.#dropPrimaryKey();
        return;
      }
      if (existing !== undefined) {
        this.#dropBySignature(existing);
        return;
      }
      throw new InvalidOperationError('Constraint must have a name');
    }
    const wanted = constraintNameText(constraintName);
    const tableName = this.#original.name;
    const explicit = this.constraints.findIndex(
      (constraint) =>
        this.#resolve(constraint.name, conventionKey(constraint.kind), subjectOf(tableName, constraint)) === wanted,
    );
    if (explicit >= 0) {
      this.constraints.splice(explicit, 1);
      return;
    }
    if (this.primaryKey && this.#name(this.primaryKey.name, 'pk', this.primaryKey.columns) === wanted) {
      this.#dropPrimaryKey();
      return;
    }
    for (const [position, entry] of this.columns.entries()) {
      const { model } = entry;
      const reference = model.references;
      if (
        reference &&
        this.#resolve(reference.name, 'fk', {
          tableName,
          columnNames: [model.name],
          referredTableName: reference.table,
          referredColumnNames: [reference.column],
        }) === wanted
      ) {
        const { references: _dropped, ...rest } = model;
        this.replaceColumn(position, rest);
        return;
      }
      if (model.unique && !model.index && this.#name(undefined, 'uq', [model.name]) === wanted) {
        this.replaceColumn(position, { ...model, unique: false });
        return;
      }
    }
    throw new InvalidOperationError(`No such constraint: '${wanted}'`);
  }

  /** Drops the first constraint (explicit, or declared by a column flag) with the signature of `existing`. */
  #dropBySignature(existing: ConstraintModel): void {
    const tableName = this.#original.name;
    if (
      existing.kind === 'primaryKeyConstraint' &&
      this.primaryKey &&
      sameConstraintSignature(existing, this.primaryKey)
    ) {
      this.#dropPrimaryKey();
      return;
    }
    const explicit = this.constraints.findIndex((constraint) => sameConstraintSignature(existing, constraint));
    if (explicit >= 0) {
      this.constraints.splice(explicit, 1);
      return;
    }
    for (const [position, entry] of this.columns.entries()) {
      const { model } = entry;
      const { references } = model;
      if (references !== undefined) {
        const declared: ForeignKeyConstraintModel = {
          ...references,
          kind: 'foreignKeyConstraint',
          columns: [model.name],
          referredTable: references.table,
          referredColumns: [references.column],
          ...(references.schema === undefined ? {} : { referredSchema: references.schema }),
        };
        if (sameConstraintSignature(existing, declared)) {
          const { references: _dropped, ...rest } = model;
          this.replaceColumn(position, rest);
          return;
        }
      }
      if (
        model.unique &&
        !model.index &&
        sameConstraintSignature(existing, { kind: 'uniqueConstraint', columns: [model.name] })
      ) {
        this.replaceColumn(position, { ...model, unique: false });
        return;
      }
    }
    const columns = constraintColumns(existing);
    throw new InvalidOperationError(
      `No such constraint in table '${tableName}': an unnamed ${existing.kind}${columns.length === 0 ? '' : ` on (${columns.join(', ')})`}`,
    );
  }

  /** The rebuilt table's model. */
  toTable(): TableModel {
    const keyColumns = new Set(this.primaryKey?.columns ?? []);
    const columns = this.columns.map(({ model }) =>
      model.primaryKey === keyColumns.has(model.name) ? model : { ...model, primaryKey: keyColumns.has(model.name) },
    );
    return buildTable({
      name: this.#original.name,
      schema: this.#original.schema,
      comment: this.comment,
      columns,
      explicitPrimaryKey: this.primaryKey,
      constraints: this.constraints,
      indexes: this.indexes,
    });
  }

  /** A name under the convention, or undefined where the convention cannot name it. */
  #resolve(name: ConstraintName | undefined, key: NamingConventionKey, subject: NamingSubject): string | undefined {
    try {
      return resolveConstraintName(name, key, subject, this.#namingConvention);
    } catch {
      return undefined;
    }
  }

  #dropPrimaryKey(): void {
    const keyColumns = new Set(this.primaryKey?.columns ?? []);
    this.primaryKey = undefined;
    this.columns = this.columns.map((entry) =>
      keyColumns.has(entry.model.name) ? { ...entry, model: { ...entry.model, primaryKey: false } } : entry,
    );
  }

  #indexName(model: IndexModel): string | undefined {
    return this.#resolve(model.name, 'ix', { tableName: this.#original.name, columnNames: indexColumnNames(model) });
  }

  #name(name: ConstraintName | undefined, key: 'pk' | 'uq', columnNames: readonly string[]): string | undefined {
    return this.#resolve(name, key, { tableName: this.#original.name, columnNames });
  }
}

function conventionKey(kind: TableConstraintModel['kind']): 'uq' | 'fk' | 'ck' {
  return kind === 'uniqueConstraint' ? 'uq' : kind === 'foreignKeyConstraint' ? 'fk' : 'ck';
}

function subjectOf(tableName: string, constraint: TableConstraintModel): NamingSubject {
  return constraint.kind === 'foreignKeyConstraint'
    ? {
        tableName,
        columnNames: constraint.columns,
        referredTableName: constraint.referredTable,
        referredColumnNames: constraint.referredColumns,
      }
    : { tableName, columnNames: constraintColumns(constraint) };
}
