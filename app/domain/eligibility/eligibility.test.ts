import { describe, expect, it } from "vitest";
import { DEFAULT_ELIGIBILITY, evaluateEligibility, fullAge, resolveRules, type PersonFacts } from "./eligibility.ts";

const now = new Date("2026-11-22T03:00:00Z"); // 12:00 in Korea
const resident: PersonFacts = {
  verified: true,
  birthDate: new Date("1990-05-01"),
  birthYear: 1990,
  guardianConsent: false,
  groups: [],
  affiliations: [{ kind: "RESIDENT", districtId: 22, source: "PROVIDER", status: "CONFIRMED" }],
};

describe("full age (만 나이) in Korea", () => {
  it("turns over on the birthday in Korean time", () => {
    const born = { birthDate: new Date("2012-11-22"), birthYear: 2012 };
    expect(fullAge(born, new Date("2026-11-21T14:59:00Z"))).toBe(13); // 23:59 on the 21st in Korea
    expect(fullAge(born, new Date("2026-11-21T15:00:00Z"))).toBe(14); // midnight on the 22nd in Korea
  });
  it("assumes the birthday has not come when only the year is known", () => {
    expect(fullAge({ birthDate: null, birthYear: 2012 }, now)).toBe(13);
    expect(fullAge({ birthDate: null, birthYear: null }, now)).toBeNull();
  });
});

describe("eligibility", () => {
  it("admits a verified adult resident under the city defaults", () => {
    expect(evaluateEligibility(resident, DEFAULT_ELIGIBILITY, now)).toEqual({ eligible: true, failures: [] });
  });

  it("names every rule that fails", () => {
    const result = evaluateEligibility(
      { ...resident, verified: false, birthDate: new Date("2013-01-01"), birthYear: 2013, affiliations: [], groups: ["CITY_STAFF"] },
      resolveRules({}, { excludedGroups: ["CITY_STAFF"] }),
      now,
    );
    expect(result.eligible).toBe(false);
    expect(result.failures.map((f) => f.rule)).toEqual(["verified", "age", "affiliation", "excluded"]);
  });

  it("lets a guardian's consent admit someone under the minimum age, when the rules allow it", () => {
    const child = { ...resident, birthDate: new Date("2014-03-01"), birthYear: 2014 };
    expect(evaluateEligibility(child, DEFAULT_ELIGIBILITY, now).failures).toEqual([{ rule: "age", minAge: 14, guardianConsentHelps: true }]);
    expect(evaluateEligibility({ ...child, guardianConsent: true }, DEFAULT_ELIGIBILITY, now).eligible).toBe(true);
    const strict = resolveRules({ allowGuardianConsent: false });
    expect(evaluateEligibility({ ...child, guardianConsent: true }, strict, now).eligible).toBe(false);
  });

  it("checks the age edge exactly: 14 today is eligible, 14 tomorrow is not", () => {
    const today = { ...resident, birthDate: new Date("2012-11-22"), birthYear: 2012 };
    const tomorrow = { ...resident, birthDate: new Date("2012-11-23"), birthYear: 2012 };
    expect(evaluateEligibility(today, DEFAULT_ELIGIBILITY, now).eligible).toBe(true);
    expect(evaluateEligibility(tomorrow, DEFAULT_ELIGIBILITY, now).eligible).toBe(false);
  });

  it("limits to districts and kinds", () => {
    const districtOnly = resolveRules({}, { affiliation: { kinds: ["RESIDENT"], districtIds: [7] } });
    expect(evaluateEligibility(resident, districtOnly, now).failures).toEqual([{ rule: "affiliation", kinds: ["RESIDENT"], districtIds: [7] }]);
    const worker = { ...resident, affiliations: [{ kind: "WORKER" as const, districtId: 7, source: "SELF_DECLARED" as const, status: "PENDING" as const }] };
    expect(evaluateEligibility(worker, resolveRules({}, { affiliation: { kinds: ["WORKER"], districtIds: [7] } }), now).eligible).toBe(true);
    expect(evaluateEligibility(worker, districtOnly, now).eligible).toBe(false); // residents only
  });

  it("counts self-declared claims only after confirmation when the city wants it", () => {
    const declared = { ...resident, affiliations: [{ kind: "STUDENT" as const, districtId: 3, source: "SELF_DECLARED" as const, status: "PENDING" as const }] };
    const confirmRequired = resolveRules({ affiliation: { requireConfirmation: true } });
    expect(evaluateEligibility(declared, confirmRequired, now).failures).toEqual([{ rule: "confirmation", districtIds: [] }]);
    const confirmed = { ...declared, affiliations: [{ ...declared.affiliations[0]!, status: "CONFIRMED" as const }] };
    expect(evaluateEligibility(confirmed, confirmRequired, now).eligible).toBe(true);
    const rejected = { ...declared, affiliations: [{ ...declared.affiliations[0]!, status: "REJECTED" as const }] };
    expect(evaluateEligibility(rejected, DEFAULT_ELIGIBILITY, now).failures[0]!.rule).toBe("affiliation");
  });

  it("admits anyone when the rules ask for nothing", () => {
    const open = resolveRules({ requireVerified: false, minAge: 0, affiliation: null });
    expect(evaluateEligibility({ ...resident, verified: false, birthDate: null, birthYear: null, affiliations: [] }, open, now).eligible).toBe(true);
  });

  it("ignores stored city rules that no longer parse, falling back to the defaults", () => {
    expect(resolveRules({ minAge: "old" })).toEqual(DEFAULT_ELIGIBILITY);
  });
});
