import { afterEach, describe, expect, it, vi } from 'vitest';
import { formatTimestamp } from '../../../main/core/srp/index.ts';
import { library } from '../../support/cognito-oracle.ts';
import { seededRandom } from '../../support/seeded-random.ts';

const FORMAT =
  /^(Sun|Mon|Tue|Wed|Thu|Fri|Sat) (Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec) ([1-9]|[12]\d|3[01]) ([01]\d|2[0-3]):[0-5]\d:[0-5]\d UTC \d{4}$/;

function libraryTimestamp(date: Date): string {
  vi.useFakeTimers({ toFake: ['Date'] });
  vi.setSystemTime(date);
  return new library.DateHelper().getNowString();
}

const fixedDates = [
  Date.UTC(2026, 10, 26, 9, 5, 3), // the protocol note's example
  Date.UTC(2024, 0, 1, 0, 0, 0), // midnight, year start, single-digit day
  Date.UTC(2023, 11, 31, 23, 59, 59, 999), // year end, last millisecond
  Date.UTC(2024, 1, 29, 12, 0, 0), // leap day
  Date.UTC(2000, 0, 1, 0, 0, 0),
  Date.UTC(1999, 11, 31, 23, 59, 59),
  Date.UTC(2038, 0, 19, 3, 14, 8), // past 32-bit time_t
  0,
];
// Every month of 2025 on the 1st and 9th, and every weekday (2025-06-01 was a Sunday).
for (let month = 0; month < 12; month++)
  fixedDates.push(Date.UTC(2025, month, 1, month, month, month), Date.UTC(2025, month, 9, 23, 9, 9));
for (let day = 1; day <= 7; day++) fixedDates.push(Date.UTC(2025, 5, day, 10, 10, 10));

describe('formatTimestamp', () => {
  afterEach(() => {
    vi.useRealTimers();
  });

  it("formats the protocol note's example", () => {
    expect(formatTimestamp(new Date(Date.UTC(2026, 10, 26, 9, 5, 3)))).toBe('Thu Nov 26 09:05:03 UTC 2026');
  });

  it.each(fixedDates.map((time) => [new Date(time).toISOString(), time]))(
    'matches DateHelper.getNowString at %s',
    (_iso, time) => {
      const date = new Date(time);

      const ours = formatTimestamp(date);

      expect(ours).toBe(libraryTimestamp(date));
      expect(ours).toMatch(FORMAT);
    },
  );

  it('matches DateHelper.getNowString on 2000 seeded random instants (1970-2100)', () => {
    const random = seededRandom(2026);
    for (let i = 0; i < 2000; i++) {
      const date = new Date(Math.floor(random.next() * Date.UTC(2100, 0, 1)));
      expect(formatTimestamp(date), date.toISOString()).toBe(libraryTimestamp(date));
      expect(formatTimestamp(date)).toMatch(FORMAT);
    }
  });

  it('uses every weekday and month name', () => {
    const seen = new Set<string>();
    for (let day = 0; day < 366; day++) seen.add(formatTimestamp(new Date(Date.UTC(2025, 0, 1 + day))).slice(0, 7));
    expect(new Set([...seen].map((text) => text.slice(0, 3))).size).toBe(7);
    expect(new Set([...seen].map((text) => text.slice(4, 7))).size).toBe(12);
  });

  it('refuses an invalid date', () => {
    expect(() => formatTimestamp(new Date(Number.NaN))).toThrow(/invalid date/);
  });
});
