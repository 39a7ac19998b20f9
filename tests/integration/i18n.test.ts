import { describe, expect, it } from "vitest";
import { en } from "../../app/i18n/en.ts";
import { languageFromHeaders } from "../../app/i18n/i18n.ts";
import { ko } from "../../app/i18n/ko.ts";

function keys(value: object, prefix = ""): string[] {
  return Object.entries(value).flatMap(([k, v]) => (typeof v === "string" ? [`${prefix}${k}`] : keys(v, `${prefix}${k}.`)));
}

describe("i18n", () => {
  it("has every Korean message in English and nothing extra", () => {
    expect(keys(en).sort()).toEqual(keys(ko).sort());
  });
  it("has a message for every validation and error key the domain uses", async () => {
    const { readFileSync, readdirSync } = await import("node:fs");
    const files = readdirSync("app/domain", { recursive: true, withFileTypes: true })
      .filter((f) => f.isFile() && f.name.endsWith(".ts") && !f.name.endsWith(".test.ts"))
      .map((f) => readFileSync(`${f.parentPath}/${f.name}`, "utf8"));
    const used = new Set(files.flatMap((src) => [...src.matchAll(/"((?:errors|validation)\.[A-Za-z]+)"/g)].map((m) => m[1]!)));
    const known = new Set(keys(ko));
    expect([...used].filter((k) => !known.has(k))).toEqual([]);
    expect(used.size).toBeGreaterThan(10);
  });
  it("picks the language from the cookie, then Accept-Language, then Korean", () => {
    expect(languageFromHeaders("a=1; lng=en", "ko-KR")).toBe("en");
    expect(languageFromHeaders(null, "en-US,en;q=0.9")).toBe("en");
    expect(languageFromHeaders(null, "fr-FR, ko;q=0.5")).toBe("ko");
    expect(languageFromHeaders(null, null)).toBe("ko");
  });
});
