import { failedMessage } from '../src/failed-message.js';

describe('failedMessage', () => {
  it("turns Node's require stack into the one requiring file", () => {
    const message = [
      "Cannot find module 'src/common/base'",
      'Require stack:',
      '- /app/src/entity/user.ts',
      '- /app/node_modules/typeorm/util/ImportUtils.js',
      '- /app/node_modules/typeorm/globals.js',
    ].join('\n');
    expect(failedMessage(`TypeORM rejected the entities: ${message}`)).toBe(
      "TypeORM rejected the entities: Cannot find module 'src/common/base' (required by /app/src/entity/user.ts)",
    );
  });

  it('leaves other messages as they are', () => {
    expect(failedMessage("Can't locate revision identified by 'abc'")).toBe(
      "Can't locate revision identified by 'abc'",
    );
    expect(failedMessage('first line\nsecond line')).toBe('first line\nsecond line');
  });
});
