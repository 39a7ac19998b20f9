import { describe, expect, it } from "vitest";
import { ZScoreInput } from "../../../domain/rounds/round.schema.ts";
import { scoreField } from "../../form-names.ts";
import { readScoreSheet } from "./score-sheet.server.ts";

const sheet = (entries: Record<string, string>) => {
  const form = new FormData();
  for (const [k, v] of Object.entries(entries)) form.set(k, v);
  return form;
};

describe("reading a score sheet", () => {
  it("reads every criterion in rubric order, as the domain expects", () => {
    const read = readScoreSheet(
      sheet({ [scoreField(12)]: " 20 ", [scoreField(10)]: "25", [scoreField(11)]: "0", other: "x" }),
      [10, 11, 12],
    );
    expect(read.missing).toEqual([]);
    expect(read.scores).toEqual([
      { criterionId: 10, points: "25" },
      { criterionId: 11, points: "0" },
      { criterionId: 12, points: "20" },
    ]);
    expect(ZScoreInput.parse({ entryId: "5", scores: read.scores }).scores.map((s) => s.points)).toEqual([25, 0, 20]);
  });

  it("names blank criteria by their rubric position instead of scoring them 0", () => {
    const read = readScoreSheet(sheet({ [scoreField(10)]: "", [scoreField(12)]: "7" }), [10, 11, 12]);
    expect(read.missing).toEqual([0, 1]);
    expect(read.values).toEqual({ "10": "", "11": "", "12": "7" });
  });

  it("leaves non-numbers for the domain to refuse at the same position", () => {
    const read = readScoreSheet(sheet({ [scoreField(10)]: "많이", [scoreField(11)]: "3.5" }), [10, 11]);
    const result = ZScoreInput.safeParse({ entryId: 1, scores: read.scores });
    expect(result.error?.issues.map((i) => i.path.join("."))).toEqual(["scores.0.points", "scores.1.points"]);
  });
});
