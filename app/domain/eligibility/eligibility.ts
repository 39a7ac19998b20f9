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
  /** Below minAge, a guardian's recorded consent makes a person eligible. */
  allowGuardianConsent: z.boolean().default(true),
  /** Who belongs; null = anyone. */
  affiliation: z
    .object({
      kinds: z.array(z.enum(AFFILIATION_KINDS)).min(1).default([...AFFILIATION_KINDS]),
      /** Empty = anywhere in the city; otherwise only these districts. */
      districtIds: z.array(z.number().int().positive()).default([]),
      /** Self-declared claims count only after a moderator confirmed them. */
      requireConfirmation: z.boolean().default(false),
    })
    .nullable()
    .default({}),
  /** Groups left out, e.g. CITY_STAFF for a participatory budget vote. */
  excludedGroups: z.array(z.string().trim().min(1).max(40)).max(20).default([]),
});
export type EligibilityRules = z.infer<typeof ZEligibilityRules>;
export type EligibilityRulesInput = z.input<typeof ZEligibilityRules>;

export const DEFAULT_ELIGIBILITY: EligibilityRules = ZEligibilityRules.parse({});

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
  }[];
};

export type EligibilityFailure =
  | { rule: "verified" }
  | { rule: "age"; minAge: number; guardianConsentHelps: boolean }
  | { rule: "ageUnknown" }
  | { rule: "affiliation"; kinds: AffiliationKind[]; districtIds: number[] }
  | { rule: "confirmation"; districtIds: number[] }
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

export function evaluateEligibility(person: PersonFacts, rules: EligibilityRules, now: Date): EligibilityResult {
  const failures: EligibilityFailure[] = [];

  if (rules.requireVerified && !person.verified) failures.push({ rule: "verified" });

  if (rules.minAge > 0) {
    const age = fullAge(person, now);
    if (age === null) {
      if (person.verified || !rules.requireVerified) failures.push({ rule: "ageUnknown" });
    } else if (age < rules.minAge && !(rules.allowGuardianConsent && person.guardianConsent)) {
      failures.push({ rule: "age", minAge: rules.minAge, guardianConsentHelps: rules.allowGuardianConsent });
    }
  }

  if (rules.affiliation) {
    const { kinds, districtIds, requireConfirmation } = rules.affiliation;
    const matching = person.affiliations.filter(
      (a) =>
        a.status !== "REJECTED" &&
        kinds.includes(a.kind) &&
        (districtIds.length === 0 || (a.districtId !== null && districtIds.includes(a.districtId))),
    );
    const counted = matching.filter(
      (a) => a.status === "CONFIRMED" || a.source === "PROVIDER" || !requireConfirmation,
    );
    if (counted.length === 0) {
      failures.push(matching.length > 0 ? { rule: "confirmation", districtIds } : { rule: "affiliation", kinds, districtIds });
    }
  }

  for (const group of rules.excludedGroups) {
    if (person.groups.includes(group)) failures.push({ rule: "excluded", group });
  }

  return { eligible: failures.length === 0, failures };
}
