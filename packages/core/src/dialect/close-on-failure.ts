/**
 * Runs the steps that follow opening a session (connecting, reading the server, setting the
 * session up); when one fails, closes the session, ignoring a failure to close, and throws the
 * error `translate` makes of the first failure.
 *
 * ```ts
 * return closeOnFailure(
 *   () => describeSession(client),
 *   () => client.end(),
 *   translateExampleError,
 * );
 * ```
 */
export async function closeOnFailure<Result>(
  steps: () => Promise<Result>,
  close: () => Promise<unknown>,
  translate: (error: unknown) => unknown,
): Promise<Result> {
  try {
    return await steps();
  } catch (error) {
    await close().catch(() => undefined);
    throw translate(error);
  }
}
