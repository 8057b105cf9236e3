import { TypeOrmModelError } from './typeorm-model-error.js';

/** The dialects a TypeORM model can be built for. */
export type TypeOrmTargetDialect = 'postgres' | 'mysql' | 'mariadb' | 'sqlite' | 'mssql';

/** Each TypeORM `type` (and accepted alias) and the dialect it belongs to. */
const DIALECT_OF_TYPE: Readonly<Record<string, TypeOrmTargetDialect>> = {
  postgres: 'postgres',
  postgresql: 'postgres',
  'aurora-postgres': 'postgres',
  mysql: 'mysql',
  'aurora-mysql': 'mysql',
  mariadb: 'mariadb',
  sqlite: 'sqlite',
  'better-sqlite3': 'sqlite',
  sqljs: 'sqlite',
  capacitor: 'sqlite',
  cordova: 'sqlite',
  expo: 'sqlite',
  nativescript: 'sqlite',
  'react-native': 'sqlite',
  mssql: 'mssql',
};

/**
 * The TypeORM `type` metadata is built with for each dialect: one both TypeORM 0.3 and 1.x
 * have (1.x dropped `sqlite`, whose types are those of `better-sqlite3`).
 */
export const TYPEORM_TYPE_OF_DIALECT: Readonly<Record<TypeOrmTargetDialect, string>> = {
  postgres: 'postgres',
  mysql: 'mysql',
  mariadb: 'mariadb',
  sqlite: 'better-sqlite3',
  mssql: 'mssql',
};

/** The dialect of a TypeORM `type` or a dialect name; throws for one this package does not serve. */
export function targetDialectOf(typeOrDialect: string): TypeOrmTargetDialect {
  const dialect = DIALECT_OF_TYPE[typeOrDialect.toLowerCase()];
  if (dialect === undefined) {
    throw new TypeOrmModelError(
      'ALEMBIC_TYPEORM_UNSUPPORTED_DIALECT',
      `TypeORM type '${typeOrDialect}' is not supported: use postgres, mysql, mariadb, sqlite (better-sqlite3) or mssql`,
    );
  }
  return dialect;
}

/** The schema a table without one lands in; a table naming it explicitly is left unqualified. */
export const DEFAULT_SCHEMA: Readonly<Partial<Record<TypeOrmTargetDialect, string>>> = {
  postgres: 'public',
  mssql: 'dbo',
};
