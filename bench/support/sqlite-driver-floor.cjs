/**
 * The least any Node.js tool can do for `upgrade head` on SQLite: start Node, load the `sqlite3`
 * driver, and run the whole upgrade SQL file (the one the sqlite3 shell runs) in one `exec`
 * call. No migration files, no graph, no version-table logic. bench/upgrade.mjs times it next
 * to the shell as the floor for the SQLite budget.
 *
 *   node sqlite-driver-floor.cjs <path of the sqlite3 package> <sql file> <database file>
 */
'use strict';
const { readFileSync } = require('node:fs');

const [driverPath, sqlPath, databasePath] = process.argv.slice(2);
const sqlite3 = require(driverPath);
const sql = readFileSync(sqlPath, 'utf8');
const database = new sqlite3.Database(databasePath);
database.exec(sql, (error) => {
  if (error) {
    process.stderr.write(`${error.message}\n`);
    process.exitCode = 1;
  }
  database.close();
});
