import { BadInputError } from '../errors.ts';

const WEEKDAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

function twoDigits(value: number): string {
  return value < 10 ? `0${value}` : `${value}`;
}

/** The TIMESTAMP Cognito signs: `ddd MMM d HH:mm:ss UTC yyyy`, English, UTC (e.g. `Thu Nov 26 09:05:03 UTC 2026`). */
export function formatTimestamp(date: Date): string {
  if (Number.isNaN(date.getTime())) throw new BadInputError('The clock gave an invalid date for the SRP timestamp.');
  const weekday = WEEKDAYS[date.getUTCDay()] ?? '';
  const month = MONTHS[date.getUTCMonth()] ?? '';
  const time = `${twoDigits(date.getUTCHours())}:${twoDigits(date.getUTCMinutes())}:${twoDigits(date.getUTCSeconds())}`;
  return `${weekday} ${month} ${date.getUTCDate()} ${time} UTC ${date.getUTCFullYear()}`;
}
