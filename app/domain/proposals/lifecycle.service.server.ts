// The proposal's life after posting (DOMAIN.md §1): moderator screening (제안검토), department
// assignment with an answer deadline, interim and final answers, implementation milestones,
// completion. Every step is a public timeline entry, notifies followers and is pushed live.
import { z } from "zod";
import type { Prisma, PrismaClient } from "../db.ts";
import { AppError, notFound, validationError } from "../errors.ts";
import { zId } from "../ids.ts";
import type { EventBus } from "../events.ts";
import type { NotificationService, ProposalNotice } from "../notifications/notification.service.server.ts";
import { recordAudit } from "../audit/audit.service.server.ts";
import { requireActor } from "../roles/participation.policy.ts";
import { isModerator } from "../roles/roles.policy.ts";
import type { Clock, Viewer } from "../viewer.ts";
import { answerDueAt, readCitySettings, supportWindowEnd } from "../catalog/city-settings.server.ts";
import { canActForDepartment } from "./proposal.policy.ts";
import type { ProposalStatus } from "./proposal.types.ts";

const id = zId;

export const ZScreenInput = z
  .object({
    proposalId: id,
    decision: z.enum(["OPEN", "REJECTED", "REDIRECTED"], { errorMap: () => ({ message: "validation.invalidChoice" }) }),
    reason: z.string().trim().max(1000).optional(),
  })
  .refine((v) => v.decision === "OPEN" || (v.reason?.length ?? 0) >= 2, { path: ["reason"], message: "validation.reasonRequired" });
export const ZAssignInput = z.object({ proposalId: id, departmentId: id, note: z.string().trim().max(500).optional() });
export const ZAnswerInput = z
  .object({
    proposalId: id,
    kind: z.enum(["INTERIM", "FINAL"], { errorMap: () => ({ message: "validation.invalidChoice" }) }),
    outcome: z.preprocess((v) => (v === "" ? undefined : v), z.enum(["ADOPTED", "PARTLY_ADOPTED", "NOT_ADOPTED"]).optional()),
    body: z.string().trim().min(10).max(5000),
  })
  .refine((v) => v.kind === "INTERIM" || v.outcome, { path: ["outcome"], message: "validation.outcomeRequired" });
export const ZMilestoneInput = z.object({
  proposalId: id,
  title: z.string().trim().min(2).max(120),
  dueAt: z.preprocess((v) => (v === "" || v == null ? undefined : v), z.coerce.date({ invalid_type_error: "validation.date" }).optional()),
});

type Deps = { prisma: PrismaClient; clock: Clock; events: EventBus; notifications: NotificationService };

function parse<T extends z.ZodTypeAny>(schema: T, raw: unknown): z.infer<T> {
  const parsed = schema.safeParse(raw);
  if (!parsed.success) throw validationError(parsed.error);
  return parsed.data;
}

function requireViewer(viewer: Viewer): NonNullable<Viewer> {
  if (!viewer) throw new AppError("UNAUTHENTICATED", "errors.loginRequired");
  return viewer;
}

export function createLifecycleService({ prisma, clock, events, notifications }: Deps) {
  /** Moves status with a guard, records the timeline entry, and tells followers and browsers. */
  async function transition(
    tx: Prisma.TransactionClient,
    proposalId: number,
    from: ProposalStatus[],
    to: ProposalStatus,
    note: string | null,
    data: Prisma.ProposalUncheckedUpdateManyInput = {},
  ) {
    const moved = await tx.proposal.updateMany({ where: { id: proposalId, status: { in: from } }, data: { ...data, status: to } });
    if (moved.count !== 1) throw new AppError("CONFLICT", "errors.wrongStage");
    await tx.proposalStatusEvent.create({ data: { proposalId, status: to, note, createdAt: clock.now() } });
  }

  async function announce(proposalId: number, status: ProposalStatus | null, notice: ProposalNotice, userIds: number[]) {
    if (status) events.publish("proposal.statusChanged", { proposalId, status, note: null });
    events.publish("proposal.progressed", { proposalId });
    await notifications.delivered(userIds, proposalId, notice);
  }

  async function load(proposalId: number) {
    const p = await prisma.proposal.findUnique({
      where: { id: proposalId },
      select: { id: true, title: true, status: true, authorId: true, departmentId: true, answerOutcome: true },
    });
    if (!p) throw notFound("errors.proposalNotFound");
    return p;
  }

  async function screeningQueue(viewer: Viewer) {
    requireViewer(viewer);
    if (!isModerator(viewer)) throw new AppError("FORBIDDEN", "errors.forbidden");
    const select = {
      id: true,
      title: true,
      createdAt: true,
      status: true,
      author: { select: { displayName: true } },
      category: { select: { name: true, nameEn: true } },
      district: { select: { name: true, nameEn: true } },
    } as const;
    const [screening, awaitingAssignment] = await Promise.all([
      prisma.proposal.findMany({ where: { status: "SCREENING" }, orderBy: { createdAt: "asc" }, select }),
      prisma.proposal.findMany({ where: { status: "THRESHOLD_REACHED" }, orderBy: { updatedAt: "asc" }, select }),
    ]);
    return { screening, awaitingAssignment };
  }

  /** 제안검토: open it for 공감, reject it with a reason, or send an everyday complaint to 민원. */
  async function screen(viewer: Viewer, raw: unknown) {
    const me = requireActor(viewer, "proposal.screen");
    if (!isModerator(me)) throw new AppError("FORBIDDEN", "errors.forbidden");
    const input = parse(ZScreenInput, raw);
    const proposal = await load(input.proposalId);
    const settings = await readCitySettings(prisma);
    const now = clock.now();
    const notice: ProposalNotice = {
      kind: "proposal.screened",
      messageKey: `notice.screened.${input.decision}`,
      params: { reason: input.reason ?? "" },
    };
    const userIds = await prisma.$transaction(async (tx) => {
      await transition(
        tx,
        proposal.id,
        ["SCREENING"],
        input.decision,
        input.reason ?? null,
        input.decision === "OPEN" ? { openedAt: now, closesAt: supportWindowEnd(settings, now) } : {},
      );
      await recordAudit(tx, me, {
        action: "proposal.screened",
        targetType: "Proposal",
        targetId: proposal.id,
        reason: input.reason,
        details: { decision: input.decision },
      });
      return notifications.toFollowers(tx, proposal.id, notice);
    });
    if (input.decision === "OPEN")
      events.publish("proposal.created", { proposalId: proposal.id, title: proposal.title, districtId: null, categoryId: 0 });
    await announce(proposal.id, input.decision, notice, userIds);
    return { proposalId: proposal.id, status: input.decision };
  }

  /** Sends a proposal that reached its threshold to a department, or moves it to another one. */
  async function assign(viewer: Viewer, raw: unknown) {
    const me = requireActor(viewer, "proposal.assign");
    const input = parse(ZAssignInput, raw);
    const proposal = await load(input.proposalId);
    const reassigning = proposal.status === "ASSIGNED";
    if (!(isModerator(me) || (reassigning && canActForDepartment(me, proposal.departmentId))))
      throw new AppError("FORBIDDEN", "errors.forbidden");
    const department = await prisma.department.findUnique({ where: { id: input.departmentId } });
    if (!department)
      throw new AppError("VALIDATION", "errors.validation", { issues: [{ path: "departmentId", key: "validation.invalidChoice" }] });
    if (reassigning && department.id === proposal.departmentId) throw new AppError("CONFLICT", "errors.sameDepartment");
    const settings = await readCitySettings(prisma);
    const now = clock.now();
    const notice: ProposalNotice = {
      kind: "proposal.assigned",
      messageKey: "notice.assigned",
      params: { department: { ko: department.name, en: department.nameEn } },
    };
    const userIds = await prisma.$transaction(async (tx) => {
      await transition(
        tx,
        proposal.id,
        ["THRESHOLD_REACHED", "ASSIGNED"],
        "ASSIGNED",
        [department.name, input.note].filter(Boolean).join(" — "),
        {
          departmentId: department.id,
          answerDueAt: answerDueAt(settings, now),
          answerOverdueAt: null,
        },
      );
      await recordAudit(tx, me, {
        action: reassigning ? "proposal.reassigned" : "proposal.assigned",
        targetType: "Proposal",
        targetId: proposal.id,
        reason: input.note,
        details: { departmentId: department.id },
      });
      return notifications.toFollowers(tx, proposal.id, notice);
    });
    await announce(proposal.id, "ASSIGNED", notice, userIds);
    return { proposalId: proposal.id, departmentId: department.id };
  }

  /** The department answers: interim answers while it works, then one final answer with an outcome. */
  async function answer(viewer: Viewer, raw: unknown) {
    const me = requireActor(viewer, "department.answer");
    const input = parse(ZAnswerInput, raw);
    const proposal = await load(input.proposalId);
    if (!canActForDepartment(me, proposal.departmentId)) throw new AppError("FORBIDDEN", "errors.notYourDepartment");
    if (proposal.status !== "ASSIGNED") throw new AppError("CONFLICT", "errors.wrongStage");
    const now = clock.now();
    const notice: ProposalNotice =
      input.kind === "FINAL"
        ? { kind: "proposal.answered", messageKey: `notice.answered.${input.outcome}` }
        : { kind: "proposal.interimAnswer", messageKey: "notice.interimAnswer" };
    const userIds = await prisma.$transaction(async (tx) => {
      await tx.proposalAnswer.create({
        data: {
          proposalId: proposal.id,
          departmentId: proposal.departmentId!,
          authorId: me.id,
          kind: input.kind,
          outcome: input.outcome ?? null,
          body: input.body,
          createdAt: now,
        },
      });
      if (input.kind === "FINAL") {
        await transition(tx, proposal.id, ["ASSIGNED"], "ANSWERED", null, { answerOutcome: input.outcome! });
      }
      return notifications.toFollowers(tx, proposal.id, notice);
    });
    await announce(proposal.id, input.kind === "FINAL" ? "ANSWERED" : null, notice, userIds);
    return { proposalId: proposal.id, kind: input.kind };
  }

  /** Implementation steps of an adopted proposal; the first one starts 추진 중. */
  async function addMilestone(viewer: Viewer, raw: unknown) {
    const me = requireActor(viewer, "department.milestone");
    const input = parse(ZMilestoneInput, raw);
    const proposal = await load(input.proposalId);
    if (!canActForDepartment(me, proposal.departmentId)) throw new AppError("FORBIDDEN", "errors.notYourDepartment");
    const adopted = proposal.answerOutcome === "ADOPTED" || proposal.answerOutcome === "PARTLY_ADOPTED";
    if (!adopted || !["ANSWERED", "IN_PROGRESS"].includes(proposal.status)) throw new AppError("CONFLICT", "errors.wrongStage");
    const notice: ProposalNotice = { kind: "proposal.milestone", messageKey: "notice.milestoneAdded", params: { milestone: input.title } };
    const userIds = await prisma.$transaction(async (tx) => {
      await tx.milestone.create({
        data: { proposalId: proposal.id, title: input.title, dueAt: input.dueAt ?? null, createdAt: clock.now() },
      });
      if (proposal.status === "ANSWERED") await transition(tx, proposal.id, ["ANSWERED"], "IN_PROGRESS", input.title);
      return notifications.toFollowers(tx, proposal.id, notice);
    });
    await announce(proposal.id, proposal.status === "ANSWERED" ? "IN_PROGRESS" : null, notice, userIds);
  }

  /** Marks a step done; when every step is done the proposal is 추진 완료. */
  async function completeMilestone(viewer: Viewer, rawId: unknown) {
    const me = requireActor(viewer, "department.milestone");
    const milestoneId = parse(id, rawId);
    const milestone = await prisma.milestone.findUnique({
      where: { id: milestoneId },
      select: { proposalId: true, title: true, completedAt: true },
    });
    if (!milestone) throw notFound();
    const proposal = await load(milestone.proposalId);
    if (!canActForDepartment(me, proposal.departmentId)) throw new AppError("FORBIDDEN", "errors.notYourDepartment");
    if (proposal.status !== "IN_PROGRESS") throw new AppError("CONFLICT", "errors.wrongStage");
    if (milestone.completedAt) return { proposalId: proposal.id, completed: false };
    const now = clock.now();
    const result = await prisma.$transaction(async (tx) => {
      await tx.milestone.updateMany({ where: { id: milestoneId, completedAt: null }, data: { completedAt: now } });
      const open = await tx.milestone.count({ where: { proposalId: proposal.id, completedAt: null } });
      const notice: ProposalNotice =
        open === 0
          ? { kind: "proposal.completed", messageKey: "notice.completed" }
          : { kind: "proposal.milestone", messageKey: "notice.milestoneDone", params: { milestone: milestone.title } };
      if (open === 0) await transition(tx, proposal.id, ["IN_PROGRESS"], "COMPLETED", null);
      return { notice, completed: open === 0, userIds: await notifications.toFollowers(tx, proposal.id, notice) };
    });
    await announce(proposal.id, result.completed ? "COMPLETED" : null, result.notice, result.userIds);
    return { proposalId: proposal.id, completed: result.completed };
  }

  /** A department officer's inbox: what is assigned to them, soonest deadline first. */
  async function inbox(viewer: Viewer) {
    const me = requireViewer(viewer);
    if (!me.roles.includes("OFFICER") || me.departmentId === null) throw new AppError("FORBIDDEN", "errors.forbidden");
    return prisma.proposal.findMany({
      where: { departmentId: me.departmentId, status: { in: ["ASSIGNED", "ANSWERED", "IN_PROGRESS"] } },
      orderBy: [{ answerDueAt: "asc" }, { id: "asc" }],
      select: {
        id: true,
        title: true,
        status: true,
        answerDueAt: true,
        answerOverdueAt: true,
        answerOutcome: true,
        _count: { select: { supports: true, answers: true, milestones: true } },
      },
    });
  }

  /** Scheduler step: flags answers past their deadline, once. Returns the flagged ids. */
  async function flagOverdue(): Promise<number[]> {
    const now = clock.now();
    const due = await prisma.proposal.findMany({
      where: { status: "ASSIGNED", answerDueAt: { lte: now }, answerOverdueAt: null },
      select: { id: true },
    });
    const flagged: number[] = [];
    for (const { id: proposalId } of due) {
      const notice: ProposalNotice = { kind: "proposal.answerOverdue", messageKey: "notice.answerOverdue" };
      const userIds = await prisma.$transaction(async (tx) => {
        const moved = await tx.proposal.updateMany({
          where: { id: proposalId, status: "ASSIGNED", answerOverdueAt: null },
          data: { answerOverdueAt: now },
        });
        return moved.count === 1 ? notifications.toFollowers(tx, proposalId, notice) : null;
      });
      if (userIds) {
        flagged.push(proposalId);
        await announce(proposalId, null, notice, userIds);
      }
    }
    return flagged;
  }

  return { screeningQueue, screen, assign, answer, addMilestone, completeMilestone, inbox, flagOverdue };
}

export type LifecycleService = ReturnType<typeof createLifecycleService>;
