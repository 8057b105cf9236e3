/**
 * The floor of any tool that takes its model from TypeORM's own entity metadata (ours through
 * @alembic/typeorm, and TypeORM's `migration:generate`): start Node, require the project's
 * `src/data-source.js` (TypeORM and every entity file) and build the entity metadata, without
 * connecting. Prints `<n> entities`. Used by bench/autogenerate.mjs:
 *
 *   node bench/support/typeorm-metadata-floor.cjs <project>/src/data-source.js
 */
const path = require('node:path');

const exported = require(path.resolve(process.argv[2]));
const dataSource = exported.AppDataSource ?? exported.dataSource ?? exported.default;
// `buildMetadatas()` is what `initialize()` runs before any query (protected in TypeScript).
dataSource.buildMetadatas().then(
  () => process.stdout.write(`${dataSource.entityMetadatas.length} entities\n`),
  (error) => {
    process.stderr.write(`${error.stack ?? error}\n`);
    process.exit(1);
  },
);
