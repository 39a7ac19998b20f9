// Reading rounds: one round or the list as the viewer may see them (drafts are the
// moderators'), the phase history, and the round's own eligibility rules.
import type { Prisma, PrismaClient } from "../db.ts";
import { notFound } from "../errors.ts";
import type { EligibilityRulesInput } from "../eligibility/eligibility.ts";
import { renderMarkdown } from "../markdown.server.ts";
import { isModerator } from "../roles/roles.policy.ts";
import { canSeeRound } from "./viewer-can.policy.ts";
import type { Clock, Viewer } from "../viewer.ts";
import { scheduledState } from "./phase-machine.ts";
import { parse } from "./round-guards.ts";
import { phaseSelect, type RoundSchedule } from "./round-schedule.server.ts";
import { ZRoundEligibility, zId } from "./round.schema.ts";

const roundSelect = {
  id: true,
  kind: true,
  title: true,
  description: true,
  districtId: true,
  district: { select: { id: true, name: true, nameEn: true } },
  budgetCapKrw: true,
  eligibility: true,
  publishedAt: true,
  currentPhaseId: true,
  votingStartedAt: true,
  finishedAt: true,
  commentsLockedAt: true,
  createdAt: true,
  phases: { orderBy: { position: "asc" }, select: phaseSelect },
  pots: {
    orderBy: { district: { sortOrder: "asc" } },
    select: { amountKrw: true, district: { select: { id: true, name: true, nameEn: true } } },
  },
  criteria: { orderBy: { position: "asc" }, select: { id: true, position: true, name: true, nameEn: true, maxPoints: true } },
  _count: { select: { entries: { where: { status: { not: "WITHDRAWN" } } }, comments: { where: { hiddenAt: null, heldAt: null } } } },
} satisfies Prisma.RoundSelect;
export type RoundRow = Prisma.RoundGetPayload<{ select: typeof roundSelect }>;
export type RoundPhaseView = RoundRow["phases"][number];

export type RoundStage = "draft" | "upcoming" | "running" | "between" | "finished";

function stageOf(row: Pick<RoundRow, "publishedAt" | "currentPhaseId" | "finishedAt" | "phases">, now: Date): RoundStage {
  if (!row.publishedAt) return "draft";
  if (row.finishedAt) return "finished";
  if (row.currentPhaseId) return "running";
  return scheduledState(row.phases, now).stage === "upcoming" ? "upcoming" : "between";
}

function toView(row: RoundRow, now: Date) {
  const currentPhase = row.phases.find((p) => p.id === row.currentPhaseId) ?? null;
  return {
    id: row.id,
    kind: row.kind,
    title: row.title,
    description: row.description,
    descriptionHtml: renderMarkdown(row.description),
    district: row.district,
    budgetCapKrw: row.budgetCapKrw === null ? null : Number(row.budgetCapKrw),
    pots: row.pots.map((p) => ({ district: p.district, amountKrw: Number(p.amountKrw) })),
    eligibility: (row.eligibility ?? null) as EligibilityRulesInput | null,
    published: row.publishedAt !== null,
    publishedAt: row.publishedAt,
    stage: stageOf(row, now),
    phases: row.phases,
    currentPhase,
    /** Settings (kind, scope, budget, eligibility, phases, criteria, entries) are locked from this moment. */
    votingStartedAt: row.votingStartedAt,
    settingsLocked: row.votingStartedAt !== null,
    finishedAt: row.finishedAt,
    commentsLocked: row.commentsLockedAt !== null,
    criteria: row.criteria,
    entryCount: row._count.entries,
    commentCount: row._count.comments,
    createdAt: row.createdAt,
    startsAt: row.phases[0]?.startsAt ?? null,
    endsAt: row.phases[row.phases.length - 1]?.endsAt ?? null,
  };
}
export type RoundView = ReturnType<typeof toView>;

/** A round's stored eligibility override, validated (null = the city's rules). */
export function roundRules(stored: unknown): EligibilityRulesInput | null {
  const parsed = ZRoundEligibility.nullable().safeParse(stored ?? null);
  return parsed.success ? (parsed.data as EligibilityRulesInput | null) : null;
}

export function createRoundReads({
  prisma,
  clock,
  schedule,
}: {
  prisma: PrismaClient;
  clock: Clock;
  schedule: Pick<RoundSchedule, "sync">;
}) {
  async function load(roundId: number) {
    const row = await prisma.round.findUnique({ where: { id: roundId }, select: roundSelect });
    if (!row) throw notFound("rounds.errors.notFound");
    return row;
  }

  /** Drafts are seen by moderators only. */
  async function get(viewer: Viewer, rawId: unknown): Promise<RoundView> {
    const roundId = parse(zId, rawId);
    await schedule.sync(roundId);
    const row = await load(roundId);
    if (!canSeeRound(viewer, row)) throw notFound("rounds.errors.notFound");
    return toView(row, clock.now());
  }

  async function list(viewer: Viewer, { includeDrafts = false }: { includeDrafts?: boolean } = {}): Promise<RoundView[]> {
    const rows = await prisma.round.findMany({
      where: includeDrafts && isModerator(viewer) ? {} : { publishedAt: { not: null } },
      orderBy: [{ createdAt: "desc" }, { id: "desc" }],
      take: 100,
      select: roundSelect,
    });
    return rows.map((r) => toView(r, clock.now()));
  }

  /** The phase history: scheduled and overridden changes, newest last. */
  async function history(viewer: Viewer, rawId: unknown) {
    const round = await get(viewer, rawId);
    const changes = await prisma.roundPhaseChange.findMany({
      where: { roundId: round.id },
      orderBy: [{ createdAt: "asc" }, { id: "asc" }],
    });
    const name = (id: number | null) => round.phases.find((p) => p.id === id) ?? null;
    return changes.map((c) => ({
      id: c.id,
      from: name(c.fromPhaseId),
      to: name(c.toPhaseId),
      cause: c.cause as "SCHEDULE" | "OVERRIDE",
      reason: c.reason,
      at: c.createdAt,
    }));
  }

  /** The round's eligibility override, validated (null = the city's rules). */
  async function eligibilityOf(roundId: number): Promise<EligibilityRulesInput | null> {
    const round = await prisma.round.findUnique({ where: { id: roundId }, select: { eligibility: true } });
    return roundRules(round?.eligibility);
  }

  return { load, get, list, history, eligibilityOf };
}

export type RoundReads = ReturnType<typeof createRoundReads>;
