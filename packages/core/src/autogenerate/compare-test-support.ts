import type { Dialect } from '../dialect/dialect.js';
import type { DialectCapabilities } from '../dialect/dialect-capabilities.js';
import { defineCapabilities } from '../dialect/dialect-capabilities.js';
import { DefaultDdlCompiler } from '../dialect/default-ddl-compiler.js';
import type { NamingConvention } from '../schema/naming-convention.js';
import { metadata } from '../schema/metadata.js';
import type { TableModel } from '../schema/table.js';
import type { AutogenerateOptions } from './autogenerate-options.js';
import type { MigrationPlan, RenameDirective } from './migration-plan.js';
import type { AutogenerateResult } from './produce-migration-plan.js';
import { produceMigrationPlan } from './produce-migration-plan.js';
import { DefaultSchemaNormalizer } from './schema-normalizer.js';
import type { SchemaNormalizer } from './schema-normalizer.js';
import { snapshotIntrospector } from './snapshot-introspector.js';

/**
 * A dialect for compare's unit tests: core's generic SQL with the given capabilities. It never
 * connects; compare only reads its name and capabilities.
 *
 * @internal
 */
export function genericDialect(overrides: Partial<DialectCapabilities> = {}): Dialect {
  const capabilities = defineCapabilities(overrides);
  return {
    specVersion: 1,
    name: 'generic',
    urlSchemes: ['generic'],
    capabilities,
    createDdlCompiler: (options) => new DefaultDdlCompiler({ ...options, dialectName: 'generic', capabilities }),
    connect: async () => {
      throw new Error('the generic test dialect does not connect');
    },
    createIntrospector: () => {
      throw new Error('the generic test dialect has no database to read');
    },
    acquireMigrationLock: async () => async () => undefined,
    translateError: (error) => error,
  };
}

/** What {@link comparePlan} compares besides the two sides. */
export interface ComparePlanOptions extends Omit<AutogenerateOptions, 'targetMetadata'> {
  readonly namingConvention?: NamingConvention;
  readonly capabilities?: Partial<DialectCapabilities>;
  readonly renames?: readonly RenameDirective[];
  readonly normalizer?: SchemaNormalizer;
  readonly defaultSchemaName?: string;
}

/**
 * Compares model tables (through `metadata()`) with database tables (through
 * `snapshotIntrospector`) on the generic dialect with `DefaultSchemaNormalizer`.
 *
 * @internal
 */
export async function comparePlan(
  modelTables: readonly TableModel[],
  databaseTables: readonly TableModel[],
  options: ComparePlanOptions = {},
): Promise<AutogenerateResult> {
  const { namingConvention, capabilities, renames, normalizer, defaultSchemaName, ...autogenerate } = options;
  return produceMigrationPlan({
    dialect: genericDialect(capabilities),
    introspector: snapshotIntrospector(databaseTables, defaultSchemaName === undefined ? {} : { defaultSchemaName }),
    normalizer: normalizer ?? new DefaultSchemaNormalizer(),
    options: {
      ...autogenerate,
      targetMetadata: metadata(modelTables, namingConvention === undefined ? {} : { namingConvention }),
    },
    versionTable: { name: 'alembic_version' },
    ...(renames === undefined ? {} : { renames }),
  });
}

/**
 * The plan's upgrade as short lines (`kind table[.detail]`), for readable order assertions.
 *
 * @internal
 */
export function outline(
  plan: Pick<MigrationPlan, 'upgrade'> | MigrationPlan,
  side: 'upgrade' | 'downgrade' = 'upgrade',
): string[] {
  const operations = side === 'upgrade' ? plan.upgrade : (plan as MigrationPlan).downgrade;
  return operations.map(({ operation }) => {
    switch (operation.kind) {
      case 'createTable':
        return `createTable ${operation.table.name}`;
      case 'dropTable':
        return `dropTable ${operation.tableName}`;
      case 'renameTable':
        return `renameTable ${operation.oldTableName}->${operation.newTableName}`;
      case 'addColumn':
        return `addColumn ${operation.tableName}.${operation.column.name}`;
      case 'dropColumn':
        return `dropColumn ${operation.tableName}.${operation.columnName}`;
      case 'alterColumn':
        return `alterColumn ${operation.tableName}.${operation.columnName}`;
      case 'createIndex':
        return `createIndex ${operation.tableName}.${nameOf(operation.indexName)}`;
      case 'dropIndex':
        return `dropIndex ${operation.tableName}.${nameOf(operation.indexName)}`;
      case 'createForeignKey':
        return `createForeignKey ${operation.sourceTable}(${operation.localColumns.join(',')})->${operation.referentTable}`;
      case 'createUniqueConstraint':
        return `createUniqueConstraint ${operation.tableName}(${operation.columns.join(',')})`;
      case 'createCheckConstraint':
        return `createCheckConstraint ${operation.tableName}.${nameOf(operation.constraintName)}`;
      case 'dropConstraint':
        return `dropConstraint ${operation.tableName}.${nameOf(operation.constraintName)}`;
      case 'createTableComment':
        return `createTableComment ${operation.tableName}`;
      case 'dropTableComment':
        return `dropTableComment ${operation.tableName}`;
      default:
        return operation.kind;
    }
  });
}

function nameOf(name: string | { readonly name: string } | undefined): string {
  return name === undefined ? '(unnamed)' : typeof name === 'string' ? name : name.name;
}
