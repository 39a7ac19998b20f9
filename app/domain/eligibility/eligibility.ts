// Who may take part, as data. One pure function decides, and every denial names the rule
// that failed, so a citizen reads why in plain Korean or English (DOMAIN.md §5).
import { z } from "zod";

export const AFFILIATION_KINDS = ["RESIDENT", "WORKER", "STUDENT", "BUSINESS"] as const;
export type AffiliationKind = (typeof AFFILIATION_KINDS)[number];

export const ZEligibilityRules = z.object({
  /** 본인인증 required */
  requireVerified: z.boolean().default(true),
  /** 만 나이 (full years); 0 = no minimum */
  minAge: z.number().int().min(0).max(100).default(14),
  /** 만 나이 upper bound, inclusive (e.g. 24 for a youth ballot of 14–24); null = none */
  maxAge: z.number().int().min(0).max(150).nullable().default(null),
  /** Below minAge, a guardian's recorded consent makes a person eligible. */
  allowGuardianConsent: z.boolean().default(true),
  /** Who belongs; null = anyone. */
  affiliation: z
    .object({
      kinds: z
        .array(z.enum(AFFILIATION_KINDS))
        .min(1)
        .default([...AFFILIATION_KINDS]),
      /** Empty = anywhere in the city; otherwise only these districts. */
      districtIds: z.array(z.number().int().positive()).default([]),
      /** Self-declared claims count only after a moderator confirmed them. */
      requireConfirmation: z.boolean().default(false),
      /**
       * A residence counts only once lived in for this many full months (전입 후 N개월), from
       * the date the provider reported or a declared date a moderator confirmed; 0 = from day one.
       * Work, study and business claims are not affected.
       */
      minResidenceMonths: z.number().int().min(0).max(600).default(0),
    })
    .nullable()
    .default({}),
  /** Groups left out, e.g. CITY_STAFF for a participatory budget vote. */
  excludedGroups: z.array(z.string().trim().min(1).max(40)).max(20).default([]),
});
export type EligibilityRules = z.infer<typeof ZEligibilityRules>;
export type EligibilityRulesInput = z.input<typeof ZEligibilityRules>;

export const DEFAULT_ELIGIBILITY: EligibilityRules = ZEligibilityRules.parse({});

/**
 * Rules as an administrator saves them: also consistent in themselves. (Merging a round's
 * override over the city's rules may still contradict; then nobody is eligible, and the
 * failures say why.)
 */
export const ZEditableEligibilityRules = ZEligibilityRules.superRefine((rules, ctx) => {
  if (rules.maxAge !== null && rules.maxAge < rules.minAge) {
    ctx.addIssue({ code: "custom", path: ["maxAge"], message: "validation.maxAgeBelowMinAge" });
  }
});

/** City defaults (stored JSON) with an optional override (e.g. a round's own rules). */
export function resolveRules(cityRules: unknown, override?: EligibilityRulesInput | null): EligibilityRules {
  const base = ZEligibilityRules.safeParse(cityRules ?? {});
  const city = base.success ? base.data : DEFAULT_ELIGIBILITY;
  return override ? ZEligibilityRules.parse({ ...city, ...override }) : city;
}

export type PersonFacts = {
  verified: boolean;
  birthDate: Date | null;
  birthYear: number | null;
  guardianConsent: boolean;
  groups: string[];
  affiliations: {
    kind: AffiliationKind;
    districtId: number | null;
    source: "PROVIDER" | "SELF_DECLARED";
    status: "PENDING" | "CONFIRMED" | "REJECTED";
    /** Since when (a calendar date at UTC midnight, like birthDate); null = not known. */
    since: Date | null;
  }[];
};

export type EligibilityFailure =
  | { rule: "verified" }
  | { rule: "age"; minAge: number; guardianConsentHelps: boolean }
  | { rule: "tooOld"; maxAge: number }
  | { rule: "ageUnknown" }
  | { rule: "affiliation"; kinds: AffiliationKind[]; districtIds: number[] }
  | { rule: "confirmation"; districtIds: number[] }
  /** Resident, but not yet for long enough; `eligibleOn` is the first day it will be (YYYY-MM-DD, Korea). */
  | { rule: "residenceTooShort"; months: number; districtIds: number[]; eligibleOn: string }
  /** Resident, but since when is not known (not reported, or declared and not yet confirmed). */
  | { rule: "residenceUnknown"; months: number; districtIds: number[] }
  | { rule: "excluded"; group: string };

export type EligibilityResult = { eligible: boolean; failures: EligibilityFailure[] };

const KST_OFFSET_MS = 9 * 60 * 60 * 1000;

/** 만 나이 on `now` in Korea; with only a birth year, counts the birthday as not yet reached. */
export function fullAge(person: Pick<PersonFacts, "birthDate" | "birthYear">, now: Date): number | null {
  const today = new Date(now.getTime() + KST_OFFSET_MS);
  const [y, m, d] = [today.getUTCFullYear(), today.getUTCMonth(), today.getUTCDate()];
  if (person.birthDate) {
    const b = person.birthDate;
    const hadBirthday = m > b.getUTCMonth() || (m === b.getUTCMonth() && d >= b.getUTCDate());
    return y - b.getUTCFullYear() - (hadBirthday ? 0 : 1);
  }
  if (person.birthYear) return y - person.birthYear - 1;
  return null;
}

/**
 * The oldest the person may be on `now`: fullAge with a birth date; with only a birth year,
 * the birthday counted as reached (for an upper bound, the cautious side is the older age).
 */
function oldestAge(person: Pick<PersonFacts, "birthDate" | "birthYear">, now: Date): number | null {
  if (person.birthDate || !person.birthYear) return fullAge(person, now);
  return new Date(now.getTime() + KST_OFFSET_MS).getUTCFullYear() - person.birthYear;
}

/**
 * Full months from `since` (a calendar date) to `now` in Korea, counted like 만 나이: a month is
 * complete on the same day of the month; when that month has no such day, on the 1st of the next.
 */
export function fullMonthsSince(since: Date, now: Date): number {
  const today = new Date(now.getTime() + KST_OFFSET_MS);
  const months = (today.getUTCFullYear() - since.getUTCFullYear()) * 12 + (today.getUTCMonth() - since.getUTCMonth());
  return months - (today.getUTCDate() < since.getUTCDate() ? 1 : 0);
}

/** The first day (UTC midnight of the Korean calendar date) on which `months` full months from `since` are complete. */
export function residenceCompleteOn(since: Date, months: number): Date {
  const monthIndex = since.getUTCMonth() + months;
  const candidate = new Date(Date.UTC(since.getUTCFullYear(), monthIndex, since.getUTCDate()));
  // Date.UTC rolls a missing day (31 April) into the next month; the rule says the 1st of it.
  const wanted = ((monthIndex % 12) + 12) % 12;
  return candidate.getUTCMonth() === wanted ? candidate : new Date(Date.UTC(since.getUTCFullYear(), monthIndex + 1, 1));
}

type Claim = PersonFacts["affiliations"][number];

/** Since when a residence is known: the provider's date, or a declared date once confirmed. */
const knownSince = (claim: Claim): Date | null => (claim.source === "PROVIDER" || claim.status === "CONFIRMED" ? claim.since : null);

export function evaluateEligibility(person: PersonFacts, rules: EligibilityRules, now: Date): EligibilityResult {
  const failures: EligibilityFailure[] = [];

  if (rules.requireVerified && !person.verified) failures.push({ rule: "verified" });

  if (rules.minAge > 0 || rules.maxAge !== null) {
    const age = fullAge(person, now);
    const oldest = oldestAge(person, now);
    if (age === null || oldest === null) {
      if (person.verified || !rules.requireVerified) failures.push({ rule: "ageUnknown" });
    } else {
      if (age < rules.minAge && !(rules.allowGuardianConsent && person.guardianConsent)) {
        failures.push({ rule: "age", minAge: rules.minAge, guardianConsentHelps: rules.allowGuardianConsent });
      }
      if (rules.maxAge !== null && oldest > rules.maxAge) failures.push({ rule: "tooOld", maxAge: rules.maxAge });
    }
  }

  if (rules.affiliation) {
    const { kinds, districtIds, requireConfirmation, minResidenceMonths } = rules.affiliation;
    const matching = person.affiliations.filter(
      (a) =>
        a.status !== "REJECTED" &&
        kinds.includes(a.kind) &&
        (districtIds.length === 0 || (a.districtId !== null && districtIds.includes(a.districtId))),
    );
    const accepted = (a: Claim) => a.status === "CONFIRMED" || a.source === "PROVIDER" || !requireConfirmation;
    const periodApplies = (a: Claim) => a.kind === "RESIDENT" && minResidenceMonths > 0;
    const longEnough = (a: Claim) => {
      const since = knownSince(a);
      return since !== null && fullMonthsSince(since, now) >= minResidenceMonths;
    };
    const counted = matching.filter((a) => accepted(a) && (!periodApplies(a) || longEnough(a)));
    if (counted.length === 0) {
      // The most useful reason first: something waiting for a moderator, then a residence not
      // yet long enough (and from when it will be), then one whose length is unknown.
      const waiting = matching.filter((a) => !accepted(a) || (periodApplies(a) && a.status === "PENDING" && a.since !== null));
      const tooShort = matching.filter((a) => periodApplies(a) && knownSince(a) !== null);
      if (waiting.length > 0) failures.push({ rule: "confirmation", districtIds });
      else if (tooShort.length > 0) {
        const eligibleOn = tooShort
          .map((a) => residenceCompleteOn(knownSince(a)!, minResidenceMonths).toISOString().slice(0, 10))
          .sort()[0]!;
        failures.push({ rule: "residenceTooShort", months: minResidenceMonths, districtIds, eligibleOn });
      } else if (matching.length > 0) failures.push({ rule: "residenceUnknown", months: minResidenceMonths, districtIds });
      else failures.push({ rule: "affiliation", kinds, districtIds });
    }
  }

  for (const group of rules.excludedGroups) {
    if (person.groups.includes(group)) failures.push({ rule: "excluded", group });
  }

  return { eligible: failures.length === 0, failures };
}
