// What a new round starts with, by kind: the phases Korean cities run (DOMAIN.md §2–3) and the
// committee rubric Gunsan uses (창의성, 주민편익, 경제성, 실현가능성). Moderators edit both.
import type { PhaseAction } from "./phase-machine.ts";
import type { RoundKind } from "./round.schema.ts";

type PhaseTemplate = { name: string; nameEn: string; days: number; allows: PhaseAction[] };

const SUBMIT: PhaseTemplate = { name: "제안 접수", nameEn: "Call for proposals", days: 21, allows: ["SUBMIT", "COMMENT"] };
const REVIEW: PhaseTemplate = { name: "부서 검토", nameEn: "Department review", days: 14, allows: ["REVIEW", "COMMENT"] };
const DELIBERATION: PhaseTemplate = { name: "숙의·토론", nameEn: "Deliberation", days: 14, allows: ["COMMENT"] };
const VOTE: PhaseTemplate = { name: "투표", nameEn: "Voting", days: 7, allows: ["VOTE", "COMMENT"] };
const RESULTS: PhaseTemplate = { name: "결과 발표", nameEn: "Results", days: 14, allows: ["RESULTS"] };

export const PHASE_TEMPLATES: Record<RoundKind, PhaseTemplate[]> = {
  CONTEST: [
    SUBMIT,
    { ...REVIEW, name: "부서 검토·위원회 심사", nameEn: "Review and committee scoring" },
    DELIBERATION,
    { ...VOTE, name: "시민 투표", nameEn: "Citizen vote" },
    RESULTS,
  ],
  PARTICIPATORY_BUDGET: [SUBMIT, REVIEW, DELIBERATION, VOTE, RESULTS],
  DELIBERATION_FORUM: [{ name: "의제 공개", nameEn: "Agenda", days: 7, allows: ["COMMENT"] }, DELIBERATION, RESULTS],
  POLICY_MARKET: [
    SUBMIT,
    { ...REVIEW, name: "사전 검토", nameEn: "Pre-review" },
    { name: "정책장터 현장 투표", nameEn: "On-site vote", days: 1, allows: ["VOTE", "COMMENT"] },
    RESULTS,
  ],
};

export const DEFAULT_CRITERIA = [
  { name: "창의성", nameEn: "Creativity", maxPoints: 25 },
  { name: "주민편익", nameEn: "Benefit to residents", maxPoints: 25 },
  { name: "경제성", nameEn: "Cost-effectiveness", maxPoints: 25 },
  { name: "실현가능성", nameEn: "Feasibility", maxPoints: 25 },
];

const DAY = 24 * 60 * 60 * 1000;

/** The kind's phases laid end to end from `start` (each starts when the previous ends). */
export function defaultPhases(kind: RoundKind, start: Date) {
  let at = start.getTime();
  return PHASE_TEMPLATES[kind].map((p) => {
    const startsAt = new Date(at);
    at += p.days * DAY;
    return { name: p.name, nameEn: p.nameEn, startsAt, endsAt: new Date(at), allows: [...p.allows] };
  });
}
