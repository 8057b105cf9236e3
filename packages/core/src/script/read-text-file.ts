import { closeSync, openSync, readFileSync, readSync } from 'node:fs';

/** Files up to this size are read into one shared buffer; larger ones the ordinary way. */
const SHARED_BUFFER_SIZE = 64 * 1024;
let sharedBuffer: Buffer | undefined;

/**
 * Reads a UTF-8 text file synchronously with as few system calls and allocations as possible:
 * listing commands read every script of the history (10,000 files take a noticeable share of a
 * `heads` run through `readFileSync`).
 */
export function readTextFile(path: string): string {
  sharedBuffer ??= Buffer.allocUnsafe(SHARED_BUFFER_SIZE);
  const descriptor = openSync(path, 'r');
  let length: number;
  try {
    length = readSync(descriptor, sharedBuffer, 0, SHARED_BUFFER_SIZE, 0);
  } finally {
    closeSync(descriptor);
  }
  if (length < SHARED_BUFFER_SIZE) return sharedBuffer.toString('utf8', 0, length);
  return readFileSync(path, 'utf8');
}
