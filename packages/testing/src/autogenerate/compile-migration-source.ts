import { createRequire } from 'node:module';
import { join } from 'node:path';
import * as core from '@alembic/core';
import type { MigrationOperations } from '../support/conformance-project.js';

/** What a migration module exports that the round trip runs. */
export interface MigrationFunctions {
  upgrade(op: MigrationOperations): Promise<void>;
  downgrade(op: MigrationOperations): Promise<void>;
}

interface EsbuildTransform {
  transform(source: string, options: Record<string, unknown>): Promise<{ code: string }>;
}

let esbuild: EsbuildTransform | undefined;

/**
 * esbuild, as core has it (core compiles TypeScript migrations with it): resolved from
 * `@alembic/core`'s own location, so the suite needs no dependency of its own.
 */
function loadEsbuild(): EsbuildTransform {
  if (esbuild === undefined) {
    const fromHere = createRequire(join(process.cwd(), 'package.json'));
    const corePath = fromHere.resolve('@alembic/core');
    esbuild = createRequire(corePath)('esbuild') as EsbuildTransform;
  }
  return esbuild;
}

/**
 * Compiles a migration's TypeScript source (as `revision --autogenerate` writes it) and returns
 * its `upgrade` / `downgrade`, each run with `op` bound to the operations it is given: the
 * module's `import { op } from '@alembic/core'` resolves to core with that `op`, as the
 * runtime's proxy would. The module is evaluated afresh for every call.
 */
export async function compileMigrationSource(source: string, fileName: string): Promise<MigrationFunctions> {
  const { code } = await loadEsbuild().transform(source, {
    loader: 'ts',
    format: 'cjs',
    target: 'node20',
    sourcefile: fileName,
  });
  const fallback = createRequire(join(process.cwd(), 'package.json'));
  const evaluate = (op: MigrationOperations): Record<string, unknown> => {
    const module = { exports: {} as Record<string, unknown> };
    const requireForModule = (specifier: string): unknown =>
      specifier === '@alembic/core' ? { ...core, op } : fallback(specifier);
    // eslint-disable-next-line @typescript-eslint/no-implied-eval -- the migration's compiled code, run as a CommonJS module
    new Function('require', 'module', 'exports', code)(requireForModule, module, module.exports);
    return module.exports;
  };
  const run = async (name: 'upgrade' | 'downgrade', op: MigrationOperations): Promise<void> => {
    const step = evaluate(op)[name];
    if (typeof step !== 'function') throw new Error(`${fileName} exports no ${name}() function`);
    await (step as (operations: MigrationOperations) => Promise<void>)(op);
  };
  return { upgrade: (op) => run('upgrade', op), downgrade: (op) => run('downgrade', op) };
}
