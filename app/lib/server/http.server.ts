// Remix edge helpers: language, viewer and the mapping of domain errors to responses.
import { json } from "@remix-run/node";
import { isAppError } from "../domain/errors.ts";
import { localizeAppError } from "../i18n/errors.ts";
import { languageFromHeaders, type Language } from "../i18n/i18n.ts";

export function requestLanguage(request: Request): Language {
  return languageFromHeaders(request.headers.get("cookie"), request.headers.get("accept-language"));
}

/** For actions: an expected domain failure becomes `{ error }` with its HTTP status. */
export function errorJson(error: unknown, lng: Language) {
  if (!isAppError(error)) throw error;
  return json({ error: localizeAppError(error, lng) }, { status: error.httpStatus });
}

/** For loaders: an expected failure becomes a thrown response the error boundary renders. */
export function throwAsResponse(error: unknown, lng: Language): never {
  if (!isAppError(error)) throw error;
  throw json({ error: localizeAppError(error, lng) }, { status: error.httpStatus });
}
