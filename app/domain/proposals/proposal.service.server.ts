// Proposal marketplace rules: listing, reading, proposing and 공감 (support).
import type { Prisma, PrismaClient } from "../db.ts";
import { AppError, notFound, validationError } from "../errors.ts";
import type { EligibilityService } from "../eligibility/eligibility.service.server.ts";
import { z } from "zod";
import type { EventBus } from "../events.ts";
import type { NotificationService } from "../notifications/notification.service.server.ts";
import { renderMarkdown } from "../markdown.server.ts";
import { searchTokens, searchWhere } from "../search/tokens.ts";
import type { RateLimiter } from "../ports.ts";
import type { Clock, Viewer } from "../viewer.ts";
import { isModerator } from "../roles/roles.policy.ts";
import { canCreateProposal, canSupportProposal, isOpenForSupport } from "./proposal.policy.ts";
import {
  ZCreateProposalInput,
  ZListProposalsInput,
  ZProposalId,
  type TCreateProposalInput,
  type TListProposalsInput,
} from "./proposal.schema.ts";
import { SUPPORT_TIER_CONSEQUENCES } from "./proposal.types.ts";
import type {
  ProposalDetail,
  ProposalPage,
  ProposalStatus,
  ProposalSummary,
  StanceTally,
  SupportResult,
} from "./proposal.types.ts";

type Deps = {
  prisma: PrismaClient;
  events: EventBus;
  clock: Clock;
  eligibility: EligibilityService;
  limits: RateLimiter;
  notifications: NotificationService;
};

/** Extra support tiers with their consequence (Seoul: 100 → deliberation forum, 1,000 → the mayor answers). */
export const ZSupportTiers = z
  .array(z.object({ threshold: z.number().int().min(1).max(10_000_000), consequence: z.enum(SUPPORT_TIER_CONSEQUENCES) }))
  .max(5);

const EXCERPT_LENGTH = 140;

/** Edits are open to the author until the first 공감, while in screening or open. */
export function isEditable(proposal: { authorId: number; status: ProposalStatus }, supportCount: number, viewer: Viewer): boolean {
  return (
    viewer !== null && viewer !== undefined && !viewer.suspended && proposal.authorId === viewer.id && supportCount === 0 &&
    (proposal.status === "DRAFT" || proposal.status === "SCREENING" || proposal.status === "OPEN")
  );
}

const summarySelect = (viewer: Viewer) =>
  ({
    id: true,
    title: true,
    body: true,
    status: true,
    authorId: true,
    estimatedCostKrw: true,
    viewCount: true,
    openedAt: true,
    closesAt: true,
    createdAt: true,
    category: { select: { id: true, code: true, name: true, nameEn: true } },
    district: { select: { id: true, code: true, name: true, nameEn: true } },
    author: { select: { id: true, displayName: true } },
    _count: { select: { supports: true, comments: true } },
    supports: { where: { userId: viewer?.id ?? -1 }, select: { userId: true } },
  }) satisfies Prisma.ProposalSelect;

type SummaryRow = Prisma.ProposalGetPayload<{ select: ReturnType<typeof summarySelect> }>;

export function createProposalService({ prisma, events, clock, eligibility, limits, notifications }: Deps) {
  async function threshold() {
    const settings = await prisma.citySetting.findUnique({ where: { id: 1 } });
    return {
      supportThreshold: settings?.supportThreshold ?? 50,
      supportWindowDays: settings?.supportWindowDays ?? 30,
      screeningRequired: settings?.screeningRequired ?? true,
      tiers: ZSupportTiers.safeParse(settings?.supportTiers ?? []).data ?? [],
    };
  }

  async function stanceTallies(ids: number[]): Promise<Map<number, StanceTally>> {
    const tallies = new Map<number, StanceTally>(ids.map((id) => [id, { pro: 0, con: 0, neutral: 0 }]));
    if (ids.length === 0) return tallies;
    const groups = await prisma.comment.groupBy({
      by: ["proposalId", "stance"],
      where: { proposalId: { in: ids } },
      _count: { _all: true },
    });
    for (const g of groups) {
      const t = tallies.get(g.proposalId!)!;
      if (g.stance === "PRO") t.pro = g._count._all;
      else if (g.stance === "CON") t.con = g._count._all;
      else t.neutral = g._count._all;
    }
    return tallies;
  }

  function toSummary(row: SummaryRow, stance: StanceTally, supportThreshold: number): ProposalSummary {
    const now = clock.now();
    // The excerpt is plain text: markdown marks and tags are dropped, React escapes the rest.
    const flat = row.body.replace(/<[^>]*>|[*_`#>[\]]|\]\([^)]*\)/g, "").replace(/\s+/g, " ").trim();
    return {
      id: row.id,
      title: row.title,
      body: row.body,
      excerpt: flat.length > EXCERPT_LENGTH ? `${flat.slice(0, EXCERPT_LENGTH)}…` : flat,
      status: row.status,
      category: row.category,
      district: row.district,
      author: row.author,
      estimatedCostKrw: row.estimatedCostKrw === null ? null : Number(row.estimatedCostKrw),
      supportCount: row._count.supports,
      supportThreshold,
      commentCount: row._count.comments,
      viewCount: row.viewCount,
      stance,
      openedAt: row.openedAt,
      closesAt: row.closesAt,
      createdAt: row.createdAt,
      isOpenForSupport: isOpenForSupport(row, now),
      viewerHasSupported: row.supports.length > 0,
    };
  }

  function parseId(id: unknown): number {
    const parsed = ZProposalId.safeParse(id);
    if (!parsed.success) throw notFound("errors.proposalNotFound");
    return parsed.data;
  }

  async function list(viewer: Viewer, rawInput: TListProposalsInput = {}): Promise<ProposalPage> {
    const parsed = ZListProposalsInput.safeParse(rawInput);
    if (!parsed.success) throw validationError(parsed.error);
    const input = parsed.data;
    const now = clock.now();

    const where: Prisma.ProposalWhereInput = {
      ...searchWhere(input.q),
      status: input.status ?? { notIn: ["DRAFT", "SCREENING", "MERGED"] },
      // Proposals submitted straight into a round are listed with the round, not on the board.
      roundId: null,
      // Nobody lists others' drafts; only moderators list what is in screening.
      ...(input.status === "DRAFT" || (input.status === "SCREENING" && !isModerator(viewer)) ? { id: -1 } : {}),
      categoryId: input.categoryId,
      ...(input.cityWide ? { districtId: null } : input.districtId ? { districtId: input.districtId } : {}),
    };
    let orderBy: Prisma.ProposalOrderByWithRelationInput[];
    switch (input.sort) {
      case "newest":
        orderBy = [{ openedAt: "desc" }, { id: "desc" }];
        break;
      case "closing":
        // 마감 임박: only what can still be supported, soonest deadline first.
        where.closesAt = { gt: now };
        where.status = input.status ?? { in: ["OPEN", "THRESHOLD_REACHED"] };
        orderBy = [{ closesAt: "asc" }, { id: "asc" }];
        break;
      case "comments":
        orderBy = [{ comments: { _count: "desc" } }, { id: "desc" }];
        break;
      case "views":
        orderBy = [{ viewCount: "desc" }, { id: "desc" }];
        break;
      default:
        orderBy = [{ supports: { _count: "desc" } }, { id: "desc" }];
    }

    const [rows, totalCount, { supportThreshold }] = await Promise.all([
      prisma.proposal.findMany({ where, orderBy, skip: input.offset, take: input.limit, select: summarySelect(viewer) }),
      prisma.proposal.count({ where }),
      threshold(),
    ]);
    const tallies = await stanceTallies(rows.map((r) => r.id));
    return {
      items: rows.map((r) => toSummary(r, tallies.get(r.id)!, supportThreshold)),
      totalCount,
      offset: input.offset,
      limit: input.limit,
    };
  }

  async function get(viewer: Viewer, rawId: unknown, options: { countView?: boolean } = {}): Promise<ProposalDetail> {
    const id = parseId(rawId);
    if (options.countView) {
      await prisma.proposal.updateMany({ where: { id }, data: { viewCount: { increment: 1 } } });
    }
    const row = await prisma.proposal.findUnique({
      where: { id },
      select: {
        ...summarySelect(viewer),
        department: { select: { id: true, code: true, name: true, nameEn: true } },
        answerDueAt: true,
        answerOverdueAt: true,
        answerOutcome: true,
        answers: {
          orderBy: [{ createdAt: "asc" }, { id: "asc" }],
          select: { id: true, kind: true, outcome: true, body: true, createdAt: true, department: { select: { name: true, nameEn: true } } },
        },
        milestones: { orderBy: [{ id: "asc" }], select: { id: true, title: true, dueAt: true, completedAt: true } },
        tiersReached: { orderBy: { threshold: "asc" }, select: { threshold: true, consequence: true, reachedAt: true } },
        mergedInto: { select: { id: true, title: true } },
        round: { select: { id: true, title: true } },
        entries: { where: { status: { not: "WITHDRAWN" } }, select: { id: true, status: true, round: { select: { id: true, title: true } } } },
        tags: true,
        latitude: true,
        longitude: true,
        updates: { orderBy: [{ createdAt: "asc" }, { id: "asc" }], select: { id: true, body: true, createdAt: true } },
        attachments: { orderBy: [{ id: "asc" }], select: { id: true, fileName: true, mimeType: true, size: true, createdAt: true } },
        statusEvents: { orderBy: [{ createdAt: "asc" }, { id: "asc" }], select: { status: true, note: true, createdAt: true } },
        comments: {
          orderBy: [{ createdAt: "asc" }, { id: "asc" }],
          select: {
            id: true,
            parentId: true,
            stance: true,
            body: true,
            createdAt: true,
            author: { select: { id: true, displayName: true } },
          },
        },
      },
    });
    // Proposals in screening are visible only to their author and to moderators.
    // Drafts are the author's alone; proposals in screening are visible to the author and moderators.
    const own = row?.authorId === viewer?.id;
    if (!row || (row.status === "DRAFT" && !own) || (row.status === "SCREENING" && !own && !isModerator(viewer))) {
      throw notFound("errors.proposalNotFound");
    }
    const [tallies, { supportThreshold }] = await Promise.all([stanceTallies([id]), threshold()]);
    return {
      ...toSummary(row, tallies.get(id)!, supportThreshold),
      bodyHtml: renderMarkdown(row.body),
      department: row.department,
      answerDueAt: row.answerDueAt,
      answerOverdueAt: row.answerOverdueAt,
      answerOutcome: row.answerOutcome,
      answers: row.answers,
      milestones: row.milestones,
      tiersReached: row.tiersReached,
      mergedInto: row.mergedInto,
      /** Submitted straight into this round (its debate and 공감 follow the round). */
      directRound: row.round,
      /** The rounds it takes part in, with the entry's status there. */
      rounds: row.entries.map((e) => ({ entryId: e.id, status: e.status, id: e.round.id, title: e.round.title })),
      timeline: row.statusEvents.map((e) => ({ status: e.status, note: e.note, at: e.createdAt })),
      comments: row.comments,
      tags: row.tags,
      latitude: row.latitude,
      longitude: row.longitude,
      updates: row.updates.map((u) => ({ ...u, bodyHtml: renderMarkdown(u.body) })),
      attachments: row.attachments,
      editable: isEditable(row, row._count.supports, viewer),
    };
  }

  /** Posts a proposal, or with `draft` keeps it as the author's private draft (작성 중). */
  /**
   * Posts a proposal, or with `draft` keeps it as the author's private draft (작성 중). With
   * `round` it is an entry submitted straight into that round: no board screening or 공감
   * window (the round's own review and phases apply), and the round checks eligibility.
   */
  async function create(
    viewer: Viewer,
    rawInput: TCreateProposalInput,
    { draft = false, round }: { draft?: boolean; round?: { id: number; closesAt: Date } } = {},
  ): Promise<ProposalDetail> {
    const allowed = canCreateProposal(viewer);
    if (!allowed.ok) throw new AppError(allowed.code, allowed.key);
    const parsed = ZCreateProposalInput.safeParse(rawInput);
    if (!parsed.success) throw validationError(parsed.error);
    const input = parsed.data;
    // A draft is private: eligibility and limits apply when it is submitted.
    if (!draft) {
      if (!round) await eligibility.assertEligible(viewer!);
      await limits.consume("post", String(viewer!.id));
    }

    const [category, district, { supportWindowDays, screeningRequired }] = await Promise.all([
      prisma.category.findUnique({ where: { id: input.categoryId } }),
      input.districtId ? prisma.district.findUnique({ where: { id: input.districtId } }) : null,
      threshold(),
    ]);
    const issues = [];
    if (!category) issues.push({ path: "categoryId", key: "validation.invalidChoice" });
    if (input.districtId && !district) issues.push({ path: "districtId", key: "validation.invalidChoice" });
    if (issues.length) throw new AppError("VALIDATION", "errors.validation", { issues });

    const now = clock.now();
    const closesAt = round?.closesAt ?? new Date(now.getTime() + supportWindowDays * 24 * 60 * 60 * 1000);
    const status = draft ? "DRAFT" : screeningRequired && !round ? "SCREENING" : "OPEN";
    const created = await prisma.proposal.create({
      data: {
        title: input.title,
        body: input.body,
        searchTokens: searchTokens(input.title, input.body),
        categoryId: input.categoryId,
        districtId: input.districtId ?? null,
        estimatedCostKrw: input.estimatedCostKrw === undefined ? null : BigInt(input.estimatedCostKrw),
        tags: input.tags,
        latitude: input.latitude ?? null,
        longitude: input.longitude ?? null,
        authorId: viewer!.id,
        // With screening (제안검토) the window starts when a moderator opens it.
        status,
        roundId: round?.id ?? null,
        openedAt: now,
        closesAt,
        createdAt: now,
        statusEvents: { create: { status, createdAt: now } },
        follows: { create: { userId: viewer!.id, createdAt: now } },
      },
      select: { id: true },
    });
    if (status !== "OPEN" || round) return get(viewer, created.id);
    events.publish("proposal.created", {
      proposalId: created.id,
      title: input.title,
      districtId: input.districtId ?? null,
      categoryId: input.categoryId,
    });
    return get(viewer, created.id);
  }

  /** The author submits a draft: it goes to screening (or opens, where the city does not screen). */
  async function submitDraft(viewer: Viewer, rawId: unknown): Promise<ProposalDetail> {
    const id = parseId(rawId);
    const allowed = canCreateProposal(viewer);
    if (!allowed.ok) throw new AppError(allowed.code, allowed.key);
    const draft = await prisma.proposal.findUnique({ where: { id }, select: { authorId: true, status: true, title: true, districtId: true, categoryId: true } });
    if (!draft || (draft.status === "DRAFT" && draft.authorId !== viewer!.id)) throw notFound("errors.proposalNotFound");
    if (draft.authorId !== viewer!.id) throw new AppError("FORBIDDEN", "content.errors.notAuthor");
    if (draft.status !== "DRAFT") throw new AppError("CONFLICT", "errors.wrongStage");
    await eligibility.assertEligible(viewer!);
    await limits.consume("post", String(viewer!.id));
    const { supportWindowDays, screeningRequired } = await threshold();
    const now = clock.now();
    const next = screeningRequired ? "SCREENING" : "OPEN";
    await prisma.$transaction(async (tx) => {
      const moved = await tx.proposal.updateMany({
        where: { id, status: "DRAFT" },
        data: { status: next, openedAt: now, closesAt: new Date(now.getTime() + supportWindowDays * 24 * 60 * 60 * 1000) },
      });
      if (moved.count !== 1) throw new AppError("CONFLICT", "errors.wrongStage");
      await tx.proposalStatusEvent.create({ data: { proposalId: id, status: next, createdAt: now } });
    });
    if (next === "OPEN") events.publish("proposal.created", { proposalId: id, title: draft.title, districtId: draft.districtId, categoryId: draft.categoryId });
    return get(viewer, id);
  }

  /** The viewer's own proposals in every stage, drafts included, newest first. */
  async function mine(viewer: Viewer): Promise<ProposalSummary[]> {
    if (!viewer) throw new AppError("UNAUTHENTICATED", "errors.loginRequired");
    const [rows, { supportThreshold }] = await Promise.all([
      prisma.proposal.findMany({ where: { authorId: viewer.id }, orderBy: [{ createdAt: "desc" }, { id: "desc" }], take: 100, select: summarySelect(viewer) }),
      threshold(),
    ]);
    const tallies = await stanceTallies(rows.map((r) => r.id));
    return rows.map((r) => toSummary(r, tallies.get(r.id)!, supportThreshold));
  }

  async function support(viewer: Viewer, rawId: unknown): Promise<SupportResult> {
    const id = parseId(rawId);
    const now = clock.now();
    const { supportThreshold, tiers } = await threshold();
    if (viewer && !viewer.suspended) {
      await eligibility.assertEligible(viewer);
      await limits.consume("support", String(viewer.id));
    }
    const result = await prisma.$transaction(async (tx) => {
      // Waits for a merge of this proposal in progress, so a 공감 never lands on a merged one.
      await tx.$queryRaw`SELECT id FROM "Proposal" WHERE id = ${id} FOR SHARE`;
      const proposal = await tx.proposal.findUnique({
        where: { id },
        select: { id: true, authorId: true, status: true, closesAt: true, roundId: true },
      });
      if (!proposal || proposal.status === "SCREENING" || proposal.status === "DRAFT") throw notFound("errors.proposalNotFound");
      if (proposal.roundId) throw new AppError("CONFLICT", "rounds.errors.noSupportInRound");
      const allowed = canSupportProposal(viewer, proposal, now);
      if (!allowed.ok) throw new AppError(allowed.code, allowed.key);

      // The (proposalId, userId) key makes a second 공감 by the same person a no-op.
      const inserted = await tx.support.createMany({
        data: [{ proposalId: id, userId: viewer!.id, createdAt: now }],
        skipDuplicates: true,
      });
      // Supporters hear about every later stage (they can unfollow).
      if (inserted.count === 1) await tx.follow.createMany({ data: [{ proposalId: id, userId: viewer!.id, createdAt: now }], skipDuplicates: true });
      const supportCount = await tx.support.count({ where: { proposalId: id } });
      let status: ProposalStatus = proposal.status;
      let reachedThreshold = false;
      if (supportCount >= supportThreshold && proposal.status === "OPEN") {
        // Guarded update: of two concurrent supporters only one moves the status.
        const moved = await tx.proposal.updateMany({
          where: { id, status: "OPEN" },
          data: { status: "THRESHOLD_REACHED" },
        });
        if (moved.count === 1) {
          await tx.proposalStatusEvent.create({
            data: { proposalId: id, status: "THRESHOLD_REACHED", createdAt: now },
          });
          reachedThreshold = true;
        }
        status = "THRESHOLD_REACHED";
      }
      // Tiers are reached once, and stay reached even if supports are later withdrawn.
      const due = tiers.filter((t) => t.threshold <= supportCount);
      const tiersReached = due.length
        ? (await tx.proposalTierReached.createManyAndReturn({
            data: due.map((t) => ({ proposalId: id, threshold: t.threshold, consequence: t.consequence, reachedAt: now })),
            skipDuplicates: true,
          })).map((t) => ({ threshold: t.threshold, consequence: t.consequence }))
        : [];
      return { supportCount, status, changed: inserted.count === 1, reachedThreshold, tiersReached };
    });
    if (result.changed) {
      events.publish("proposal.supportChanged", { proposalId: id, supportCount: result.supportCount, status: result.status });
    }
    if (result.reachedThreshold) {
      events.publish("proposal.statusChanged", { proposalId: id, status: "THRESHOLD_REACHED", note: null });
      await notifications.notifyFollowers(id, { kind: "proposal.thresholdReached", messageKey: "notice.thresholdReached" });
    }
    for (const tier of result.tiersReached) {
      await notifications.notifyFollowers(id, {
        kind: "proposal.tierReached",
        messageKey: "notice.tierReached",
        params: { threshold: tier.threshold, consequence: `@tiers.${tier.consequence}` },
      });
    }
    return { proposalId: id, supportCount: result.supportCount, supported: true, status: result.status, changed: result.changed };
  }

  async function withdrawSupport(viewer: Viewer, rawId: unknown): Promise<SupportResult> {
    const id = parseId(rawId);
    if (!viewer) throw new AppError("UNAUTHENTICATED", "errors.loginRequired");
    const now = clock.now();
    const result = await prisma.$transaction(async (tx) => {
      const proposal = await tx.proposal.findUnique({ where: { id }, select: { status: true, closesAt: true } });
      if (!proposal || proposal.status === "SCREENING") throw notFound("errors.proposalNotFound");
      // Withdrawing is allowed only while the window is open; a threshold once reached stays reached.
      if (!isOpenForSupport(proposal, now)) throw new AppError("CONFLICT", "errors.supportClosed");
      const removed = await tx.support.deleteMany({ where: { proposalId: id, userId: viewer.id } });
      const supportCount = await tx.support.count({ where: { proposalId: id } });
      return { supportCount, status: proposal.status, changed: removed.count === 1 };
    });
    if (result.changed) {
      events.publish("proposal.supportChanged", { proposalId: id, supportCount: result.supportCount, status: result.status });
    }
    return { proposalId: id, supportCount: result.supportCount, supported: false, status: result.status, changed: result.changed };
  }

  /** Closes the support window of proposals whose 30 days ran out below the threshold. Idempotent. */
  async function expireDue(): Promise<number[]> {
    const now = clock.now();
    const expired = await prisma.$transaction(async (tx) => {
      const due = await tx.proposal.findMany({
        where: { status: "OPEN", closesAt: { lte: now }, roundId: null },
        select: { id: true },
      });
      const ids: number[] = [];
      for (const { id } of due) {
        const moved = await tx.proposal.updateMany({ where: { id, status: "OPEN" }, data: { status: "EXPIRED" } });
        if (moved.count === 1) {
          await tx.proposalStatusEvent.create({ data: { proposalId: id, status: "EXPIRED", createdAt: now } });
          ids.push(id);
        }
      }
      return ids;
    });
    for (const proposalId of expired) events.publish("proposal.statusChanged", { proposalId, status: "EXPIRED", note: null });
    return expired;
  }

  /** Headline numbers for the front page, derived from rows. */
  async function stats() {
    const [byStatus, supports] = await Promise.all([
      prisma.proposal.groupBy({ by: ["status"], _count: { _all: true } }),
      prisma.support.count(),
    ]);
    const count = (...statuses: ProposalStatus[]) =>
      byStatus.filter((g) => statuses.includes(g.status)).reduce((sum, g) => sum + g._count._all, 0);
    return {
      open: count("OPEN"),
      thresholdReached: count("THRESHOLD_REACHED", "ASSIGNED"),
      answered: count("ANSWERED", "IN_PROGRESS", "COMPLETED"),
      supports,
    };
  }

  return { list, get, create, submitDraft, mine, support, withdrawSupport, expireDue, stats };
}

export type ProposalService = ReturnType<typeof createProposalService>;
