import { processIo } from './cli-io.js';
import { main } from './main.js';
import { watchUnsettledCommand } from './unsettled-command.js';

const io = processIo();
const stopWatching = watchUnsettledCommand(io);
try {
  process.exitCode = await main(process.argv.slice(2), io);
} finally {
  stopWatching();
  io.flush();
}
