/** Node's list of the modules that required a missing one, after its `Cannot find module` line. */
const REQUIRE_STACK = /\nRequire stack:\n- ([^\n]+)(?:\n- [^\n]*)*/;

/**
 * The text of a `FAILED:` line: one line, even for Node's `Cannot find module 'x'` error, whose
 * message goes on with the list of modules that required it. That list becomes the one file
 * that matters, the requiring one.
 *
 * ```ts
 * failedMessage("Cannot find module 'src/base'\nRequire stack:\n- /app/src/user.ts\n- /app/node_modules/typeorm/x.js");
 * // "Cannot find module 'src/base' (required by /app/src/user.ts)"
 * ```
 */
export function failedMessage(message: string): string {
  return message.replace(REQUIRE_STACK, ' (required by $1)');
}
