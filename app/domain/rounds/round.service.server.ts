// Rounds: a process with a beginning and an end (공모전, 주민참여예산, 공론장, 정책장터), run by
// moderators in ordered phases. The stored phase follows the schedule (sync) — on every action
// that depends on it and from the scheduler — and moderators may move it forward now. Every
// phase change is recorded, audit-logged and published live. Once a voting phase has begun,
// the round's rules are locked.
import { Prisma, type PrismaClient } from "../db.ts";
import { AppError, notFound, validationError, type MessageParams } from "../errors.ts";
import type { EventBus } from "../events.ts";
import { recordAudit } from "../audit/audit.service.server.ts";
import type { EligibilityRulesInput } from "../eligibility/eligibility.ts";
import { renderMarkdown } from "../markdown.server.ts";
import { isModerator } from "../roles/roles.policy.ts";
import type { Clock, Viewer } from "../viewer.ts";
import { allows, overrideSchedule, finishSchedule, scheduleIssues, scheduledState, type PhaseAction } from "./phase-machine.ts";
import { ZOverrideInput, ZRoundEligibility, ZRoundInput, zId, type RoundInput } from "./round.schema.ts";
import { DEFAULT_CRITERIA } from "./templates.ts";
import { z } from "zod";

type Deps = { prisma: PrismaClient; clock: Clock; events: EventBus };

export function parse<T extends z.ZodTypeAny>(schema: T, raw: unknown): z.infer<T> {
  const parsed = schema.safeParse(raw);
  if (!parsed.success) throw validationError(parsed.error);
  return parsed.data;
}

export function requireModerator(viewer: Viewer): asserts viewer is NonNullable<Viewer> {
  if (!viewer) throw new AppError("UNAUTHENTICATED", "errors.loginRequired");
  if (!isModerator(viewer)) throw new AppError("FORBIDDEN", "errors.forbidden");
}

const phaseSelect = { id: true, position: true, name: true, nameEn: true, startsAt: true, endsAt: true, allows: true } satisfies Prisma.RoundPhaseSelect;
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
  pots: { orderBy: { district: { sortOrder: "asc" } }, select: { amountKrw: true, district: { select: { id: true, name: true, nameEn: true } } } },
  criteria: { orderBy: { position: "asc" }, select: { id: true, position: true, name: true, nameEn: true, maxPoints: true } },
  _count: { select: { entries: { where: { status: { not: "WITHDRAWN" } } }, comments: { where: { hiddenAt: null, heldAt: null } } } },
} satisfies Prisma.RoundSelect;
type RoundRow = Prisma.RoundGetPayload<{ select: typeof roundSelect }>;
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

const phaseName = (p: { name: string; nameEn: string }): MessageParams[string] => ({ ko: p.name, en: p.nameEn || p.name });

export function createRoundService({ prisma, clock, events }: Deps) {
  /**
   * Brings the stored phase in line with the schedule. Idempotent and safe on several nodes:
   * the update only applies if the phase is still the one read, so one node records the change.
   */
  async function sync(roundId: number, cause: { actor: Viewer; reason: string | null } | null = null): Promise<boolean> {
    const now = clock.now();
    const round = await prisma.round.findUnique({
      where: { id: roundId },
      select: { id: true, publishedAt: true, currentPhaseId: true, finishedAt: true, votingStartedAt: true, phases: { select: phaseSelect } },
    });
    if (!round?.publishedAt) return false;
    const state = scheduledState(round.phases, now);
    const finished = state.stage === "finished";
    if (state.phaseId === round.currentPhaseId && finished === (round.finishedAt !== null)) return false;
    const votingBegan = round.phases.filter((p) => p.allows.includes("VOTE") && p.startsAt.getTime() <= now.getTime());
    const votingStartedAt = round.votingStartedAt ?? (votingBegan.length ? now : null);
    const to = round.phases.find((p) => p.id === state.phaseId) ?? null;
    const from = round.phases.find((p) => p.id === round.currentPhaseId) ?? null;
    const moved = await prisma.$transaction(async (tx) => {
      const updated = await tx.round.updateMany({
        where: { id: round.id, currentPhaseId: round.currentPhaseId, finishedAt: round.finishedAt },
        data: { currentPhaseId: state.phaseId, finishedAt: finished ? now : null, votingStartedAt },
      });
      if (updated.count === 0) return false;
      await tx.roundPhaseChange.create({
        data: { roundId: round.id, fromPhaseId: from?.id ?? null, toPhaseId: to?.id ?? null, cause: cause ? "OVERRIDE" : "SCHEDULE", actorId: cause?.actor?.id ?? null, reason: cause?.reason ?? null, createdAt: now },
      });
      await recordAudit(tx, cause?.actor ?? null, {
        action: cause ? "round.phase.overridden" : "round.phase.changed",
        targetType: "Round",
        targetId: round.id,
        reason: cause?.reason ?? null,
        details: { from: from?.name ?? null, to: to?.name ?? null, finished },
      });
      return true;
    });
    if (moved) events.publish("round.phaseChanged", { roundId: round.id, phaseId: to?.id ?? null, fromPhaseId: from?.id ?? null, finished, cause: cause ? "OVERRIDE" : "SCHEDULE" });
    return moved;
  }

  /** For the scheduler: every published round that is not over. Returns the rounds that moved. */
  async function syncDue(): Promise<number[]> {
    const rounds = await prisma.round.findMany({ where: { publishedAt: { not: null }, finishedAt: null }, select: { id: true } });
    const moved: number[] = [];
    for (const r of rounds) if (await sync(r.id)) moved.push(r.id);
    return moved;
  }

  async function load(roundId: number) {
    const row = await prisma.round.findUnique({ where: { id: roundId }, select: roundSelect });
    if (!row) throw notFound("rounds.errors.notFound");
    return row;
  }

  /** Drafts are seen by moderators only. */
  async function get(viewer: Viewer, rawId: unknown): Promise<RoundView> {
    const roundId = parse(zId, rawId);
    await sync(roundId);
    const row = await load(roundId);
    if (!row.publishedAt && !isModerator(viewer)) throw notFound("rounds.errors.notFound");
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
    const changes = await prisma.roundPhaseChange.findMany({ where: { roundId: round.id }, orderBy: [{ createdAt: "asc" }, { id: "asc" }] });
    const name = (id: number | null) => round.phases.find((p) => p.id === id) ?? null;
    return changes.map((c) => ({ id: c.id, from: name(c.fromPhaseId), to: name(c.toPhaseId), cause: c.cause as "SCHEDULE" | "OVERRIDE", reason: c.reason, at: c.createdAt }));
  }

  /** Everything a round's rules need checked, beyond field shapes. */
  async function validateRules(input: z.infer<typeof ZRoundInput>) {
    const issues: { path: string; key: string; params?: MessageParams }[] = [];
    const phases = input.phases.map((p) => ({ startsAt: p.startsAt, endsAt: p.endsAt }));
    issues.push(...scheduleIssues(phases));
    if (input.districtId && !(await prisma.district.findUnique({ where: { id: input.districtId } }))) issues.push({ path: "districtId", key: "validation.invalidChoice" });
    if (input.pots.length > 0) {
      if (input.kind !== "PARTICIPATORY_BUDGET") issues.push({ path: "pots", key: "rounds.errors.potsOnlyForBudget" });
      const ids = input.pots.map((p) => p.districtId);
      if (new Set(ids).size !== ids.length) issues.push({ path: "pots", key: "rounds.errors.potDuplicate" });
      if ((await prisma.district.count({ where: { id: { in: ids } } })) !== new Set(ids).size) issues.push({ path: "pots", key: "validation.invalidChoice" });
      const total = input.pots.reduce((sum, p) => sum + p.amountKrw, 0);
      if (input.budgetCapKrw === undefined) issues.push({ path: "budgetCapKrw", key: "rounds.errors.potsNeedCap" });
      else if (total > input.budgetCapKrw) issues.push({ path: "pots", key: "rounds.errors.potsOverCap", params: { total: total.toLocaleString("ko-KR"), cap: input.budgetCapKrw.toLocaleString("ko-KR") } });
    }
    if (input.eligibility?.affiliation?.districtIds.length) {
      const ids = input.eligibility.affiliation.districtIds;
      if ((await prisma.district.count({ where: { id: { in: ids } } })) !== new Set(ids).size) issues.push({ path: "eligibility", key: "validation.invalidChoice" });
    }
    if (issues.length) throw new AppError("VALIDATION", issues[0]!.key, { params: issues[0]!.params, issues });
  }

  function settingsData(input: z.infer<typeof ZRoundInput>) {
    return {
      kind: input.kind,
      title: input.title,
      description: input.description,
      districtId: input.districtId ?? null,
      budgetCapKrw: input.budgetCapKrw === undefined ? null : BigInt(input.budgetCapKrw),
      eligibility: input.eligibility ? (input.eligibility as Prisma.InputJsonValue) : Prisma.DbNull,
    };
  }

  async function create(viewer: Viewer, raw: RoundInput | unknown): Promise<RoundView> {
    requireModerator(viewer);
    const input = parse(ZRoundInput, raw);
    await validateRules(input);
    const now = clock.now();
    const criteria = input.criteria?.length ? input.criteria : DEFAULT_CRITERIA;
    const round = await prisma.$transaction(async (tx) => {
      const created = await tx.round.create({
        data: {
          ...settingsData(input),
          createdById: viewer.id,
          createdAt: now,
          phases: { create: input.phases.map((p, i) => ({ position: i + 1, name: p.name, nameEn: p.nameEn ?? p.name, startsAt: p.startsAt, endsAt: p.endsAt, allows: [...new Set(p.allows)] })) },
          pots: { create: input.pots.map((p) => ({ districtId: p.districtId, amountKrw: BigInt(p.amountKrw) })) },
          criteria: { create: criteria.map((c, i) => ({ position: i + 1, name: c.name, nameEn: c.nameEn ?? c.name, maxPoints: c.maxPoints })) },
        },
        select: { id: true },
      });
      await recordAudit(tx, viewer, { action: "round.created", targetType: "Round", targetId: created.id, details: { kind: input.kind, title: input.title } });
      return created;
    });
    return get(viewer, round.id);
  }

  async function assertUnlocked(roundId: number) {
    await sync(roundId);
    const round = await prisma.round.findUnique({ where: { id: roundId }, select: { votingStartedAt: true } });
    if (!round) throw notFound("rounds.errors.notFound");
    if (round.votingStartedAt) throw new AppError("CONFLICT", "rounds.errors.settingsLocked");
  }

  /**
   * Replaces the round's settings, phases and rubric. Phases are matched by position so their
   * ids (and the current phase) survive; the new schedule then takes effect through sync.
   */
  async function update(viewer: Viewer, rawId: unknown, raw: unknown): Promise<RoundView> {
    requireModerator(viewer);
    const roundId = parse(zId, rawId);
    const input = parse(ZRoundInput, raw);
    await assertUnlocked(roundId);
    await validateRules(input);
    const scored = await prisma.entryScore.count({ where: { entry: { roundId } } });
    await prisma.$transaction(async (tx) => {
      const existing = await tx.roundPhase.findMany({ where: { roundId }, orderBy: { position: "asc" }, select: { id: true, position: true } });
      const extra = existing.filter((p) => p.position > input.phases.length).map((p) => p.id);
      await tx.round.update({
        where: { id: roundId },
        data: { ...settingsData(input), ...(extra.length ? { currentPhaseId: null } : {}) },
      });
      await tx.roundPhase.deleteMany({ where: { id: { in: extra } } });
      for (const [i, p] of input.phases.entries()) {
        const data = { name: p.name, nameEn: p.nameEn ?? p.name, startsAt: p.startsAt, endsAt: p.endsAt, allows: [...new Set(p.allows)] };
        const row = existing.find((e) => e.position === i + 1);
        if (row) await tx.roundPhase.update({ where: { id: row.id }, data });
        else await tx.roundPhase.create({ data: { ...data, roundId, position: i + 1 } });
      }
      await tx.roundDistrictPot.deleteMany({ where: { roundId } });
      await tx.roundDistrictPot.createMany({ data: input.pots.map((p) => ({ roundId, districtId: p.districtId, amountKrw: BigInt(p.amountKrw) })) });
      if (input.criteria?.length) {
        // Once anyone has scored, the rubric stays as it was scored.
        if (scored > 0) {
          const current = await tx.roundCriterion.findMany({ where: { roundId }, orderBy: { position: "asc" } });
          const same = current.length === input.criteria.length && current.every((c, i) => c.name === input.criteria![i]!.name && c.maxPoints === input.criteria![i]!.maxPoints);
          if (!same) throw new AppError("CONFLICT", "rounds.errors.rubricScored");
        } else {
          await tx.roundCriterion.deleteMany({ where: { roundId } });
          await tx.roundCriterion.createMany({ data: input.criteria.map((c, i) => ({ roundId, position: i + 1, name: c.name, nameEn: c.nameEn ?? c.name, maxPoints: c.maxPoints })) });
        }
      }
      await recordAudit(tx, viewer, { action: "round.updated", targetType: "Round", targetId: roundId, details: { title: input.title, phases: input.phases.length } });
    });
    await sync(roundId);
    events.publish("round.changed", { roundId, change: "settings" });
    return get(viewer, roundId);
  }

  /** Opens a draft to the public; from now on its phases follow the schedule. */
  async function publish(viewer: Viewer, rawId: unknown): Promise<RoundView> {
    requireModerator(viewer);
    const roundId = parse(zId, rawId);
    const row = await load(roundId);
    if (row.publishedAt) throw new AppError("CONFLICT", "rounds.errors.alreadyPublished");
    const issues = scheduleIssues(row.phases);
    if (issues.length) throw new AppError("VALIDATION", issues[0]!.key, { issues });
    await prisma.$transaction(async (tx) => {
      await tx.round.update({ where: { id: roundId }, data: { publishedAt: clock.now() } });
      await recordAudit(tx, viewer, { action: "round.published", targetType: "Round", targetId: roundId });
    });
    await sync(roundId);
    events.publish("round.changed", { roundId, change: "published" });
    return get(viewer, roundId);
  }

  /** A moderator moves the round forward to a phase now (or ends it), with a reason. */
  async function override(viewer: Viewer, raw: unknown): Promise<RoundView> {
    requireModerator(viewer);
    const input = parse(ZOverrideInput, raw);
    await sync(input.roundId);
    const row = await load(input.roundId);
    if (!row.publishedAt) throw new AppError("CONFLICT", "rounds.errors.notPublished");
    if (row.finishedAt) throw new AppError("CONFLICT", "rounds.errors.roundFinished");
    const now = clock.now();
    let changes: { id: number; startsAt: Date; endsAt: Date }[];
    if (input.target === "finish") changes = finishSchedule(row.phases, now);
    else {
      const planned = overrideSchedule(row.phases, input.target, now);
      if (!planned.ok) throw new AppError("CONFLICT", planned.key);
      changes = planned.changes;
    }
    await prisma.$transaction(async (tx) => {
      for (const c of changes) await tx.roundPhase.update({ where: { id: c.id }, data: { startsAt: c.startsAt, endsAt: c.endsAt } });
    });
    await sync(input.roundId, { actor: viewer, reason: input.reason });
    return get(viewer, input.roundId);
  }

  /** Throws unless the round's current phase allows `action` (after catching up with the schedule). */
  async function assertPhaseAllows(roundId: number, action: PhaseAction) {
    await sync(roundId);
    const round = await prisma.round.findUnique({ where: { id: roundId }, select: { publishedAt: true, currentPhase: { select: { name: true, nameEn: true, allows: true } } } });
    if (!round?.publishedAt) throw notFound("rounds.errors.notFound");
    if (!allows(round.currentPhase, action)) {
      throw new AppError("CONFLICT", "rounds.errors.phaseDisallows", {
        params: { action: `@rounds.action.${action}`, phase: round.currentPhase ? phaseName(round.currentPhase) : "@rounds.noPhase" },
      });
    }
  }

  /** The round's eligibility override, validated (null = the city's rules). */
  async function eligibilityOf(roundId: number): Promise<EligibilityRulesInput | null> {
    const round = await prisma.round.findUnique({ where: { id: roundId }, select: { eligibility: true } });
    const parsed = ZRoundEligibility.nullable().safeParse(round?.eligibility ?? null);
    return parsed.success ? (parsed.data as EligibilityRulesInput | null) : null;
  }

  /** Moderators: lock or unlock the round's own debate. */
  async function lockDebate(viewer: Viewer, rawId: unknown, locked: boolean, reason?: string) {
    requireModerator(viewer);
    const roundId = parse(zId, rawId);
    await prisma.$transaction(async (tx) => {
      const moved = await tx.round.updateMany({ where: { id: roundId }, data: { commentsLockedAt: locked ? clock.now() : null } });
      if (moved.count === 0) throw notFound("rounds.errors.notFound");
      await recordAudit(tx, viewer, { action: locked ? "round.thread.locked" : "round.thread.unlocked", targetType: "Round", targetId: roundId, reason: reason ?? null });
    });
    events.publish("comment.changed", { proposalId: null, roundId, commentId: 0, change: "locked" });
  }

  return { get, list, history, create, update, publish, override, sync, syncDue, assertPhaseAllows, assertUnlocked, eligibilityOf, lockDebate };
}

export type RoundService = ReturnType<typeof createRoundService>;
