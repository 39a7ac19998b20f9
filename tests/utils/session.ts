// Signs a test user in the way the web does: a DB session whose id travels in the signed cookie.
import { randomBytes } from "node:crypto";
import { createCookie } from "@remix-run/node";
import { SESSION_COOKIE } from "../../app/auth/auth.server.ts";
import type { PrismaClient } from "../../app/domain/db.ts";

export const TEST_SESSION_SECRET = "test-secret-0123456789abcdef";

export async function sessionCookieFor(prisma: PrismaClient, userId: number, secret = TEST_SESSION_SECRET): Promise<string> {
  const id = randomBytes(32).toString("base64url"); // shaped like real session ids
  await prisma.session.create({ data: { id, userId, expiresAt: new Date(Date.now() + 3600_000) } });
  const cookie = createCookie(SESSION_COOKIE, { secrets: [secret] });
  const setCookie = await cookie.serialize(id);
  return setCookie.split(";")[0]!;
}
