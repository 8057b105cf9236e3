import { UnknownTimezoneError } from '../errors/unknown-timezone-error.js';
import { resolveCreateDate } from './create-date.js';

describe('resolveCreateDate', () => {
  it('converts to the configured zone (reference case 32: EST5EDT)', () => {
    const date = resolveCreateDate(new Date(Date.UTC(2012, 6, 25, 15, 8, 5)), 'EST5EDT');
    expect(date).toEqual({
      year: 2012,
      month: 7,
      day: 25,
      hour: 11,
      minute: 8,
      second: 5,
      microsecond: 0,
      epoch: 1343228885,
      text: '2012-07-25 11:08:05-04:00',
    });
  });

  it('prints microseconds from the milliseconds, like str(datetime)', () => {
    const date = resolveCreateDate(new Date('2026-11-23T18:19:52.560Z'), 'UTC');
    expect(date.microsecond).toBe(560000);
    expect(date.text).toBe('2026-11-23 18:19:52.560000+00:00');
    expect(resolveCreateDate(new Date('2026-11-23T18:19:52.001Z'), 'UTC').text).toBe(
      '2026-11-23 18:19:52.001000+00:00',
    );
  });

  it('uses winter offsets and positive, fractional-hour offsets', () => {
    expect(resolveCreateDate(new Date('2026-01-10T03:04:05Z'), 'America/New_York').text).toBe(
      '2026-01-09 22:04:05-05:00',
    );
    expect(resolveCreateDate(new Date('2026-01-10T03:04:05Z'), 'Asia/Kolkata').text).toBe('2026-01-10 08:34:05+05:30');
  });

  it('prints historic offsets with seconds, as Python does for LMT', () => {
    expect(resolveCreateDate(new Date(Date.UTC(1800, 6, 25, 15, 8, 5)), 'Europe/Paris').text).toBe(
      '1800-07-25 15:17:26+00:09:21',
    );
  });

  it('reports midnight as hour 0', () => {
    const date = resolveCreateDate(new Date('2024-12-26T00:00:00Z'), 'UTC');
    expect([date.hour, date.minute, date.second]).toEqual([0, 0, 0]);
    expect(date.text).toBe('2024-12-26 00:00:00+00:00');
  });

  it('accepts a zone name in another case (tried as given, then upper-cased)', () => {
    expect(resolveCreateDate(new Date(Date.UTC(2012, 6, 25, 15, 8, 5)), 'est5edt').hour).toBe(11);
    expect(resolveCreateDate(new Date(Date.UTC(2012, 6, 25, 15, 8, 5)), 'utc').hour).toBe(15);
  });

  it('rejects an unknown zone with a typed error', () => {
    expect(() => resolveCreateDate(new Date(), 'fake')).toThrow(UnknownTimezoneError);
    try {
      resolveCreateDate(new Date(), 'fake');
    } catch (error) {
      expect(error).toMatchObject({
        code: 'ALEMBIC_UNKNOWN_TIMEZONE',
        message: "Can't locate timezone: fake",
        timezone: 'fake',
      });
    }
  });

  it('uses local wall-clock time without an offset when no zone is given', () => {
    // Jest's sandbox cannot change the process time zone: compare with the zone the process uses.
    const localZone = new Intl.DateTimeFormat().resolvedOptions().timeZone;
    for (const iso of ['2012-07-25T15:08:05.250Z', '2026-01-10T03:04:05Z']) {
      const now = new Date(iso);
      const local = resolveCreateDate(now);
      const { text, ...zonedFields } = resolveCreateDate(now, localZone);
      expect(local).toEqual({ ...zonedFields, text: text.replace(/[+-]\d\d:\d\d(:\d\d)?$/, '') });
      expect(local.text).not.toMatch(/[+-]\d\d:\d\d$/);
    }
  });

  it('rejects an invalid date', () => {
    expect(() => resolveCreateDate(new Date(Number.NaN))).toThrow(RangeError);
  });
});
