/** A 0–1 share as a whole percentage ("62%"); null when there is nothing to measure yet. */
export function formatPercent(share: number | null | undefined): string | null {
  if (share === null || share === undefined || Number.isNaN(share)) return null;
  return `${Math.round(share * 100)}%`;
}

const MONTHS_EN = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];

/** A calendar day "2026-03-05" (already in Korea time) as "3월 5일" / "5 Mar". */
export function formatDay(day: string, lng: string): string {
  const [, month, date] = day.split("-").map(Number);
  if (!month || !date) return day;
  return lng === "ko" ? `${month}월 ${date}일` : `${date} ${MONTHS_EN[month - 1]}`;
}
