import { ScriptFileError } from '../errors/script-file-error.js';
import {
  EXPERIMENTAL_DECORATORS_PROBE,
  decoratorLoadError,
  esbuildFindsDecorators,
  firstDecoratorLine,
  missingDecoratorCompilerError,
} from './decorator-compiler.js';

describe('firstDecoratorLine', () => {
  it('finds class, property and parameter decorators', () => {
    expect(firstDecoratorLine("import x from 'y';\n\n@Entity()\nexport class A {}\n")).toBe(3);
    expect(firstDecoratorLine('export class A {\n  @Column() name!: string;\n}\n')).toBe(2);
    expect(firstDecoratorLine('export class A {\n  @PrimaryKey\n  id!: number;\n}\n')).toBe(2);
    expect(firstDecoratorLine('class A { constructor(@Inject() x: X) {} }')).toBe(1);
    expect(firstDecoratorLine('export class A { @typeorm.Column() name!: string }')).toBe(1);
  });

  it('ignores JSDoc tags, e-mail addresses and decorator-free code', () => {
    expect(
      firstDecoratorLine(
        '/**\n * @param name the name\n * @returns nothing\n */\nexport function f(name: string) {}\n',
      ),
    ).toBeUndefined();
    expect(
      firstDecoratorLine("const owner = 'someone@example.com';\nexport const upgrade = () => {};\n"),
    ).toBeUndefined();
    expect(
      firstDecoratorLine('export async function upgrade() {\n  await op.createTable("a", []);\n}\n'),
    ).toBeUndefined();
  });
});

describe('the missing compiler', () => {
  it('is one line naming the file and line of the first decorator', () => {
    const error = missingDecoratorCompilerError('/app/src/entities/user.ts', 4);
    expect(error).toBeInstanceOf(ScriptFileError);
    expect(error.code).toBe('ALEMBIC_BAD_SCRIPT_FILE');
    expect(error.message).toBe(
      '/app/src/entities/user.ts:4 uses decorators: install @alembic/typeorm, which brings a compiler that emits their metadata',
    );
  });

  it('comes back as a ScriptFileError from the hooks thread', () => {
    const fromHooks = new Error(
      '/app/src/user.ts:7 uses decorators: install @alembic/typeorm, which brings a compiler that emits their metadata',
    );
    expect(decoratorLoadError(fromHooks)).toMatchObject({
      filePath: '/app/src/user.ts',
      line: 7,
      message: fromHooks.message,
    });
    expect(decoratorLoadError(new Error('Could not load /app/src/user.ts:5:3: Expression expected'))).toMatchObject({
      line: 5,
    });
    expect(decoratorLoadError(new Error('something else'))).toBeUndefined();
  });
});

describe('esbuildFindsDecorators', () => {
  it('tells real decorators from text that only looks like one', async () => {
    const { transform } = await import('esbuild');
    const probe = async (source: string): Promise<boolean> =>
      esbuildFindsDecorators((await transform(source, { ...EXPERIMENTAL_DECORATORS_PROBE, sourcefile: 'x.ts' })).code);
    const tSql = 'export const body = `\nCREATE PROCEDURE p\n  @limit int\nAS SELECT 1`;\n';
    expect(firstDecoratorLine(tSql)).toBe(3);
    expect(await probe(tSql)).toBe(false);
    expect(await probe('declare const Entity: any;\n@Entity()\nexport class A {}\n')).toBe(true);
    expect(await probe('declare const Column: any;\nexport class A {\n  @Column() name!: string;\n}\n')).toBe(true);
  });
});
