// DB-backed sessions: the cookie carries only a random id, so every session can be revoked.
// Until accounts land (issue #3), people sign in by choosing one of the seeded demo accounts.
import { randomBytes } from "node:crypto";
import type { PrismaClient } from "../db.ts";
import { AppError } from "../errors.ts";
import type { Clock, Viewer } from "../viewer.ts";

export const SESSION_TTL_MS = 30 * 24 * 60 * 60 * 1000;
export const DEMO_EMAIL_DOMAIN = "@demo.madang";

export type DemoAccount = { email: string; displayName: string; role: NonNullable<Viewer>["role"]; districtName: string | null; departmentName: string | null };

export function createSessionService({ prisma, clock }: { prisma: PrismaClient; clock: Clock }) {
  async function viewerForSession(sessionId: string | null | undefined): Promise<Viewer> {
    if (!sessionId || typeof sessionId !== "string" || sessionId.length > 100) return null;
    const session = await prisma.session.findUnique({
      where: { id: sessionId },
      select: {
        expiresAt: true,
        user: { select: { id: true, displayName: true, role: true, districtId: true, departmentId: true } },
      },
    });
    if (!session || session.expiresAt.getTime() <= clock.now().getTime()) return null;
    return session.user;
  }

  async function demoAccounts(): Promise<DemoAccount[]> {
    const users = await prisma.user.findMany({
      where: { email: { endsWith: DEMO_EMAIL_DOMAIN } },
      orderBy: { id: "asc" },
      select: { email: true, displayName: true, role: true, district: { select: { name: true } }, department: { select: { name: true } } },
    });
    return users.map((u) => ({
      email: u.email,
      displayName: u.displayName,
      role: u.role,
      districtName: u.district?.name ?? null,
      departmentName: u.department?.name ?? null,
    }));
  }

  /** Signs in as a seeded demo account. Returns the new session id. */
  async function startDemoSession(email: unknown): Promise<{ sessionId: string; expiresAt: Date }> {
    if (typeof email !== "string" || !email.endsWith(DEMO_EMAIL_DOMAIN)) {
      throw new AppError("VALIDATION", "errors.unknownDemoAccount");
    }
    const user = await prisma.user.findUnique({ where: { email }, select: { id: true } });
    if (!user) throw new AppError("VALIDATION", "errors.unknownDemoAccount");
    const sessionId = randomBytes(32).toString("base64url");
    const expiresAt = new Date(clock.now().getTime() + SESSION_TTL_MS);
    await prisma.session.create({ data: { id: sessionId, userId: user.id, expiresAt } });
    return { sessionId, expiresAt };
  }

  async function endSession(sessionId: string | null | undefined) {
    if (sessionId) await prisma.session.deleteMany({ where: { id: sessionId } });
  }

  return { viewerForSession, demoAccounts, startDemoSession, endSession };
}

export type SessionService = ReturnType<typeof createSessionService>;
