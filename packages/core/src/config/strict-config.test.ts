import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { type TypeCheckError, typeCheckSources } from '../test-support/type-check-sources.js';

const FIXTURE = join(__dirname, 'strict-config.type-test.ts');
/** The fixture with its `@ts-expect-error` lines blanked, beside it (never written to disk). */
const UNMARKED = join(__dirname, 'strict-config-unmarked.type-test.ts');
const DIRECTIVE = /^\s*\/\/ @ts-expect-error/;
const TEMPLATES = join(__dirname, '..', '..', 'templates');

/** What `alembic init` writes for a template, but `env.ts` of the typeorm one (it imports @alembic/typeorm). */
function templateFiles(): [string, string][] {
  return ['generic', 'multidb', 'typeorm'].flatMap((name): [string, string][] => [
    [
      join(TEMPLATES, name, 'alembic.config.ts'),
      readFileSync(join(TEMPLATES, name, 'alembic.config.ts.tmpl'), 'utf8').replace(
        /\$\{literal\(\w+\)\}/g,
        "'migrations'",
      ),
    ],
    ...(name === 'typeorm'
      ? []
      : [[join(TEMPLATES, name, 'env.ts'), readFileSync(join(TEMPLATES, name, 'env.ts'), 'utf8')] as [string, string]]),
  ]);
}

describe('defineConfig and context.configure() types', () => {
  const source = readFileSync(FIXTURE, 'utf8');
  const lines = source.split('\n');
  const templates = templateFiles();
  let errors: TypeCheckError[];

  beforeAll(() => {
    // One program for every file: type-checking core's public API takes a while.
    errors = typeCheckSources(
      new Map([
        [FIXTURE, source],
        [UNMARKED, lines.map((line) => (DIRECTIVE.test(line) ? '' : line)).join('\n')],
        ...templates,
      ]),
      { types: ['node'], verbatimModuleSyntax: true, paths: { '@alembic/core': [join(__dirname, '..', 'index.ts')] } },
    );
  }, 120_000);

  it('reject each line marked @ts-expect-error in the fixture, and accept the others', () => {
    const marked = lines.flatMap((line, index) => (DIRECTIVE.test(line) ? [index + 2] : []));
    // As written: every directive is used (an unused one would be an error) and nothing else fails.
    expect(errors.filter((error) => error.fileName === FIXTURE)).toEqual([]);
    // Without the directives: each marked line fails, and no other line does.
    expect(marked.length).toBeGreaterThanOrEqual(9);
    const failing = new Set(errors.filter((error) => error.fileName === UNMARKED).map((error) => error.line));
    expect([...failing].sort((a, b) => a - b)).toEqual(marked);
  });

  it('accept what alembic init writes', () => {
    expect(templates.length).toBe(5);
    expect(errors.filter((error) => templates.some(([fileName]) => fileName === error.fileName))).toEqual([]);
  });
});
