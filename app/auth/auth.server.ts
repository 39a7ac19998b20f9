// One auth core for all three edges: the signed session cookie holds only a session id;
// the domain's session service turns it into a viewer (or null). API clients may send the
// session token as `Authorization: Bearer <token>` instead (GraphQL only).
import { createCookie } from "@remix-run/node";
import type { SessionService } from "../domain/sessions/session.service.server.ts";
import type { Viewer } from "../domain/viewer.ts";

export const SESSION_COOKIE = "madang_session";

export function createAuth({ sessions, secret, secure }: { sessions: SessionService; secret: string; secure: boolean }) {
  const cookie = createCookie(SESSION_COOKIE, {
    httpOnly: true,
    sameSite: "lax",
    secure,
    path: "/",
    secrets: [secret],
  });

  async function sessionIdFromCookieHeader(cookieHeader: string | null | undefined): Promise<string | null> {
    if (!cookieHeader) return null;
    const value = await cookie.parse(cookieHeader).catch(() => null);
    return typeof value === "string" ? value : null;
  }

  async function viewerFromCookieHeader(cookieHeader: string | null | undefined): Promise<Viewer> {
    return sessions.viewerForSession(await sessionIdFromCookieHeader(cookieHeader));
  }

  function bearerToken(request: Request): string | null {
    const header = request.headers.get("authorization");
    const match = header ? /^Bearer\s+([\w-]{20,100})$/i.exec(header.trim()) : null;
    return match ? match[1]! : null;
  }

  return {
    sessionIdFromCookieHeader,
    viewerFromCookieHeader,
    viewerFromRequest: (request: Request) => viewerFromCookieHeader(request.headers.get("cookie")),
    /** GraphQL: a bearer token if present, otherwise the session cookie. */
    async viewerFromApiRequest(request: Request): Promise<Viewer> {
      const token = bearerToken(request);
      return token ? sessions.viewerForSession(token) : viewerFromCookieHeader(request.headers.get("cookie"));
    },
    /** Whether the request authenticates with a bearer token (not CSRF-prone). */
    usesBearerToken: (request: Request) => bearerToken(request) !== null,
    commit: (sessionId: string, expires: Date) => cookie.serialize(sessionId, { expires }),
    clear: () => cookie.serialize("", { maxAge: 0 }),
  };
}

export type Auth = ReturnType<typeof createAuth>;
