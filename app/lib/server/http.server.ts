// Remix edge helpers: the request's language and the mapping of domain errors to responses —
// one way for actions, one for loaders. Anything that is not an AppError is rethrown: it is a
// bug, and Remix's error boundary shows the generic page without a stack trace.
import { json, type TypedResponse } from "@remix-run/node";
import { isAppError, notFound } from "../../domain/errors.ts";
import { localizeAppError, type LocalizedError } from "../../i18n/errors.ts";
import { languageFromHeaders, type Language } from "../../i18n/i18n.ts";

export function requestLanguage(request: Request): Language {
  return languageFromHeaders(request.headers.get("cookie"), request.headers.get("accept-language"));
}

/**
 * For actions: an expected domain failure becomes `{ ...extra, error }` with the error's HTTP
 * status, `error` localized for the form to show (its message and its field issues). `extra`
 * carries what the page needs to show the refusal: the values as typed, which step, and so on.
 */
export function actionFailure<T extends Record<string, unknown> = Record<never, never>>(
  error: unknown,
  lng: Language,
  extra?: T,
): TypedResponse<T & { error: LocalizedError }> {
  if (!isAppError(error)) throw error;
  return json({ ...(extra as T), error: localizeAppError(error, lng) }, { status: error.httpStatus });
}

/** For loaders: an expected failure becomes a thrown response the error boundary renders. */
export function throwAsResponse(error: unknown, lng: Language): never {
  if (!isAppError(error)) throw error;
  // A page address whose id is not an id (/proposals/abc) names no page: 404, as for an unknown id.
  if (error.code === "VALIDATION" && error.issues.length > 0 && error.issues.every((i) => i.key === "validation.invalidId")) {
    throw json({ error: localizeAppError(notFound(), lng) }, { status: 404 });
  }
  throw json({ error: localizeAppError(error, lng) }, { status: error.httpStatus });
}
