// Every read of comment rows, for every edge: a debate's thread, a proposal's comments over the
// API, the moderation queue, the pro/con tallies and a round's debate for its quality measures,
// and a person's own comments for the own-data download. Each applies comment-visibility.ts,
// so a hidden or held comment's text reaches nobody but its author and moderators.
import type { z } from "zod";
import type { Prisma, PrismaClient } from "../db.ts";
import { AppError, notFound, validationError } from "../errors.ts";
import { zId } from "../ids.ts";
import { renderMarkdown } from "../markdown.server.ts";
import type { StanceTally } from "../proposals/proposal.types.ts";
import { canSeeProposal } from "../proposals/proposal.visibility.ts";
import { isModerator } from "../roles/roles.policy.ts";
import type { Viewer } from "../viewer.ts";
import { isAuthorOrModerator, isListedTo, listedToWhere, mayReadText, PUBLIC_COMMENT } from "./comment-visibility.ts";
import { targetWhere, type DebateTarget } from "./debate-target.ts";

export const commentId = zId;
export type Sort = "best" | "newest" | "stance";
export type { DebateTarget } from "./debate-target.ts";

export function parse<T extends z.ZodTypeAny>(schema: T, raw: unknown): z.infer<T> {
  const parsed = schema.safeParse(raw);
  if (!parsed.success) throw validationError(parsed.error);
  return parsed.data;
}

export type CommentView = {
  id: number;
  parentId: number | null;
  author: { id: number; displayName: string };
  stance: "PRO" | "CON" | "NEUTRAL";
  /** Sanitized HTML; empty when hidden, or held and the viewer is neither its author nor a moderator. Mentions are wrapped in <span class="mention">. */
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

/** A proposal's comment as the API lists it: the markdown source, under the same rule as the thread. */
export type CommentEntry = {
  id: number;
  parentId: number | null;
  author: { id: number; displayName: string };
  stance: "PRO" | "CON" | "NEUTRAL";
  /** Markdown source; empty when the viewer may not read it (see CommentView.bodyHtml). */
  body: string;
  createdAt: Date;
  editedAt: Date | null;
  hidden: { reason: string; at: Date } | null;
  held: boolean;
};

/** Wraps @name in a span, outside tags only (the HTML is already sanitized). */
function markMentions(html: string): string {
  return html.replace(
    /(^|>)([^<]*)/g,
    (_all, open: string, text: string) =>
      open +
      text.replace(
        /(^|[\s(])@([\p{L}\p{N}_.-]{1,30})/gu,
        (_m, lead: string, name: string) => `${lead}<span class="mention">@${name}</span>`,
      ),
  );
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

const entrySelect = {
  id: true,
  parentId: true,
  stance: true,
  body: true,
  createdAt: true,
  editedAt: true,
  hiddenAt: true,
  hiddenReason: true,
  heldAt: true,
  authorId: true,
  author: { select: { id: true, displayName: true } },
} satisfies Prisma.CommentSelect;

const hiddenOf = (row: { hiddenAt: Date | null; hiddenReason: string | null }) =>
  row.hiddenAt ? { reason: row.hiddenReason ?? "", at: row.hiddenAt } : null;

function view(row: Row, viewer: Viewer): CommentView {
  return {
    id: row.id,
    parentId: row.parentId,
    author: row.author,
    stance: row.stance,
    bodyHtml: mayReadText(viewer, row) ? markMentions(renderMarkdown(row.body)) : "",
    createdAt: row.createdAt,
    editedAt: row.editedAt,
    pinned: row.pinnedAt !== null,
    hidden: hiddenOf(row),
    held: row.heldAt !== null,
    reactions: row._count.reactions,
    viewerReacted: row.reactions.length > 0,
    appeal:
      row.appeals[0] && isAuthorOrModerator(viewer, row)
        ? { status: row.appeals[0].outcome ?? "OPEN", response: row.appeals[0].response }
        : null,
  };
}

/** A comment as a reader who is neither its author nor a moderator sees it in a debate; null when it is not listed to them. */
export async function publicComment(db: Prisma.TransactionClient, id: number): Promise<CommentView | null> {
  const row = await db.comment.findUnique({ where: { id }, select: select(null) });
  return row && isListedTo(null, row) ? view(row, null) : null;
}

const ORDER = [{ createdAt: "asc" }, { id: "asc" }] satisfies Prisma.CommentOrderByWithRelationInput[];

export function createCommentReads({ prisma }: { prisma: PrismaClient }) {
  /** One comment as this viewer sees it (after a write: the writer's or moderator's view). */
  async function one(viewer: Viewer, id: number) {
    return view(await prisma.comment.findUniqueOrThrow({ where: { id }, select: select(viewer) }), viewer);
  }

  async function threadOf(viewer: Viewer, target: DebateTarget, sort: Sort, locked: boolean) {
    const rows = await prisma.comment.findMany({
      where: { ...targetWhere(target), ...listedToWhere(viewer) },
      orderBy: ORDER,
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
    const balance = {
      pro: shown.filter((c) => c.stance === "PRO").length,
      con: shown.filter((c) => c.stance === "CON").length,
      neutral: shown.filter((c) => c.stance === "NEUTRAL").length,
    };
    return { comments: roots.flatMap((root) => [root, ...comments.filter((c) => c.parentId === root.id)]), locked, balance };
  }

  /** The thread: pinned first, then by "best" (reactions), "newest", or grouped by stance. */
  async function thread(viewer: Viewer, rawProposalId: unknown, sort: Sort = "best") {
    const proposalId = parse(commentId, rawProposalId);
    const proposal = await prisma.proposal.findUnique({
      where: { id: proposalId },
      select: { authorId: true, status: true, commentsLockedAt: true },
    });
    if (!proposal || !canSeeProposal(viewer, proposal)) throw notFound("errors.proposalNotFound");
    return threadOf(viewer, { proposalId }, sort, proposal.commentsLockedAt !== null);
  }

  /** A round's own debate. */
  async function roundThread(viewer: Viewer, rawRoundId: unknown, sort: Sort = "best") {
    const roundId = parse(commentId, rawRoundId);
    const round = await prisma.round.findUnique({ where: { id: roundId }, select: { commentsLockedAt: true, publishedAt: true } });
    if (!round || (!round.publishedAt && !isModerator(viewer))) throw notFound("rounds.errors.notFound");
    return threadOf(viewer, { roundId }, sort, round.commentsLockedAt !== null);
  }

  /** A proposal's comments, oldest first, for the API; a draft's or one in screening only for who may read it. */
  async function ofProposal(viewer: Viewer, rawProposalId: unknown): Promise<CommentEntry[]> {
    const proposalId = parse(commentId, rawProposalId);
    const proposal = await prisma.proposal.findUnique({
      where: { id: proposalId },
      select: { authorId: true, status: true, comments: { where: listedToWhere(viewer), orderBy: ORDER, select: entrySelect } },
    });
    if (!proposal || !canSeeProposal(viewer, proposal)) throw notFound("errors.proposalNotFound");
    return proposal.comments.map((c) => ({
      id: c.id,
      parentId: c.parentId,
      author: c.author,
      stance: c.stance,
      body: mayReadText(viewer, c) ? c.body : "",
      createdAt: c.createdAt,
      editedAt: c.editedAt,
      hidden: hiddenOf(c),
      held: c.heldAt !== null,
    }));
  }

  /** Earlier versions of a comment, for whoever may read the comment itself. */
  async function history(viewer: Viewer, rawId: unknown) {
    const id = parse(commentId, rawId);
    const comment = await prisma.comment.findUnique({ where: { id }, select: { authorId: true, hiddenAt: true, heldAt: true } });
    if (!comment || !mayReadText(viewer, comment)) throw notFound();
    return prisma.commentRevision.findMany({
      where: { commentId: id },
      orderBy: { createdAt: "asc" },
      select: { body: true, createdAt: true },
    });
  }

  /** Moderation queue: open reports and held comments, oldest first, with who took them. */
  async function queue(viewer: Viewer) {
    if (!viewer) throw new AppError("UNAUTHENTICATED", "errors.loginRequired");
    if (!isModerator(viewer)) throw new AppError("FORBIDDEN", "errors.forbidden");
    const author = { select: { id: true, displayName: true, status: true } } as const;
    const [reports, held, appeals] = await Promise.all([
      prisma.report.findMany({
        where: { resolvedAt: null },
        orderBy: { createdAt: "asc" },
        select: {
          id: true,
          reason: true,
          createdAt: true,
          assignee: { select: { id: true, displayName: true } },
          comment: { select: { id: true, body: true, proposalId: true, roundId: true, hiddenAt: true, author } },
        },
      }),
      prisma.comment.findMany({
        where: { heldAt: { not: null }, hiddenAt: null },
        orderBy: { heldAt: "asc" },
        select: { id: true, body: true, proposalId: true, roundId: true, author },
      }),
      prisma.appeal.findMany({
        where: { resolvedAt: null },
        orderBy: { createdAt: "asc" },
        select: {
          id: true,
          reason: true,
          createdAt: true,
          author: { select: { id: true, displayName: true } },
          comment: { select: { id: true, body: true, proposalId: true, roundId: true, hiddenReason: true, hiddenAt: true } },
        },
      }),
    ]);
    return { reports, held, appeals };
  }

  /** How many public comments take each stance, per proposal. */
  async function stanceTallies(ids: number[]): Promise<Map<number, StanceTally>> {
    const tallies = new Map<number, StanceTally>(ids.map((id) => [id, { pro: 0, con: 0, neutral: 0 }]));
    if (ids.length === 0) return tallies;
    const groups = await prisma.comment.groupBy({
      by: ["proposalId", "stance"],
      where: { proposalId: { in: ids }, ...PUBLIC_COMMENT },
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

  /** A round's public debate (its own thread and its entries'), with each writer's district, for the quality measures. */
  async function publicInRound(roundId: number) {
    const rows = await prisma.comment.findMany({
      where: { ...PUBLIC_COMMENT, OR: [{ roundId }, { proposal: { entries: { some: { roundId, status: { not: "WITHDRAWN" } } } } }] },
      select: {
        id: true,
        parentId: true,
        authorId: true,
        stance: true,
        body: true,
        createdAt: true,
        author: {
          select: {
            districtId: true,
            affiliations: { where: { kind: "RESIDENT", status: { not: "REJECTED" } }, select: { districtId: true }, take: 1 },
          },
        },
      },
    });
    return rows.map(({ author, ...c }) => ({ ...c, districtId: author.districtId ?? author.affiliations[0]?.districtId ?? null }));
  }

  /** A person's own comments with their earlier versions and any hide, for their own-data download. */
  async function ownForExport(userId: number) {
    const rows = await prisma.comment.findMany({
      where: { authorId: userId },
      orderBy: ORDER,
      select: {
        id: true,
        proposalId: true,
        roundId: true,
        parentId: true,
        stance: true,
        body: true,
        createdAt: true,
        editedAt: true,
        hiddenAt: true,
        hiddenReason: true,
        heldAt: true,
        revisions: { orderBy: { createdAt: "asc" }, select: { body: true, createdAt: true } },
      },
    });
    return rows.map(({ hiddenAt, hiddenReason, heldAt, ...c }) => ({
      ...c,
      hidden: hiddenOf({ hiddenAt, hiddenReason }),
      held: heldAt !== null,
    }));
  }

  return { one, thread, roundThread, ofProposal, history, queue, stanceTallies, publicInRound, ownForExport };
}

export type CommentReads = ReturnType<typeof createCommentReads>;
