/**
 * The parts of TypeORM's metadata this package reads, typed structurally so that one build
 * serves TypeORM 0.3 and 1.x (whose classes differ in details this package does not read).
 *
 * @packageDocumentation
 */

/** `ColumnMetadata`: one column of an entity. */
export interface TypeOrmColumn {
  readonly databaseName: string;
  readonly propertyName: string;
  readonly type: unknown;
  readonly length: string | number;
  readonly precision?: number | null;
  /** The display width of a MySQL integer type (`tinyint(1)`). */
  readonly width?: number | null;
  readonly scale?: number;
  readonly isNullable: boolean;
  readonly isPrimary: boolean;
  readonly isGenerated: boolean;
  readonly generationStrategy?: 'uuid' | 'increment' | 'rowid' | 'identity';
  readonly generatedIdentity?: 'ALWAYS' | 'BY DEFAULT';
  readonly default?: unknown;
  readonly comment?: string;
  readonly enum?: readonly (string | number)[];
  readonly enumName?: string;
  readonly isArray: boolean;
  readonly isVirtualProperty?: boolean;
  readonly asExpression?: string;
  readonly collation?: string;
  readonly primaryKeyConstraintName?: string;
  readonly unsigned?: boolean;
}

/** `IndexMetadata`. */
export interface TypeOrmIndex {
  readonly name: string;
  readonly columns: readonly TypeOrmColumn[];
  readonly isUnique: boolean;
  readonly isSpatial?: boolean;
  readonly isFulltext?: boolean;
  readonly where?: string;
  readonly synchronize?: boolean;
  readonly type?: string;
}

/** `UniqueMetadata`. */
export interface TypeOrmUnique {
  readonly name: string;
  readonly columns: readonly TypeOrmColumn[];
  readonly deferrable?: string;
}

/** `CheckMetadata`. */
export interface TypeOrmCheck {
  readonly name: string;
  readonly expression?: string;
}

/** `ForeignKeyMetadata`. */
export interface TypeOrmForeignKey {
  readonly name: string;
  readonly columnNames: readonly string[];
  readonly referencedColumnNames: readonly string[];
  readonly referencedEntityMetadata: TypeOrmEntity;
  readonly onDelete?: string;
  readonly onUpdate?: string;
  readonly deferrable?: string;
}

/** `EntityMetadata`: one table. */
export interface TypeOrmEntity {
  readonly name: string;
  readonly tableName: string;
  readonly schema?: string;
  readonly tableType: string;
  readonly synchronize: boolean;
  readonly comment?: string;
  readonly columns: readonly TypeOrmColumn[];
  readonly primaryColumns: readonly TypeOrmColumn[];
  readonly indices: readonly TypeOrmIndex[];
  readonly uniques: readonly TypeOrmUnique[];
  readonly checks: readonly TypeOrmCheck[];
  readonly foreignKeys: readonly TypeOrmForeignKey[];
}

/** The driver methods used to read column types and defaults as TypeORM writes them. */
export interface TypeOrmDriver {
  readonly options: { readonly type: string; readonly schema?: string };
  normalizeType(column: unknown): string;
  normalizeDefault(column: unknown): string | undefined;
  getColumnLength(column: unknown): string;
  buildTableName(tableName: string, schema?: string, database?: string): string;
  readonly uuidGenerator?: string;
}

/** `NamingStrategyInterface`, the one method called here. */
export interface TypeOrmNamingStrategy {
  primaryKeyName(tableOrName: unknown, columnNames: string[]): string;
}

/** `DataSourceOptions`, as far as read here. */
export interface TypeOrmDataSourceOptions {
  readonly type: string;
  readonly entities?: unknown;
  readonly schema?: string;
  readonly migrationsTableName?: string;
  readonly metadataTableName?: string;
  readonly [option: string]: unknown;
}

/** A TypeORM `DataSource` (0.3 or 1.x), as far as read here. */
export interface TypeOrmDataSource {
  readonly options: TypeOrmDataSourceOptions;
  readonly driver: TypeOrmDriver;
  readonly namingStrategy: TypeOrmNamingStrategy;
  readonly entityMetadatas: readonly TypeOrmEntity[];
  readonly isInitialized?: boolean;
}

/** The `DataSource` class of the TypeORM that is used to build metadata. */
export type TypeOrmDataSourceClass = new (options: Record<string, unknown>) => TypeOrmDataSource;

/** True when `value` looks like a TypeORM `DataSource`. */
export function isTypeOrmDataSource(value: unknown): value is TypeOrmDataSource {
  if (typeof value !== 'object' || value === null) return false;
  const candidate = value as Partial<TypeOrmDataSource>;
  return (
    typeof candidate.options === 'object' &&
    candidate.options !== null &&
    typeof candidate.driver === 'object' &&
    typeof (candidate as { buildMetadatas?: unknown }).buildMetadatas === 'function'
  );
}
