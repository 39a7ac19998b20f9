import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  DEFAULT_ELIGIBILITY,
  evaluateEligibility,
  fullAge,
  fullMonthsSince,
  residenceCompleteOn,
  resolveRules,
  ZEditableEligibilityRules,
  type PersonFacts,
} from "./eligibility.ts";

const now = new Date("2026-11-22T03:00:00Z"); // 12:00 in Korea
const resident: PersonFacts = {
  verified: true,
  birthDate: new Date("1990-05-01"),
  birthYear: 1990,
  guardianConsent: false,
  groups: [],
  affiliations: [{ kind: "RESIDENT", districtId: 22, source: "PROVIDER", status: "CONFIRMED", since: new Date("2020-02-01") }],
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
    expect(evaluateEligibility(child, DEFAULT_ELIGIBILITY, now).failures).toEqual([
      { rule: "age", minAge: 14, guardianConsentHelps: true },
    ]);
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
    expect(evaluateEligibility(resident, districtOnly, now).failures).toEqual([
      { rule: "affiliation", kinds: ["RESIDENT"], districtIds: [7] },
    ]);
    const worker = {
      ...resident,
      affiliations: [{ kind: "WORKER" as const, districtId: 7, source: "SELF_DECLARED" as const, status: "PENDING" as const, since: null }],
    };
    expect(evaluateEligibility(worker, resolveRules({}, { affiliation: { kinds: ["WORKER"], districtIds: [7] } }), now).eligible).toBe(
      true,
    );
    expect(evaluateEligibility(worker, districtOnly, now).eligible).toBe(false); // residents only
  });

  it("counts self-declared claims only after confirmation when the city wants it", () => {
    const declared = {
      ...resident,
      affiliations: [
        { kind: "STUDENT" as const, districtId: 3, source: "SELF_DECLARED" as const, status: "PENDING" as const, since: null },
      ],
    };
    const confirmRequired = resolveRules({ affiliation: { requireConfirmation: true } });
    expect(evaluateEligibility(declared, confirmRequired, now).failures).toEqual([{ rule: "confirmation", districtIds: [] }]);
    const confirmed = { ...declared, affiliations: [{ ...declared.affiliations[0]!, status: "CONFIRMED" as const }] };
    expect(evaluateEligibility(confirmed, confirmRequired, now).eligible).toBe(true);
    const rejected = { ...declared, affiliations: [{ ...declared.affiliations[0]!, status: "REJECTED" as const }] };
    expect(evaluateEligibility(rejected, DEFAULT_ELIGIBILITY, now).failures[0]!.rule).toBe("affiliation");
  });

  it("admits anyone when the rules ask for nothing", () => {
    const open = resolveRules({ requireVerified: false, minAge: 0, affiliation: null });
    expect(
      evaluateEligibility({ ...resident, verified: false, birthDate: null, birthYear: null, affiliations: [] }, open, now).eligible,
    ).toBe(true);
  });

  it("ignores stored city rules that no longer parse, falling back to the defaults", () => {
    expect(resolveRules({ minAge: "old" })).toEqual(DEFAULT_ELIGIBILITY);
  });
});

describe("upper age bound (youth ballots, e.g. 14–24)", () => {
  const youth = resolveRules({}, { minAge: 14, maxAge: 24 });
  const born = (date: string) => ({ ...resident, birthDate: new Date(date), birthYear: Number(date.slice(0, 4)) });

  it("admits 24 up to the day before the 25th birthday, in Korean time", () => {
    expect(evaluateEligibility(born("2001-11-23"), youth, now).eligible).toBe(true); // 24, turns 25 tomorrow
    expect(evaluateEligibility(born("2001-11-22"), youth, now).failures).toEqual([{ rule: "tooOld", maxAge: 24 }]); // 25 today
    const person = born("2001-11-22");
    expect(evaluateEligibility(person, youth, new Date("2026-11-21T14:59:59Z")).eligible).toBe(true); // 23:59:59 on the 21st in Korea
    expect(evaluateEligibility(person, youth, new Date("2026-11-21T15:00:00Z")).eligible).toBe(false); // midnight in Korea
  });

  it("keeps both ends: 14 today is in, 13 is out, and the lower end still takes a guardian's consent", () => {
    expect(evaluateEligibility(born("2012-11-22"), youth, now).eligible).toBe(true);
    expect(evaluateEligibility(born("2012-11-23"), youth, now).failures).toEqual([{ rule: "age", minAge: 14, guardianConsentHelps: true }]);
    expect(evaluateEligibility({ ...born("2012-11-23"), guardianConsent: true }, youth, now).eligible).toBe(true);
    expect(evaluateEligibility({ ...born("1990-01-01"), guardianConsent: true }, youth, now).failures).toEqual([
      { rule: "tooOld", maxAge: 24 },
    ]);
  });

  it("with only a birth year, counts the birthday as already come (the older possibility) against the upper bound", () => {
    expect(evaluateEligibility({ ...resident, birthDate: null, birthYear: 2001 }, youth, now).failures).toEqual([
      { rule: "tooOld", maxAge: 24 },
    ]);
    expect(evaluateEligibility({ ...resident, birthDate: null, birthYear: 2002 }, youth, now).eligible).toBe(true);
  });

  it("cannot tell an unknown age, and says so", () => {
    const onlyMax = resolveRules({}, { minAge: 0, maxAge: 24 });
    expect(evaluateEligibility({ ...resident, birthDate: null, birthYear: null }, onlyMax, now).failures).toEqual([{ rule: "ageUnknown" }]);
  });

  it("agrees with fullAge for every birth date and moment (property)", () => {
    fc.assert(
      fc.property(
        fc.date({ min: new Date("1930-01-01"), max: new Date("2026-01-01"), noInvalidDate: true }),
        fc.date({ min: new Date("2026-01-01"), max: new Date("2030-12-31"), noInvalidDate: true }),
        fc.integer({ min: 0, max: 90 }),
        (birth, at, maxAge) => {
          const person = {
            ...resident,
            birthDate: new Date(Date.UTC(birth.getUTCFullYear(), birth.getUTCMonth(), birth.getUTCDate())),
            birthYear: birth.getUTCFullYear(),
          };
          const age = fullAge(person, at)!;
          const result = evaluateEligibility(person, resolveRules({}, { minAge: 0, maxAge }), at);
          expect(result.eligible).toBe(age <= maxAge);
        },
      ),
    );
  });

  it("refuses an edited rule set whose upper bound is below its lower bound", () => {
    const parsed = ZEditableEligibilityRules.safeParse({ minAge: 20, maxAge: 19 });
    expect(parsed.success).toBe(false);
    expect(parsed.error?.issues.map((i) => [i.path.join("."), i.message])).toEqual([["maxAge", "validation.maxAgeBelowMinAge"]]);
    expect(ZEditableEligibilityRules.parse({ minAge: 14, maxAge: 14 }).maxAge).toBe(14);
    // A round's override merged over city rules that contradict it is not an error: nobody is eligible.
    const contradictory = resolveRules({ maxAge: 18 }, { minAge: 20 });
    expect(evaluateEligibility(resident, contradictory, now).failures.map((f) => f.rule)).toEqual(["tooOld"]);
  });
});

describe("resident for at least N months", () => {
  const months = (n: number, extra: Record<string, unknown> = {}) =>
    resolveRules({}, { affiliation: { kinds: ["RESIDENT"], minResidenceMonths: n, ...extra } });
  const livingSince = (since: string | null, claim: Partial<PersonFacts["affiliations"][number]> = {}): PersonFacts => ({
    ...resident,
    affiliations: [
      { kind: "RESIDENT", districtId: 22, source: "PROVIDER", status: "CONFIRMED", since: since ? new Date(since) : null, ...claim },
    ],
  });

  it("counts full months like 만 나이: complete on the same day of the month, in Korean time", () => {
    expect(fullMonthsSince(new Date("2025-11-22"), now)).toBe(12);
    expect(fullMonthsSince(new Date("2025-11-23"), now)).toBe(11);
    expect(fullMonthsSince(new Date("2026-11-22"), now)).toBe(0);
    expect(fullMonthsSince(new Date("2026-11-23"), now)).toBe(-1); // a date in the future
    // 23:59 on the 21st in Korea vs midnight on the 22nd
    expect(fullMonthsSince(new Date("2025-11-22"), new Date("2026-11-21T14:59:00Z"))).toBe(11);
    expect(fullMonthsSince(new Date("2025-11-22"), new Date("2026-11-21T15:00:00Z"))).toBe(12);
    // A day the target month lacks: complete on the first of the next month.
    expect(fullMonthsSince(new Date("2026-01-31"), new Date("2026-02-28T03:00:00Z"))).toBe(0);
    expect(fullMonthsSince(new Date("2026-01-31"), new Date("2026-03-01T03:00:00Z"))).toBe(1);
    expect(residenceCompleteOn(new Date("2026-01-31"), 1).toISOString().slice(0, 10)).toBe("2026-03-01");
    expect(residenceCompleteOn(new Date("2025-11-22"), 12).toISOString().slice(0, 10)).toBe("2026-11-22");
    expect(residenceCompleteOn(new Date("2024-02-29"), 12).toISOString().slice(0, 10)).toBe("2025-03-01");
  });

  it("admits exactly from the day the months are complete", () => {
    expect(evaluateEligibility(livingSince("2025-11-22"), months(12), now).eligible).toBe(true);
    expect(evaluateEligibility(livingSince("2025-11-23"), months(12), now).failures).toEqual([
      { rule: "residenceTooShort", months: 12, districtIds: [], eligibleOn: "2026-11-23" },
    ]);
    expect(evaluateEligibility(livingSince("2026-11-22"), months(0), now).eligible).toBe(true); // 0 = from day one
  });

  it("is not satisfied when the residence date is unknown, and says why", () => {
    expect(evaluateEligibility(livingSince(null), months(12), now).failures).toEqual([
      { rule: "residenceUnknown", months: 12, districtIds: [] },
    ]);
    expect(evaluateEligibility(livingSince(null), months(0), now).eligible).toBe(true);
  });

  it("takes a declared date only once a moderator confirmed it", () => {
    const declared = (status: "PENDING" | "CONFIRMED" | "REJECTED") => livingSince("2020-01-01", { source: "SELF_DECLARED", status });
    expect(evaluateEligibility(declared("PENDING"), months(12), now).failures).toEqual([{ rule: "confirmation", districtIds: [] }]);
    expect(evaluateEligibility(declared("CONFIRMED"), months(12), now).eligible).toBe(true);
    expect(evaluateEligibility(declared("REJECTED"), months(12), now).failures[0]!.rule).toBe("affiliation");
    // Without a date, a declared residence is unknown in length, confirmed or not.
    expect(evaluateEligibility(livingSince(null, { source: "SELF_DECLARED", status: "PENDING" }), months(12), now).failures).toEqual([
      { rule: "residenceUnknown", months: 12, districtIds: [] },
    ]);
  });

  it("applies to residence only: work, study or business count as before", () => {
    const rules = resolveRules({}, { affiliation: { kinds: ["RESIDENT", "WORKER"], minResidenceMonths: 12 } });
    const newcomer = livingSince("2026-10-01");
    expect(evaluateEligibility(newcomer, rules, now).failures[0]!.rule).toBe("residenceTooShort");
    const alsoWorks = {
      ...newcomer,
      affiliations: [
        ...newcomer.affiliations,
        { kind: "WORKER" as const, districtId: null, source: "SELF_DECLARED" as const, status: "PENDING" as const, since: null },
      ],
    };
    expect(evaluateEligibility(alsoWorks, rules, now).eligible).toBe(true);
  });

  it("names the districts the residence must be in, and the earliest day any claim completes", () => {
    const two = {
      ...livingSince("2026-06-10"),
      affiliations: [...livingSince("2026-06-10").affiliations, ...livingSince("2026-03-05", { districtId: 23 }).affiliations],
    };
    expect(evaluateEligibility(two, months(12, { districtIds: [22, 23] }), now).failures).toEqual([
      { rule: "residenceTooShort", months: 12, districtIds: [22, 23], eligibleOn: "2027-03-05" },
    ]);
  });

  it("matches fullMonthsSince for every move-in date and moment (property)", () => {
    fc.assert(
      fc.property(
        fc.date({ min: new Date("2015-01-01"), max: new Date("2026-12-31"), noInvalidDate: true }),
        fc.date({ min: new Date("2024-01-01"), max: new Date("2028-12-31"), noInvalidDate: true }),
        fc.integer({ min: 1, max: 60 }),
        (moved, at, n) => {
          const since = new Date(Date.UTC(moved.getUTCFullYear(), moved.getUTCMonth(), moved.getUTCDate()));
          const person = livingSince(since.toISOString().slice(0, 10));
          const result = evaluateEligibility(person, months(n), at);
          expect(result.eligible).toBe(fullMonthsSince(since, at) >= n);
          // And the day it names is the first day the rule is satisfied (in Korean time).
          const on = residenceCompleteOn(since, n);
          const startOfDayInKorea = new Date(on.getTime() - 9 * 60 * 60 * 1000);
          expect(fullMonthsSince(since, startOfDayInKorea)).toBe(n);
          expect(fullMonthsSince(since, new Date(startOfDayInKorea.getTime() - 1))).toBe(n - 1);
        },
      ),
    );
  });
});
