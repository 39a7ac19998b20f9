import type { ActionFunctionArgs } from "@remix-run/node";
import { redirect } from "@remix-run/node";

export async function action({ request, context }: ActionFunctionArgs) {
  const sessionId = await context.auth.sessionIdFromCookieHeader(request.headers.get("cookie"));
  await context.domain.sessions.endSession(sessionId);
  return redirect("/", { headers: { "Set-Cookie": await context.auth.clear() } });
}

export const loader = () => redirect("/");
