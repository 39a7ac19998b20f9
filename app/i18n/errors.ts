// Localizes domain errors for any edge.
import { isAppError, type AppError, type ErrorCode, type MessageParams } from "../domain/errors.ts";
import { translate, type Language } from "./i18n.ts";

export type LocalizedError = {
  code: ErrorCode;
  message: string;
  issues?: { path: string; message: string }[];
};

export function localizeError(error: unknown, lng: Language): LocalizedError {
  if (!isAppError(error)) return { code: "INTERNAL", message: translate(lng, "errors.internal") };
  return localizeAppError(error, lng);
}

/**
 * Picks the language's version of bilingual values and translates "@key" references
 * ("@a|b" translates each key and joins them as a list).
 */
export function localizeParams(params: MessageParams | undefined, lng: Language): Record<string, string | number> {
  const out: Record<string, string | number> = {};
  for (const [k, v] of Object.entries(params ?? {})) {
    if (typeof v === "object") out[k] = v[lng];
    else if (typeof v === "string" && v.startsWith("@"))
      out[k] = v
        .slice(1)
        .split("|")
        .map((key) => translate(lng, key))
        .join(lng === "ko" ? "·" : ", ");
    else out[k] = v;
  }
  return out;
}

export function localizeAppError(error: AppError, lng: Language): LocalizedError {
  const localized: LocalizedError = {
    code: error.code,
    message: translate(lng, error.messageKey, localizeParams(error.params, lng)),
  };
  if (error.issues.length) {
    localized.issues = error.issues.map((i) => ({ path: i.path, message: translate(lng, i.key, localizeParams(i.params, lng)) }));
  }
  return localized;
}
