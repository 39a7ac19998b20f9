// The city's settings: the one reader of the CitySetting row, and the defaults a city has
// before an administrator sets anything. Every service, route and resolver that needs the
// support threshold, the windows or the city's name asks this module; nobody else reads the
// row (the admin service writes it).
import { z } from "zod";
import type { Prisma, PrismaClient } from "../db.ts";
import { SUPPORT_TIER_CONSEQUENCES } from "../proposals/proposal.types.ts";

/** Extra support tiers with their consequence (Seoul: 100 → deliberation forum, 1,000 → the mayor answers). */
export const ZSupportTiers = z
  .array(z.object({ threshold: z.number().int().min(1).max(10_000_000), consequence: z.enum(SUPPORT_TIER_CONSEQUENCES) }))
  .max(5);
export type SupportTier = z.infer<typeof ZSupportTiers>[number];

/** What a city has before its settings are saved ("50 공감 in 30 days"). */
export const CITY_DEFAULTS = {
  cityName: "마당시",
  cityNameEn: "Madang City",
  supportThreshold: 50,
  supportWindowDays: 30,
  screeningRequired: true,
  answerDeadlineDays: 30,
} as const;

export type CitySettings = {
  cityName: string;
  cityNameEn: string;
  /** 공감 that move an open proposal to THRESHOLD_REACHED */
  supportThreshold: number;
  /** Days a proposal gathers 공감 once it opens */
  supportWindowDays: number;
  /** New proposals wait for 제안검토 */
  screeningRequired: boolean;
  /** Days a department has to answer once assigned */
  answerDeadlineDays: number;
  /** Extra tiers, validated; stored tiers that do not parse count as none */
  supportTiers: SupportTier[];
  /** The default eligibility rules as stored; app/domain/eligibility resolves them against its own defaults */
  eligibility: Prisma.JsonValue | null;
  /** Comments containing these are held for review (금칙어) */
  bannedWords: string[];
};

/** The city's settings with the defaults applied: the only read of the CitySetting row. */
export async function readCitySettings(db: Pick<PrismaClient, "citySetting"> | Prisma.TransactionClient): Promise<CitySettings> {
  const row = await db.citySetting.findUnique({ where: { id: 1 } });
  return {
    cityName: row?.cityName ?? CITY_DEFAULTS.cityName,
    cityNameEn: row?.cityNameEn ?? CITY_DEFAULTS.cityNameEn,
    supportThreshold: row?.supportThreshold ?? CITY_DEFAULTS.supportThreshold,
    supportWindowDays: row?.supportWindowDays ?? CITY_DEFAULTS.supportWindowDays,
    screeningRequired: row?.screeningRequired ?? CITY_DEFAULTS.screeningRequired,
    answerDeadlineDays: row?.answerDeadlineDays ?? CITY_DEFAULTS.answerDeadlineDays,
    supportTiers: ZSupportTiers.safeParse(row?.supportTiers ?? []).data ?? [],
    eligibility: row?.eligibility ?? null,
    bannedWords: row?.bannedWords ?? [],
  };
}

const DAY_MS = 24 * 60 * 60 * 1000;

/** The moment `days` whole days after `from`: a 공감 window's end, an answer deadline. */
export function daysAfter(from: Date, days: number): Date {
  return new Date(from.getTime() + days * DAY_MS);
}

/** When the 공감 window of a proposal that opens at `openedAt` closes. */
export function supportWindowEnd(settings: Pick<CitySettings, "supportWindowDays">, openedAt: Date): Date {
  return daysAfter(openedAt, settings.supportWindowDays);
}

/** When a department's answer to a proposal assigned at `assignedAt` is due. */
export function answerDueAt(settings: Pick<CitySettings, "answerDeadlineDays">, assignedAt: Date): Date {
  return daysAfter(assignedAt, settings.answerDeadlineDays);
}
