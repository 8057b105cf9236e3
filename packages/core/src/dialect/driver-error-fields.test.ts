import { driverErrorOptions, driverMessage, isErrorLike, serverErrorNumber } from './driver-error-fields.js';

describe('driver error fields', () => {
  it('recognizes an error by its string message, from any realm', () => {
    expect(isErrorLike({ message: 'Connection lost' })).toBe(true);
    expect(isErrorLike(new Error('boom'))).toBe(true);
    expect(isErrorLike({ message: 42 })).toBe(false);
    expect(isErrorLike(null)).toBe(false);
    expect(isErrorLike('boom')).toBe(false);
  });

  it('keeps only positive server error numbers', () => {
    expect(serverErrorNumber(1146)).toBe(1146);
    expect(serverErrorNumber(0)).toBeUndefined();
    expect(serverErrorNumber('1146')).toBeUndefined();
  });

  it("takes the first non-empty message, else names the driver's code", () => {
    expect(driverMessage(['', 'from the driver'], 'ER_X')).toBe('from the driver');
    expect(driverMessage([undefined, 'from the driver'], 'ER_X')).toBe('from the driver');
    expect(driverMessage([''], 'ECONNRESET')).toBe('ECONNRESET (no message from the driver)');
  });

  it("carries the driver's string code, the constraint kind when known, and the cause", () => {
    const error = { code: 'ER_DUP_ENTRY' };
    expect(driverErrorOptions(error, 'UNIQUE')).toEqual({
      driverCode: 'ER_DUP_ENTRY',
      constraintKind: 'UNIQUE',
      cause: error,
    });
    expect(driverErrorOptions({ code: 5 }, undefined)).toEqual({ cause: { code: 5 } });
  });
});
