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
