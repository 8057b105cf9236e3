import { readdirSync } from 'node:fs';
import * as publicApi from '../index.js';

/** Every error class defined in `src/errors/`, by name. */
async function errorClasses(): Promise<Map<string, unknown>> {
  const classes = new Map<string, unknown>();
  for (const file of readdirSync(__dirname).filter((name) => name.endsWith('.ts') && !name.endsWith('.test.ts'))) {
    const module = (await import(`./${file.replace(/\.ts$/, '.js')}`)) as Record<string, unknown>;
    for (const [name, value] of Object.entries(module)) {
      if (typeof value === 'function' && value.prototype instanceof Error) classes.set(name, value);
    }
  }
  return classes;
}

describe('the errors core throws', () => {
  it('are all exported by @alembic/core, so callers can test for them', async () => {
    const classes = await errorClasses();
    expect(classes.size).toBeGreaterThanOrEqual(20);
    const exported = publicApi as Record<string, unknown>;
    const missing = [...classes].filter(([name, value]) => exported[name] !== value).map(([name]) => name);
    expect(missing).toEqual([]);
  });
});
