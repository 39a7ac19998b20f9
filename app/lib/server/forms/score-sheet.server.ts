// Reading a committee member's score sheet from the form: one field per criterion, named by
// scoreField (form-names.ts), in the rubric's order so the domain's issue paths (scores.1)
// point at the right field. A blank field is reported here as required rather than sent as 0.
import { scoreField } from "../../form-names.ts";

export type ScoreSheet = {
  /** What was typed, by criterion id, to show again after a refusal. */
  values: Record<string, string>;
  /** For the domain: every criterion, in rubric order (only meaningful when nothing is missing). */
  scores: { criterionId: number; points: string }[];
  /** Rubric positions (0-based) left blank. */
  missing: number[];
};

export function readScoreSheet(form: FormData, criterionIds: number[]): ScoreSheet {
  const values: Record<string, string> = {};
  const missing: number[] = [];
  const scores = criterionIds.map((criterionId, i) => {
    const raw = form.get(scoreField(criterionId));
    const points = typeof raw === "string" ? raw.trim() : "";
    values[String(criterionId)] = points;
    if (points === "") missing.push(i);
    return { criterionId, points };
  });
  return { values, scores, missing };
}
