// Display formatting shared by server and browser renders. It must give the same text in
// Node (whose ICU may lack Korean data) and in the browser, or hydration breaks; so dates
// go through dayjs with its own locale data rather than Intl.
import dayjs from "dayjs";
import "dayjs/locale/ko.js";
import utc from "dayjs/plugin/utc.js";
import type { Language } from "../i18n/i18n.ts";

dayjs.extend(utc);

const KST_OFFSET_HOURS = 9; // Korea keeps no daylight saving time

function inKorea(value: string | Date, lng: Language) {
  return dayjs
    .utc(value)
    .add(KST_OFFSET_HOURS, "hour")
    .locale(lng === "ko" ? "ko" : "en");
}

/** 1299 → "1,299" in both languages. */
export function formatNumber(value: number): string {
  return value.toLocaleString("en-US");
}

const DAY = 24 * 60 * 60 * 1000;

/** Days left in a window, counting a partial day as a day (D-1 = closes within 24 h). */
export function daysLeft(closesAt: string | Date, now: number): number {
  return Math.ceil((new Date(closesAt).getTime() - now) / DAY);
}

/** ₩150,000,000 → "1억 5,000만 원" (ko) or "₩150,000,000" (en). */
export function formatKrw(amount: number, lng: Language): string {
  if (lng !== "ko") return `₩${amount.toLocaleString("en-US")}`;
  const eok = Math.floor(amount / 100_000_000);
  const man = Math.floor((amount % 100_000_000) / 10_000);
  const won = amount % 10_000;
  const parts = [];
  if (eok) parts.push(`${formatNumber(eok)}억`);
  if (man) parts.push(`${formatNumber(man)}만`);
  if (won || parts.length === 0) parts.push(formatNumber(won));
  return `${parts.join(" ")} 원`;
}

/** "2026년 11월 10일" / "10 Nov 2026", in Korean time. */
export function formatDate(value: string | Date, lng: Language): string {
  return inKorea(value, lng).format(lng === "ko" ? "YYYY년 M월 D일" : "D MMM YYYY");
}

/** "11월 11일 오전 09:25" / "11 Nov, 09:25", in Korean time. */
export function formatDateTime(value: string | Date, lng: Language): string {
  return inKorea(value, lng).format(lng === "ko" ? "M월 D일 A hh:mm" : "D MMM, HH:mm");
}

export function stanceShare(stance: { pro: number; con: number; neutral: number }) {
  const decided = stance.pro + stance.con;
  if (decided === 0) return null;
  const pro = Math.round((stance.pro / decided) * 100);
  return { pro, con: 100 - pro };
}
