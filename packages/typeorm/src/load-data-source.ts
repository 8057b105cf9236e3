import { pathToFileURL } from 'node:url';
import { enableTypeScriptImports, importModule } from '@alembic/core/internal';
import { isCommonJsFile } from './commonjs-file.js';
import { TypeOrmModelError } from './typeorm-model-error.js';
import type { TypeOrmDataSource } from './typeorm-shapes.js';
import { isTypeOrmDataSource } from './typeorm-shapes.js';

/** The exports a DataSource is looked for under, in order. */
export const DATA_SOURCE_EXPORTS = ['default', 'AppDataSource', 'dataSource'] as const;

/**
 * Imports the file that defines the application's TypeORM `DataSource` (TypeScript with
 * decorated entities included) and returns the DataSource it exports as default, as
 * `AppDataSource` or as `dataSource`. The DataSource is not initialized. It is loaded through
 * core's module hooks (in-thread, `module.registerHooks`), so `import` and `require()` of
 * TypeScript files work in the process from then on, including the entities given by path
 * (`entities: ['src/entities/*.ts']`) that TypeORM loads itself.
 *
 * @throws TypeOrmModelError (`ALEMBIC_TYPEORM_NO_DATA_SOURCE`) naming the file and the exports
 *   it has when none of them is a DataSource
 */
export async function loadDataSource(path: string): Promise<TypeOrmDataSource> {
  enableTypeScriptImports();
  const namespace = isCommonJsFile(path)
    ? ((await import(pathToFileURL(path).href)) as Record<string, unknown>)
    : await importModule(path);
  const dataSource = dataSourceIn(namespace);
  if (dataSource !== undefined) {
    return dataSource;
  }
  const found = Object.keys(namespace).filter((key) => key !== '__esModule');
  throw new TypeOrmModelError(
    'ALEMBIC_TYPEORM_NO_DATA_SOURCE',
    `${path} exports no TypeORM DataSource as default, AppDataSource or dataSource (it exports: ${
      found.length === 0 ? 'nothing' : found.join(', ')
    })`,
  );
}

function dataSourceIn(namespace: Record<string, unknown>): TypeOrmDataSource | undefined {
  for (const name of DATA_SOURCE_EXPORTS) {
    const candidate = namespace[name];
    if (isTypeOrmDataSource(candidate)) return candidate;
    // A CommonJS file's `module.exports = { AppDataSource }` arrives as the default export.
    if (name === 'default' && typeof candidate === 'object' && candidate !== null) {
      for (const inner of DATA_SOURCE_EXPORTS.slice(1)) {
        const nested = (candidate as Record<string, unknown>)[inner];
        if (isTypeOrmDataSource(nested)) return nested;
      }
    }
  }
  return undefined;
}
