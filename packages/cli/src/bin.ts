import { processIo } from './cli-io.js';
import { main } from './main.js';

const io = processIo();
try {
  process.exitCode = await main(process.argv.slice(2), io);
} finally {
  io.flush();
}
