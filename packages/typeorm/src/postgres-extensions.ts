import { executeOperation } from '@alembic/core';
import type { ColumnModel, MigrationContext, Operation, PlannedOperation, RevisionDirective } from '@alembic/core';

/** The extension a column type needs, by the type's name (`geometry(Point,4326)` is `geometry`). */
const EXTENSION_OF_TYPE: Readonly<Record<string, string>> = {
  citext: 'citext',
  hstore: 'hstore',
  geometry: 'postgis',
  geography: 'postgis',
  cube: 'cube',
  ltree: 'ltree',
  vector: 'vector',
};

/** `uuid_generate_v4()`, the default TypeORM gives generated uuid columns with `uuid-ossp`. */
const UUID_OSSP_DEFAULT = /\buuid_generate_v[1-5](?:mc)?\s*\(/i;

function extensionsOfColumn(column: ColumnModel): string[] {
  const found: string[] = [];
  const serverDefault = column.serverDefault;
  if (typeof serverDefault === 'object' && UUID_OSSP_DEFAULT.test(serverDefault.text)) found.push('uuid-ossp');
  if (column.type.kind === 'raw') {
    const typeName = /^\s*"?([A-Za-z_][\w]*)/.exec(column.type.sql)?.[1]?.toLowerCase();
    const extension = typeName === undefined ? undefined : EXTENSION_OF_TYPE[typeName];
    if (extension !== undefined) found.push(extension);
  }
  return found;
}

/** The columns an operation creates: a new table's, an added column, those of a batch's operations. */
function createdColumns(operation: Operation): readonly ColumnModel[] {
  switch (operation.kind) {
    case 'createTable':
      return operation.table.columns;
    case 'addColumn':
      return [operation.column];
    case 'batchAlterTable':
      return operation.operations.flatMap(createdColumns);
    default:
      return [];
  }
}

/** The extensions an upgrade's new columns need, in order of first use, each once. */
export function postgresExtensionsNeeded(upgrade: readonly PlannedOperation[]): string[] {
  const extensions = new Set<string>();
  for (const planned of upgrade) {
    for (const column of createdColumns(planned.operation)) {
      for (const extension of extensionsOfColumn(column)) extensions.add(extension);
    }
  }
  return [...extensions];
}

/**
 * A `processRevisionDirectives` hook for TypeORM projects on PostgreSQL. TypeORM installs the
 * extensions its columns need each time it connects (`uuid-ossp` for `uuid_generate_v4()`
 * defaults, `citext`, `hstore`, `postgis`, `cube`, `ltree`, `vector`), so its own migrations
 * never create them. A migration alembic writes must run on a new database on its own: an
 * upgrade whose new columns need one starts with `CREATE EXTENSION IF NOT EXISTS`. The
 * downgrade leaves extensions in place (other objects may use them). Other databases, and
 * upgrades that need no extension, are left as they are.
 *
 * ```ts
 * context.configure({ connection, targetMetadata, processRevisionDirectives: createTypeOrmExtensions });
 * ```
 */
export function createTypeOrmExtensions(
  context: MigrationContext,
  _revision: readonly string[],
  directives: RevisionDirective[],
): void {
  if (context.dialect.name !== 'postgresql') return;
  for (const directive of directives) {
    const extensions = postgresExtensionsNeeded(directive.upgrade);
    if (extensions.length === 0) continue;
    directive.upgrade.unshift(
      ...extensions.map(
        (extension, index): PlannedOperation => ({
          operation: executeOperation({ sql: `CREATE EXTENSION IF NOT EXISTS "${extension}"` }),
          comments:
            index === 0
              ? ['TypeORM installs the extensions its columns need when it connects; this migration does it itself.']
              : [],
        }),
      ),
    );
  }
}
