// DB-backed sessions: the cookie carries only a random id, so every session can be revoked.
// A session ends at its absolute expiry, or after the idle timeout without a request.
import { randomBytes } from "node:crypto";
import type { PrismaClient } from "../db.ts";
import { AppError } from "../errors.ts";
import type { EventBus } from "../events.ts";
import { assertActor } from "../roles/participation.policy.ts";
import type { Clock, Role, Viewer } from "../viewer.ts";

export const SESSION_ABSOLUTE_MS = 30 * 24 * 60 * 60 * 1000;
export const SESSION_IDLE_MS = 7 * 24 * 60 * 60 * 1000;
/** lastSeenAt is written at most this often, not on every request. */
const TOUCH_INTERVAL_MS = 60 * 1000;

type Deps = { prisma: PrismaClient; clock: Clock; events: EventBus };

export function createSessionService({ prisma, clock, events }: Deps) {
  async function viewerForSession(sessionId: string | null | undefined): Promise<Viewer> {
    if (!sessionId || typeof sessionId !== "string" || sessionId.length > 100) return null;
    const session = await prisma.session.findUnique({
      where: { id: sessionId },
      select: {
        expiresAt: true,
        lastSeenAt: true,
        user: {
          select: {
            id: true,
            displayName: true,
            status: true,
            suspendedUntil: true,
            roles: { select: { role: true, departmentId: true } },
            identity: { select: { id: true } },
          },
        },
      },
    });
    const now = clock.now().getTime();
    if (!session || session.user.status === "DELETED") return null;
    if (session.expiresAt.getTime() <= now || session.lastSeenAt.getTime() + SESSION_IDLE_MS <= now) {
      await prisma.session.deleteMany({ where: { id: sessionId } });
      return null;
    }
    if (session.lastSeenAt.getTime() + TOUCH_INTERVAL_MS < now) {
      await prisma.session.updateMany({ where: { id: sessionId }, data: { lastSeenAt: new Date(now) } });
    }
    const { user } = session;
    const roles: Role[] = ["CITIZEN", ...user.roles.map((r) => r.role).filter((r) => r !== "CITIZEN")];
    return {
      id: user.id,
      displayName: user.displayName,
      roles,
      departmentId: user.roles.find((r) => r.role === "OFFICER")?.departmentId ?? null,
      verified: user.identity !== null,
      suspended: user.status === "SUSPENDED" && (!user.suspendedUntil || user.suspendedUntil.getTime() > now),
      sessionId,
    };
  }

  async function create(userId: number, userAgent?: string | null): Promise<{ sessionId: string; expiresAt: Date }> {
    const now = clock.now();
    const sessionId = randomBytes(32).toString("base64url");
    const expiresAt = new Date(now.getTime() + SESSION_ABSOLUTE_MS);
    await prisma.session.create({
      data: { id: sessionId, userId, expiresAt, lastSeenAt: now, createdAt: now, userAgent: userAgent?.slice(0, 200) ?? null },
    });
    return { sessionId, expiresAt };
  }

  /** Ends sessions and tells the realtime layer to disconnect their sockets. */
  async function revoke(userId: number, sessionIds: string[]) {
    if (sessionIds.length === 0) return;
    await prisma.session.deleteMany({ where: { id: { in: sessionIds }, userId } });
    events.publish("session.revoked", { userId, sessionIds });
  }

  async function revokeAllForUser(userId: number, { except }: { except?: string } = {}) {
    const sessions = await prisma.session.findMany({ where: { userId, id: except ? { not: except } : undefined }, select: { id: true } });
    await revoke(
      userId,
      sessions.map((s) => s.id),
    );
  }

  /** The viewer's own sessions, for the account page ("다른 기기에서 로그아웃"). */
  async function listOwn(viewer: Viewer) {
    if (!viewer) throw new AppError("UNAUTHENTICATED", "errors.loginRequired");
    const sessions = await prisma.session.findMany({
      where: { userId: viewer.id },
      orderBy: { lastSeenAt: "desc" },
      select: { id: true, createdAt: true, lastSeenAt: true, userAgent: true },
    });
    // Session ids are credentials: the page gets a short handle, never the id itself.
    return sessions.map((s) => ({
      handle: s.id.slice(0, 8),
      createdAt: s.createdAt,
      lastSeenAt: s.lastSeenAt,
      userAgent: s.userAgent,
      current: s.id === viewer.sessionId,
    }));
  }

  async function revokeOwn(viewer: Viewer, handle: unknown) {
    assertActor(viewer, "account.security");
    if (typeof handle !== "string" || handle.length !== 8) throw new AppError("NOT_FOUND", "errors.notFound");
    const sessions = await prisma.session.findMany({ where: { userId: viewer.id, id: { startsWith: handle } }, select: { id: true } });
    if (sessions.length === 0) throw new AppError("NOT_FOUND", "errors.notFound");
    await revoke(
      viewer.id,
      sessions.map((s) => s.id),
    );
  }

  return { viewerForSession, create, revoke, revokeAllForUser, listOwn, revokeOwn };
}

export type SessionService = ReturnType<typeof createSessionService>;
