import { describe, expect, it } from "vitest";
import { searchTokens, searchWhere, words } from "./tokens.ts";

describe("search tokens", () => {
  it("splits Korean and other text into normalised words", () => {
    expect(words("은파호수공원 야간, 산책로! LED 2개")).toEqual(["은파호수공원", "야간", "산책로", "led", "2개"]);
  });
  it("indexes the bigrams of every word", () => {
    expect(searchTokens("버스 정류장")).toEqual(["버스", "정류", "류장"]);
    expect(searchTokens("은파호수공원").sort()).toEqual(["공원", "수공", "은파", "파호", "호수"].sort());
  });
  it("builds a query that needs every bigram and every word", () => {
    expect(searchWhere("  ")).toBeUndefined();
    expect(searchWhere("호수공 조명")).toMatchObject({ searchTokens: { hasEvery: ["호수", "수공", "조명"] } });
    expect(searchWhere("길")!.searchTokens).toBeUndefined(); // one letter: only the substring test
  });
});
