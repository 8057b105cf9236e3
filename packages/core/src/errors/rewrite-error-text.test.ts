import { rewriteErrorText } from './rewrite-error-text.js';

const upper = (text: string): string => text.replaceAll('secret', 'SECRET');

describe('rewriteErrorText', () => {
  it('rewrites message, stack and the cause chain in place, and only the named places', () => {
    const inner = Object.assign(new Error('inner secret'), { input: 'secret input' });
    const outer = new AggregateError([new Error('one secret')], 'outer secret', { cause: inner });
    expect(rewriteErrorText(outer, upper)).toBe(outer);
    expect(outer.message).toBe('outer SECRET');
    expect(outer.stack).toContain('outer SECRET');
    expect(inner.message).toBe('inner SECRET');
    expect((outer.errors[0] as Error).message).toBe('one SECRET');
    expect(inner.input).toBe('secret input');
  });

  it('with everyProperty, rewrites every own string and walks own objects a few levels down', () => {
    const deep = { level: { level: { level: { level: { text: 'secret' } } } } };
    const error = Object.assign(new Error('secret'), {
      input: 'secret input',
      details: { url: 'secret url', list: ['secret item'] },
      deep,
    });
    Object.defineProperty(error, 'fixed', { value: 'secret fixed', enumerable: true });
    Object.defineProperty(error, 'broken', {
      get() {
        throw new Error('unreadable');
      },
    });
    rewriteErrorText(error, upper, { everyProperty: true });
    expect(error).toMatchObject({
      message: 'SECRET',
      input: 'SECRET input',
      details: { url: 'SECRET url', list: ['SECRET item'] },
      fixed: 'secret fixed',
    });
    expect(deep.level.level.level.level.text).toBe('secret');
  });

  it('visits an object that refers to itself once', () => {
    const error = new Error('secret') as Error & { self?: unknown };
    error.self = error;
    error.cause = error;
    expect(rewriteErrorText(error, upper, { everyProperty: true }).message).toBe('SECRET');
  });
});

describe('rewriteErrorText with everyProperty', () => {
  const everyProperty = { everyProperty: true } as const;

  it('walks an object at the shallowest depth it is reached at, even when a deeper path comes first', () => {
    const shared = { inner: { url: 'secret url' } };
    const error = Object.assign(new Error('failed'), { x: { y: { z: shared } }, shared });
    const reversed = Object.assign(new Error('failed'), { shared: { inner: { url: 'secret url' } } });
    Object.assign(reversed, { x: { y: { z: reversed.shared } } });
    rewriteErrorText(error, upper, everyProperty);
    rewriteErrorText(reversed, upper, everyProperty);
    expect(shared.inner.url).toBe('SECRET url');
    expect(reversed.shared.inner.url).toBe('SECRET url');
  });

  it('rewrites message and stack once each', () => {
    const error = new Error('message');
    const stack = error.stack ?? '';
    rewriteErrorText(error, (text) => `${text}!`, everyProperty);
    expect(error.message).toBe('message!');
    expect(error.stack).toBe(`${stack}!`);
  });

  it('rewrites symbol-keyed properties', () => {
    const key = Symbol('key');
    const error = Object.assign(new Error('failed'), { [key]: 'secret symbol' });
    rewriteErrorText(error, upper, everyProperty);
    expect(error[key]).toBe('SECRET symbol');
  });

  it('does not call getters that are not named places', () => {
    const getter = jest.fn(() => 'secret');
    const error = new Error('secret');
    Object.defineProperty(error, 'computed', { get: getter, enumerable: true });
    rewriteErrorText(error, upper, everyProperty);
    expect(getter).not.toHaveBeenCalled();
    expect(error.message).toBe('SECRET');
  });

  it('never throws: revoked proxies, traps and getters that throw; the rest is still rewritten', () => {
    const revocable = Proxy.revocable({}, {});
    revocable.revoke();
    const trapping = new Proxy(
      { text: 'secret' },
      {
        ownKeys() {
          throw new Error('no keys');
        },
      },
    );
    const inner = new Error('inner secret');
    const error = Object.assign(new Error('outer secret'), {
      revoked: revocable.proxy,
      trapping,
      originalError: inner,
      list: [revocable.proxy, { text: 'secret item' }],
    });
    Object.defineProperty(error, 'cause', {
      get() {
        throw new Error('no cause');
      },
    });
    Object.defineProperty(error, 'errors', {
      get() {
        throw new Error('no errors');
      },
    });
    expect(() =>
      rewriteErrorText(error, upper, { everyProperty: true, nestedKeys: ['revoked', 'originalError'] }),
    ).not.toThrow();
    expect(() => rewriteErrorText(revocable.proxy, upper, everyProperty)).not.toThrow();
    expect([error.message, inner.message, error.list[1]]).toEqual([
      'outer SECRET',
      'inner SECRET',
      { text: 'SECRET item' },
    ]);
  });

  it('skips binary data and walks only the first 100 items of an array', () => {
    const texts = Array.from({ length: 150 }, () => 'secret');
    const error = Object.assign(new Error('secret'), {
      bytes: new Uint8Array(50_000_000),
      buffer: Buffer.from('secret'),
      texts,
      rows: Array.from({ length: 1_000_000 }, (_, index) => ({ index, text: 'secret' })),
    });
    rewriteErrorText(error, upper, everyProperty);
    expect([texts[99], texts[100]]).toEqual(['SECRET', 'secret']);
    expect([error.rows[99]?.text, error.rows[100]?.text]).toEqual(['SECRET', 'secret']);
    expect(error.buffer.toString()).toBe('secret');
  });
});
