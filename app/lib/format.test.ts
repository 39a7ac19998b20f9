import { describe, expect, it } from "vitest";
import { daysLeft, formatDate, formatDateTime, formatKrw, stanceShare } from "./format.ts";

describe("formatting", () => {
  it("writes won amounts the Korean way", () => {
    expect(formatKrw(150_000_000, "ko")).toBe("1억 5,000만 원");
    expect(formatKrw(30_000_000, "ko")).toBe("3,000만 원");
    expect(formatKrw(2_000_000_000, "ko")).toBe("20억 원");
    expect(formatKrw(0, "ko")).toBe("0 원");
    expect(formatKrw(150_000_000, "en")).toBe("₩150,000,000");
  });
  it("writes dates in Korean time, the same on server and browser", () => {
    expect(formatDate("2026-11-09T16:30:00Z", "ko")).toBe("2026년 11월 10일");
    expect(formatDate("2026-11-09T16:30:00Z", "en")).toBe("10 Nov 2026");
    expect(formatDateTime("2026-11-11T00:25:00Z", "ko")).toBe("11월 11일 오전 09:25");
    expect(formatDateTime("2026-11-11T06:00:00Z", "ko")).toBe("11월 11일 오후 03:00");
    expect(formatDateTime("2026-11-11T06:00:00Z", "en")).toBe("11 Nov, 15:00");
  });
  it("counts D-day with partial days as a day", () => {
    const now = Date.parse("2026-11-22T00:00:00Z");
    expect(daysLeft("2026-11-22T12:00:00Z", now)).toBe(1);
    expect(daysLeft("2026-11-25T00:00:00Z", now)).toBe(3);
    expect(daysLeft("2026-11-21T00:00:00Z", now)).toBeLessThan(1);
  });
  it("splits for/against among decided comments", () => {
    expect(stanceShare({ pro: 3, con: 1, neutral: 5 })).toEqual({ pro: 75, con: 25 });
    expect(stanceShare({ pro: 0, con: 0, neutral: 2 })).toBeNull();
  });
});
