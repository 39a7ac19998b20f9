// Calendar dates (birth dates, move-in dates) travel as YYYY-MM-DD and are stored as UTC
// midnight of that day, the way @db.Date columns come back.

/** YYYY-MM-DD naming a real calendar day (no 30 February rolled into March). */
export function isCalendarDate(value: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) return false;
  const date = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === value;
}

/** Today's date in Korea, as YYYY-MM-DD (compares correctly with other such strings). */
export const koreanToday = (now: Date): string => new Date(now.getTime() + 9 * 60 * 60 * 1000).toISOString().slice(0, 10);
