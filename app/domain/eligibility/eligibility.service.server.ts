// Loads a person's facts and the city's rules, and turns a failed check into an AppError
// whose message says which rule failed.
import { LRUCache } from "lru-cache";
import { readCitySettings, type CitySettings } from "../catalog/city-settings.server.ts";
import type { PrismaClient } from "../db.ts";
import { AppError, type FieldIssue, type MessageParams } from "../errors.ts";
import type { EventBus } from "../events.ts";
import { createGroupCommit } from "../group-commit.ts";
import type { Clock, Viewer } from "../viewer.ts";
import {
  evaluateEligibility,
  resolveRules,
  type EligibilityFailure,
  type EligibilityResult,
  type EligibilityRulesInput,
  type PersonFacts,
} from "./eligibility.ts";

const MONTHS_EN = [
  "January",
  "February",
  "March",
  "April",
  "May",
  "June",
  "July",
  "August",
  "September",
  "October",
  "November",
  "December",
];

/** "2027-03-05" in both languages: 2027년 3월 5일 / 5 March 2027. */
function calendarDay(iso: string): MessageParams[string] {
  const [y, m, d] = iso.split("-").map(Number) as [number, number, number];
  return { ko: `${y}년 ${m}월 ${d}일`, en: `${d} ${MONTHS_EN[m - 1]} ${y}` };
}

/** The city settings a check needs; a caller that already read them passes them along. */
type City = Pick<CitySettings, "eligibility" | "cityName" | "cityNameEn">;

/** Place names in both languages by district ids, remembered across several descriptions. */
type Places = Map<string, Promise<MessageParams[string]>>;

/**
 * High-rate commands (공감, ballots) read a person's facts from memory: dropped when they change
 * (`viewer.changed`, on every node), and after FACTS_CACHE_MS at the latest.
 */
const FACTS_CACHE_MS = 30 * 1000;

export function createEligibilityService({ prisma, clock, events }: { prisma: PrismaClient; clock: Clock; events: EventBus }) {
  const remembered = new LRUCache<number, PersonFacts>({ max: 50_000, ttl: FACTS_CACHE_MS });
  events.subscribe("viewer.changed", ({ userIds }) => userIds.forEach((id) => remembered.delete(id)));

  /** People's facts in one parametrised statement, in the order asked (a missing person is an error). */
  async function readFacts(userIds: number[]): Promise<(PersonFacts | Error)[]> {
    type Row = {
      id: number;
      guardianConsent: boolean;
      groups: string[];
      verified: boolean;
      birthDate: string | null;
      birthYear: number | null;
      affiliations: (Omit<PersonFacts["affiliations"][number], "since"> & { since: string | null })[];
    };
    const rows = await prisma.$queryRaw<Row[]>`
      SELECT u.id, u."guardianConsent", u.groups::text[] AS groups, (i."userId" IS NOT NULL) AS verified,
        to_char(i."birthDate", 'YYYY-MM-DD') AS "birthDate", i."birthYear",
        coalesce((
          SELECT json_agg(json_build_object('kind', a.kind, 'districtId', a."districtId", 'source', a.source, 'status', a.status,
            'since', to_char(a.since, 'YYYY-MM-DD')) ORDER BY a.id)
          FROM "Affiliation" a WHERE a."userId" = u.id
        ), '[]'::json) AS affiliations
      FROM "User" u LEFT JOIN "IdentityVerification" i ON i."userId" = u.id
      WHERE u.id = ANY(${`{${userIds.join(",")}}`}::int[])`;
    const day = (iso: string | null) => (iso ? new Date(`${iso}T00:00:00Z`) : null);
    const byId = new Map(
      rows.map((row) => [
        row.id,
        {
          verified: row.verified,
          birthDate: day(row.birthDate),
          birthYear: row.birthYear,
          guardianConsent: row.guardianConsent,
          groups: row.groups,
          affiliations: row.affiliations.map((a) => ({ ...a, since: day(a.since) })),
        },
      ]),
    );
    return userIds.map((id) => byId.get(id) ?? new AppError("NOT_FOUND", "errors.userNotFound"));
  }

  async function factsOf(userId: number): Promise<PersonFacts> {
    const [facts] = await readFacts([userId]);
    if (facts instanceof Error) throw facts;
    return facts!;
  }

  // The hot path's first command of many people at once (a crowd arriving) reads their facts together.
  const factsTogether = createGroupCommit(readFacts, { concurrency: 2 });

  async function check(viewer: NonNullable<Viewer>, override?: EligibilityRulesInput | null, city?: City): Promise<EligibilityResult> {
    const { eligibility } = city ?? (await readCitySettings(prisma));
    return evaluateEligibility(await factsOf(viewer.id), resolveRules(eligibility, override), clock.now());
  }

  async function describe(failure: EligibilityFailure, city?: City, places?: Places): Promise<FieldIssue> {
    const lookUp = async (districtIds: number[]): Promise<MessageParams[string]> => {
      if (districtIds.length === 0) {
        const { cityName, cityNameEn } = city ?? (await readCitySettings(prisma));
        return { ko: cityName, en: cityNameEn };
      }
      const districts = await prisma.district.findMany({ where: { id: { in: districtIds } }, orderBy: { sortOrder: "asc" } });
      return { ko: districts.map((d) => d.name).join(", "), en: districts.map((d) => d.nameEn).join(", ") };
    };
    const place = (districtIds: number[]): Promise<MessageParams[string]> => {
      if (!places) return lookUp(districtIds);
      const key = districtIds.join(",");
      let named = places.get(key);
      if (!named) places.set(key, (named = lookUp(districtIds)));
      return named;
    };
    switch (failure.rule) {
      case "verified":
        return { path: "eligibility", key: "eligibility.notVerified" };
      case "ageUnknown":
        return { path: "eligibility", key: "eligibility.ageUnknown" };
      case "tooOld":
        return { path: "eligibility", key: "eligibility.tooOld", params: { maxAge: failure.maxAge } };
      case "residenceTooShort":
        return {
          path: "eligibility",
          key: "eligibility.residenceTooShort",
          params: { months: failure.months, place: await place(failure.districtIds), date: calendarDay(failure.eligibleOn) },
        };
      case "residenceUnknown":
        return {
          path: "eligibility",
          key: "eligibility.residenceUnknown",
          params: { months: failure.months, place: await place(failure.districtIds) },
        };
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

  /** `assertEligible` under the city's own rules, for the hot path: the facts come from memory when they can. */
  async function assertEligibleNow(viewer: NonNullable<Viewer>, city: City) {
    let facts = remembered.get(viewer.id);
    if (!facts) remembered.set(viewer.id, (facts = await factsTogether.submit(viewer.id)));
    const result = evaluateEligibility(facts, resolveRules(city.eligibility, null), clock.now());
    if (!result.eligible) await assertEligible(viewer, null, city);
  }

  /** Throws FORBIDDEN naming the first failed rule (all of them in `issues`). */
  async function assertEligible(viewer: NonNullable<Viewer>, override?: EligibilityRulesInput | null, city?: City) {
    const result = await check(viewer, override, city);
    if (result.eligible) return;
    const issues = await Promise.all(result.failures.map((f) => describe(f, city)));
    throw new AppError("FORBIDDEN", issues[0]!.key, { params: issues[0]!.params, issues });
  }

  /** For the account page and UI hints: every failed rule, described. */
  async function explain(viewer: NonNullable<Viewer>, override?: EligibilityRulesInput | null, city?: City) {
    const result = await check(viewer, override, city);
    return { eligible: result.eligible, reasons: await Promise.all(result.failures.map((f) => describe(f, city))) };
  }

  /**
   * `explain` under several sets of rules (a list of rounds), reading the person's facts and the
   * city's settings once and each place name once.
   */
  async function explainMany(viewer: NonNullable<Viewer>, overrides: readonly (EligibilityRulesInput | null | undefined)[], city?: City) {
    if (overrides.length === 0) return [];
    const [settings, facts] = await Promise.all([city ?? readCitySettings(prisma), factsOf(viewer.id)]);
    const places: Places = new Map();
    const now = clock.now();
    return Promise.all(
      overrides.map(async (override) => {
        const result = evaluateEligibility(facts, resolveRules(settings.eligibility, override), now);
        return { eligible: result.eligible, reasons: await Promise.all(result.failures.map((f) => describe(f, settings, places))) };
      }),
    );
  }

  return { check, assertEligible, assertEligibleNow, explain, explainMany, factsOf };
}

export type EligibilityService = ReturnType<typeof createEligibilityService>;
