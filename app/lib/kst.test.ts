import { describe, expect, it } from "vitest";
import { dateToKstInput, kstInputToDate, nextKstMorning } from "./kst.ts";

describe("Korea-time form values", () => {
  it("reads a datetime-local value as Asia/Seoul, whatever the server's zone", () => {
    expect(kstInputToDate("2026-03-02T09:00")?.toISOString()).toBe("2026-03-02T00:00:00.000Z");
    expect(kstInputToDate("2026-03-02T08:59")?.toISOString()).toBe("2026-03-01T23:59:00.000Z");
    expect(kstInputToDate("2026-01-01T00:00")?.toISOString()).toBe("2025-12-31T15:00:00.000Z");
    expect(kstInputToDate(" 2026-07-15T18:30:45 ")?.toISOString()).toBe("2026-07-15T09:30:45.000Z");
  });

  it("writes a moment back as the same Korea-time value", () => {
    expect(dateToKstInput(new Date("2026-03-02T00:00:00Z"))).toBe("2026-03-02T09:00");
    expect(dateToKstInput("2025-12-31T15:00:00.000Z")).toBe("2026-01-01T00:00");
    for (const value of ["2026-02-28T23:59", "2028-02-29T12:00", "2026-12-31T15:00"]) {
      expect(dateToKstInput(kstInputToDate(value)!)).toBe(value);
    }
  });

  it("refuses values that are not a real date and time", () => {
    for (const value of [
      "",
      "2026-03-02",
      "2026-03-02 09:00",
      "2026-02-30T09:00",
      "2027-02-29T09:00",
      "2026-13-01T00:00",
      "2026-03-02T24:00",
      "2026-03-02T09:60",
      "tomorrow",
    ]) {
      expect(kstInputToDate(value), value).toBeNull();
    }
    expect(dateToKstInput("not a date")).toBe("");
  });

  it("finds the next Korean morning, across the UTC date line", () => {
    // 23:30 KST on 1 March is still 1 March in Korea (14:30 UTC): next morning is 2 March.
    expect(nextKstMorning(new Date("2026-03-01T14:30:00Z")).toISOString()).toBe("2026-03-02T00:00:00.000Z");
    // 00:30 KST on 2 March (15:30 UTC on 1 March): next morning is 3 March, not 2 March.
    expect(nextKstMorning(new Date("2026-03-01T15:30:00Z")).toISOString()).toBe("2026-03-03T00:00:00.000Z");
    expect(dateToKstInput(nextKstMorning(new Date("2026-03-01T15:30:00Z"), 10))).toBe("2026-03-03T10:00");
  });
});
