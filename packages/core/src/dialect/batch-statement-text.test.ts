import { batchStatementText } from './batch-statement-text.js';

describe('batchStatementText', () => {
  it('puts each separator on its own line, so a trailing comment cannot swallow it', () => {
    expect(
      batchStatementText(['CREATE TABLE a (id INT) -- first', 'DROP TABLE b'], 'SAVEPOINT s', 'RELEASE SAVEPOINT s'),
    ).toBe('SAVEPOINT s\n;\nCREATE TABLE a (id INT) -- first\n;\nDROP TABLE b\n;\nRELEASE SAVEPOINT s');
  });
});
