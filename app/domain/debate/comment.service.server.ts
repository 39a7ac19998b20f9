// Debate on a proposal or in a round: threaded comments (two levels) with a stance
// (찬성/반대/중립), sanitized markdown, @mentions, edit history, reactions, moderator pins and
// hides (a placeholder with the reason stays visible; the author may appeal), locked threads,
// reports, and a banned-word filter that holds a comment for review. Every change is pushed
// live to the proposal's or the round's room. A proposal submitted straight into a round, and
// the round's own debate, follow the round's phases (commenting only while a phase allows it).
import { z } from "zod";
import type { Prisma, PrismaClient } from "../db.ts";
import { AppError, notFound, validationError } from "../errors.ts";
import type { EventBus } from "../events.ts";
import { renderMarkdown } from "../markdown.server.ts";
import { recordAudit } from "../audit/audit.service.server.ts";
import type { EligibilityService } from "../eligibility/eligibility.service.server.ts";
import type { NotificationService } from "../notifications/notification.service.server.ts";
import type { RateLimiter } from "../ports.ts";
import { isModerator } from "../roles/roles.policy.ts";
import type { RoundService } from "../rounds/round.service.server.ts";
import type { Clock, Viewer } from "../viewer.ts";

export const COMMENT_MAX = 3000;
const id = z.coerce.number().int().positive().max(2_147_483_647);
type Sort = "best" | "newest" | "stance";

const optionalTargetId = z.preprocess((v) => (v === "" || v == null ? undefined : v), id.optional());
export const ZCommentInput = z.object({
  proposalId: optionalTargetId,
  roundId: optionalTargetId,
  parentId: z.preprocess((v) => (v === "" || v == null ? undefined : v), id.optional()),
  stance: z.enum(["PRO", "CON", "NEUTRAL"], { errorMap: () => ({ message: "validation.invalidChoice" }) }).default("NEUTRAL"),
  body: z.string({ required_error: "validation.required" }).trim().min(2).max(COMMENT_MAX),
});
export const ZEditInput = z.object({ commentId: id, body: z.string().trim().min(2).max(COMMENT_MAX) });
export const ZModerateInput = z.object({ commentId: id, reason: z.string().trim().min(2, "validation.reasonRequired").max(500) });
export const ZReportInput = z.object({ commentId: id, reason: z.string().trim().min(2, "validation.reasonRequired").max(500) });
export const ZAppealInput = z.object({ commentId: id, reason: z.string().trim().min(10).max(1000) });
export const ZResolveAppealInput = z.object({
  appealId: id,
  outcome: z.enum(["UPHELD", "REVERSED"], { errorMap: () => ({ message: "validation.invalidChoice" }) }),
  response: z.string().trim().min(2, "validation.reasonRequired").max(1000),
});

export type DebateTarget = { proposalId: number; roundId?: undefined } | { roundId: number; proposalId?: undefined };

/** @mentions: "@" then a name without spaces, up to 30 characters. */
export function mentionedNames(body: string): string[] {
  const names = [...body.matchAll(/(?:^|[^\p{L}\p{N}_.@])@([\p{L}\p{N}_.-]{1,30})/gu)].map((m) => m[1]!.replace(/[.-]+$/, ""));
  // Korean attaches honorifics to names ("@박준호님"): the name without them counts too.
  return [...new Set(names.flatMap((n) => [n, n.replace(/(님|씨)$/u, "")]).filter(Boolean))];
}

export type CommentView = {
  id: number;
  parentId: number | null;
  author: { id: number; displayName: string };
  stance: "PRO" | "CON" | "NEUTRAL";
  /** Sanitized HTML; empty when hidden or held. Mentions are wrapped in <span class="mention">. */
  bodyHtml: string;
  createdAt: Date;
  editedAt: Date | null;
  pinned: boolean;
  hidden: { reason: string; at: Date } | null;
  held: boolean;
  reactions: number;
  viewerReacted: boolean;
  /** The author's appeal against a hide, if any (seen by the author and moderators). */
  appeal: { status: "OPEN" | "UPHELD" | "REVERSED"; response: string | null } | null;
};

type Deps = {
  prisma: PrismaClient;
  clock: Clock;
  events: EventBus;
  eligibility: EligibilityService;
  limits: RateLimiter;
  notifications: NotificationService;
  rounds: Pick<RoundService, "assertPhaseAllows" | "eligibilityOf">;
};

function parse<T extends z.ZodTypeAny>(schema: T, raw: unknown): z.infer<T> {
  const parsed = schema.safeParse(raw);
  if (!parsed.success) throw validationError(parsed.error);
  return parsed.data;
}

function requireViewer(viewer: Viewer): NonNullable<Viewer> {
  if (!viewer) throw new AppError("UNAUTHENTICATED", "errors.loginRequired");
  return viewer;
}

/** Words the city holds for review, case-insensitively, as substrings (Korean has no spaces to rely on). */
export function containsBannedWord(text: string, words: string[]): boolean {
  const normalized = text.normalize("NFKC").toLowerCase().replace(/\s+/g, "");
  return words.some((w) => w && normalized.includes(w.normalize("NFKC").toLowerCase().replace(/\s+/g, "")));
}

/** Wraps @name in a span, outside tags only (the HTML is already sanitized). */
function markMentions(html: string): string {
  return html.replace(/(^|>)([^<]*)/g, (_all, open: string, text: string) =>
    open + text.replace(/(^|[\s(])@([\p{L}\p{N}_.-]{1,30})/gu, (_m, lead: string, name: string) => `${lead}<span class="mention">@${name}</span>`),
  );
}

const where = (target: DebateTarget) => (target.roundId ? { roundId: target.roundId } : { proposalId: target.proposalId! });

export function createCommentService({ prisma, clock, events, eligibility, limits, notifications, rounds }: Deps) {
  async function bannedWords(): Promise<string[]> {
    const s = await prisma.citySetting.findUnique({ where: { id: 1 }, select: { bannedWords: true } });
    return s?.bannedWords ?? [];
  }

  const select = (viewer: Viewer) =>
    ({
      id: true,
      parentId: true,
      stance: true,
      body: true,
      createdAt: true,
      editedAt: true,
      pinnedAt: true,
      hiddenAt: true,
      hiddenReason: true,
      heldAt: true,
      authorId: true,
      author: { select: { id: true, displayName: true } },
      _count: { select: { reactions: true } },
      reactions: { where: { userId: viewer?.id ?? -1 }, select: { userId: true } },
      appeals: { orderBy: { createdAt: "desc" }, take: 1, select: { resolvedAt: true, outcome: true, response: true, createdAt: true } },
    }) satisfies Prisma.CommentSelect;
  type Row = Prisma.CommentGetPayload<{ select: ReturnType<typeof select> }>;

  function view(row: Row, viewer: Viewer): CommentView {
    // Held comments are shown to their author and moderators only; hidden ones as a placeholder.
    const canSeeHeld = !!viewer && (viewer.id === row.authorId || isModerator(viewer));
    const visible = !row.hiddenAt && (!row.heldAt || canSeeHeld);
    return {
      id: row.id,
      parentId: row.parentId,
      author: row.author,
      stance: row.stance,
      bodyHtml: visible ? markMentions(renderMarkdown(row.body)) : "",
      createdAt: row.createdAt,
      editedAt: row.editedAt,
      pinned: row.pinnedAt !== null,
      hidden: row.hiddenAt ? { reason: row.hiddenReason ?? "", at: row.hiddenAt } : null,
      held: row.heldAt !== null,
      reactions: row._count.reactions,
      viewerReacted: row.reactions.length > 0,
      appeal:
        row.appeals[0] && (viewer?.id === row.authorId || isModerator(viewer))
          ? { status: row.appeals[0].outcome ?? "OPEN", response: row.appeals[0].response }
          : null,
    };
  }

  /** The thread: pinned first, then by "best" (reactions), "newest", or grouped by stance. */
  async function thread(viewer: Viewer, rawProposalId: unknown, sort: Sort = "best") {
    const proposalId = parse(id, rawProposalId);
    const locked = (await prisma.proposal.findUnique({ where: { id: proposalId }, select: { commentsLockedAt: true } }))?.commentsLockedAt ?? null;
    return threadOf(viewer, { proposalId }, sort, locked !== null);
  }

  /** A round's own debate. */
  async function roundThread(viewer: Viewer, rawRoundId: unknown, sort: Sort = "best") {
    const roundId = parse(id, rawRoundId);
    const round = await prisma.round.findUnique({ where: { id: roundId }, select: { commentsLockedAt: true, publishedAt: true } });
    if (!round || (!round.publishedAt && !isModerator(viewer))) throw notFound("rounds.errors.notFound");
    return threadOf(viewer, { roundId }, sort, round.commentsLockedAt !== null);
  }

  async function threadOf(viewer: Viewer, target: DebateTarget, sort: Sort, locked: boolean) {
    const rows = await prisma.comment.findMany({
      where: {
        ...where(target),
        OR: [{ heldAt: null }, ...(viewer ? [{ authorId: viewer.id }] : []), ...(isModerator(viewer) ? [{ heldAt: { not: null } }] : [])],
      },
      orderBy: [{ createdAt: "asc" }, { id: "asc" }],
      select: select(viewer),
    });
    const comments = rows.map((r) => view(r, viewer));
    const order = (a: CommentView, b: CommentView) => {
      if (a.pinned !== b.pinned) return a.pinned ? -1 : 1;
      if (sort === "newest") return b.createdAt.getTime() - a.createdAt.getTime();
      if (sort === "stance") return a.stance.localeCompare(b.stance) || b.reactions - a.reactions;
      return b.reactions - a.reactions || a.createdAt.getTime() - b.createdAt.getTime();
    };
    const roots = comments.filter((c) => c.parentId === null).sort(order);
    const shown = comments.filter((c) => !c.hidden && !c.held);
    const balance = { pro: shown.filter((c) => c.stance === "PRO").length, con: shown.filter((c) => c.stance === "CON").length, neutral: shown.filter((c) => c.stance === "NEUTRAL").length };
    return { comments: roots.flatMap((root) => [root, ...comments.filter((c) => c.parentId === root.id)]), locked, balance };
  }

  /**
   * Whether `me` may write in this debate now: the proposal or round exists and is open, the
   * thread is not locked, a round's phase allows comments, and `me` is eligible (by the round's
   * rules where a round governs the debate).
   */
  async function assertCanWrite(me: NonNullable<Viewer>, target: DebateTarget) {
    let roundId: number | null = null;
    if (target.proposalId) {
      const proposal = await prisma.proposal.findUnique({ where: { id: target.proposalId }, select: { status: true, commentsLockedAt: true, roundId: true } });
      if (!proposal || ["DRAFT", "SCREENING"].includes(proposal.status)) throw notFound("errors.proposalNotFound");
      if (proposal.commentsLockedAt) throw new AppError("CONFLICT", "debate.errors.locked");
      roundId = proposal.roundId;
    } else {
      const round = await prisma.round.findUnique({ where: { id: target.roundId }, select: { publishedAt: true, commentsLockedAt: true } });
      if (!round?.publishedAt) throw notFound("rounds.errors.notFound");
      if (round.commentsLockedAt) throw new AppError("CONFLICT", "debate.errors.locked");
      roundId = target.roundId!;
    }
    if (roundId) {
      await rounds.assertPhaseAllows(roundId, "COMMENT");
      await eligibility.assertEligible(me, await rounds.eligibilityOf(roundId));
    } else {
      await eligibility.assertEligible(me);
    }
  }

  /** Tells the people named with @ (among those in the thread) that they were mentioned. */
  async function notifyMentions(me: NonNullable<Viewer>, target: DebateTarget, commentId: number, body: string) {
    const names = mentionedNames(body).filter((n) => n !== me.displayName).slice(0, 10);
    if (names.length === 0) return;
    const participants = await prisma.user.findMany({
      where: {
        displayName: { in: names },
        id: { not: me.id },
        status: "ACTIVE",
        OR: [{ comments: { some: where(target) } }, ...(target.proposalId ? [{ proposals: { some: { id: target.proposalId } } }] : [])],
      },
      select: { id: true },
    });
    for (const p of participants) {
      await notifications.notifyUser(p.id, target.proposalId ?? null, {
        kind: "comment.mentioned",
        messageKey: "debate.notice.mentioned",
        params: { author: me.displayName, ...(target.roundId ? { roundId: target.roundId } : {}), commentId },
      });
    }
  }

  const targetOf = (c: { proposalId: number | null; roundId: number | null }): DebateTarget => (c.roundId ? { roundId: c.roundId } : { proposalId: c.proposalId! });
  const publish = (c: { proposalId: number | null; roundId: number | null }, commentId: number, change: "created" | "edited" | "hidden" | "reacted") =>
    events.publish("comment.changed", { proposalId: c.proposalId, roundId: c.roundId, commentId, change });

  async function one(viewer: Viewer, commentId: number) {
    return view(await prisma.comment.findUniqueOrThrow({ where: { id: commentId }, select: select(viewer) }), viewer);
  }

  async function post(viewer: Viewer, raw: unknown) {
    const me = requireViewer(viewer);
    if (me.suspended) throw new AppError("FORBIDDEN", "errors.suspended");
    const input = parse(ZCommentInput, raw);
    if ((input.proposalId === undefined) === (input.roundId === undefined)) {
      throw new AppError("VALIDATION", "errors.validation", { issues: [{ path: "proposalId", key: "validation.invalid" }] });
    }
    const target: DebateTarget = input.roundId ? { roundId: input.roundId } : { proposalId: input.proposalId! };
    await assertCanWrite(me, target);
    await limits.consume("post", `comment:${me.id}`);
    if (input.parentId) {
      const parent = await prisma.comment.findUnique({ where: { id: input.parentId }, select: { proposalId: true, roundId: true, parentId: true } });
      if (!parent || (target.proposalId ? parent.proposalId !== target.proposalId : parent.roundId !== target.roundId)) throw new AppError("VALIDATION", "errors.validation", { issues: [{ path: "parentId", key: "validation.invalid" }] });
      // Two levels: a reply to a reply joins its parent's thread.
      if (parent.parentId) input.parentId = parent.parentId;
    }
    const held = containsBannedWord(input.body, await bannedWords());
    const now = clock.now();
    const comment = await prisma.comment.create({
      data: { ...where(target), authorId: me.id, parentId: input.parentId ?? null, stance: input.stance, body: input.body, createdAt: now, heldAt: held ? now : null },
      select: { id: true, proposalId: true, roundId: true },
    });
    if (!held) {
      publish(comment, comment.id, "created");
      await notifyMentions(me, target, comment.id, input.body);
    }
    return one(me, comment.id);
  }

  async function edit(viewer: Viewer, raw: unknown) {
    const me = requireViewer(viewer);
    const input = parse(ZEditInput, raw);
    const comment = await prisma.comment.findUnique({
      where: { id: input.commentId },
      select: { id: true, authorId: true, body: true, proposalId: true, roundId: true, hiddenAt: true, proposal: { select: { commentsLockedAt: true } }, round: { select: { commentsLockedAt: true } } },
    });
    if (!comment) throw notFound();
    if (comment.authorId !== me.id) throw new AppError("FORBIDDEN", "debate.errors.notAuthor");
    if (comment.hiddenAt) throw new AppError("CONFLICT", "debate.errors.hidden");
    if ((comment.proposal ?? comment.round)?.commentsLockedAt) throw new AppError("CONFLICT", "debate.errors.locked");
    const now = clock.now();
    const held = containsBannedWord(input.body, await bannedWords());
    await prisma.$transaction(async (tx) => {
      // The earlier text stays in the history, readable by everyone.
      await tx.commentRevision.create({ data: { commentId: comment.id, body: comment.body, createdAt: now } });
      await tx.comment.update({ where: { id: comment.id }, data: { body: input.body, editedAt: now, heldAt: held ? now : null } });
    });
    publish(comment, comment.id, "edited");
    return one(me, comment.id);
  }

  async function history(rawId: unknown) {
    const commentId = parse(id, rawId);
    const comment = await prisma.comment.findUnique({ where: { id: commentId }, select: { hiddenAt: true } });
    if (!comment || comment.hiddenAt) throw notFound();
    return prisma.commentRevision.findMany({ where: { commentId }, orderBy: { createdAt: "asc" }, select: { body: true, createdAt: true } });
  }

  async function react(viewer: Viewer, rawId: unknown, on: boolean) {
    const me = requireViewer(viewer);
    if (me.suspended) throw new AppError("FORBIDDEN", "errors.suspended");
    const commentId = parse(id, rawId);
    const comment = await prisma.comment.findUnique({ where: { id: commentId }, select: { proposalId: true, roundId: true, authorId: true, hiddenAt: true } });
    if (!comment || comment.hiddenAt) throw notFound();
    if (comment.authorId === me.id) throw new AppError("FORBIDDEN", "debate.errors.ownComment");
    if (on) await prisma.commentReaction.createMany({ data: [{ commentId, userId: me.id, createdAt: clock.now() }], skipDuplicates: true });
    else await prisma.commentReaction.deleteMany({ where: { commentId, userId: me.id } });
    publish(comment, commentId, "reacted");
    return one(me, commentId);
  }

  /** Moderators: hide with a reason (a placeholder stays), unhide, pin, release a held comment. */
  async function moderate(viewer: Viewer, action: "hide" | "unhide" | "pin" | "unpin" | "release", raw: unknown) {
    const me = requireViewer(viewer);
    if (!isModerator(me)) throw new AppError("FORBIDDEN", "errors.forbidden");
    const input = parse(action === "hide" ? ZModerateInput : ZModerateInput.partial({ reason: true }), raw);
    const comment = await prisma.comment.findUnique({ where: { id: input.commentId }, select: { id: true, proposalId: true, roundId: true, authorId: true } });
    if (!comment) throw notFound();
    const now = clock.now();
    const data: Prisma.CommentUpdateInput =
      action === "hide"
        ? { hiddenAt: now, hiddenReason: input.reason, hiddenById: me.id }
        : action === "unhide"
          ? { hiddenAt: null, hiddenReason: null, hiddenById: null }
          : action === "pin"
            ? { pinnedAt: now }
            : action === "unpin"
              ? { pinnedAt: null }
              : { heldAt: null };
    await prisma.$transaction(async (tx) => {
      await tx.comment.update({ where: { id: comment.id }, data });
      if (action === "hide" || action === "unhide" || action === "release") {
        await tx.report.updateMany({ where: { commentId: comment.id, resolvedAt: null }, data: { resolvedAt: now, resolvedById: me.id } });
      }
      await recordAudit(tx, me, { action: `comment.${action}`, targetType: "Comment", targetId: comment.id, reason: input.reason ?? null });
    });
    if (action === "hide") {
      // The author sees what happened and why.
      await notifications.notifyUser(comment.authorId, comment.proposalId, {
        kind: "comment.hidden",
        messageKey: "debate.notice.hidden",
        params: { reason: input.reason ?? "", ...(comment.roundId ? { roundId: comment.roundId } : {}) },
      });
    }
    publish(comment, comment.id, action === "release" ? "created" : action === "hide" ? "hidden" : "edited");
    return one(me, comment.id);
  }

  /** Moderators: lock or unlock a proposal's thread. */
  async function lock(viewer: Viewer, rawProposalId: unknown, locked: boolean, reason?: string) {
    const me = requireViewer(viewer);
    if (!isModerator(me)) throw new AppError("FORBIDDEN", "errors.forbidden");
    const proposalId = parse(id, rawProposalId);
    await prisma.$transaction(async (tx) => {
      const moved = await tx.proposal.updateMany({ where: { id: proposalId }, data: { commentsLockedAt: locked ? clock.now() : null } });
      if (moved.count === 0) throw notFound("errors.proposalNotFound");
      await recordAudit(tx, me, { action: locked ? "thread.locked" : "thread.unlocked", targetType: "Proposal", targetId: proposalId, reason: reason ?? null });
    });
    events.publish("comment.changed", { proposalId, roundId: null, commentId: 0, change: "locked" });
  }

  /** Anyone signed in may report a comment; a moderator picks it up from the queue. */
  async function report(viewer: Viewer, raw: unknown) {
    const me = requireViewer(viewer);
    const input = parse(ZReportInput, raw);
    const comment = await prisma.comment.findUnique({ where: { id: input.commentId }, select: { id: true } });
    if (!comment) throw notFound();
    const existing = await prisma.report.findFirst({ where: { commentId: comment.id, reporterId: me.id, resolvedAt: null } });
    if (existing) throw new AppError("CONFLICT", "debate.errors.alreadyReported");
    await prisma.report.create({ data: { commentId: comment.id, reporterId: me.id, reason: input.reason, createdAt: clock.now() } });
  }

  /** Moderation queue: open reports and held comments, oldest first, with who took them. */
  async function queue(viewer: Viewer) {
    const me = requireViewer(viewer);
    if (!isModerator(me)) throw new AppError("FORBIDDEN", "errors.forbidden");
    const [reports, held] = await Promise.all([
      prisma.report.findMany({
        where: { resolvedAt: null },
        orderBy: { createdAt: "asc" },
        select: {
          id: true,
          reason: true,
          createdAt: true,
          assignee: { select: { id: true, displayName: true } },
          comment: { select: { id: true, body: true, proposalId: true, roundId: true, hiddenAt: true, author: { select: { id: true, displayName: true, status: true } } } },
        },
      }),
      prisma.comment.findMany({
        where: { heldAt: { not: null }, hiddenAt: null },
        orderBy: { heldAt: "asc" },
        select: { id: true, body: true, proposalId: true, roundId: true, author: { select: { id: true, displayName: true, status: true } } },
      }),
    ]);
    const appeals = await prisma.appeal.findMany({
      where: { resolvedAt: null },
      orderBy: { createdAt: "asc" },
      select: {
        id: true,
        reason: true,
        createdAt: true,
        author: { select: { id: true, displayName: true } },
        comment: { select: { id: true, body: true, proposalId: true, roundId: true, hiddenReason: true, hiddenAt: true } },
      },
    });
    return { reports, held, appeals };
  }

  async function assignReport(viewer: Viewer, rawId: unknown) {
    const me = requireViewer(viewer);
    if (!isModerator(me)) throw new AppError("FORBIDDEN", "errors.forbidden");
    const reportId = parse(id, rawId);
    const taken = await prisma.report.updateMany({ where: { id: reportId, resolvedAt: null }, data: { assigneeId: me.id } });
    if (taken.count === 0) throw notFound();
  }

  /** The author of a hidden comment asks a moderator to look again, once per hide. */
  async function appeal(viewer: Viewer, raw: unknown) {
    const me = requireViewer(viewer);
    const input = parse(ZAppealInput, raw);
    const comment = await prisma.comment.findUnique({ where: { id: input.commentId }, select: { id: true, authorId: true, hiddenAt: true } });
    if (!comment) throw notFound();
    if (comment.authorId !== me.id) throw new AppError("FORBIDDEN", "debate.errors.notAuthor");
    if (!comment.hiddenAt) throw new AppError("CONFLICT", "debate.errors.notHidden");
    const earlier = await prisma.appeal.findFirst({ where: { commentId: comment.id, createdAt: { gte: comment.hiddenAt } } });
    if (earlier) throw new AppError("CONFLICT", "debate.errors.alreadyAppealed");
    await prisma.$transaction(async (tx) => {
      const created = await tx.appeal.create({ data: { commentId: comment.id, authorId: me.id, reason: input.reason, createdAt: clock.now() }, select: { id: true } });
      await recordAudit(tx, me, { action: "comment.appealed", targetType: "Comment", targetId: comment.id, reason: input.reason, details: { appealId: created.id } });
    });
    return one(me, comment.id);
  }

  /** A moderator decides an appeal: REVERSED shows the comment again, UPHELD keeps it hidden; the author hears why. */
  async function resolveAppeal(viewer: Viewer, raw: unknown) {
    const me = requireViewer(viewer);
    if (!isModerator(me)) throw new AppError("FORBIDDEN", "errors.forbidden");
    const input = parse(ZResolveAppealInput, raw);
    const found = await prisma.appeal.findUnique({ where: { id: input.appealId }, select: { id: true, resolvedAt: true, comment: { select: { id: true, authorId: true, proposalId: true, roundId: true } } } });
    if (!found) throw notFound();
    if (found.resolvedAt) throw new AppError("CONFLICT", "debate.errors.appealResolved");
    const now = clock.now();
    await prisma.$transaction(async (tx) => {
      await tx.appeal.update({ where: { id: found.id }, data: { resolvedAt: now, resolvedById: me.id, outcome: input.outcome, response: input.response } });
      if (input.outcome === "REVERSED") await tx.comment.update({ where: { id: found.comment.id }, data: { hiddenAt: null, hiddenReason: null, hiddenById: null } });
      await recordAudit(tx, me, { action: `comment.appeal.${input.outcome.toLowerCase()}`, targetType: "Comment", targetId: found.comment.id, reason: input.response, details: { appealId: found.id } });
    });
    await notifications.notifyUser(found.comment.authorId, found.comment.proposalId, {
      kind: "comment.appealResolved",
      messageKey: input.outcome === "REVERSED" ? "debate.notice.appealReversed" : "debate.notice.appealUpheld",
      params: { response: input.response, ...(found.comment.roundId ? { roundId: found.comment.roundId } : {}) },
    });
    publish(found.comment, found.comment.id, "edited");
    return one(me, found.comment.id);
  }

  return { thread, roundThread, post, edit, history, react, moderate, lock, report, queue, assignReport, appeal, resolveAppeal, targetOf };
}

export type CommentService = ReturnType<typeof createCommentService>;
