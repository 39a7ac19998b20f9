import { describe, expect, it } from "vitest";
import { ZRoundInput } from "../../../domain/rounds/round.schema.ts";
import {
  applyEdit,
  readRoundForm,
  roundValues,
  swapPhases,
  templateValues,
  toRoundInput,
  type PhaseRow,
} from "./round-form-values.server.ts";

const NOW = new Date("2026-03-01T15:30:00Z"); // 00:30 on 2 March in Korea

function form(entries: [string, string][]) {
  const data = new FormData();
  for (const [k, v] of entries) data.append(k, v);
  return data;
}

const posted = form([
  ["kind", "PARTICIPATORY_BUDGET"],
  ["title", "2027 주민참여예산"],
  ["description", "우리 동네에 필요한 사업을 함께 정합니다."],
  ["districtId", ""],
  ["budgetCapKrw", "1,000,000,000"],
  ["pot-3", "300,000,000"],
  ["pot-4", " "],
  ["pot-7", "200000000"],
  ["eligibility.requireVerified", "on"],
  ["eligibility.minAge", "16"],
  ["eligibility.kinds", "RESIDENT"],
  ["eligibility.kinds", "WORKER"],
  ["eligibility.districtIds", "3"],
  ["eligibility.excludedGroups", "CITY_STAFF"],
  ["phases.0.name", "제안 접수"],
  ["phases.0.nameEn", "Call for proposals"],
  ["phases.0.startsAt", "2026-03-02T09:00"],
  ["phases.0.endsAt", "2026-03-23T09:00"],
  ["phases.0.allows", "SUBMIT"],
  ["phases.0.allows", "COMMENT"],
  ["phases.1.name", "투표"],
  ["phases.1.nameEn", ""],
  ["phases.1.startsAt", "2026-03-23T09:00"],
  ["phases.1.endsAt", "2026-03-30T18:00"],
  ["phases.1.allows", "VOTE"],
  ["phases.3.name", "skipped: rows stop at the first gap"],
  ["criteria.0.name", "창의성"],
  ["criteria.0.nameEn", "Creativity"],
  ["criteria.0.maxPoints", " 40 "],
  ["criteria.1.name", "주민편익"],
  ["criteria.1.nameEn", ""],
  ["criteria.1.maxPoints", "60"],
]);

describe("reading the round form", () => {
  it("reads every field as typed, phases and criteria in order", () => {
    const values = readRoundForm(posted);
    expect(values.kind).toBe("PARTICIPATORY_BUDGET");
    expect(values.pots).toEqual({ "3": "300,000,000", "7": "200000000" });
    expect(values.eligibility).toEqual({
      useCityRules: false,
      requireVerified: true,
      minAge: "16",
      maxAge: "",
      kinds: ["RESIDENT", "WORKER"],
      districtIds: ["3"],
      requireConfirmation: false,
      minResidenceMonths: "",
      excludedGroups: ["CITY_STAFF"],
    });
    expect(values.phases).toHaveLength(2);
    expect(values.phases[0]).toEqual({
      name: "제안 접수",
      nameEn: "Call for proposals",
      startsAt: "2026-03-02T09:00",
      endsAt: "2026-03-23T09:00",
      allows: ["SUBMIT", "COMMENT"],
    });
    expect(values.criteria.map((c) => c.maxPoints)).toEqual(["40", "60"]);
  });

  it("gives the domain Korea-time moments and an input its schema accepts", () => {
    const input = toRoundInput(readRoundForm(posted));
    expect(input.phases[0]!.startsAt.toISOString()).toBe("2026-03-02T00:00:00.000Z");
    expect(input.phases[1]!.endsAt.toISOString()).toBe("2026-03-30T09:00:00.000Z");
    const parsed = ZRoundInput.parse(input);
    expect(parsed.budgetCapKrw).toBe(1_000_000_000);
    expect(parsed.districtId).toBeUndefined();
    expect(parsed.pots).toEqual([
      { districtId: 3, amountKrw: 300_000_000 },
      { districtId: 7, amountKrw: 200_000_000 },
    ]);
    expect(parsed.eligibility).toEqual({
      requireVerified: true,
      minAge: 16,
      affiliation: { kinds: ["RESIDENT", "WORKER"], districtIds: [3], requireConfirmation: false },
      excludedGroups: ["CITY_STAFF"],
    });
    expect(parsed.phases[1]!.nameEn).toBeUndefined();
    expect(parsed.criteria).toEqual([
      { name: "창의성", nameEn: "Creativity", maxPoints: 40 },
      { name: "주민편익", nameEn: undefined, maxPoints: 60 },
    ]);
  });

  it("sends no override with the city's rules, and pots only for a participatory budget", () => {
    const values = readRoundForm(posted);
    const contest = toRoundInput({ ...values, kind: "CONTEST", eligibility: { ...values.eligibility, useCityRules: true } });
    expect(contest.pots).toEqual([]);
    expect(contest.eligibility).toBeNull();
    const noAge = toRoundInput({ ...values, eligibility: { ...values.eligibility, minAge: "", kinds: [] } });
    expect(ZRoundInput.parse(noAge).eligibility).toEqual({ requireVerified: true, excludedGroups: ["CITY_STAFF"] });
  });

  it("reads a youth age band and a residence period, and the domain refuses a band upside down", () => {
    const youth = form(
      [...posted.entries()]
        .map(([k, v]) => [k, String(v)] as [string, string])
        .concat([
          ["eligibility.maxAge", " 24 "],
          ["eligibility.minResidenceMonths", "12"],
        ]),
    );
    const values = readRoundForm(youth);
    expect(values.eligibility).toMatchObject({ minAge: "16", maxAge: "24", minResidenceMonths: "12" });
    const parsed = ZRoundInput.parse(toRoundInput(values));
    expect(parsed.eligibility).toEqual({
      requireVerified: true,
      minAge: 16,
      maxAge: 24,
      affiliation: { kinds: ["RESIDENT", "WORKER"], districtIds: [3], requireConfirmation: false, minResidenceMonths: 12 },
      excludedGroups: ["CITY_STAFF"],
    });
    const upsideDown = ZRoundInput.safeParse(toRoundInput({ ...values, eligibility: { ...values.eligibility, maxAge: "15" } }));
    expect(upsideDown.error!.issues.map((i) => [i.path.join("."), i.message])).toEqual([
      ["eligibility.maxAge", "validation.maxAgeBelowMinAge"],
    ]);
    const notANumber = ZRoundInput.safeParse(
      toRoundInput({ ...values, eligibility: { ...values.eligibility, minResidenceMonths: "열두" } }),
    );
    expect(notANumber.error!.issues.map((i) => i.path.join("."))).toEqual(["eligibility.affiliation.minResidenceMonths"]);
    // And back: a saved round shows what was saved.
    const shown = roundValues({
      kind: "CONTEST",
      title: "t",
      description: "d",
      district: null,
      budgetCapKrw: null,
      pots: [],
      phases: [],
      criteria: [],
      eligibility: parsed.eligibility!,
    });
    expect(shown.eligibility).toMatchObject({ maxAge: "24", minResidenceMonths: "12" });
  });

  it("lets the domain name a blank or impossible time by its path", () => {
    const values = readRoundForm(posted);
    values.phases[1]!.startsAt = "";
    values.phases[0]!.endsAt = "2026-02-30T09:00";
    const result = ZRoundInput.safeParse(toRoundInput(values));
    expect(result.success).toBe(false);
    expect(result.error!.issues.map((i) => [i.path.join("."), i.message])).toEqual([
      ["phases.0.endsAt", "validation.invalidDate"],
      ["phases.1.startsAt", "validation.invalidDate"],
    ]);
  });
});

describe("new and saved rounds as form values", () => {
  it("starts a new round from the kind's template on the next Korean morning", () => {
    const values = templateValues("CONTEST", NOW);
    expect(values.phases.map((p) => p.name)).toEqual(["제안 접수", "부서 검토·위원회 심사", "숙의·토론", "시민 투표", "결과 발표"]);
    expect(values.phases[0]!.startsAt).toBe("2026-03-03T09:00");
    expect(values.phases[0]!.endsAt).toBe("2026-03-24T09:00");
    expect(values.phases[1]!.startsAt).toBe(values.phases[0]!.endsAt);
    expect(values.criteria.map((c) => `${c.name}:${c.maxPoints}`)).toEqual(["창의성:25", "주민편익:25", "경제성:25", "실현가능성:25"]);
    expect(values.eligibility.useCityRules).toBe(true);
  });

  it("shows a saved round in Korea time and round-trips through the domain's input", () => {
    const saved = {
      kind: "PARTICIPATORY_BUDGET",
      title: "2027 주민참여예산",
      description: "우리 동네에 필요한 사업을 함께 정합니다.",
      district: { id: 3 },
      budgetCapKrw: 1_500_000_000,
      pots: [{ district: { id: 3 }, amountKrw: 500_000_000 }],
      eligibility: { minAge: 14, excludedGroups: ["CITY_STAFF"] },
      phases: [
        {
          name: "투표",
          nameEn: "Voting",
          startsAt: "2026-03-23T00:00:00.000Z",
          endsAt: new Date("2026-03-30T09:00:00Z"),
          allows: ["VOTE"],
        },
      ],
      criteria: [{ name: "창의성", nameEn: "창의성", maxPoints: 50 }],
    };
    const values = roundValues(saved);
    expect(values).toMatchObject({ districtId: "3", budgetCapKrw: "1,500,000,000", pots: { "3": "500,000,000" } });
    expect(values.phases[0]).toMatchObject({ startsAt: "2026-03-23T09:00", endsAt: "2026-03-30T18:00" });
    expect(values.criteria[0]!.nameEn).toBe("");
    expect(values.eligibility).toMatchObject({ useCityRules: false, requireVerified: true, minAge: "14", kinds: [] });
    const parsed = ZRoundInput.parse(toRoundInput(values));
    expect(parsed.phases[0]!.startsAt.toISOString()).toBe("2026-03-23T00:00:00.000Z");
    expect(parsed.pots).toEqual([{ districtId: 3, amountKrw: 500_000_000 }]);
    expect(roundValues({ ...saved, eligibility: null }).eligibility.useCityRules).toBe(true);
  });
});

describe("editing buttons", () => {
  const base = templateValues("DELIBERATION_FORUM", NOW);

  it("adds a phase after the last one, starting when it ends, and focuses its name", () => {
    const edit = applyEdit(base, "phase.add", NOW)!;
    expect(edit.values.phases).toHaveLength(4);
    expect(edit.values.phases[3]).toEqual({
      name: "",
      nameEn: "",
      startsAt: base.phases[2]!.endsAt,
      endsAt: "2026-04-14T09:00",
      allows: ["COMMENT"],
    });
    expect(edit.focus).toBe("phases.3.name");
  });

  it("removes, and refuses out-of-range rows without changing anything", () => {
    expect(applyEdit(base, "phase.remove:1", NOW)!.values.phases.map((p) => p.nameEn)).toEqual(["Agenda", "Results"]);
    expect(applyEdit(base, "phase.remove:9", NOW)!.values).toBe(base);
    expect(applyEdit(base, "phase.up:0", NOW)!.values).toBe(base);
    expect(applyEdit(base, "phase.down:2", NOW)!.values).toBe(base);
    expect(applyEdit(base, "criterion.remove:x", NOW)!.values).toBe(base);
  });

  it("moves a phase while the pair keeps its place in the schedule", () => {
    const phases: PhaseRow[] = [
      { name: "A", nameEn: "", startsAt: "2026-03-02T09:00", endsAt: "2026-03-09T09:00", allows: ["SUBMIT"] },
      { name: "B", nameEn: "", startsAt: "2026-03-10T09:00", endsAt: "2026-03-12T09:00", allows: ["VOTE"] },
    ];
    const swapped = swapPhases(phases, 0);
    expect(swapped).toEqual([
      { name: "B", nameEn: "", startsAt: "2026-03-02T09:00", endsAt: "2026-03-04T09:00", allows: ["VOTE"] },
      { name: "A", nameEn: "", startsAt: "2026-03-05T09:00", endsAt: "2026-03-12T09:00", allows: ["SUBMIT"] },
    ]);
    const up = applyEdit({ ...base, phases }, "phase.up:1", NOW)!;
    expect(up.values.phases).toEqual(swapped);
    expect(up.focus).toBe("phases.0.up");
    expect(applyEdit({ ...base, phases }, "phase.down:0", NOW)!.focus).toBe("phases.1.down");
    // Without readable times, the rows simply trade places.
    const blank = phases.map((p) => ({ ...p, startsAt: "" }));
    expect(swapPhases(blank, 0).map((p) => p.name)).toEqual(["B", "A"]);
  });

  it("re-applies the kind's template from the first phase's start", () => {
    const values = { ...base, kind: "POLICY_MARKET", phases: [{ ...base.phases[0]!, startsAt: "2026-05-01T10:00" }] };
    const edit = applyEdit(values, "template", NOW)!;
    expect(edit.values.phases.map((p) => p.nameEn)).toEqual(["Call for proposals", "Pre-review", "On-site vote", "Results"]);
    expect(edit.values.phases[0]!.startsAt).toBe("2026-05-01T10:00");
    expect(applyEdit({ ...values, kind: "NOPE" }, "template", NOW)!.focus).toBe("kind");
  });

  it("adds and removes criteria, up to the limit", () => {
    const added = applyEdit(base, "criterion.add", NOW)!;
    expect(added.values.criteria.at(-1)).toEqual({ name: "", nameEn: "", maxPoints: "10" });
    expect(applyEdit(base, "criterion.remove:0", NOW)!.values.criteria.map((c) => c.name)).toEqual(["주민편익", "경제성", "실현가능성"]);
    const full = { ...base, criteria: Array.from({ length: 8 }, () => base.criteria[0]!) };
    expect(applyEdit(full, "criterion.add", NOW)!.values.criteria).toHaveLength(8);
  });

  it("treats save and unknown intents as no edit", () => {
    expect(applyEdit(base, "save", NOW)).toBeNull();
    expect(applyEdit(base, "", NOW)).toBeNull();
  });
});
