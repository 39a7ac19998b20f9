// Committee scores summed up, pure: only complete score sheets count, so a half-finished sheet
// never skews the average.

export type ScoreSummary = {
  /** How many committee members have scored every criterion. */
  scorers: number;
  /** Average total across scorers (null = nobody yet), and per criterion. */
  average: number | null;
  byCriterion: { criterionId: number; average: number | null }[];
};

const round1 = (n: number) => Math.round(n * 10) / 10;

export function summarizeScores(scores: { criterionId: number; scorerId: number; points: number }[], criteriaIds: number[]): ScoreSummary {
  const byScorer = new Map<number, Map<number, number>>();
  for (const s of scores) byScorer.set(s.scorerId, (byScorer.get(s.scorerId) ?? new Map()).set(s.criterionId, s.points));
  const complete = [...byScorer.values()].filter((sheet) => criteriaIds.every((c) => sheet.has(c)));
  const byCriterion = criteriaIds.map((criterionId) => ({
    criterionId,
    average: complete.length ? round1(complete.reduce((sum, sheet) => sum + sheet.get(criterionId)!, 0) / complete.length) : null,
  }));
  const average = complete.length
    ? round1(complete.reduce((sum, sheet) => sum + criteriaIds.reduce((t, c) => t + sheet.get(c)!, 0), 0) / complete.length)
    : null;
  return { scorers: complete.length, average, byCriterion };
}
