import {
  checkConstraint,
  column,
  foreignKeyConstraint,
  index,
  integer,
  metadata,
  table,
  uniqueConstraint,
} from '@alembic/core';
import type {
  ColumnType,
  IdentityOptions,
  MetadataModel,
  ReferentialAction,
  ServerDefault,
  TableElement,
} from '@alembic/core';

/** A column of a {@link TableDraft}. */
export interface ColumnDraft {
  name: string;
  type: ColumnType;
  nullable: boolean;
  serverDefault?: ServerDefault;
  comment?: string;
  /** The column flag `unique: true`. */
  unique?: boolean;
}

/** A unique constraint of a draft; unnamed ones are named by the database. */
export interface UniqueDraft {
  name?: string;
  columns: string[];
}

/** An index of a draft. */
export interface IndexDraft {
  name: string;
  columns: string[];
  unique: boolean;
  where?: string;
}

/** A single-column foreign key to another table's `id`. */
export interface ForeignKeyDraft {
  name?: string;
  column: string;
  referredTable: string;
  onDelete?: ReferentialAction;
}

/** A named check constraint. */
export interface CheckDraft {
  name: string;
  condition: string;
}

/**
 * A table as plain mutable data, for the random schema generator and its mutator; turned into
 * core's model by {@link draftsToMetadata}. Every table has `id INTEGER` as its primary key.
 */
export interface TableDraft {
  name: string;
  identity?: IdentityOptions;
  columns: ColumnDraft[];
  uniques: UniqueDraft[];
  indexes: IndexDraft[];
  foreignKeys: ForeignKeyDraft[];
  checks: CheckDraft[];
  comment?: string;
}

/** A deep copy of the drafts. */
export function cloneDrafts(drafts: readonly TableDraft[]): TableDraft[] {
  return structuredClone(drafts as TableDraft[]);
}

function elementsOf(draft: TableDraft): TableElement[] {
  const elements: TableElement[] = [
    column('id', integer(), {
      primaryKey: true,
      ...(draft.identity === undefined ? {} : { identity: draft.identity }),
    }),
  ];
  for (const entry of draft.columns) {
    elements.push(
      column(entry.name, entry.type, {
        nullable: entry.nullable,
        ...(entry.serverDefault === undefined ? {} : { serverDefault: entry.serverDefault }),
        ...(entry.comment === undefined ? {} : { comment: entry.comment }),
        ...(entry.unique === true ? { unique: true } : {}),
      }),
    );
  }
  for (const entry of draft.uniques)
    elements.push(uniqueConstraint(entry.columns, entry.name === undefined ? {} : { name: entry.name }));
  for (const entry of draft.indexes) {
    elements.push(
      index(entry.name, entry.columns, {
        unique: entry.unique,
        ...(entry.where === undefined ? {} : { where: entry.where }),
      }),
    );
  }
  for (const entry of draft.foreignKeys) {
    elements.push(
      foreignKeyConstraint([entry.column], entry.referredTable, ['id'], {
        ...(entry.name === undefined ? {} : { name: entry.name }),
        ...(entry.onDelete === undefined ? {} : { onDelete: entry.onDelete }),
      }),
    );
  }
  for (const entry of draft.checks) elements.push(checkConstraint(entry.condition, { name: entry.name }));
  return elements;
}

/** Core's model of the drafts (default naming convention). */
export function draftsToMetadata(drafts: readonly TableDraft[]): MetadataModel {
  return metadata(
    drafts.map((draft) =>
      table(draft.name, elementsOf(draft), draft.comment === undefined ? {} : { comment: draft.comment }),
    ),
  );
}

/** True when `columnName` is used by a constraint or index of the draft. */
export function isConstrained(draft: TableDraft, columnName: string): boolean {
  return (
    draft.uniques.some((entry) => entry.columns.includes(columnName)) ||
    draft.indexes.some((entry) => entry.columns.includes(columnName) || (entry.where ?? '').includes(columnName)) ||
    draft.foreignKeys.some((entry) => entry.column === columnName) ||
    draft.checks.some((entry) => entry.condition.includes(columnName)) ||
    draft.columns.some((entry) => entry.name === columnName && entry.unique === true)
  );
}

/** The draft without the column and whatever constraint or index uses it. */
export function withoutColumn(draft: TableDraft, columnName: string): void {
  draft.columns = draft.columns.filter((entry) => entry.name !== columnName);
  draft.uniques = draft.uniques.filter((entry) => !entry.columns.includes(columnName));
  draft.indexes = draft.indexes.filter(
    (entry) => !entry.columns.includes(columnName) && !(entry.where ?? '').includes(columnName),
  );
  draft.foreignKeys = draft.foreignKeys.filter((entry) => entry.column !== columnName);
  draft.checks = draft.checks.filter((entry) => !entry.condition.includes(columnName));
}
