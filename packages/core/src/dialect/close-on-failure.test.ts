import { closeOnFailure } from './close-on-failure.js';

describe('closeOnFailure', () => {
  it('returns what the steps return and leaves the session open', async () => {
    const close = jest.fn(async () => undefined);
    await expect(
      closeOnFailure(
        async () => 'ready',
        close,
        (error) => error,
      ),
    ).resolves.toBe('ready');
    expect(close).not.toHaveBeenCalled();
  });

  it('closes the session and throws the translated first failure, even when closing fails too', async () => {
    const close = jest.fn(() => Promise.reject(new Error('close failed')));
    const failing = closeOnFailure(
      () => Promise.reject(new Error('handshake failed')),
      close,
      (error) => new Error(`translated: ${(error as Error).message}`),
    );
    await expect(failing).rejects.toThrow('translated: handshake failed');
    expect(close).toHaveBeenCalledTimes(1);
  });
});
