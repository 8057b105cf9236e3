import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';

/**
 * The point of the example: a third-party dialect needs nothing but `@alembic/core/dialect`, the
 * entry point for dialect authors (and its driver). Not `@alembic/core` (for migration authors),
 * not `@alembic/core/internal`, no deep imports, no other @alembic package.
 */
function withoutComments(source: string): string {
  return source.replace(/\/\*[\s\S]*?\*\//g, '').replace(/^\s*\/\/.*$/gm, '');
}

describe('the pgwire dialect', () => {
  it('imports only @alembic/core/dialect, pg, Node builtins and its own files', () => {
    const sources = readdirSync(__dirname).filter((name) => name.endsWith('.ts') && !name.endsWith('.test.ts'));
    const specifiers = sources.flatMap((name) =>
      [...withoutComments(readFileSync(join(__dirname, name), 'utf8')).matchAll(/(?:from|import\()\s*'([^']+)'/g)].map(
        (match) => match[1] as string,
      ),
    );
    const outside = specifiers.filter(
      (specifier) =>
        !specifier.startsWith('./') &&
        !specifier.startsWith('node:') &&
        specifier !== 'pg' &&
        specifier !== '@alembic/core/dialect',
    );
    expect(outside).toEqual([]);
    expect(specifiers).toContain('@alembic/core/dialect');
  });
});
