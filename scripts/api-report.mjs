#!/usr/bin/env node
/**
 * The API report of a package: for each public entry point in its package.json `exports` (the
 * `import` condition's `types`; `./internal` is not public), API Extractor writes what the built
 * declarations export, and this compares it with the checked-in report in the package's `api/`
 * folder.
 *
 *   node ../../scripts/api-report.mjs            fails when a report differs (pnpm test runs it)
 *   node ../../scripts/api-report.mjs --update   rewrites the reports (pnpm api:update)
 *
 * Run from the package directory after its build. A changed report is a changed public API:
 * review the diff, and add a changeset when it is visible to users.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { Extractor, ExtractorConfig } from '@microsoft/api-extractor';

const update = process.argv.includes('--update');
const packageDirectory = process.cwd();
const manifestPath = join(packageDirectory, 'package.json');
const manifest = JSON.parse(readFileSync(manifestPath, 'utf8'));
const unscopedName = manifest.name.replace(/^@[^/]+\//, '');

/** Entry points that are not public API (documented as such): no report, free to change. */
const NOT_PUBLIC = new Set(['./internal']);

/** `[subpath, declaration file]` for each public entry point that has types. */
function entryPoints() {
  return Object.entries(manifest.exports ?? {}).flatMap(([subpath, target]) => {
    const types = target?.import?.types ?? target?.types;
    return typeof types === 'string' && !NOT_PUBLIC.has(subpath) ? [[subpath, types]] : [];
  });
}

/** `core.api.md` for `.`, `core-dialect.api.md` for `./dialect`. */
function reportFileName(subpath) {
  const suffix = subpath === '.' ? '' : `-${subpath.replace(/^\.\//, '').replaceAll('/', '-')}`;
  return `${unscopedName}${suffix}.api.md`;
}

const temporaryFolder = mkdtempSync(join(tmpdir(), 'alembic-api-report-'));
const stale = [];
let failed = false;
try {
  for (const [subpath, types] of entryPoints()) {
    const fileName = reportFileName(subpath);
    const config = ExtractorConfig.prepare({
      configObject: {
        projectFolder: packageDirectory,
        mainEntryPointFilePath: resolve(packageDirectory, types),
        compiler: {
          overrideTsconfig: {
            compilerOptions: {
              target: 'ES2022',
              lib: ['ES2022'],
              module: 'NodeNext',
              moduleResolution: 'NodeNext',
              strict: true,
              skipLibCheck: true,
              types: ['node'],
            },
            files: [resolve(packageDirectory, types)],
          },
        },
        apiReport: {
          enabled: true,
          reportFileName: fileName,
          reportFolder: join(packageDirectory, 'api'),
          reportTempFolder: temporaryFolder,
          // A type the entry point does not export but its API uses (a base class, an options
          // type) is part of the API all the same: its declaration goes in the report too.
          includeForgottenExports: true,
        },
        docModel: { enabled: false },
        dtsRollup: { enabled: false },
        tsdocMetadata: { enabled: false },
        messages: {
          // Prose in TSDoc (`@alembic/core`, `{ ... }`) is not TSDoc markup: not checked here.
          tsdocMessageReporting: { default: { logLevel: 'none' } },
          extractorMessageReporting: {
            default: { logLevel: 'warning' },
            'ae-missing-release-tag': { logLevel: 'none' },
            'ae-unresolved-link': { logLevel: 'none' },
            'ae-undocumented': { logLevel: 'none' },
            'ae-misplaced-package-tag': { logLevel: 'none' },
            // Listed in the report, where a reviewer sees them, rather than failing the check.
            'ae-forgotten-export': { logLevel: 'none', addToApiReportFile: true },
          },
        },
      },
      configObjectFullPath: undefined,
      packageJsonFullPath: manifestPath,
    });
    const result = Extractor.invoke(config, {
      localBuild: update,
      messageCallback: (message) => {
        // The report comparison is reported below, once, with what to run.
        if (
          message.messageId === 'console-api-report-not-copied' ||
          message.messageId === 'console-api-report-copied'
        ) {
          message.handled = true;
        }
        // API Extractor brings its own TypeScript; the note that ours is newer is noise here.
        if (message.messageId === 'console-compiler-version-notice') message.handled = true;
      },
    });
    if (result.apiReportChanged) stale.push(`api/${fileName}`);
    if (result.errorCount > 0 || result.warningCount > 0) failed = true;
  }
} finally {
  rmSync(temporaryFolder, { recursive: true, force: true });
}

if (stale.length > 0 && update) {
  console.log(`${manifest.name}: updated ${stale.join(', ')}; review the diff and commit it`);
} else if (stale.length > 0) {
  console.error(
    `${manifest.name}: the public API differs from ${stale.join(', ')}.\n` +
      'If the change is intended, run `pnpm api:update` (after `pnpm build`), review the diff of the report and commit it ' +
      '(with a changeset when users can see the change).',
  );
  process.exitCode = 1;
}
if (failed) process.exitCode = 1;
