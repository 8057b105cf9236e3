import { AlembicError } from '@alembic/core';
import { COMMONJS_GLOBALS } from '@alembic/core/internal';
import { TranspileSyntaxError, transpileDecorated } from './transpile.js';

const ENTITY = `import { Column, Entity, ManyToOne } from 'typeorm';
import { User } from './user';

@Entity()
export class Post {
  @Column() title!: string;
  @ManyToOne(() => User) author!: User;
}
`;

describe('transpileDecorated', () => {
  it('emits design:type metadata with legacy decorators, as ESM or CommonJS', () => {
    const esm = transpileDecorated(ENTITY, '/app/src/post.ts', 'esm').code;
    expect(esm).toContain('_ts_metadata("design:type", String)');
    expect(esm).toMatch(/^import \{ Column, Entity, ManyToOne \} from 'typeorm';$/m);
    expect(esm).toContain('sourceMappingURL=data:application/json');
    const commonJs = transpileDecorated(ENTITY, '/app/src/post.ts', 'cjs').code;
    expect(commonJs).toContain('require("typeorm")');
    expect(commonJs).toContain('"design:type", String');
  });

  it("gives an ES module CommonJS's __dirname, __filename and require, leaving a local one alone", () => {
    const source = [
      "import { Entity } from 'typeorm';",
      '',
      '@Entity()',
      'export class Photo {',
      '  static folder = __dirname + "/photos";',
      '  static file = __filename;',
      "  static config = require('./ormconfig.json');",
      '  static named(__dirname: string): string {',
      '    return __dirname;',
      '  }',
      '}',
      '',
    ].join('\n');
    const esm = transpileDecorated(source, '/app/src/photo.ts', 'esm', COMMONJS_GLOBALS).code;
    expect(esm).toContain('import.meta.dirname + "/photos"');
    expect(esm).toContain('file = import.meta.filename');
    expect(esm).toMatch(/named\(__dirname\) \{\s+return __dirname;/);
    expect(esm).toContain(`config = __alembicRequire('./ormconfig.json')`);
    expect(esm.split('\n')[0]).toMatch(
      /^import \{ createRequire as __alembicCreateRequire \} from "node:module";const __alembicRequire = __alembicCreateRequire\(import\.meta\.url\);/,
    );
    // A hashbang stays the first line; the prologue goes on the next one.
    const withHashbang = transpileDecorated(
      `#!/usr/bin/env node\n${source}`,
      '/app/src/photo.ts',
      'esm',
      COMMONJS_GLOBALS,
    ).code;
    expect(withHashbang.startsWith('#!/usr/bin/env node\nimport { createRequire as __alembicCreateRequire }')).toBe(
      true,
    );
    // CommonJS has them already.
    const commonJs = transpileDecorated(source, '/app/src/photo.ts', 'cjs', COMMONJS_GLOBALS).code;
    expect(commonJs).toContain('__dirname + "/photos"');
    expect(commonJs).not.toContain('import.meta');
    expect(commonJs).not.toContain('__alembicRequire');
    // Without core's globals (a core older than the parameter) an ES module is left as written.
    const bare = transpileDecorated(source, '/app/src/photo.ts', 'esm').code;
    expect(bare).toContain('__dirname + "/photos"');
    expect(bare).not.toContain('__alembicRequire');
  });

  it('gives Object, not a ReferenceError, for a class still in its temporal dead zone', () => {
    const esm = transpileDecorated(ENTITY, '/app/src/post.ts', 'esm').code;
    expect(esm).not.toContain('typeof User === "undefined" ? Object : User)');
    const guard =
      /\(\(\) => \{ try \{ return typeof User === "undefined" \? Object : User; \} catch \{ return Object; \} \}\)\(\)/;
    expect(esm).toMatch(guard);
    const evaluate = new Function(`${(guard.exec(esm) as RegExpExecArray)[0].replace(/User/g, 'Later')}; let Later;`);
    expect(() => evaluate()).not.toThrow();
  });

  it('names the file, line and column of a syntax error', () => {
    const source = 'import { Entity } from "typeorm";\n\n@Entity()\nexport class Broken {\n  name: string = ;\n}\n';
    let thrown: unknown;
    try {
      transpileDecorated(source, '/app/src/broken.ts', 'esm');
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(TranspileSyntaxError);
    expect((thrown as TranspileSyntaxError).message).toBe(
      'Could not load /app/src/broken.ts:5:18: Expression expected',
    );
    expect((thrown as TranspileSyntaxError).line).toBe(5);
    // An AlembicError to core and the CLI, which print its message alone.
    expect(AlembicError.isInstance(thrown)).toBe(true);
    expect(AlembicError.hasCode(thrown, 'ALEMBIC_TYPEORM_SYNTAX_ERROR')).toBe(true);
  });
});
