import { UnsupportedOperationError } from '../errors/unsupported-operation-error.js';
import { createIndexOperation } from '../operations/create-index-operation.js';
import type { IndexElement, IndexModel } from '../schema/index-model.js';
import { DefaultDdlCompiler } from './default-ddl-compiler.js';
import { defineCapabilities } from './dialect-capabilities.js';
import type { IndexStatementParts } from './index-statement-parts.js';

/** A database whose indexes take every kind of extra word, as a dialect declares them. */
class WordyIndexCompiler extends DefaultDdlCompiler {
  protected override indexStatementParts(model: IndexModel): IndexStatementParts {
    return {
      beforeIndex: model.unique ? 'UNIQUE CLUSTERED' : 'FULLTEXT',
      afterIndex: 'ONLINE',
      beforeColumns: 'USING hash',
      formatElement: (element: IndexElement) => `${this.formatIndexElement(element)}(4)`,
      afterColumns: ['INCLUDE (c)', '', 'WITH (fill = 70)'],
      where: 'a > 0',
    };
  }
}

const indexOnAB = { indexName: 'ix', tableName: 't', columns: ['a', 'b'] };

describe('indexStatementParts', () => {
  it('puts each part of the dialect in its place, leaving empty words out', () => {
    const compiler = new WordyIndexCompiler({ capabilities: defineCapabilities({ supportsPartialIndexes: true }) });
    expect(compiler.compile(createIndexOperation({ ...indexOnAB, unique: true, ifNotExists: true }))).toEqual([
      'CREATE UNIQUE CLUSTERED INDEX ONLINE IF NOT EXISTS ix ON t USING hash (a(4), b(4)) INCLUDE (c) WITH (fill = 70) WHERE a > 0',
    ]);
  });

  it("prefers the index's own WHERE to the one from the dialect's options", () => {
    const compiler = new WordyIndexCompiler({ capabilities: defineCapabilities({ supportsPartialIndexes: true }) });
    expect(compiler.compile(createIndexOperation({ ...indexOnAB, where: 'b IS NULL' }))).toEqual([
      'CREATE FULLTEXT INDEX ONLINE ix ON t USING hash (a(4), b(4)) INCLUDE (c) WITH (fill = 70) WHERE b IS NULL',
    ]);
  });

  it('refuses a WHERE from the parts where the dialect has no partial indexes', () => {
    expect(() => new WordyIndexCompiler().compile(createIndexOperation(indexOnAB))).toThrow(UnsupportedOperationError);
  });
});
