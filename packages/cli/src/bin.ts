import { processIo } from './cli-io.js';
import { enableCompileCache } from './enable-compile-cache.js';
import { main } from './main.js';
import { watchUnsettledCommand } from './unsettled-command.js';

// Before a command loads core, the dialect and the driver: they come from Node's compile cache.
// (The imports above are evaluated first: none of them may import @alembic/core statically.)
enableCompileCache();
const io = processIo();
const stopWatching = watchUnsettledCommand(io);
try {
  process.exitCode = await main(process.argv.slice(2), io);
} finally {
  stopWatching();
  io.flush();
}
