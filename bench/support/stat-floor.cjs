/**
 * The least a listing command can do when it keeps a cache of script headers and must not
 * trust it blindly: start Node, list the versions directory and `stat` every file (its
 * modification time and size say whether the cached header still holds). bench/listing.mjs
 * times it as the floor under `heads` and `history`.
 *
 *   node stat-floor.cjs <versions directory>
 */
'use strict';
const { readdirSync, statSync } = require('node:fs');
const { join } = require('node:path');

const directory = process.argv[2];
let checksum = 0;
for (const name of readdirSync(directory).sort()) {
  const stats = statSync(join(directory, name));
  checksum += stats.mtimeMs + stats.size;
}
process.stdout.write(`${checksum}\n`);
