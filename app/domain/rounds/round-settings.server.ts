// What moderators do to a round: create a draft, change its settings, phases and rubric while
// voting has not begun, publish it, and move it forward now (or end it) with a reason. Every
// change is audit-logged; the phase then follows the new schedule (round-schedule.server.ts).
import { Prisma, type PrismaClient } from "../db.ts";
import { AppError, type MessageParams } from "../errors.ts";
import type { EventBus } from "../events.ts";
import { recordAudit } from "../audit/audit.service.server.ts";
import type { Clock, Viewer } from "../viewer.ts";
import { finishSchedule, overrideSchedule, scheduleIssues } from "./phase-machine.ts";
import { parse, requireModerator } from "./round-guards.ts";
import type { RoundReads, RoundView } from "./round-reads.server.ts";
import type { RoundSchedule } from "./round-schedule.server.ts";
import { ZOverrideInput, ZRoundInput, zId, type RoundInput } from "./round.schema.ts";
import { DEFAULT_CRITERIA } from "./templates.ts";
import type { z } from "zod";

type Deps = {
  prisma: PrismaClient;
  clock: Clock;
  events: EventBus;
  schedule: Pick<RoundSchedule, "sync" | "assertUnlocked">;
  reads: Pick<RoundReads, "load" | "get">;
};

export function createRoundSettings({ prisma, clock, events, schedule, reads }: Deps) {
  const { sync, assertUnlocked } = schedule;
  const { load, get } = reads;

  /** Everything a round's rules need checked, beyond field shapes. */
  async function validateRules(input: z.infer<typeof ZRoundInput>) {
    const issues: { path: string; key: string; params?: MessageParams }[] = [];
    const phases = input.phases.map((p) => ({ startsAt: p.startsAt, endsAt: p.endsAt }));
    issues.push(...scheduleIssues(phases));
    if (input.districtId && !(await prisma.district.findUnique({ where: { id: input.districtId } })))
      issues.push({ path: "districtId", key: "validation.invalidChoice" });
    if (input.pots.length > 0) {
      if (input.kind !== "PARTICIPATORY_BUDGET") issues.push({ path: "pots", key: "rounds.errors.potsOnlyForBudget" });
      const ids = input.pots.map((p) => p.districtId);
      if (new Set(ids).size !== ids.length) issues.push({ path: "pots", key: "rounds.errors.potDuplicate" });
      if ((await prisma.district.count({ where: { id: { in: ids } } })) !== new Set(ids).size)
        issues.push({ path: "pots", key: "validation.invalidChoice" });
      const total = input.pots.reduce((sum, p) => sum + p.amountKrw, 0);
      if (input.budgetCapKrw === undefined) issues.push({ path: "budgetCapKrw", key: "rounds.errors.potsNeedCap" });
      else if (total > input.budgetCapKrw)
        issues.push({
          path: "pots",
          key: "rounds.errors.potsOverCap",
          params: { total: total.toLocaleString("ko-KR"), cap: input.budgetCapKrw.toLocaleString("ko-KR") },
        });
    }
    if (input.eligibility?.affiliation?.districtIds.length) {
      const ids = input.eligibility.affiliation.districtIds;
      if ((await prisma.district.count({ where: { id: { in: ids } } })) !== new Set(ids).size)
        issues.push({ path: "eligibility", key: "validation.invalidChoice" });
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
    requireModerator(viewer, "round.manage");
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
          phases: {
            create: input.phases.map((p, i) => ({
              position: i + 1,
              name: p.name,
              nameEn: p.nameEn ?? p.name,
              startsAt: p.startsAt,
              endsAt: p.endsAt,
              allows: [...new Set(p.allows)],
            })),
          },
          pots: { create: input.pots.map((p) => ({ districtId: p.districtId, amountKrw: BigInt(p.amountKrw) })) },
          criteria: {
            create: criteria.map((c, i) => ({ position: i + 1, name: c.name, nameEn: c.nameEn ?? c.name, maxPoints: c.maxPoints })),
          },
        },
        select: { id: true },
      });
      await recordAudit(tx, viewer, {
        action: "round.created",
        targetType: "Round",
        targetId: created.id,
        details: { kind: input.kind, title: input.title },
      });
      return created;
    });
    return get(viewer, round.id);
  }

  /**
   * Replaces the round's settings, phases and rubric. Phases are matched by position so their
   * ids (and the current phase) survive; the new schedule then takes effect through sync.
   */
  async function update(viewer: Viewer, rawId: unknown, raw: unknown): Promise<RoundView> {
    requireModerator(viewer, "round.manage");
    const roundId = parse(zId, rawId);
    const input = parse(ZRoundInput, raw);
    await assertUnlocked(roundId);
    await validateRules(input);
    const scored = await prisma.entryScore.count({ where: { entry: { roundId } } });
    await prisma.$transaction(async (tx) => {
      const existing = await tx.roundPhase.findMany({
        where: { roundId },
        orderBy: { position: "asc" },
        select: { id: true, position: true },
      });
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
      await tx.roundDistrictPot.createMany({
        data: input.pots.map((p) => ({ roundId, districtId: p.districtId, amountKrw: BigInt(p.amountKrw) })),
      });
      if (input.criteria?.length) {
        // Once anyone has scored, the rubric stays as it was scored.
        if (scored > 0) {
          const current = await tx.roundCriterion.findMany({ where: { roundId }, orderBy: { position: "asc" } });
          const same =
            current.length === input.criteria.length &&
            current.every((c, i) => c.name === input.criteria![i]!.name && c.maxPoints === input.criteria![i]!.maxPoints);
          if (!same) throw new AppError("CONFLICT", "rounds.errors.rubricScored");
        } else {
          await tx.roundCriterion.deleteMany({ where: { roundId } });
          await tx.roundCriterion.createMany({
            data: input.criteria.map((c, i) => ({
              roundId,
              position: i + 1,
              name: c.name,
              nameEn: c.nameEn ?? c.name,
              maxPoints: c.maxPoints,
            })),
          });
        }
      }
      await recordAudit(tx, viewer, {
        action: "round.updated",
        targetType: "Round",
        targetId: roundId,
        details: { title: input.title, phases: input.phases.length },
      });
    });
    await sync(roundId);
    events.publish("round.changed", { roundId, change: "settings" });
    return get(viewer, roundId);
  }

  /** Opens a draft to the public; from now on its phases follow the schedule. */
  async function publish(viewer: Viewer, rawId: unknown): Promise<RoundView> {
    requireModerator(viewer, "round.manage");
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
    requireModerator(viewer, "round.manage");
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

  return { create, update, publish, override };
}
