import { describe, expect, it } from "vitest";
import { formatDay, formatPercent } from "./figures.ts";

describe("formatPercent", () => {
  it("rounds a share to a whole percentage", () => {
    expect(formatPercent(0)).toBe("0%");
    expect(formatPercent(0.625)).toBe("63%");
    expect(formatPercent(1)).toBe("100%");
  });
  it("has nothing to show without a measure", () => {
    expect(formatPercent(null)).toBeNull();
    expect(formatPercent(undefined)).toBeNull();
    expect(formatPercent(Number.NaN)).toBeNull();
  });
});

describe("formatDay", () => {
  it("writes a Korean calendar day briefly in either language", () => {
    expect(formatDay("2026-03-05", "ko")).toBe("3월 5일");
    expect(formatDay("2026-12-31", "en")).toBe("31 Dec");
    expect(formatDay("garbage", "ko")).toBe("garbage");
  });
});
