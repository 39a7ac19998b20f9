// Korea time for form fields. A `datetime-local` input carries no zone, and the server's own
// zone is whatever the host says (often UTC), so every value typed into the console is read
// as Asia/Seoul explicitly. Korea keeps no daylight saving time: the offset is always +09:00.
const KST_OFFSET_MS = 9 * 60 * 60 * 1000;
const DAY_MS = 24 * 60 * 60 * 1000;

const INPUT = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2})(?:\.\d{1,3})?)?$/;

/** A moment as a `datetime-local` value in Korea time: "2026-03-02T09:00". */
export function dateToKstInput(value: Date | string | number): string {
  const time = new Date(value).getTime();
  if (Number.isNaN(time)) return "";
  return new Date(time + KST_OFFSET_MS).toISOString().slice(0, 16);
}

/**
 * Reads "2026-03-02T09:00" as Korea time. Returns null for anything that is not a real
 * date and time (a wrong shape, 2월 30일, 24:00), so the caller can report it.
 */
export function kstInputToDate(value: string): Date | null {
  const match = INPUT.exec(value.trim());
  if (!match) return null;
  const [year, month, day, hour, minute, second] = match.slice(1).map((part) => (part === undefined ? 0 : Number(part))) as number[];
  const date = new Date(Date.UTC(year!, month! - 1, day!, hour!, minute!, second!) - KST_OFFSET_MS);
  // Date.UTC rolls 2월 30일 over into March; a real input reads back unchanged.
  return dateToKstInput(date) === value.trim().slice(0, 16) ? date : null;
}

/** The next morning at `hour` o'clock Korea time, counted from `now`: where a new round's template starts. */
export function nextKstMorning(now: Date, hour = 9): Date {
  const kstMidnight = Math.floor((now.getTime() + KST_OFFSET_MS) / DAY_MS) * DAY_MS - KST_OFFSET_MS;
  return new Date(kstMidnight + DAY_MS + hour * 60 * 60 * 1000);
}
