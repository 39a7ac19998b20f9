// Server helpers shared by the /admin routes: who may open the back office, and reading
// plain form and query values. Actions report a refusal with actionFailure (http.server.ts).
import { redirect, type AppLoadContext } from "@remix-run/node";
import { AppError } from "../../domain/errors.ts";
import { isModerator } from "../../domain/roles/roles.policy.ts";
import { requestLanguage, throwAsResponse } from "./http.server.ts";

/**
 * Loaders: anonymous people go to the login page (and come back here); people who are
 * neither moderator nor admin get a 403. Finer rules stay in the domain.
 */
export async function requireStaff(request: Request, context: AppLoadContext) {
  const lng = requestLanguage(request);
  const viewer = await context.auth.viewerFromRequest(request);
  if (!viewer) {
    const url = new URL(request.url);
    throw redirect(`/login?redirectTo=${encodeURIComponent(url.pathname + url.search)}`);
  }
  if (!isModerator(viewer)) throwAsResponse(new AppError("FORBIDDEN", "errors.forbidden"), lng);
  return { viewer, lng };
}

/** A form value as a trimmed string ("" when missing). */
export function field(form: FormData, name: string): string {
  const value = form.get(name);
  return typeof value === "string" ? value.trim() : "";
}

/** Page number from the query string, 1-based and bounded. */
export function pageParam(params: URLSearchParams): number {
  return Math.max(1, Math.min(10_000, Number.parseInt(params.get("page") ?? "1", 10) || 1));
}
