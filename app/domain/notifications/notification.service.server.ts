// Notifications: every stage of a proposal reaches its followers (the proposer and its
// supporters follow automatically, anyone may follow or unfollow) in the notification centre,
// live through the realtime bridge, and by mail for those who agreed to mail.
import { z } from "zod";
import type { Prisma, PrismaClient } from "../db.ts";
import { AppError, notFound, validationError, type MessageParams } from "../errors.ts";
import { parseId, zId } from "../ids.ts";
import type { EventBus } from "../events.ts";
import type { Localize, Mailer } from "../ports.ts";
import { requireActor } from "../roles/participation.policy.ts";
import type { Clock, Viewer } from "../viewer.ts";

type Deps = { prisma: PrismaClient; events: EventBus; mailer: Mailer; clock: Clock; publicUrl: string; localize: Localize };
type Tx = Pick<PrismaClient, "follow" | "notification">;

export type ProposalNotice = { kind: string; messageKey: string; params?: MessageParams };

function requireViewer(viewer: Viewer): NonNullable<Viewer> {
  if (!viewer) throw new AppError("UNAUTHENTICATED", "errors.loginRequired");
  return viewer;
}

export function createNotificationService({ prisma, events, mailer, clock, publicUrl, localize }: Deps) {
  /** Inside the caller's transaction: one notification per follower. Returns who was notified. */
  async function toFollowers(tx: Tx, proposalId: number, notice: ProposalNotice, { except }: { except?: number } = {}) {
    const followers = await tx.follow.findMany({
      where: { proposalId, userId: except ? { not: except } : undefined },
      select: { userId: true },
    });
    if (followers.length === 0) return [];
    const now = clock.now();
    await tx.notification.createMany({
      data: followers.map((f) => ({
        userId: f.userId,
        proposalId,
        kind: notice.kind,
        messageKey: notice.messageKey,
        params: (notice.params ?? {}) as Prisma.InputJsonValue,
        createdAt: now,
      })),
    });
    return followers.map((f) => f.userId);
  }

  /** After commit: live update of unread counts, and mail for those who agreed to it. */
  async function delivered(userIds: number[], proposalId: number | null, notice: ProposalNotice) {
    if (userIds.length === 0) return;
    events.publish("notifications.changed", { userIds });
    const recipients = await prisma.user.findMany({
      where: {
        id: { in: userIds },
        status: "ACTIVE",
        email: { not: null },
        consents: { some: { notice: "emailNotifications", accepted: true } },
      },
      select: { email: true },
    });
    const proposal = proposalId ? await prisma.proposal.findUnique({ where: { id: proposalId }, select: { title: true } }) : null;
    const link = proposalId ? `/proposals/${proposalId}` : notice.params?.roundId ? `/rounds/${notice.params.roundId}` : "/notifications";
    const text = (lng: "ko" | "en") => localize(lng, notice.messageKey, { title: proposal?.title ?? "", ...notice.params });
    for (const r of recipients) {
      await mailer
        .send({ to: r.email!, subject: `[마당] ${text("ko")}`, text: `${text("ko")}\n${text("en")}\n\n${publicUrl}${link}` })
        .catch((error) => console.error("notification mail failed", error));
    }
  }

  /** One person (e.g. the author of a hidden comment), in the centre, live and by mail. */
  /** proposalId null: about a round's own debate (pass params.roundId for the link). */
  async function notifyUser(userId: number, proposalId: number | null, notice: ProposalNotice) {
    await prisma.notification.create({
      data: {
        userId,
        proposalId,
        kind: notice.kind,
        messageKey: notice.messageKey,
        params: (notice.params ?? {}) as Prisma.InputJsonValue,
        createdAt: clock.now(),
      },
    });
    await delivered([userId], proposalId, notice);
  }

  async function notifyFollowers(proposalId: number, notice: ProposalNotice, options: { except?: number } = {}) {
    const userIds = await toFollowers(prisma, proposalId, notice, options);
    await delivered(userIds, proposalId, notice);
  }

  const ZListInput = z.object({
    unreadOnly: z.coerce.boolean().default(false),
    offset: z.coerce.number().int().min(0).max(100_000).default(0),
    limit: z.coerce.number().int().min(1).max(50).default(20),
  });

  async function list(viewer: Viewer, raw: unknown = {}) {
    const me = requireViewer(viewer);
    const parsed = ZListInput.safeParse(raw ?? {});
    if (!parsed.success) throw validationError(parsed.error);
    const { unreadOnly, offset, limit } = parsed.data;
    const where: Prisma.NotificationWhereInput = { userId: me.id, readAt: unreadOnly ? null : undefined };
    const [items, totalCount, unread] = await Promise.all([
      prisma.notification.findMany({
        where,
        orderBy: [{ createdAt: "desc" }, { id: "desc" }],
        skip: offset,
        take: limit,
        select: {
          id: true,
          kind: true,
          messageKey: true,
          params: true,
          readAt: true,
          createdAt: true,
          proposal: { select: { id: true, title: true } },
        },
      }),
      prisma.notification.count({ where }),
      unreadCount(me),
    ]);
    return { items, totalCount, unread, offset, limit };
  }

  async function unreadCount(viewer: Viewer): Promise<number> {
    return viewer ? unreadCountFor(viewer.id) : 0;
  }

  function unreadCountFor(userId: number): Promise<number> {
    return prisma.notification.count({ where: { userId, readAt: null } });
  }

  /** The unread counts of many people in one statement (a threshold crossing tells thousands of followers at once). */
  async function unreadCountsFor(userIds: number[]): Promise<Map<number, number>> {
    const counts = new Map(userIds.map((id) => [id, 0]));
    if (userIds.length === 0) return counts;
    const rows = await prisma.$queryRaw<{ userId: number; unread: number }[]>`
      SELECT "userId", count(*)::int AS unread FROM "Notification"
      WHERE "userId" = ANY(${`{${userIds.join(",")}}`}::int[]) AND "readAt" IS NULL GROUP BY "userId"`;
    for (const r of rows) counts.set(r.userId, r.unread);
    return counts;
  }

  /** Marks the given notifications (or all) as read. */
  async function markRead(viewer: Viewer, raw: unknown) {
    const me = requireActor(viewer, "notifications.markRead");
    const parsed = z.object({ ids: z.array(zId).max(100).optional() }).safeParse(raw ?? {});
    if (!parsed.success) throw validationError(parsed.error);
    await prisma.notification.updateMany({
      where: { userId: me.id, readAt: null, id: parsed.data.ids ? { in: parsed.data.ids } : undefined },
      data: { readAt: clock.now() },
    });
    events.publish("notifications.changed", { userIds: [me.id] });
    return unreadCount(me);
  }

  async function follow(viewer: Viewer, rawProposalId: unknown) {
    const me = requireActor(viewer, "proposal.follow");
    const proposalId = parseId(rawProposalId, "proposalId");
    if (!(await prisma.proposal.findUnique({ where: { id: proposalId }, select: { id: true } }))) throw notFound("errors.proposalNotFound");
    await prisma.follow.createMany({ data: [{ userId: me.id, proposalId, createdAt: clock.now() }], skipDuplicates: true });
    return true;
  }

  async function unfollow(viewer: Viewer, rawProposalId: unknown) {
    const me = requireActor(viewer, "proposal.follow");
    const proposalId = parseId(rawProposalId, "proposalId");
    await prisma.follow.deleteMany({ where: { userId: me.id, proposalId } });
    return false;
  }

  async function isFollowing(viewer: Viewer, proposalId: number) {
    if (!viewer) return false;
    return (await prisma.follow.count({ where: { userId: viewer.id, proposalId } })) > 0;
  }

  return {
    toFollowers,
    delivered,
    notifyFollowers,
    notifyUser,
    list,
    unreadCount,
    unreadCountFor,
    unreadCountsFor,
    markRead,
    follow,
    unfollow,
    isFollowing,
  };
}

export type NotificationService = ReturnType<typeof createNotificationService>;
