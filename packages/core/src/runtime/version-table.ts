import type { CompiledStatement, DdlCompiler } from '../dialect/ddl-compiler.js';
import { executeOperation } from '../operations/execute-operation.js';
import { createTableOperation } from '../operations/create-table-operation.js';
import { string } from '../schema/column-types.js';
import { column } from '../schema/column.js';
import { primaryKeyConstraint } from '../schema/constraints.js';
import { table } from '../schema/table.js';
import type { VersionChange } from './migration-step.js';

/** Where the version table lives and how it is shaped. */
export interface VersionTableOptions {
  /** Default `alembic_version`. */
  readonly tableName?: string;
  readonly schema?: string;
  /** Width of `version_num`; default 32, as Alembic's. */
  readonly versionNumWidth?: number;
  /** Give the table its `<table>_pkc` primary key (default true). */
  readonly primaryKey?: boolean;
}

/**
 * The SQL of the version table: `alembic_version(version_num VARCHAR(32) NOT NULL,
 * CONSTRAINT alembic_version_pkc PRIMARY KEY (version_num))`, one row per current head,
 * written exactly as Alembic writes it so a database can move between the two tools.
 */
export class VersionTable {
  readonly tableName: string;
  readonly schema: string | undefined;
  readonly #compiler: DdlCompiler;
  readonly #width: number;
  readonly #primaryKey: boolean;

  constructor(compiler: DdlCompiler, options: VersionTableOptions = {}) {
    this.#compiler = compiler;
    this.tableName = options.tableName ?? 'alembic_version';
    this.schema = options.schema;
    this.#width = options.versionNumWidth ?? 32;
    this.#primaryKey = options.primaryKey ?? true;
  }

  /** `schema.table`, quoted where needed. */
  get qualifiedName(): string {
    const name = this.#compiler.quoteIdentifier(this.tableName);
    return this.schema === undefined ? name : `${this.#compiler.quoteIdentifier(this.schema)}.${name}`;
  }

  #column(): string {
    return `${this.#compiler.quoteIdentifier(this.tableName)}.${this.#compiler.quoteIdentifier('version_num')}`;
  }

  #literal(version: string): string {
    return this.#compiler.renderLiteral(version);
  }

  /** `CREATE TABLE alembic_version (...)`. */
  createStatements(): string[] {
    const elements = [
      column('version_num', string(this.#width), { nullable: false }),
      ...(this.#primaryKey ? [primaryKeyConstraint(['version_num'], { name: `${this.tableName}_pkc` })] : []),
    ];
    return this.#compiler.compile(
      createTableOperation({ table: table(this.tableName, elements, { schema: this.schema }) }),
    );
  }

  /** `SELECT version_num FROM alembic_version`. */
  selectSql(): string {
    return `SELECT ${this.#compiler.quoteIdentifier('version_num')} FROM ${this.qualifiedName}`;
  }

  /** `DELETE FROM alembic_version` (for `stamp --purge`). */
  purgeSql(): string {
    return `DELETE FROM ${this.qualifiedName}`;
  }

  /** The INSERT, UPDATE or DELETE for one change, values inlined as Alembic renders them (offline SQL). */
  changeSql(change: VersionChange): string {
    return this.#changeSql(change, (version) => this.#literal(version));
  }

  /**
   * The same statement with the versions as bound parameters, in the dialect's placeholder
   * style: online runs send one text for every change of a kind, which drivers can keep
   * prepared.
   */
  changeStatement(change: VersionChange): CompiledStatement {
    const parameters: Record<string, string> = {};
    const sql = this.#changeSql(change, (version) => {
      const name = `v${Object.keys(parameters).length}`;
      parameters[name] = version;
      return `:${name}`;
    });
    return this.#compiler.compileParameterized(executeOperation({ sql, parameters }));
  }

  #changeSql(change: VersionChange, value: (version: string) => string): string {
    const versionNum = this.#compiler.quoteIdentifier('version_num');
    switch (change.kind) {
      case 'insert':
        return `INSERT INTO ${this.qualifiedName} (${versionNum}) VALUES (${value(change.version)})`;
      case 'delete':
        return `DELETE FROM ${this.qualifiedName} WHERE ${this.#column()} = ${value(change.version)}`;
      case 'update': {
        const to = value(change.to);
        return `UPDATE ${this.qualifiedName} SET ${versionNum}=${to} WHERE ${this.#column()} = ${value(change.from)}`;
      }
    }
  }
}
