// Loads a person's facts and the city's rules, and turns a failed check into an AppError
// whose message says which rule failed.
import type { PrismaClient } from "../db.ts";
import { AppError, type FieldIssue, type MessageParams } from "../errors.ts";
import type { Clock, Viewer } from "../viewer.ts";
import {
  evaluateEligibility,
  resolveRules,
  type EligibilityFailure,
  type EligibilityResult,
  type EligibilityRulesInput,
  type PersonFacts,
} from "./eligibility.ts";

export function createEligibilityService({ prisma, clock }: { prisma: PrismaClient; clock: Clock }) {
  async function factsOf(userId: number): Promise<PersonFacts> {
    const user = await prisma.user.findUniqueOrThrow({
      where: { id: userId },
      select: {
        guardianConsent: true,
        groups: true,
        identity: { select: { birthDate: true, birthYear: true } },
        affiliations: { select: { kind: true, districtId: true, source: true, status: true } },
      },
    });
    return {
      verified: user.identity !== null,
      birthDate: user.identity?.birthDate ?? null,
      birthYear: user.identity?.birthYear ?? null,
      guardianConsent: user.guardianConsent,
      groups: user.groups,
      affiliations: user.affiliations,
    };
  }

  async function check(viewer: NonNullable<Viewer>, override?: EligibilityRulesInput | null): Promise<EligibilityResult> {
    const settings = await prisma.citySetting.findUnique({ where: { id: 1 }, select: { eligibility: true } });
    return evaluateEligibility(await factsOf(viewer.id), resolveRules(settings?.eligibility, override), clock.now());
  }

  async function describe(failure: EligibilityFailure): Promise<FieldIssue> {
    const place = async (districtIds: number[]): Promise<MessageParams[string]> => {
      if (districtIds.length === 0) {
        const city = await prisma.citySetting.findUnique({ where: { id: 1 } });
        return { ko: city?.cityName ?? "우리 시", en: city?.cityNameEn ?? "the city" };
      }
      const districts = await prisma.district.findMany({ where: { id: { in: districtIds } }, orderBy: { sortOrder: "asc" } });
      return { ko: districts.map((d) => d.name).join(", "), en: districts.map((d) => d.nameEn).join(", ") };
    };
    switch (failure.rule) {
      case "verified":
        return { path: "eligibility", key: "eligibility.notVerified" };
      case "ageUnknown":
        return { path: "eligibility", key: "eligibility.ageUnknown" };
      case "age":
        return {
          path: "eligibility",
          key: failure.guardianConsentHelps ? "eligibility.tooYoungGuardian" : "eligibility.tooYoung",
          params: { minAge: failure.minAge },
        };
      case "affiliation":
        return {
          path: "eligibility",
          key: "eligibility.noAffiliation",
          params: { place: await place(failure.districtIds), kinds: `@${failure.kinds.map((k) => `eligibility.kind.${k}`).join("|")}` },
        };
      case "confirmation":
        return { path: "eligibility", key: "eligibility.pendingConfirmation", params: { place: await place(failure.districtIds) } };
      case "excluded":
        return { path: "eligibility", key: "eligibility.excluded", params: { group: `@groups.${failure.group}` } };
    }
  }

  /** Throws FORBIDDEN naming the first failed rule (all of them in `issues`). */
  async function assertEligible(viewer: NonNullable<Viewer>, override?: EligibilityRulesInput | null) {
    const result = await check(viewer, override);
    if (result.eligible) return;
    const issues = await Promise.all(result.failures.map(describe));
    throw new AppError("FORBIDDEN", issues[0]!.key, { params: issues[0]!.params, issues });
  }

  /** For the account page and UI hints: every failed rule, described. */
  async function explain(viewer: NonNullable<Viewer>, override?: EligibilityRulesInput | null) {
    const result = await check(viewer, override);
    return { eligible: result.eligible, reasons: await Promise.all(result.failures.map(describe)) };
  }

  return { check, assertEligible, explain, factsOf };
}

export type EligibilityService = ReturnType<typeof createEligibilityService>;
