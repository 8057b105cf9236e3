import type { ColumnType } from '../schema/column-types.js';
import type { ColumnModel, ServerDefault } from '../schema/column.js';
import type { MetadataModel } from '../schema/metadata.js';
import type { MigrationContext } from '../runtime/migration-context.js';
import type { PlannedOperation } from './migration-plan.js';

/** The kinds of object `includeName` and `includeObject` are asked about (Alembic's `type_`). */
export type AutogenerateObjectType =
  | 'schema'
  | 'table'
  | 'column'
  | 'index'
  | 'unique_constraint'
  | 'foreign_key_constraint'
  | 'check_constraint';

/** The names around an object `includeName` is asked about. */
export interface AutogenerateParentNames {
  readonly schemaName?: string | undefined;
  readonly tableName?: string;
  readonly schemaQualifiedTableName?: string;
}

/**
 * `compareType` callable: `true` when the types differ, `false` when they are the same,
 * `undefined` to let the dialect's comparison decide.
 */
export type CompareTypeFunction = (
  context: MigrationContext,
  inspectedColumn: ColumnModel,
  metadataColumn: ColumnModel,
  inspectedType: ColumnType,
  metadataType: ColumnType,
) => boolean | undefined;

/**
 * `compareServerDefault` callable: `true` when the defaults differ, `false` when they are the
 * same, `undefined` to let the dialect's comparison decide. `renderedMetadataDefault` is the
 * model's default as SQL text.
 */
export type CompareServerDefaultFunction = (
  context: MigrationContext,
  inspectedColumn: ColumnModel,
  metadataColumn: ColumnModel,
  inspectedDefault: ServerDefault | undefined,
  metadataDefault: ServerDefault | undefined,
  renderedMetadataDefault: string | undefined,
) => boolean | undefined;

/** What a revision is about to be written with; `processRevisionDirectives` may change it. */
export interface RevisionDirective {
  message: string | null;
  revisionId: string;
  upgrade: PlannedOperation[];
  downgrade: PlannedOperation[];
}

/** `renderItem` types (Alembic's `type_`). */
export type RenderItemType = 'type' | 'server_default' | 'column' | 'primary_key' | 'foreign_key' | 'unique' | 'check';

/** What `renderItem` hooks can use to add imports. */
export interface RenderContext {
  /** Import lines the generated file needs (`import { x } from 'y';`); add your own. */
  readonly imports: Set<string>;
  /** Names imported from `@alembic/core`; add the helpers your rendered code uses. */
  readonly coreImports: Set<string>;
}

/**
 * The models autogenerate compares with the database: a {@link MetadataModel}, several (tables
 * of all of them), or a function giving either. A function runs only when a command compares
 * (`revision --autogenerate`, `check`), at most once per command, and while the database's
 * catalog is being read: models that take time to build (TypeORM's entity metadata) cost
 * nothing to `upgrade` and overlap the catalog queries.
 *
 * ```ts
 * context.configure({ connection, targetMetadata: () => fromDataSource(dataSource) });
 * ```
 */
export type TargetMetadata =
  | MetadataModel
  | readonly MetadataModel[]
  | (() => MetadataModel | readonly MetadataModel[] | Promise<MetadataModel | readonly MetadataModel[]>);

/**
 * The autogenerate settings `env.ts` passes to `context.configure()`, named as Alembic's
 * `configure()` arguments in camelCase.
 */
export interface AutogenerateOptions {
  /** The models: a {@link MetadataModel}, several (tables of all of them), or a function giving them ({@link TargetMetadata}). */
  readonly targetMetadata?: TargetMetadata;
  /** Compare column types (default true); a callable refines the dialect's comparison. */
  readonly compareType?: boolean | CompareTypeFunction;
  /** Compare server defaults (default true); a callable refines the dialect's comparison. */
  readonly compareServerDefault?: boolean | CompareServerDefaultFunction;
  /** Also compare these schemas (`true`: every schema the database has). */
  readonly includeSchemas?: boolean | readonly string[];
  /** Asked before reflection, per schema and table name: false leaves the object out. */
  readonly includeName?: (
    name: string | undefined,
    type: AutogenerateObjectType,
    parentNames: AutogenerateParentNames,
  ) => boolean;
  /** Asked after reflection, per object on either side: false leaves it out of the comparison. */
  readonly includeObject?: (
    object: unknown,
    name: string | undefined,
    type: AutogenerateObjectType,
    reflected: boolean,
    compareTo: unknown,
  ) => boolean;
  /**
   * Render changes to existing tables as `op.batchAlterTable()` blocks. Default: on where the
   * dialect needs table rebuilds for most ALTERs (`requiresBatchRecreate`: SQLite), off elsewhere.
   */
  readonly renderAsBatch?: boolean;
  /** Rewrites (or empties) what is about to be written, after compare, before rendering. */
  readonly processRevisionDirectives?: (
    context: MigrationContext,
    revision: readonly string[],
    directives: RevisionDirective[],
  ) => void | Promise<void>;
  /** Renders one item its own way: return TypeScript source, or false for the default. */
  readonly renderItem?: (type: RenderItemType, object: unknown, context: RenderContext) => string | false;
}
