function padNumber(value: number, width = 2): string {
  return String(value).padStart(width, '0');
}

/**
 * A `Date` (read in UTC) in the text format SQLite's date functions and SQLAlchemy's SQLite
 * dialect use: `2024-01-31` for a date, `13:45:00.000000` for a time, both joined by a space for
 * a date and time.
 *
 * ```ts
 * formatSqliteDate(new Date(Date.UTC(2024, 0, 31, 13, 45)), 'dateTime'); // '2024-01-31 13:45:00.000000'
 * ```
 */
export function formatSqliteDate(value: Date, part: 'date' | 'time' | 'dateTime'): string {
  const datePart = `${padNumber(value.getUTCFullYear(), 4)}-${padNumber(value.getUTCMonth() + 1)}-${padNumber(value.getUTCDate())}`;
  const timePart = `${padNumber(value.getUTCHours())}:${padNumber(value.getUTCMinutes())}:${padNumber(value.getUTCSeconds())}.${padNumber(value.getUTCMilliseconds() * 1000, 6)}`;
  if (part === 'date') {
    return datePart;
  }
  return part === 'time' ? timePart : `${datePart} ${timePart}`;
}
