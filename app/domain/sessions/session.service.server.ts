// DB-backed sessions: the cookie carries only a random id, so every session can be revoked.
// A session ends at its absolute expiry, or after the idle timeout without a request.
import { randomBytes } from "node:crypto";
import { LRUCache } from "lru-cache";
import type { PrismaClient } from "../db.ts";
import { AppError } from "../errors.ts";
import type { EventBus } from "../events.ts";
import { createGroupCommit } from "../group-commit.ts";
import { assertActor } from "../roles/participation.policy.ts";
import type { Clock, Role, Viewer } from "../viewer.ts";

export const SESSION_ABSOLUTE_MS = 30 * 24 * 60 * 60 * 1000;
export const SESSION_IDLE_MS = 7 * 24 * 60 * 60 * 1000;
/** lastSeenAt is written at most this often, not on every request. */
const TOUCH_INTERVAL_MS = 60 * 1000;
/**
 * A resolved session is remembered this long (and at most VIEWER_CACHE_SIZE of them), so a
 * stream of commands from one socket reads it once. Every change to what a viewer rests on
 * drops it at once on every node (the `session.revoked` and `viewer.changed` events, forwarded
 * between nodes by realtime/cluster-events.ts); the time limit only bounds a write that went
 * around the domain.
 */
const VIEWER_CACHE_MS = 30 * 1000;
const VIEWER_CACHE_SIZE = 50_000;

type CachedSession = { viewer: NonNullable<Viewer>; expiresAt: number; lastSeenAt: number };

type SessionRow = {
  expiresAt: Date;
  lastSeenAt: Date;
  user: {
    id: number;
    displayName: string;
    status: "ACTIVE" | "SUSPENDED" | "DELETED";
    suspendedUntil: Date | null;
    roles: { role: Role; departmentId: number | null }[];
    identity: { id: number } | null;
  };
};

/** Session ids are base64url (create below); anything else cannot be one and is not looked up. */
const SESSION_ID = /^[A-Za-z0-9_-]{1,100}$/;

type Deps = { prisma: PrismaClient; clock: Clock; events: EventBus };

export function createSessionService({ prisma, clock, events }: Deps) {
  const cache = new LRUCache<string, CachedSession>({ max: VIEWER_CACHE_SIZE, ttl: VIEWER_CACHE_MS });
  events.subscribe("session.revoked", ({ sessionIds }) => sessionIds.forEach((id) => cache.delete(id)));
  events.subscribe("viewer.changed", ({ userIds }) => {
    const changed = new Set(userIds);
    for (const [id, entry] of cache.entries()) if (changed.has(entry.viewer.id)) cache.delete(id);
  });

  async function viewerForSession(sessionId: string | null | undefined): Promise<Viewer> {
    if (!sessionId || typeof sessionId !== "string" || !SESSION_ID.test(sessionId)) return null;
    const now = clock.now().getTime();
    const cached = cache.get(sessionId);
    if (cached && cached.expiresAt > now && cached.lastSeenAt + TOUCH_INTERVAL_MS >= now) return cached.viewer;
    cache.delete(sessionId);
    return readSession(sessionId, now);
  }

  /** Sessions with their people, in one parametrised statement: a crowd connecting at once is read together. */
  async function readSessions(ids: string[]): Promise<(SessionRow | null)[]> {
    type Row = { id: string; expiresAt: number; lastSeenAt: number; user: SessionRow["user"] & { suspendedUntil: number | null } };
    const rows = await prisma.$queryRaw<Row[]>`
      SELECT s.id, (extract(epoch FROM s."expiresAt") * 1000)::float8 AS "expiresAt", (extract(epoch FROM s."lastSeenAt") * 1000)::float8 AS "lastSeenAt",
        json_build_object(
          'id', u.id, 'displayName', u."displayName", 'status', u.status,
          'suspendedUntil', (extract(epoch FROM u."suspendedUntil") * 1000)::float8,
          'roles', coalesce((SELECT json_agg(json_build_object('role', r.role, 'departmentId', r."departmentId")) FROM "RoleAssignment" r WHERE r."userId" = u.id), '[]'::json),
          'identity', (SELECT json_build_object('id', i.id) FROM "IdentityVerification" i WHERE i."userId" = u.id)
        ) AS "user"
      FROM "Session" s JOIN "User" u ON u.id = s."userId"
      WHERE s.id = ANY(${`{${ids.join(",")}}`}::text[])`;
    const byId = new Map(
      rows.map((r) => [
        r.id,
        {
          expiresAt: new Date(r.expiresAt),
          lastSeenAt: new Date(r.lastSeenAt),
          user: { ...r.user, suspendedUntil: r.user.suspendedUntil === null ? null : new Date(r.user.suspendedUntil) },
        },
      ]),
    );
    return ids.map((id) => byId.get(id) ?? null);
  }
  const sessionsTogether = createGroupCommit(readSessions, { concurrency: 2 });

  async function readSession(sessionId: string, now: number): Promise<Viewer> {
    const session = await sessionsTogether.submit(sessionId);
    if (!session || session.user.status === "DELETED") return null;
    if (session.expiresAt.getTime() <= now || session.lastSeenAt.getTime() + SESSION_IDLE_MS <= now) {
      await prisma.session.deleteMany({ where: { id: sessionId } });
      return null;
    }
    let lastSeenAt = session.lastSeenAt.getTime();
    if (lastSeenAt + TOUCH_INTERVAL_MS < now) {
      await prisma.session.updateMany({ where: { id: sessionId }, data: { lastSeenAt: new Date(now) } });
      lastSeenAt = now;
    }
    const { user } = session;
    const roles: Role[] = ["CITIZEN", ...user.roles.map((r) => r.role).filter((r) => r !== "CITIZEN")];
    const viewer: NonNullable<Viewer> = {
      id: user.id,
      displayName: user.displayName,
      roles,
      departmentId: user.roles.find((r) => r.role === "OFFICER")?.departmentId ?? null,
      verified: user.identity !== null,
      suspended: user.status === "SUSPENDED" && (!user.suspendedUntil || user.suspendedUntil.getTime() > now),
      sessionId,
    };
    // A suspension that ends by itself changes the viewer at that moment: remember it no longer than that.
    const until = viewer.suspended && user.suspendedUntil ? user.suspendedUntil.getTime() : Infinity;
    cache.set(sessionId, { viewer, expiresAt: Math.min(session.expiresAt.getTime(), until), lastSeenAt });
    return viewer;
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
