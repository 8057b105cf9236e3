import { UnknownTimezoneError } from '../errors/unknown-timezone-error.js';

/**
 * The moment a revision is created, as the file template tokens and the script template's
 * `createDate` see it: the wall-clock fields in the configured time zone (local time when none
 * is configured).
 */
export interface CreateDate {
  readonly year: number;
  /** 1-12. */
  readonly month: number;
  readonly day: number;
  /** 0-23. */
  readonly hour: number;
  readonly minute: number;
  readonly second: number;
  /** Always a multiple of 1000: JavaScript dates have millisecond precision. */
  readonly microsecond: number;
  /** Whole seconds since the Unix epoch (Python's `int(timestamp)`). */
  readonly epoch: number;
  /**
   * Python's `str(datetime)`: `2026-11-23 18:19:52.560000`, without the fraction when it is zero,
   * and with the UTC offset (`-05:00`) when a time zone is configured.
   */
  readonly text: string;
}

/**
 * Resolves `now` to the create date Alembic records for a new revision: local wall-clock time, or,
 * with `timezone` (an IANA name such as `EST5EDT` or `Europe/Paris`), the wall-clock time there.
 * The name is tried as given, then upper-cased, as Alembic does.
 *
 * ```ts
 * resolveCreateDate(new Date('2012-07-25T15:08:05Z'), 'EST5EDT').text;
 * // '2012-07-25 11:08:05-04:00'
 * ```
 *
 * @throws UnknownTimezoneError (`ALEMBIC_UNKNOWN_TIMEZONE`, `Can't locate timezone: <name>`).
 * @throws RangeError when `now` is an invalid date.
 */
export function resolveCreateDate(now: Date, timezone?: string): CreateDate {
  const time = now.getTime();
  if (Number.isNaN(time)) throw new RangeError('resolveCreateDate: invalid date');
  const epoch = Math.trunc(time / 1000);
  const microsecond = (((time % 1000) + 1000) % 1000) * 1000;
  if (timezone === undefined) {
    return build(
      {
        year: now.getFullYear(),
        month: now.getMonth() + 1,
        day: now.getDate(),
        hour: now.getHours(),
        minute: now.getMinutes(),
        second: now.getSeconds(),
      },
      microsecond,
      epoch,
      '',
    );
  }
  const fields = zonedFields(openZone(timezone), now);
  const wallClock = new Date(0);
  wallClock.setUTCFullYear(fields.year, fields.month - 1, fields.day);
  wallClock.setUTCHours(fields.hour, fields.minute, fields.second, 0);
  const offsetSeconds = (wallClock.getTime() - (time - (((time % 1000) + 1000) % 1000))) / 1000;
  return build(fields, microsecond, epoch, formatOffset(offsetSeconds));
}

interface WallClockFields {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
}

function openZone(timezone: string): Intl.DateTimeFormat {
  for (const name of [timezone, timezone.toUpperCase()]) {
    try {
      return new Intl.DateTimeFormat('en-US', {
        timeZone: name,
        hourCycle: 'h23',
        year: 'numeric',
        month: 'numeric',
        day: 'numeric',
        hour: 'numeric',
        minute: 'numeric',
        second: 'numeric',
      });
    } catch (error) {
      if (!(error instanceof RangeError)) throw error;
    }
  }
  throw new UnknownTimezoneError(timezone);
}

function zonedFields(format: Intl.DateTimeFormat, now: Date): WallClockFields {
  const fields: WallClockFields = { year: 0, month: 0, day: 0, hour: 0, minute: 0, second: 0 };
  for (const part of format.formatToParts(now)) {
    if (part.type in fields) fields[part.type as keyof WallClockFields] = Number(part.value);
  }
  return fields;
}

function formatOffset(offsetSeconds: number): string {
  const sign = offsetSeconds < 0 ? '-' : '+';
  const absolute = Math.abs(offsetSeconds);
  const seconds = absolute % 60;
  const text = `${sign}${two(Math.floor(absolute / 3600))}:${two(Math.floor(absolute / 60) % 60)}`;
  return seconds === 0 ? text : `${text}:${two(seconds)}`;
}

function build(fields: WallClockFields, microsecond: number, epoch: number, offset: string): CreateDate {
  const date = `${String(fields.year).padStart(4, '0')}-${two(fields.month)}-${two(fields.day)}`;
  const clock = `${two(fields.hour)}:${two(fields.minute)}:${two(fields.second)}`;
  const fraction = microsecond === 0 ? '' : `.${String(microsecond).padStart(6, '0')}`;
  return { ...fields, microsecond, epoch, text: `${date} ${clock}${fraction}${offset}` };
}

function two(value: number): string {
  return String(value).padStart(2, '0');
}
